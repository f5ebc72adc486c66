#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "kith/config.h"
#include "kith/core.h"
#include "kith/error.h"
#include "kith/questions.h"

using namespace kith;

namespace {

struct ConfigFile {
    std::string path;
    explicit ConfigFile(const std::string& content) {
        path = (std::filesystem::temp_directory_path() / ("kith-config-" + std::to_string(::getpid()) + ".toml")).string();
        std::ofstream(path) << content;
    }
    ~ConfigFile() { std::remove(path.c_str()); }
};

std::string error_of(const std::string& content) {
    ConfigFile file(content);
    try {
        load_config(file.path);
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::usage);
        return e.what();
    }
    FAIL("config was accepted: ", content);
    return {};
}

// A rule of the user's, as [[questions.rule]] would give it.
QuestionRule user_rule(const std::string& match, const std::string& ask, const std::string& source = "") {
    QuestionRule rule;
    rule.id = "user1";
    rule.match = match;
    rule.ask = ask;
    rule.source = source;
    return rule;
}

}  // namespace

TEST_CASE("a missing config file gives the defaults") {
    auto loaded = load_config("/nonexistent/kith/config.toml");
    CHECK_FALSE(loaded.file_exists);
    CHECK(loaded.config.due_limit == 10);
    CHECK(loaded.config.questions_per_contact == 2);
    CHECK(loaded.config.due_birthday_window == Interval{7, Interval::Unit::days});
}

TEST_CASE("known keys are read, in tables or dotted") {
    ConfigFile file("color = \"never\"\n[due]\nlimit = 5\nbirthday_window = \"2w\"\n[questions]\nper_contact = 3\n");
    auto loaded = load_config(file.path);
    CHECK(loaded.file_exists);
    CHECK(loaded.config.color == "never");
    CHECK(loaded.config.due_limit == 5);
    CHECK(loaded.config.due_birthday_window == Interval{2, Interval::Unit::weeks});
    CHECK(loaded.config.questions_per_contact == 3);
    CHECK(loaded.warnings.empty());
    ConfigFile dotted("due.limit = 4\n");
    CHECK(load_config(dotted.path).config.due_limit == 4);
}

TEST_CASE("a broken file names the file and the line") {
    auto message = error_of("color = \"auto\"\n[due\nlimit = 3\n");
    CHECK(message.find("config ") == 0);
    CHECK(message.find(": line 2: ") != std::string::npos);
}

TEST_CASE("wrong types and bad values are refused with the key named") {
    CHECK(error_of("[due]\nlimit = \"ten\"\n").find("line 2: due.limit: expected an integer") != std::string::npos);
    CHECK(error_of("due.limit = 0\n").find("due.limit: expected 1 to") != std::string::npos);
    CHECK(error_of("color = \"sometimes\"\n").find("color: expected") != std::string::npos);
    CHECK(error_of("due.birthday_window = \"soon\"\n").find("bad interval \"soon\"") != std::string::npos);
}

TEST_CASE("unknown keys are warnings, not errors") {
    ConfigFile file("colour = \"never\"\n");
    auto loaded = load_config(file.path);
    REQUIRE(loaded.warnings.size() == 1);
    CHECK(loaded.warnings[0].find("unknown key \"colour\"") != std::string::npos);
}

TEST_CASE("every key in the table shows in the effective values") {
    ConfigFile file("[cadence]\nclient = \"30d\"\nfriend = \"3w..6w\"\n");
    auto loaded = load_config(file.path);
    CHECK(loaded.warnings.empty());
    std::vector<std::string> shown;
    for (const auto& [key, value] : config_values(loaded.config)) shown.push_back(key);
    for (const auto& key : config_keys()) {
        if (key.key == "cadence.TAG" || key.key == "questions.bank.TAG" || key.key == "questions.rule" ||
            key.key == "import.labels.LABEL")
            continue;
        CHECK_MESSAGE(std::find(shown.begin(), shown.end(), key.key) != shown.end(), key.key);
    }
    CHECK(std::find(shown.begin(), shown.end(), "cadence.client") != shown.end());
    CHECK(std::find(shown.begin(), shown.end(), "cadence.friend") != shown.end());
}

TEST_CASE("per-tag cadences are read from [cadence] and checked") {
    ConfigFile file("[cadence]\n\"#Client\" = \"30d\"\n");
    auto loaded = load_config(file.path);
    REQUIRE(loaded.config.tag_cadences.size() == 1);
    CHECK(loaded.config.tag_cadences[0].first == "client");
    CHECK(error_of("[cadence]\nclient = \"often\"\n").find("line 2: cadence.client: bad") != std::string::npos);
    CHECK(error_of("[cadence]\nclient = 30\n").find("cadence.client: expected a cadence") != std::string::npos);
}

TEST_CASE("an unknown key's warning names the nearest valid key") {
    ConfigFile file("[due]\nlimt = 5\n[cadance]\nclient = \"30d\"\n[questions]\nshoe_size = 44\n");
    auto loaded = load_config(file.path);
    REQUIRE(loaded.warnings.size() == 3);  // in key order
    CHECK(loaded.warnings[0].find("(did you mean \"cadence.client\"?)") != std::string::npos);
    CHECK(loaded.warnings[1].find("line 2: unknown key \"due.limt\" ignored (did you mean \"due.limit\"?)") !=
          std::string::npos);
    CHECK(loaded.warnings[2].find("unknown key \"questions.shoe_size\" ignored") != std::string::npos);
    CHECK(loaded.warnings[2].find("did you mean") == std::string::npos);
}

TEST_CASE("every built-in question rule passes the checks a user's rule must pass") {
    // builtin_questions() skips them on every run; a broken rule in rules.toml is caught here.
    const auto& builtin = builtin_questions();
    CHECK(builtin.rules.size() > 50);
    for (const auto& rule : builtin.rules) {
        const std::string name = rule.id;
        CAPTURE(name);
        CHECK_NOTHROW(check_question_rule(rule));
    }
}

TEST_CASE("question settings: ours with the user's, whose bank replaces ours of the same tag") {
    const auto& builtin = builtin_questions();
    REQUIRE_FALSE(builtin.banks.empty());
    const auto tag = builtin.banks.begin()->first;
    Config config;
    config.question_banks[tag] = {"Mine?"};
    config.question_banks["zzz-new"] = {"New?"};
    config.due_birthday_window = Interval{2, Interval::Unit::weeks};
    auto settings = question_settings(config);
    CHECK(settings.banks[tag] == std::vector<std::string>{"Mine?"});
    CHECK(settings.banks["zzz-new"] == std::vector<std::string>{"New?"});
    CHECK(settings.banks.size() == builtin.banks.size() + 1);
    CHECK(settings.birthday_window == Interval{2, Interval::Unit::weeks});
    CHECK(settings.rules->rules().size() == builtin.rules.size());
}

TEST_CASE("question settings: the tag banks read alone are the whole file's, and a user's rule changes the fingerprint") {
    // `due` reads only the banks; a bank left out here would be a question never asked.
    CHECK(builtin_question_banks() == builtin_questions().banks);
    Config config;
    const auto plain = question_settings(config).rules->fingerprint();
    CHECK(question_settings(config).rules->fingerprint() == plain);  // stable: stored readings stay valid
    config.question_rules.push_back(user_rule("\\bkayak", "How is the kayaking?"));
    const auto settings = question_settings(config);
    CHECK(settings.rules->fingerprint() != plain);  // notes are read again with the new rule
    CHECK(settings.rules->rules().back().id == "user1");
    CHECK(settings.rules->rules().size() == builtin_questions().rules.size() + 1);
}

TEST_CASE("question settings: a saved rule book reads notes as the rules it was saved from, and only the same rules take it back") {
    Config config;
    config.question_rules.push_back(user_rule("\\bkayak\\w*", "How is the kayaking?", "config test: line 4"));
    const auto compiled = question_settings(config).rules;
    const auto saved = compiled->saved();
    REQUIRE_FALSE(saved.empty());

    const auto restored = question_settings(config).rules;
    CHECK_FALSE(restored->loaded());
    REQUIRE(restored->restore(saved));
    CHECK(restored->loaded());
    CHECK_FALSE(restored->restore(saved));  // taken back once; a loaded book stays as it is
    REQUIRE(restored->rules().size() == compiled->rules().size());
    CHECK(restored->rules().back().source == "config test: line 4");
    CHECK(restored->dates() == compiled->dates());
    // The same readings, from a user rule, a built-in one, a feast's day and a timed event.
    for (const std::string text : {"Went kayaking in Wales", "Mum is having a hip operation on 3 March",
                                   "Celebrating Diwali with the family", "I'll send her the deck by Friday",
                                   "Not a Yankees fan"}) {
        Note note;
        note.id = 1;
        note.text = text;
        note.on = Date{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{22}};
        CAPTURE(text);
        CHECK(reading_to_json(read_note(note, *restored)) == reading_to_json(read_note(note, *compiled)));
    }

    // Other rules, the same rule moved in the config file, or damaged bytes: not taken back.
    Config other = config;
    other.question_rules.back().ask = "How is the paddling?";
    CHECK_FALSE(question_settings(other).rules->restore(saved));
    Config moved = config;
    moved.question_rules.back().source = "config test: line 9";
    CHECK_FALSE(question_settings(moved).rules->restore(saved));
    auto damaged = saved;
    damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x20);
    for (const auto& bytes : {damaged, saved.substr(0, saved.size() / 2), std::string("not a rule book"), std::string()})
        CHECK_FALSE(question_settings(config).rules->restore(bytes));
}

TEST_CASE("question settings: a rule book with a pattern that does not compile is not saved") {
    Config config;
    config.question_rules.push_back(user_rule("(unclosed", "Why?"));
    CHECK(question_settings(config).rules->saved().empty());
}
