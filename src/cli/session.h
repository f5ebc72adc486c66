// What every command shares: global options, and the config, database and today's date,
// each loaded only when a command first asks for it (so --version and --help touch nothing).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kith/config.h"
#include "kith/dates.h"
#include "kith/output.h"
#include "kith/paths.h"
#include "kith/questions.h"
#include "kith/store.h"

namespace kith::cli {

struct GlobalOptions {
    std::string db;
    std::string config;
    std::string today;
    std::string color;
};

class Session {
public:
    GlobalOptions options;
    Environment env;
    bool quiet = false;  // warnings are dropped (shell completion must not write to the terminal)
    // The command being run and the words after it, as typed: what its writes are kept as in
    // the undo history unless it says better (describe_writes).
    std::string command;
    std::vector<std::string> arguments;

    const Config& config();
    std::optional<std::string> config_path();  // nothing: no file to read, the defaults
    std::string config_source();  // which of --config, KITH_CONFIG or the default chose it
    std::string db_path();
    std::string db_source();
    Store& store(Store::Access access);
    // The store for commands that use what kith understood of notes (due, ask): every note read
    // with the rules in force, reading again those read with others (the config changed).
    Store& store_for_questions();
    // Where phone numbers written without a country code are from: phone.region, else the
    // territory of the locale (LC_ALL, LC_TELEPHONE, LANG: the first one set), else "".
    std::string phone_region();
    // What this command's writes did, in a line after its name, for `kith undo` and its list:
    // `for Sam Lee (#3): "Her mum is…"`. Call before the write.
    void describe_writes(std::string summary);
    // A database failure in words that name the file, once a database was opened.
    std::optional<std::string> database_failure(const std::exception& e) const;
    Date today();
    std::string today_source();
    // Where kith makes its private temp files: $TMPDIR, else /tmp.
    std::string temp_directory() const;
    // The style for a command's --format value ("" = text on a terminal, plain otherwise).
    Style style(const std::string& format);
    // Built-in question rules and banks with the user's from the config.
    QuestionSettings question_settings();

    void warn(const std::string& message);

private:
    std::optional<LoadedConfig> loaded_config_;
    std::unique_ptr<Store> store_;
    std::optional<std::string> summary_;  // set by describe_writes
    std::optional<Date> today_;
    std::optional<QuestionSettings> question_settings_;
};

}  // namespace kith::cli
