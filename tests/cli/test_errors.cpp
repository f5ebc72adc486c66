// Black-box tests of errors and exit codes (SPEC §8), config file errors, --help and --version.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness.h"

using kith::test::Result;
using kith::test::RunOptions;
using kith::test::Sandbox;
using kith::test::with_env;
using kith::test::check_error;
using kith::test::lines_of;
using json = nlohmann::json;

namespace {

std::vector<std::string> names(const Sandbox& box) {
    std::vector<std::string> out;
    for (const auto& contact : json::parse(box.ok({"list", "--archived", "--format", "json"})))
        out.push_back(contact["name"].get<std::string>());
    return out;
}

}  // namespace

// ---- usage errors: exit 2 --------------------------------------------------------------

TEST_CASE("an unknown subcommand is a usage error") {
    Sandbox box;
    check_error(box.run({"frobnicate"}), 2, "frobnicate");
    check_error(box.run({"lsit"}), 2, "lsit");
}

TEST_CASE("an unknown flag is a usage error") {
    Sandbox box;
    box.ok({"add", "Ann"});
    check_error(box.run({"list", "--bogus"}), 2, "--bogus");
    check_error(box.run({"add", "Ben", "--colour-of-eyes", "blue"}), 2, "--colour-of-eyes");
    check_error(box.run({"--frob", "list"}), 2, "--frob");
    CHECK(names(box) == std::vector<std::string>{"Ann"});
}

TEST_CASE("a missing required argument or option value is a usage error") {
    Sandbox box;
    check_error(box.run({"add"}), 2, "add needs a name");
    check_error(box.run({"show"}), 2, "show needs a person");
    check_error(box.run({"note"}), 2, "note needs a person");
    check_error(box.run({"add", "Ann", "--email"}), 2, "--email");
}

TEST_CASE("a bad date is a usage error naming the bad token") {
    Sandbox box;
    box.ok({"add", "Ann"});
    check_error(box.run({"add", "Ben", "--birthday", "1986-02-30"}), 2, "\"1986-02-30\"");
    check_error(box.run({"add", "Ben", "--birthday", "smarch 3"}), 2, "\"smarch 3\"");
    check_error(box.run({"note", "ann", "--on", "frday", "text"}), 2, "\"frday\"");
    check_error(box.run({"note", "ann", "--event", "2026-1-5", "text"}), 2, "\"2026-1-5\"");
    check_error(box.run({"log", "ann", "--on", "13-45"}), 2, "\"13-45\"");
    CHECK(names(box) == std::vector<std::string>{"Ann"});
}

TEST_CASE("a bad interval is a usage error naming the bad token") {
    Sandbox box;
    check_error(box.run({"add", "Ann", "--every", "fortnight"}), 2, "\"fortnight\"");
    check_error(box.run({"add", "Ann", "--every", "0d"}), 2, "positive");
    check_error(box.run({"add", "Ann", "--every", "-3d"}), 2, "-3d");
    check_error(box.run({"add", "Ann", "--every", "3w..soon"}), 2, "3w..soon");
}

TEST_CASE("a bad --today or KITH_TODAY is a usage error naming it") {
    Sandbox box;
    check_error(box.run({"--today", "someday", "list"}), 2, "someday");
    check_error(box.run({"list"}, with_env({{"KITH_TODAY", "2026-02-31"}})), 2, "KITH_TODAY");
}

TEST_CASE("--today and KITH_TODAY set the date notes get") {
    Sandbox box;
    box.ok({"add", "Ann"});
    box.ok({"--today", "2026-03-01", "note", "ann", "from flag"});
    box.ok({"note", "ann", "from env"}, with_env({{"KITH_TODAY", "2025-07-04"}}));
    auto ann = json::parse(box.ok({"show", "ann", "--format", "json"}));
    REQUIRE(ann["notes"].size() == 2);
    CHECK(ann["notes"][0]["date"] == "2026-03-01");
    CHECK(ann["notes"][1]["date"] == "2025-07-04");
}

TEST_CASE("a bad --color value is a usage error") {
    Sandbox box;
    check_error(box.run({"--color", "sometimes", "list"}), 2, "sometimes");
}

TEST_CASE("an empty name or note is a usage error") {
    Sandbox box;
    check_error(box.run({"add", ""}), 2, "empty");
    check_error(box.run({"add", "   "}), 2, "empty");
    box.ok({"add", "Ann"});
    check_error(box.run({"note", "ann", ""}), 2, "empty note");
    CHECK(names(box) == std::vector<std::string>{"Ann"});
}

TEST_CASE("invalid UTF-8 in a name is a usage error and nothing is added") {
    Sandbox box;
    box.ok({"add", "Ann"});
    check_error(box.run({"add", "Bad\xff\xfe Name"}), 2, "UTF-8");
    check_error(box.run({"add", "Bad \xc3"}), 2, "UTF-8");
    check_error(box.run({"edit", "ann", "--name", "Ann\xff"}), 2, "UTF-8");
    check_error(box.run({"add", "Ben", "--company", "\xe2\x82"}), 2, "UTF-8");
    CHECK(names(box) == std::vector<std::string>{"Ann"});
}

TEST_CASE("a name with a control character is refused") {
    Sandbox box;
    auto result = box.run({"add", "Bell\x07Name"});
    CHECK(result.code == 2);
    CHECK(result.out.empty());
    check_error(box.run({"list"}), 1, "no database at");  // nothing was created
}

TEST_CASE("an error quoting input with a newline is still one line") {
    // Messages quote what the user typed; control characters in it are shown escaped.
    Sandbox box;
    check_error(box.run({"add", "Two\nLines"}), 2, "control characters");
    box.ok({"add", "Ann"});
    check_error(box.run({"show", "no\nbody"}), 3);
    check_error(box.run({"edit", "ann", "--remove-email", "x\ny"}), 2);
}

// ---- not found: exit 3 -----------------------------------------------------------------

TEST_CASE("unknown and ambiguous contacts exit 3 with one line") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    box.ok({"add", "Sam Jones"});
    check_error(box.run({"show", "zelda"}), 3, "\"zelda\"");
    check_error(box.run({"show", "#42"}), 3, "#42");
    check_error(box.run({"show", "sam"}), 3, "ambiguous");
}

// ---- config file errors ----------------------------------------------------------------

TEST_CASE("a config value missing after = is reported with file and line, exit 2") {
    Sandbox box;
    box.write_file(box.config, "# my settings\n\ndue.limit = \n");
    auto result = box.run({"config"});
    check_error(result, 2, "kith: config " + box.config + ": line 3:");
    // Any command that reads the config reports it the same way.
    check_error(box.run({"list", "--format", "text"}), 2, "kith: config " + box.config + ": line 3:");
}

TEST_CASE("an unclosed table header is reported with file and line, exit 2") {
    Sandbox box;
    box.write_file(box.config, "color = \"never\"\n[due\nlimit = 3\n");
    check_error(box.run({"config"}), 2, "kith: config " + box.config + ": line 2:");
}

TEST_CASE("a config value of the wrong type is exit 2 naming the key") {
    Sandbox box;
    box.write_file(box.config, "[due]\nlimit = \"ten\"\n");
    auto result = box.run({"config"});
    check_error(result, 2, "kith: config " + box.config + ": line 2:");
    CHECK(result.err.find("due.limit") != std::string::npos);
    CHECK(result.err.find("integer") != std::string::npos);
}

TEST_CASE("config values out of range or not allowed are exit 2") {
    for (std::string text : {"due.limit = 0\n", "due.limit = 3.5\n", "color = \"blue\"\n",
                             "due.birthday_window = \"soon\"\n", "questions.per_contact = -1\n", "database = 5\n"}) {
        CAPTURE(text);
        Sandbox box;
        box.write_file(box.config, text);
        check_error(box.run({"config"}), 2, "kith: config " + box.config + ": line 1:");
    }
}

TEST_CASE("an unknown config key is a warning, not an error") {
    Sandbox box;
    box.write_file(box.config, "due.limit = 4\nshoe_size = 44\n");
    auto result = box.run({"config"});
    CHECK(result.code == 0);
    CHECK(result.err.rfind("kith: warning:", 0) == 0);
    CHECK(result.err.find("shoe_size") != std::string::npos);
    CHECK(result.out.find("due.limit = 4\n") != std::string::npos);
}

TEST_CASE("a config path that is a directory is exit 2") {
    Sandbox box;
    check_error(box.run({"--config", box.dir, "config"}), 2, "directory");
}

TEST_CASE("a broken config file is reported by commands that write too") {
    // Even with KITH_DB set, so that no command runs on a config the user believes is in force.
    Sandbox box;
    box.write_file(box.config, "due.limit = \n");
    check_error(box.run({"add", "Ann"}), 2, "kith: config " + box.config + ": line 1:");
    check_error(box.run({"list"}), 2, "kith: config " + box.config + ": line 1:");
}

TEST_CASE("a broken config file stops add when the database path comes from the defaults") {
    Sandbox box;
    box.write_file(box.config, "due.limit = \n");
    auto result = box.run({"add", "Ann"}, with_env({{"KITH_DB", ""}}));
    check_error(result, 2, "kith: config " + box.config + ": line 1:");
}

// ---- runtime errors: exit 1 ------------------------------------------------------------

TEST_CASE("a database path that is a directory is exit 1") {
    Sandbox box;
    auto dir = box.dir + "/db-dir";
    box.ok({"--db", dir + "/x.db", "add", "Ann"});  // creates db-dir
    check_error(box.run({"--db", dir, "list"}), 1, "directory");
    check_error(box.run({"--db", dir, "add", "Ben"}), 1, "directory");
}

TEST_CASE("a file that is not a database is exit 1 and left alone") {
    Sandbox box;
    auto path = box.dir + "/notes.txt";
    const std::string content(4096, 'x');
    box.write_file(path, content, 0600);
    check_error(box.run({"--db", path, "list"}), 1, path);
    check_error(box.run({"--db", path, "add", "Ann"}), 1, path);
    CHECK(box.read_file(path) == content);
}

// ---- --help and --version --------------------------------------------------------------

TEST_CASE("--version prints the version and exits 0") {
    Sandbox box;
    auto result = box.run({"--version"});
    CHECK(result.code == 0);
    CHECK(result.out.rfind("kith ", 0) == 0);
    CHECK(result.out.find_first_of("0123456789") != std::string::npos);
    CHECK(result.err.empty());
}

TEST_CASE("--version alone takes the short path and says what the full parser says") {
    Sandbox box;
    auto alone = box.run({"--version"});
    auto parsed = box.run({"--color", "never", "--version"});  // through CLI11's version flag
    CHECK(parsed.code == 0);
    CHECK(alone.out == parsed.out);
    CHECK(alone.err == parsed.err);
}

TEST_CASE("--help works on every subcommand and touches nothing") {
    Sandbox box;
    for (std::string command : {"add", "note", "log", "list", "show", "edit", "archive", "rm", "config"}) {
        CAPTURE(command);
        auto result = box.run({command, "--help"});
        CHECK(result.code == 0);
        CHECK(!result.out.empty());
        CHECK(result.out.find(command) != std::string::npos);
        CHECK(result.err.empty());
    }
    auto top = box.run({"--help"});
    CHECK(top.code == 0);
    for (std::string command : {"add", "note", "log", "list", "show", "edit", "archive", "rm", "config"})
        CHECK_MESSAGE(top.out.find(command) != std::string::npos, command);
    // Even with a broken config and no database, help works and creates nothing.
    box.write_file(box.config, "[due\n");
    CHECK(box.run({"add", "--help"}).code == 0);
    CHECK(box.read_file(box.db).empty());
}

TEST_CASE("kith with no subcommand prints help and exits 0") {
    Sandbox box;
    auto result = box.run({});
    CHECK(result.code == 0);
    CHECK(result.out.find("Usage") != std::string::npos);
}
