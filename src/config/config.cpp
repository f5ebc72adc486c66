#include "kith/config.h"

#include <fmt/format.h>

#include <filesystem>
#include <functional>
#include <toml++/toml.h>

#include "kith/error.h"
#include "kith/text.h"

namespace kith {

namespace {

// Applies one key's TOML value to the config, or returns what is wrong with it. `name` is the
// last part of the key (the tag, for cadence.TAG).
using Apply = std::function<std::optional<std::string>(Config&, const toml::node&, const std::string& name)>;

struct KeyRule {
    ConfigKey key;
    Apply apply;
};

std::optional<std::string> apply_positive_int(int& target, const toml::node& node, int max) {
    auto value = node.value<int64_t>();
    if (!node.is_integer() || !value) return "expected an integer";
    if (*value < 1 || *value > max) return fmt::format("expected 1 to {}", max);
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

const std::vector<KeyRule>& key_rules() {
    static const std::vector<KeyRule> rules{
        {{"database", "string", "$XDG_DATA_HOME/kith/kith.db",
          "Database file; KITH_DB and --db take precedence."},
         [](Config& config, const toml::node& node, const std::string&) -> std::optional<std::string> {
             if (!node.is_string() || node.value<std::string>()->empty()) return "expected a file path";
             config.database = *node.value<std::string>();
             return std::nullopt;
         }},
        {{"color", "string", "auto", "auto, always or never; --color and NO_COLOR take precedence."},
         [](Config& config, const toml::node& node, const std::string&) -> std::optional<std::string> {
             auto value = node.value<std::string>();
             if (!node.is_string() || (*value != "auto" && *value != "always" && *value != "never"))
                 return "expected \"auto\", \"always\" or \"never\"";
             config.color = *value;
             return std::nullopt;
         }},
        {{"due.limit", "integer", "10", "At most this many people in `kith due`."},
         [](Config& config, const toml::node& node, const std::string&) {
             return apply_positive_int(config.due_limit, node, 10000);
         }},
        {{"due.birthday_window", "interval", "7d", "How far ahead `kith due` looks for birthdays."},
         [](Config& config, const toml::node& node, const std::string&) {
             return apply_interval(config.due_birthday_window, node);
         }},
        {{"due.follow_up", "interval", "30d",
          "How long after a note's event `kith due` says to follow up, until you log contact."},
         [](Config& config, const toml::node& node, const std::string&) {
             return apply_interval(config.due_follow_up, node);
         }},
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
         }},
        {{"questions.per_contact", "integer", "2", "Suggested questions shown under each person in `kith due`."},
         [](Config& config, const toml::node& node, const std::string&) {
             return apply_positive_int(config.questions_per_contact, node, 100);
         }},
    };
    return rules;
}

// The rule for a key; "cadence.TAG" matches cadence.<any tag>.
const KeyRule* find_rule(const std::string& key) {
    for (const auto& rule : key_rules()) {
        const auto& pattern = rule.key.key;
        if (pattern == key) return &rule;
        auto wildcard = pattern.find("TAG");
        if (wildcard != std::string::npos && key.size() > wildcard && key.compare(0, wildcard, pattern, 0, wildcard) == 0 &&
            key.find('.', wildcard) == std::string::npos)
            return &rule;
    }
    return nullptr;
}

// Walks nested tables, applying known keys; dotted keys name leaves.
void apply_table(const toml::table& table, const std::string& prefix, const std::string& path,
                 LoadedConfig& loaded) {
    for (const auto& [name, node] : table) {
        std::string key = prefix.empty() ? std::string(name.str()) : prefix + "." + std::string(name.str());
        if (const auto* rule = find_rule(key)) {
            if (auto problem = rule->apply(loaded.config, node, std::string(name.str())))
                throw usage_error(fmt::format("config {}: line {}: {}: {}", path, node.source().begin.line,
                                              key, *problem));
        } else if (const auto* nested = node.as_table()) {
            apply_table(*nested, key, path, loaded);
        } else {
            loaded.warnings.push_back(fmt::format("config {}: line {}: unknown key \"{}\" ignored", path,
                                                  node.source().begin.line, key));
        }
    }
}

std::string quoted(const std::string& text) { return fmt::format("\"{}\"", text); }

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
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return loaded;
    if (std::filesystem::is_directory(path, ec))
        throw usage_error(fmt::format("config {}: is a directory, not a file", path));
    loaded.file_exists = true;
    try {
        auto table = toml::parse_file(path);
        apply_table(table, "", path, loaded);
    } catch (const toml::parse_error& e) {
        throw usage_error(fmt::format("config {}: line {}: {}", path, e.source().begin.line, e.description()));
    }
    return loaded;
}

std::vector<std::pair<std::string, std::string>> config_values(const Config& config) {
    std::vector<std::pair<std::string, std::string>> values{
        {"database", config.database ? quoted(*config.database) : "(default)"},
        {"color", quoted(config.color)},
        {"due.limit", std::to_string(config.due_limit)},
        {"due.birthday_window", quoted(format_interval(config.due_birthday_window))},
        {"due.follow_up", quoted(format_interval(config.due_follow_up))},
    };
    for (const auto& [tag, cadence] : config.tag_cadences) values.emplace_back("cadence." + tag, quoted(format_cadence(cadence)));
    values.emplace_back("questions.per_contact", std::to_string(config.questions_per_contact));
    return values;
}

}  // namespace kith
