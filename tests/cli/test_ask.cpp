// `kith ask`, `log --asked` and questions under `kith due`, through the real binary. The
// questions here come from notes and from rules and banks in the config, so the tests do not
// depend on the wording of the built-in rules (tests/unit/test_questions.cpp covers those).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

#include "harness.h"

using kith::test::Sandbox;
using kith::test::check_error;
using kith::test::lines_of;

namespace {

const char* config_with_rules =
    "[[questions.rule]]\n"
    "id = \"boat\"\n"
    "match = 'bought a boat called (\\w+)'\n"
    "ask = \"How is {1} sailing?\"\n"
    "min_age = \"1w\"\n"
    "[questions.bank]\n"
    "client = [\"What is keeping you up at night?\", \"Anything we could do better?\"]\n";

}  // namespace

TEST_CASE("ask: explicit asks first, then rules, then the tag bank, each with an id and a source") {
    Sandbox box;
    box.write_file(box.config, config_with_rules);
    box.ok({"add", "Sam Smith", "--tag", "client"});
    box.ok({"note", "sam", "--on", "2026-11-01", "Just bought a boat called Wavelength"});
    box.ok({"note", "sam", "--on", "2026-11-10", "Is Emma graduating this year?"});
    auto tsv = lines_of(box.ok({"ask", "sam", "--format", "tsv"}));
    REQUIRE(tsv.size() >= 4);
    CHECK(tsv[0] == "n2\tIs Emma graduating this year?\tnote 2 (2026-11-10)");
    CHECK(tsv[1] == "r1:boat\tHow is Wavelength sailing?\tnote 1 (2026-11-01)");
    CHECK(tsv[2] == "t:client:1\tWhat is keeping you up at night?\ttag client");
    CHECK(tsv[3] == "t:client:2\tAnything we could do better?\ttag client");
}

TEST_CASE("ask: a rule's age window holds it back until the note is old enough") {
    Sandbox box;
    box.write_file(box.config, config_with_rules);
    box.ok({"add", "Sam Smith"});
    box.ok({"note", "sam", "--on", "2026-11-20", "Just bought a boat called Wavelength"});
    CHECK(box.ok({"ask", "sam", "--format", "tsv"}).find("r1:boat") == std::string::npos);
    box.today = "2026-11-27";
    CHECK(box.ok({"ask", "sam", "--format", "tsv"}).find("r1:boat") != std::string::npos);
}

TEST_CASE("log --asked: an asked question does not come back") {
    Sandbox box;
    box.write_file(box.config, config_with_rules);
    box.ok({"add", "Sam Smith", "--tag", "client"});
    box.ok({"note", "sam", "Is Emma graduating this year?"});
    box.ok({"log", "sam", "--via", "call", "--asked", "n1,t:client:1"});
    auto tsv = box.ok({"ask", "sam", "--format", "tsv"});
    CHECK(tsv.find("n1\t") == std::string::npos);
    CHECK(tsv.find("t:client:1\t") == std::string::npos);
    CHECK(tsv.find("t:client:2\t") != std::string::npos);
}

TEST_CASE("log --asked refuses ids of the wrong shape and writes nothing") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    auto bad = box.run({"log", "sam", "--asked", "n1,what?"});
    CHECK(bad.code == 2);
    CHECK(bad.err.rfind("kith: bad question id \"what?\"", 0) == 0);
    CHECK(box.ok({"show", "sam", "--format", "json"}).find("\"interactions\": []") != std::string::npos);
}

TEST_CASE("log --asked refuses an id that names nothing of theirs, naming what kith suggests, and writes nothing") {
    Sandbox box;
    box.write_file(box.config, config_with_rules);
    box.ok({"add", "Sam Smith", "--tag", "client"});
    box.ok({"add", "Ann Lee"});
    box.ok({"note", "sam", "Is Emma graduating this year?"});
    box.ok({"note", "ann", "Is the new kitchen finished?"});
    for (std::string id : {"r99:nonexistent", "n2", "n999999999999999", "b", "y", "t:client:99", "t:friend:1"}) {
        CAPTURE(id);
        auto bad = box.run({"log", "sam", "--asked", "n1," + id});
        CHECK(bad.code == 2);
        CHECK(bad.out.empty());
        CHECK(bad.err.rfind("kith: unknown question id \"" + id + "\" for Sam Smith (#1): it names nothing kept about them; "
                            "today kith suggests n1, t:client:1, t:client:2 (see `kith ask`)",
                            0) == 0);
    }
    CHECK(box.ok({"show", "sam", "--format", "json"}).find("\"interactions\": []") != std::string::npos);
    // What is theirs is taken: their note, their tag's bank, and b once they have a birthday.
    box.ok({"edit", "sam", "--birthday", "1980-03-04"});
    box.ok({"log", "sam", "--asked", "n1,t:client:2,b"});
    box.ok({"log", "sam", "--asked", "y"});  // a first interaction is the day you met
}

TEST_CASE("ask in every format") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    box.ok({"note", "sam", "Is Emma graduating this year?"});
    auto text = box.ok({"ask", "sam"});
    CHECK(text.rfind("Sam Smith  #1\n  Is Emma graduating this year?  [n1] note 1 (2026-11-22)\n", 0) == 0);
    CHECK(text.find('\x1b') == std::string::npos);
    auto document = nlohmann::json::parse(box.ok({"ask", "sam", "--format", "json"}));
    CHECK(document["name"] == "Sam Smith");
    CHECK(document["questions"][0] ==
          nlohmann::json{{"id", "n1"}, {"text", "Is Emma graduating this year?"}, {"source", "note 1 (2026-11-22)"},
                         {"note", 1}});
    auto line = box.ok({"ask", "sam", "--format", "jsonl", "--limit", "1"});
    CHECK(nlohmann::json::parse(line)["id"] == "n1");
    CHECK(box.ok({"ask", "sam", "--format", "md"}).rfind("# Questions for Sam Smith (#1)\n\n- Is Emma graduating this year? `n1`", 0) == 0);
}

TEST_CASE("ask with nothing to go on says so, unknown person is exit 3") {
    Sandbox box;
    box.ok({"add", "Bo Park"});
    CHECK(box.ok({"ask", "bo"}) == "Bo Park  #1\n  Nothing to ask today (questions come from what you note: `kith note`).\n");
    CHECK(box.ok({"ask", "bo", "--format", "json"}).find("\"questions\": []") != std::string::npos);
    CHECK(box.run({"ask", "zed"}).code == 3);
}

TEST_CASE("due shows questions.per_contact questions under each person") {
    Sandbox box;
    box.write_file(box.config, std::string(config_with_rules) + "[questions]\nper_contact = 1\n");
    box.ok({"add", "Sam Smith", "--tag", "client", "--every", "30d"});
    box.ok({"log", "sam", "--on", "2026-10-01"});
    box.ok({"note", "sam", "--on", "2026-10-01", "Is Emma graduating this year?"});
    CHECK(box.ok({"due", "--format", "tsv"}) ==
          "1\tSam Smith\tcheck-in 22 days overdue (every 30d, last spoke 2026-10-01)\tIs Emma graduating this year?\n");
    auto text = box.ok({"due"});
    CHECK(text.find("  ask: Is Emma graduating this year? [n1]\n") != std::string::npos);
    CHECK(text.find("t:client:1") == std::string::npos);  // only one per person
    auto document = nlohmann::json::parse(box.ok({"due", "--format", "json"}));
    CHECK(document["people"][0]["questions"].size() == 1);
}

TEST_CASE("a bad question rule in the config is a config error naming its line") {
    Sandbox box;
    box.ok({"add", "Sam"});
    box.write_file(box.config, "color = \"never\"\n[[questions.rule]]\nmatch = 'unclosed ('\nask = \"Why?\"\n");
    auto result = box.run({"ask", "sam"});
    CHECK(result.code == 2);
    CHECK(result.err.rfind("kith: config " + box.config + ": line 2: question rule \"user1\": bad regular expression", 0) == 0);
    box.write_file(box.config, "[[questions.rule]]\nmatch = 'x'\n");
    CHECK(box.run({"ask", "sam"}).err.find("needs both match and ask") != std::string::npos);
    // The rules a rule answers are named, one or a list.
    box.write_file(box.config, "[[questions.rule]]\nmatch = 'got it'\nkind = \"milestone\"\nanswers = [1]\n");
    check_error(box.run({"ask", "sam"}), 2, "line 1: answers: expected a rule name or a list of them");
    box.write_file(box.config, "[[questions.rule]]\nmatch = 'got it'\nkind = \"milestone\"\nanswers = \"interview\"\n");
    CHECK(box.run({"ask", "sam"}).code == 0);
    // A phrase is a template or a list of them, the first that fills being used.
    box.write_file(box.config, "[[questions.rule]]\nmatch = 'pottery'\nkind = \"event\"\nphrase = 3\n");
    check_error(box.run({"ask", "sam"}), 2, "line 1: phrase: expected a phrase or a list of them");
    box.write_file(box.config, "[[questions.rule]]\nname = \"pottery\"\nmatch = 'pottery (?<what>show|fair)?'\n"
                               "kind = \"event\"\nphrase = [\"the pottery {what}\", \"the pottery\"]\n"
                               "after = [\"How was {thing}?\"]\n");
    box.ok({"note", "sam", "--on", "2026-11-01", "pottery on 3 Nov"});
    CHECK(box.run({"--today", "2026-11-05", "ask", "sam"}).out.find("How was the pottery?") != std::string::npos);
    // Refused before anything compiles them (fuzz_config overflowed the stack with the first).
    for (const auto& [match, why] : std::vector<std::pair<std::string, std::string>>{
             {std::string(300, '(') + "a" + std::string(300, ')'), "parentheses are too deeply nested"},
             {"a{1,99999999999}", "number too big in {} quantifier"}}) {
        box.write_file(box.config, "[[questions.rule]]\nmatch = '" + match + "'\nask = \"Why?\"\n");
        check_error(box.run({"due"}), 2, "line 1: question rule \"user1\": bad regular expression: " + why);
    }
}
