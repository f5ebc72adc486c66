// Settings from config.toml, driven by one key table (validation, `kith config`, docs).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kith/dates.h"
#include "kith/questions.h"

namespace kith {

struct Config {
    std::optional<std::string> database;  // overridden by KITH_DB and --db
    std::string color = "auto";           // overridden by --color
    int due_limit = 10;
    Interval due_birthday_window{7, Interval::Unit::days};
    Interval due_follow_up{30, Interval::Unit::days};
    // [cadence] client = "30d": the check-in cadence of people with that tag and none of their own.
    std::vector<std::pair<std::string, Cadence>> tag_cadences;
    int questions_per_contact = 2;
    std::vector<QuestionRule> question_rules;                          // [[questions.rule]]
    std::map<std::string, std::vector<std::string>> question_banks;    // [questions.bank]
    int undo_keep = 100;  // commands `kith undo` can go back through; 0 keeps none
    // Where phone numbers written without a country code are from (ISO 3166: "GB"); "" means
    // the locale's territory (kith/phone.h).
    std::string phone_region;
    // [import.labels] clients = "client": the tag another address book's label becomes (keys folded).
    std::map<std::string, std::string> import_labels;
    // `kith sync`: the vdir (one .vcf per person), and the vCard version of the cards kith writes.
    std::string sync_vdir;
    int sync_vcard_version = 3;
    bool show_photo = true;  // `kith show` draws the photo on a terminal that can
};

struct ConfigKey {
    std::string key;  // dotted: due.limit; "cadence.TAG" stands for any tag, "import.labels.LABEL" any label
    std::string type;
    std::string default_value;
    std::string description;
};

const std::vector<ConfigKey>& config_keys();

// Reads the file at `path`. A missing file gives the defaults. A broken file, a wrong type or
// a bad value is a usage error: `config PATH: line N: what`. Unknown keys are returned as
// warnings rather than refused, so an older kith can read a newer config.
struct LoadedConfig {
    Config config;
    bool file_exists = false;
    std::vector<std::string> warnings;
};
LoadedConfig load_config(const std::string& path);

// The question rules and tag banks built into kith (src/questions/rules.toml), read once.
struct QuestionData {
    std::vector<QuestionRule> rules;
    std::map<std::string, std::vector<std::string>> banks;
    std::map<std::string, std::vector<Date>> dates;  // [questions.dates]: the days of feasts that move
};
const QuestionData& builtin_questions();
// builtin_questions().banks alone, without reading the rules.
const std::map<std::string, std::vector<std::string>>& builtin_question_banks();

// The effective value of every key, as `key = value` TOML text, in table order.
std::vector<std::pair<std::string, std::string>> config_values(const Config& config);

}  // namespace kith
