// Help and discoverability: kith --help by purpose, an example in every command's help,
// "did you mean …?", and what a bare `kith` does.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "harness.h"

using kith::test::check_error;
using kith::test::lines_of;
using kith::test::RunOptions;
using kith::test::Sandbox;

namespace {

// Every visible command, from the parser itself ("kith due" lines of kith __dump commands).
std::vector<std::string> commands(const Sandbox& box) {
    std::vector<std::string> out;
    for (const auto& line : lines_of(box.ok({"__dump", "commands"})))
        if (line.rfind("kith ", 0) == 0 && line.find(" -", 4) == std::string::npos) out.push_back(line.substr(5));
    return out;
}

RunOptions on_terminal() {
    RunOptions options;
    options.terminal_stdout = true;
    options.env["NO_COLOR"] = "1";
    return options;
}

}  // namespace

TEST_CASE("kith --help groups every command under a heading of what it is for") {
    Sandbox box;
    auto help = box.ok({"--help"});
    std::vector<std::string> headings{"Daily:", "Record:", "Browse:", "Change:", "Data:"};
    std::size_t at = 0;
    for (const auto& heading : headings) {
        auto found = help.find("\n" + heading + "\n", at);
        CHECK_MESSAGE(found != std::string::npos, heading);
        if (found != std::string::npos) at = found;
    }
    // A command missing from the table in help.cpp would fall under "Other".
    CHECK(help.find("\nOther:\n") == std::string::npos);
    auto daily = help.substr(help.find("Daily:"), help.find("Record:") - help.find("Daily:"));
    CHECK(daily.find("  due ") != std::string::npos);
    CHECK(daily.find("  ask ") != std::string::npos);
    auto all = commands(box);
    CHECK(all.size() >= 15);
    for (const auto& command : all) {
        CAPTURE(command);
        auto line = help.find("\n  " + command);
        REQUIRE(line != std::string::npos);
        // One line: the name, then its description.
        auto text = help.substr(line + 1, help.find('\n', line + 1) - line - 1);
        CHECK(text.size() > command.size() + 10);
    }
    CHECK(help.find("__complete") == std::string::npos);
}

TEST_CASE("every command's help ends with an example") {
    Sandbox box;
    for (const auto& command : commands(box)) {
        CAPTURE(command);
        auto help = box.ok({command, "--help"});
        auto options = help.find("Options:");
        auto example = help.rfind("Example");
        REQUIRE(options != std::string::npos);
        REQUIRE(example != std::string::npos);
        CHECK(example > options);
        auto footer = help.substr(example);
        CHECK(footer.find("kith ") != std::string::npos);
        CHECK(footer.find(" " + command) != std::string::npos);
    }
}

TEST_CASE("a mistyped command is one line saying what was probably meant, exit 2") {
    Sandbox box;
    auto result = box.run({"nto"});
    check_error(result, 2);
    // Two edits from either: both are offered.
    CHECK(result.err == "kith: unknown command \"nto\": did you mean \"note\" or \"undo\"?\n");
    CHECK(box.run({"nots"}).err == "kith: unknown command \"nots\": did you mean \"note\"?\n");
    CHECK(box.run({"--db", box.dir + "/x.db", "lsit", "--format", "json"}).err ==
          "kith: unknown command \"lsit\": did you mean \"list\"?\n");
    CHECK(box.run({"rmeind", "sam", "fri", "call"}).err ==
          "kith: unknown command \"rmeind\": did you mean \"remind\"?\n");
    result = box.run({"frobnicate"});
    check_error(result, 2);
    CHECK(result.err == "kith: unknown command \"frobnicate\" (see kith --help)\n");
    CHECK(!std::filesystem::exists(box.dir + "/x.db"));
    // A known command with a bad argument is not a mistyped command.
    for (std::vector<std::string> args : {std::vector<std::string>{"list", "--bogus"}, {"__dump", "bogus"}}) {
        result = box.run(args);
        check_error(result, 2);
        CHECK(result.err.find("unknown command") == std::string::npos);
    }
}

TEST_CASE("a mistyped option gets kith's words and what was probably meant, exit 2") {
    Sandbox box;
    box.ok({"add", "Priya Shah"});
    auto result = box.run({"due", "--limt", "3"});
    check_error(result, 2);
    CHECK(result.err == "kith: unknown option --limt for due (did you mean --limit?)\n");
    CHECK(box.run({"due", "--limt=3"}).err == "kith: unknown option --limt for due (did you mean --limit?)\n");
    result = box.run({"--colour", "never", "due"});
    check_error(result, 2);
    CHECK(result.err == "kith: unknown option --colour (did you mean --color?)\n");
    CHECK(box.run({"--colour", "never"}).err == "kith: unknown option --colour (did you mean --color?)\n");
    // A global option mistyped after the command, and one far from any.
    CHECK(box.run({"list", "--tody", "2026-11-22"}).err == "kith: unknown option --tody for list (did you mean --today?)\n");
    CHECK(box.run({"show", "priya", "--frobnicate"}).err == "kith: unknown option --frobnicate for show (see kith show --help)\n");
    CHECK(box.run({"due", "-x"}).err == "kith: unknown option -x for due (see kith due --help)\n");
    // Values and words after -- are not options.
    CHECK(box.ok({"note", "priya", "--tag", "x", "--", "-- not an option"}).find("Noted") != std::string::npos);
    CHECK(box.run({"date", "--", "--soon"}).err == "kith: bad date \"--soon\": expected YYYY-MM-DD, today, a weekday, 3d/2w/1mo, 12-25 or dec 25\n");
}

TEST_CASE("a missing argument is said in words, with an example built from what was typed") {
    Sandbox box;
    box.ok({"add", "Priya Shah"});
    auto result = box.run({"snooze", "priya"});
    check_error(result, 2);
    CHECK(result.err == "kith: snooze needs how long, e.g. kith snooze priya 2w\n");
    CHECK(box.run({"snooze"}).err == "kith: snooze needs a person or a reminder id, e.g. kith snooze sam 2w\n");
    CHECK(box.run({"remind", "Priya Shah"}).err ==
          "kith: remind needs a date, e.g. kith remind \"Priya Shah\" fri \"Send the proposal\"\n");
    CHECK(box.run({"remind", "priya", "fri"}).err ==
          "kith: remind needs what to do, e.g. kith remind priya fri \"Send the proposal\"\n");
    CHECK(box.run({"show"}).err == "kith: show needs a person, e.g. kith show sam\n");
    CHECK(box.run({"--today", "2026-11-22", "done"}).err == "kith: done needs a reminder or note id, e.g. kith done 4\n");
    CHECK(box.run({"add"}).err == "kith: add needs a name, e.g. kith add \"Sam Smith\"\n");
}

TEST_CASE("the command is found past global options and their values, by name or alias, and help lists them all") {
    // kith builds only the command a run names: what it finds must be that command.
    Sandbox box;
    box.ok({"add", "Sam Smith", "--tag", "client"});
    const auto listed = box.ok({"list", "--format", "tsv"});
    CHECK(listed.find("Sam Smith") != std::string::npos);
    CHECK(box.ok({"--color", "never", "ls", "--format", "tsv"}) == listed);
    CHECK(box.ok({"--color=never", "list", "--format", "tsv"}) == listed);
    // Help still lists every command, and a command's help is the same however it is asked for.
    const auto help = box.ok({"--color", "never", "--help"});
    for (const auto& command : commands(box)) {
        CAPTURE(command);
        CHECK(help.find("\n  " + command) != std::string::npos);
    }
    CHECK(box.ok({"-h", "due"}) == box.ok({"due", "--help"}));
    CHECK(box.ok({"--color", "never", "ls", "-h"}) == box.ok({"list", "--help"}));
}

TEST_CASE("kith with no command on a terminal prints today's due list") {
    Sandbox box;
    check_error(box.run({}, on_terminal()), 1, "no database at " + box.db + " (set KITH_DB or --db, or add someone first)");
    box.ok({"add", "Sam Smith", "--every", "30d"});
    auto empty = box.run({}, on_terminal());
    CHECK(empty.code == 0);
    CHECK(empty.out.find("Nobody is due today (2026-11-22).") != std::string::npos);
    box.today = "2027-01-10";
    auto due = box.run({}, on_terminal());
    CHECK(due.code == 0);
    CHECK(due.out == box.run({"due"}, on_terminal()).out);
    CHECK(due.out.find("Sam Smith") != std::string::npos);
    // Global options still apply.
    CHECK(box.run({"--today", "2026-11-22"}, on_terminal()).out.find("Nobody is due") != std::string::npos);
    // Anywhere else (a pipe, cron) it is the help, so a script has to say what it means.
    auto piped = box.ok({});
    CHECK(piped.find("Usage: kith") != std::string::npos);
    CHECK(piped.find("Sam Smith") == std::string::npos);
}

TEST_CASE("--help and --version neither read the config nor open the database") {
    Sandbox box;
    box.write_file(box.config, "[due\nthis is not toml\n");
    std::filesystem::create_directories(box.db);  // a database path that cannot be opened
    for (std::vector<std::string> args : {std::vector<std::string>{"--help"},
                                          {"--version"},
                                          {"due", "--help"},
                                          {"--db", box.dir + "/new.db", "add", "--help"}}) {
        CAPTURE(args.front());
        auto result = box.run(args);
        CHECK(result.code == 0);
        CHECK(result.err.empty());
        CHECK(!result.out.empty());
    }
    CHECK(!std::filesystem::exists(box.dir + "/new.db"));
}
