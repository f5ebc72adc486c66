#include "kith/config.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <functional>
#include <set>
#include <toml++/toml.h>

#include "kith/error.h"
#include "kith/phone.h"
#include "kith/text.h"

namespace kith {

namespace {

// Applies one key's TOML value to the config, or returns what is wrong with it. `name` is the
// last part of the key (the tag, for cadence.TAG).
using Apply = std::function<std::optional<std::string>(Config&, const toml::node&, const std::string& name)>;
// The key's effective value(s) as `key = value` TOML text, for `kith config`; a key standing for
// many (cadence.TAG) gives one line per tag set, possibly none.
using Show = std::function<std::vector<std::pair<std::string, std::string>>(const Config&, const std::string& key)>;

struct KeyRule {
    ConfigKey key;
    Apply apply;
    Show show;
};

std::string quoted(const std::string& text) { return fmt::format("\"{}\"", text); }

// A TOML key as written: bare when it can be ("clients"), else quoted ("\"Work Friends\"").
std::string quoted_key(const std::string& key) {
    const bool bare = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    return bare ? key : quoted(key);
}

// A Show for a key with exactly one value.
Show one(std::function<std::string(const Config&)> format) {
    return [format](const Config& config, const std::string& key) {
        return std::vector<std::pair<std::string, std::string>>{{key, format(config)}};
    };
}

std::optional<std::string> apply_positive_int(int& target, const toml::node& node, int max) {
    auto value = node.value<int64_t>();
    if (!node.is_integer() || !value) return "expected an integer";
    if (*value < 1 || *value > max) return fmt::format("expected 1 to {}", max);
    target = static_cast<int>(*value);
    return std::nullopt;
}

std::optional<std::string> apply_count(int& target, const toml::node& node, int max) {
    auto value = node.value<int64_t>();
    if (!node.is_integer() || !value) return "expected an integer";
    if (*value < 0 || *value > max) return fmt::format("expected 0 to {}", max);
    target = static_cast<int>(*value);
    return std::nullopt;
}

std::optional<std::string> apply_interval(Interval& target, const toml::node& node) {
    if (!node.is_string()) return "expected an interval such as \"7d\"";
    auto interval = parse_interval(*node.value<std::string>());
    if (!interval) return interval.error();
    target = *interval;
    return std::nullopt;
}

std::optional<std::string> optional_interval(const toml::table& table, const char* key,
                                             std::optional<Interval>& target) {
    const auto* node = table.get(key);
    if (!node) return std::nullopt;
    Interval interval;
    if (auto problem = apply_interval(interval, *node)) return fmt::format("{}: {}", key, *problem);
    target = interval;
    return std::nullopt;
}

// A rule's templates (the first that fills is asked), or the rule names it answers: one string,
// or a list of them; `what` names one in an error ("a question", "a rule name").
std::optional<std::string> string_list(const toml::table& table, const char* key, std::vector<std::string>& target,
                                       std::string_view what = "a question") {
    const auto* node = table.get(key);
    if (!node) return std::nullopt;
    if (node->is_string()) {
        target.push_back(*node->value<std::string>());
        return std::nullopt;
    }
    const auto* array = node->as_array();
    if (!array) return fmt::format("{}: expected {} or a list of them", key, what);
    for (const auto& item : *array) {
        if (!item.is_string()) return fmt::format("{}: expected {} or a list of them", key, what);
        target.push_back(*item.value<std::string>());
    }
    return std::nullopt;
}

std::optional<std::string> optional_flag(const toml::table& table, const char* key, bool& target) {
    const auto* node = table.get(key);
    if (!node) return std::nullopt;
    if (!node->is_boolean()) return fmt::format("{}: expected true or false", key);
    target = *node->value<bool>();
    return std::nullopt;
}

// One [[questions.rule]]: a name (else user1, user2 …) and a match; then either ask (a plain
// rule) or a kind with its templates. A user's regex must compile and the templates fit it; the
// built-in rules are checked by a test instead, not compiled twice on every run.
enum class Check { yes, no };
std::optional<std::string> read_question_rule(const toml::node& element, std::size_t number, QuestionRule& rule,
                                              Check check = Check::yes) {
    const auto* table = element.as_table();
    if (!table) return "expected a table with match and ask";
    static const std::set<std::string> keys{"name",     "id",       "match",      "ask",        "min_age",
                                            "max_age",  "kind",     "phrase",     "sensitive",  "good_news",
                                            "hold_banks", "recovery", "answers",
                                            "about_them", "before", "on",         "after",      "congrats",
                                            "during",   "later",    "after_for",  "before_for", "during_for"};
    for (const auto& [key, value] : *table) {
        auto name = std::string(key.str());
        if (!keys.count(name))
            return fmt::format("unknown key \"{}\" in a question rule (name, match, ask, min_age, max_age, kind, "
                               "phrase, before, on, after, congrats, during, later …)",
                               name);
        if ((name == "match" || name == "ask" || name == "id" || name == "name" || name == "kind") && !value.is_string())
            return fmt::format("{}: expected a string", name);
    }
    rule.id = fmt::format("user{}", number);
    if (const auto* id = table->get("id")) rule.id = *id->value<std::string>();
    if (const auto* name = table->get("name")) rule.id = *name->value<std::string>();
    rule.match = table->get("match") ? *table->get("match")->value<std::string>() : "";
    rule.ask = table->get("ask") ? *table->get("ask")->value<std::string>() : "";
    rule.kind = table->get("kind") ? *table->get("kind")->value<std::string>() : "";
    if (rule.match.empty() || (rule.kind.empty() && rule.ask.empty()))
        return "a question rule needs both match and ask (or a kind)";
    for (auto [key, target] : {std::pair{"min_age", &rule.min_age}, std::pair{"max_age", &rule.max_age},
                               std::pair{"after_for", &rule.after_for}, std::pair{"before_for", &rule.before_for},
                               std::pair{"during_for", &rule.during_for}})
        if (auto problem = optional_interval(*table, key, *target)) return problem;
    for (auto [key, target] : {std::pair{"sensitive", &rule.sensitive}, std::pair{"good_news", &rule.good_news},
                               std::pair{"about_them", &rule.about_them}, std::pair{"hold_banks", &rule.hold_banks},
                               std::pair{"recovery", &rule.recovery}})
        if (auto problem = optional_flag(*table, key, *target)) return problem;
    for (auto [key, target] : {std::pair{"before", &rule.before}, std::pair{"on", &rule.on},
                               std::pair{"after", &rule.after}, std::pair{"congrats", &rule.congrats},
                               std::pair{"during", &rule.during}})
        if (auto problem = string_list(*table, key, *target)) return problem;
    if (auto problem = string_list(*table, "answers", rule.answers, "a rule name")) return problem;
    if (auto problem = string_list(*table, "phrase", rule.phrase, "a phrase")) return problem;
    if (const auto* later = table->get("later")) {
        const auto* items = later->as_array();
        if (!items) return "later: expected a list of { from, to, ask }";
        for (const auto& item : *items) {
            const auto* entry = item.as_table();
            if (!entry) return "later: expected a list of { from, to, ask }";
            std::optional<Interval> from, to;
            if (auto problem = optional_interval(*entry, "from", from)) return problem;
            if (auto problem = optional_interval(*entry, "to", to)) return problem;
            const auto* ask = entry->get("ask");
            if (!from || !to || !ask || !ask->is_string()) return "later: each needs from, to and ask";
            rule.later.push_back({*from, *to, *ask->value<std::string>()});
        }
    }
    if (check == Check::no) return std::nullopt;
    try {
        check_question_rule(rule);
    } catch (const Error& e) {
        return std::string(e.what());
    }
    return std::nullopt;
}

std::optional<std::string> apply_question_rule(Config& config, const toml::node& element) {
    QuestionRule rule;
    if (auto problem = read_question_rule(element, config.question_rules.size() + 1, rule)) return problem;
    rule.source = fmt::format("line {}", element.source().begin.line);  // the file's path is added once read
    config.question_rules.push_back(std::move(rule));
    return std::nullopt;
}

const std::vector<KeyRule>& key_rules() {
    static const std::vector<KeyRule> rules{
        {{"database", "string", "$XDG_DATA_HOME/kith/kith.db",
          "Database file; KITH_DB and --db take precedence."},
         [](Config& config, const toml::node& node, const std::string&) -> std::optional<std::string> {
             if (!node.is_string() || node.value<std::string>()->empty()) return "expected a file path";
             config.database = *node.value<std::string>();
             return std::nullopt;
         },
         one([](const Config& config) { return config.database ? quoted(*config.database) : "(default)"; })},
        {{"color", "string", "auto", "auto, always or never; --color and NO_COLOR take precedence."},
         [](Config& config, const toml::node& node, const std::string&) -> std::optional<std::string> {
             auto value = node.value<std::string>();
             if (!node.is_string() || (*value != "auto" && *value != "always" && *value != "never"))
                 return "expected \"auto\", \"always\" or \"never\"";
             config.color = *value;
             return std::nullopt;
         },
         one([](const Config& config) { return quoted(config.color); })},
        {{"due.limit", "integer", "10", "At most this many people in `kith due`."},
         [](Config& config, const toml::node& node, const std::string&) {
             return apply_positive_int(config.due_limit, node, 10000);
         },
         one([](const Config& config) { return std::to_string(config.due_limit); })},
        {{"due.birthday_window", "interval", "7d", "How far ahead `kith due` looks for birthdays."},
         [](Config& config, const toml::node& node, const std::string&) {
             return apply_interval(config.due_birthday_window, node);
         },
         one([](const Config& config) { return quoted(format_interval(config.due_birthday_window)); })},
        {{"due.follow_up", "interval", "30d",
          "How long after a note's event `kith due` says to follow up, until you log contact."},
         [](Config& config, const toml::node& node, const std::string&) {
             return apply_interval(config.due_follow_up, node);
         },
         one([](const Config& config) { return quoted(format_interval(config.due_follow_up)); })},
        {{"cadence.TAG", "cadence", "(none)",
          "Check-in cadence for people with tag TAG and no cadence of their own, e.g. client = \"30d\"."},
         [](Config& config, const toml::node& node, const std::string& tag) -> std::optional<std::string> {
             if (!node.is_string()) return "expected a cadence such as \"30d\" or \"3w..6w\"";
             auto cadence = parse_cadence(*node.value<std::string>());
             if (!cadence) return cadence.error();
             std::string_view name = tag;
             if (!name.empty() && name.front() == '#') name.remove_prefix(1);  // "#client" means client
             config.tag_cadences.emplace_back(fold_case(name), *cadence);
             return std::nullopt;
         },
         [](const Config& config, const std::string&) {
             std::vector<std::pair<std::string, std::string>> values;
             for (const auto& [tag, cadence] : config.tag_cadences)
                 values.emplace_back("cadence." + tag, quoted(format_cadence(cadence)));
             return values;
         }},
        {{"questions.per_contact", "integer", "2", "Suggested questions shown under each person in `kith due`."},
         [](Config& config, const toml::node& node, const std::string&) {
             return apply_positive_int(config.questions_per_contact, node, 100);
         },
         one([](const Config& config) { return std::to_string(config.questions_per_contact); })},
        {{"questions.rule", "array of tables", "(none)",
          "Your own question rules: match (regex, captures as {1}), ask (template), optional min_age/max_age."},
         [](Config& config, const toml::node& node, const std::string&) -> std::optional<std::string> {
             const auto* tables = node.as_array();
             if (!tables) return "expected [[questions.rule]] tables";
             for (const auto& element : *tables) {
                 if (auto problem = apply_question_rule(config, element))
                     return fmt::format("line {}: {}", element.source().begin.line, *problem);
             }
             return std::nullopt;
         },
         [](const Config& config, const std::string&) {
             std::vector<std::pair<std::string, std::string>> values;
             for (const auto& rule : config.question_rules)
                 values.emplace_back("questions.rule",
                                     rule.kind.empty()
                                         ? fmt::format("{{ name = {}, match = {}, ask = {} }}", quoted(rule.id),
                                                       quoted(rule.match), quoted(rule.ask))
                                         : fmt::format("{{ name = {}, kind = {}, match = {} }}", quoted(rule.id),
                                                       quoted(rule.kind), quoted(rule.match)));
             return values;
         }},
        {{"questions.bank.TAG", "array of strings", "(built-in banks)",
          "Questions for people with tag TAG; replaces kith's own bank for that tag."},
         [](Config& config, const toml::node& node, const std::string& tag) -> std::optional<std::string> {
             const auto* questions = node.as_array();
             if (!questions || questions->empty()) return "expected a list of questions";
             std::vector<std::string> bank;
             for (const auto& question : *questions) {
                 if (!question.is_string() || question.value<std::string>()->empty())
                     return "expected a list of questions (strings)";
                 bank.push_back(*question.value<std::string>());
             }
             config.question_banks[fold_case(tag)] = std::move(bank);
             return std::nullopt;
         },
         [](const Config& config, const std::string&) {
             std::vector<std::pair<std::string, std::string>> values;
             for (const auto& [tag, bank] : config.question_banks)
                 values.emplace_back("questions.bank." + tag, fmt::format("[{} questions]", bank.size()));
             return values;
         }},
        {{"import.labels.LABEL", "string", "(none)",
          "The tag a label from another address book becomes on import, e.g. clients = \"client\"."},
         [](Config& config, const toml::node& node, const std::string& label) -> std::optional<std::string> {
             if (!node.is_string()) return "expected a tag such as \"client\"";
             const std::string text = *node.value<std::string>();  // owned: `tag` looks into it
             std::string_view tag = text;
             if (!tag.empty() && tag.front() == '#') tag.remove_prefix(1);  // "#client" means client
             if (tag.empty() || tag.find_first_of(" ,\t") != std::string_view::npos || !is_valid_utf8(tag) ||
                 has_control_characters(tag))
                 return "expected a tag: one word such as \"client\"";
             config.import_labels[fold_case(trim(label))] = fold_case(tag);
             return std::nullopt;
         },
         [](const Config& config, const std::string&) {
             std::vector<std::pair<std::string, std::string>> values;
             for (const auto& [label, tag] : config.import_labels)
                 values.emplace_back("import.labels." + quoted_key(label), quoted(tag));
             return values;
         }},
        {{"sync.vdir", "string", "(none)",
          "The folder `kith sync` keeps in step with kith: one .vcf per person, as vdirsyncer's filesystem "
          "storage keeps it; --vdir takes precedence. A leading ~/ is your home."},
         [](Config& config, const toml::node& node, const std::string&) -> std::optional<std::string> {
             if (!node.is_string() || node.value<std::string>()->empty()) return "expected a folder path";
             config.sync_vdir = *node.value<std::string>();
             return std::nullopt;
         },
         one([](const Config& config) {
             return config.sync_vdir.empty() ? std::string("(none)") : quoted(config.sync_vdir);
         })},
        {{"sync.vcard_version", "integer", "3",
          "vCard version of the cards `kith sync` writes: 3 (what Google reads) or 4; --vcard-version takes "
          "precedence."},
         [](Config& config, const toml::node& node, const std::string&) -> std::optional<std::string> {
             auto version = node.value<std::int64_t>();
             if (!node.is_integer() || (*version != 3 && *version != 4)) return "expected 3 or 4";
             config.sync_vcard_version = static_cast<int>(*version);
             return std::nullopt;
         },
         one([](const Config& config) { return std::to_string(config.sync_vcard_version); })},
        {{"show.photo", "boolean", "true",
          "`kith show` draws the person's photo on a terminal that can (never when piped, with --format, "
          "or without colour)."},
         [](Config& config, const toml::node& node, const std::string&) -> std::optional<std::string> {
             if (!node.is_boolean()) return "expected true or false";
             config.show_photo = *node.value<bool>();
             return std::nullopt;
         },
         one([](const Config& config) { return std::string(config.show_photo ? "true" : "false"); })},
        {{"undo.keep", "integer", "100", "Commands `kith undo` can take back, newest first; 0 keeps none."},
         [](Config& config, const toml::node& node, const std::string&) {
             return apply_count(config.undo_keep, node, 100000);
         },
         one([](const Config& config) { return std::to_string(config.undo_keep); })},
        {{"phone.region", "string", "(the locale's)",
          "Country of phone numbers written without their country code, as an ISO 3166 code (\"GB\"); "
          "default: the country of LC_ALL, LC_TELEPHONE or LANG (en_GB.UTF-8: GB), else the database's."},
         [](Config& config, const toml::node& node, const std::string&) -> std::optional<std::string> {
             auto code = node.is_string() ? region_code(*node.value<std::string>()) : std::nullopt;
             if (!code) return "expected a two-letter country code such as \"GB\" or \"US\"";
             // The United Kingdom's code is GB; UK is only reserved for it, and libphonenumber does not know it.
             if (*code == "UK") return "the United Kingdom's code is \"GB\", not \"UK\"";
             config.phone_region = *code;
             return std::nullopt;
         },
         one([](const Config& config) {
             return config.phone_region.empty() ? std::string("(the locale's)") : quoted(config.phone_region);
         })},
    };
    return rules;
}

// Where a key's last part stands for any name (cadence.TAG, import.labels.LABEL); npos for none.
std::size_t wildcard_of(const std::string& pattern) {
    for (std::string_view name : {"TAG", "LABEL"})
        if (pattern.ends_with(name) && pattern.size() > name.size() && pattern[pattern.size() - name.size() - 1] == '.')
            return pattern.size() - name.size();
    return std::string::npos;
}

// The rule for a key; "cadence.TAG" matches cadence.<any tag>.
const KeyRule* find_rule(const std::string& key) {
    for (const auto& rule : key_rules()) {
        const auto& pattern = rule.key.key;
        if (pattern == key) return &rule;
        auto wildcard = wildcard_of(pattern);
        if (wildcard != std::string::npos && key.size() > wildcard && key.compare(0, wildcard, pattern, 0, wildcard) == 0 &&
            key.find('.', wildcard) == std::string::npos)
            return &rule;
    }
    return nullptr;
}

// " (did you mean "due.limit"?)" for a mistyped key, or "". A key standing for any tag is
// offered with the tag as typed: "cadance.client" meant "cadence.client".
std::string did_you_mean(const std::string& key) {
    auto last_dot = key.rfind('.');
    std::string last = last_dot == std::string::npos ? key : key.substr(last_dot + 1);
    std::vector<std::string> candidates;
    for (const auto& rule : key_rules()) {
        auto name = rule.key.key;
        if (auto wildcard = wildcard_of(name); wildcard != std::string::npos) {
            if (std::count(name.begin(), name.end(), '.') != std::count(key.begin(), key.end(), '.')) continue;
            name.replace(wildcard, std::string::npos, last);
        }
        candidates.push_back(name);
    }
    auto close = nearest(key, candidates);
    if (close.empty()) return "";
    std::vector<std::string> quoted_names;
    for (const auto& name : close) quoted_names.push_back(quoted(name));
    return fmt::format(" (did you mean {}?)", join(quoted_names, " or "));
}

// Walks nested tables, applying known keys; dotted keys name leaves.
void apply_table(const toml::table& table, const std::string& prefix, const std::string& path,
                 LoadedConfig& loaded) {
    for (const auto& [name, node] : table) {
        std::string key = prefix.empty() ? std::string(name.str()) : prefix + "." + std::string(name.str());
        if (const auto* rule = find_rule(key)) {
            if (auto problem = rule->apply(loaded.config, node, std::string(name.str()))) {
                // A problem inside an array of tables names its own line.
                if (problem->rfind("line ", 0) == 0)
                    throw usage_error(fmt::format("config {}: {}", path, *problem));
                throw usage_error(fmt::format("config {}: line {}: {}: {}", path, node.source().begin.line,
                                              key, *problem));
            }
        } else if (const auto* nested = node.as_table()) {
            apply_table(*nested, key, path, loaded);
        } else {
            loaded.warnings.push_back(fmt::format("config {}: line {}: unknown key \"{}\" ignored{}", path,
                                                  node.source().begin.line, key, did_you_mean(key)));
        }
    }
}

}  // namespace

const std::vector<ConfigKey>& config_keys() {
    static const std::vector<ConfigKey> keys = [] {
        std::vector<ConfigKey> out;
        for (const auto& rule : key_rules()) out.push_back(rule.key);
        return out;
    }();
    return keys;
}

LoadedConfig load_config(const std::string& path) {
    LoadedConfig loaded;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR) return loaded;  // no file: the defaults
        throw runtime_error(fmt::format("config {}: cannot read it: {}", path, std::strerror(errno)));
    }
    if (S_ISDIR(st.st_mode)) throw usage_error(fmt::format("config {}: is a directory, not a file", path));
    std::ifstream file(path, std::ios::binary);
    if (!file) throw runtime_error(fmt::format("config {}: cannot read it: {}", path, std::strerror(errno)));
    // A config is a page of settings; a megabyte is a mistake (--config /dev/zero), not a file.
    constexpr std::size_t max_config_bytes = std::size_t{1} << 20;
    std::string text(max_config_bytes + 1, '\0');
    file.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(file.gcount()));
    if (file.bad()) throw runtime_error(fmt::format("config {}: cannot read it", path));
    if (text.size() > max_config_bytes) throw usage_error(fmt::format("config {}: longer than 1 MiB", path));
    loaded.file_exists = true;
    try {
        auto table = toml::parse(text, path);
        apply_table(table, "", path, loaded);
        for (auto& rule : loaded.config.question_rules) rule.source = fmt::format("config {}: {}", path, rule.source);
    } catch (const toml::parse_error& e) {
        throw usage_error(fmt::format("config {}: line {}: {}", path, e.source().begin.line, e.description()));
    }
    return loaded;
}

namespace {

std::map<std::string, std::vector<std::string>> banks_in(const toml::table& table) {
    std::map<std::string, std::vector<std::string>> out;
    if (const auto* banks = table["questions"]["bank"].as_table()) {
        for (const auto& [tag, questions] : *banks) {
            auto& bank = out[std::string(tag.str())];
            if (const auto* list = questions.as_array())
                for (const auto& question : *list)
                    if (const auto* text = question.as_string()) bank.push_back(text->get());
        }
    }
    return out;
}

}  // namespace

const QuestionData& builtin_questions() {
    static const QuestionData data = [] {
        QuestionData out;
        const auto table = toml::parse(builtin_rules_toml(), std::string_view("rules.toml"));
        if (const auto* rules = table["questions"]["rule"].as_array()) {
            for (const auto& element : *rules) {
                QuestionRule rule;
                if (auto problem = read_question_rule(element, out.rules.size() + 1, rule, Check::no))
                    throw runtime_error(fmt::format("built-in rules.toml: line {}: {}", element.source().begin.line,
                                                    *problem));
                out.rules.push_back(std::move(rule));
            }
        }
        if (const auto* dates = table["questions"]["dates"].as_table()) {
            for (const auto& [name, days] : *dates) {
                auto& list = out.dates[std::string(name.str())];
                if (const auto* items = days.as_array())
                    for (const auto& day : *items)
                        if (const auto* text = day.as_string())
                            if (auto parsed = parse_iso_date(text->get())) list.push_back(*parsed);
            }
        }
        out.banks = banks_in(table);
        return out;
    }();
    return data;
}

const std::map<std::string, std::vector<std::string>>& builtin_question_banks() {
    // `due` needs the banks on every run, the rules only when a note is read again; parsing the
    // whole file costs more than the rest of `due`. The banks are the file's last table, so
    // parsing from their header on gives them alone (from anywhere else, more, never less).
    static const auto banks = [] {
        const auto text = builtin_rules_toml();
        const auto at = text.find("\n[questions.bank]");
        if (at == std::string_view::npos) return builtin_questions().banks;
        return banks_in(toml::parse(text.substr(at), std::string_view("rules.toml")));
    }();
    return banks;
}

std::vector<std::pair<std::string, std::string>> config_values(const Config& config) {
    std::vector<std::pair<std::string, std::string>> values;
    for (const auto& rule : key_rules()) {
        auto shown = rule.show(config, rule.key.key);
        values.insert(values.end(), shown.begin(), shown.end());
    }
    return values;
}

}  // namespace kith
