// Black-box tests of the output formats of `list` and `show`: text, plain, md, tsv, json,
// jsonl; colour; Unicode.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
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

const std::vector<std::string> all_formats{"text", "plain", "md", "tsv", "json", "jsonl"};

const std::vector<std::string> contact_keys{"id",       "uuid",    "name", "nicknames", "emails",
                                            "phones",   "company", "tags", "birthday",  "every",
                                            "archived", "last_contacted", "created_at", "updated_at"};

bool has_escape(const std::string& text) { return text.find('\x1b') != std::string::npos; }

// Three people with a bit of everything, one with notes and interactions.
void seed(const Sandbox& box) {
    box.ok({"add", "Sam Smith", "-e", "sam@acme.com", "-e", "sam@home.net", "-p", "+1 555 0100", "-c", "Acme",
            "-t", "client", "-t", "golf", "--nickname", "Sammy", "--birthday", "1986-03-15", "--every", "30d"});
    box.ok({"add", "Ann Lee", "--birthday", "--06-02", "--every", "3w..6w"});
    box.ok({"add", "Bob Stone"});
    box.ok({"note", "sam", "--event", "2026-12-05", "Running the Berlin marathon #running"});
    box.ok({"note", "sam", "--on", "2026-11-01", "--ask", "How is Emma?"});
    box.ok({"log", "sam", "--via", "call", "--on", "2026-11-20", "Budget talk"});
}

void check_contact_keys(const json& contact) {
    REQUIRE(contact.is_object());
    for (const auto& key : contact_keys) CHECK_MESSAGE(contact.contains(key), key);
}

}  // namespace

// ---- no escape bytes except where asked for ----------------------------------------------

TEST_CASE("list and show in every format but text-with-colour have no escape bytes") {
    Sandbox box;
    seed(box);
    for (const auto& format : all_formats) {
        CAPTURE(format);
        CHECK(!has_escape(box.ok({"list", "--format", format})));
        CHECK(!has_escape(box.ok({"show", "sam", "--format", format})));
        // Colour is a text-format thing only.
        if (format != "text") {
            CHECK(!has_escape(box.ok({"--color", "always", "list", "--format", format})));
            CHECK(!has_escape(box.ok({"--color", "always", "show", "sam", "--format", format})));
        }
    }
}

TEST_CASE("without --format, output to a pipe is plain even with --color always") {
    Sandbox box;
    seed(box);
    CHECK(box.ok({"--color", "always", "list"}) == box.ok({"list", "--format", "plain"}));
    CHECK(!has_escape(box.ok({"--color", "always", "show", "sam"})));
}

TEST_CASE("--format text --color always has ANSI codes, never and NO_COLOR do not") {
    Sandbox box;
    seed(box);
    for (std::string command : {"list", "show"}) {
        CAPTURE(command);
        std::vector<std::string> args{command};
        if (command == "show") args.push_back("sam");
        args.insert(args.end(), {"--format", "text"});
        auto colour = args, never = args;
        colour.insert(colour.begin(), {"--color", "always"});
        never.insert(never.begin(), {"--color", "never"});
        auto coloured = box.ok(colour);
        CHECK(has_escape(coloured));
        CHECK(coloured.find("\x1b[0m") != std::string::npos);
        auto plain = box.ok(never);
        CHECK(!has_escape(plain));
        CHECK(!has_escape(box.ok(args, with_env({{"NO_COLOR", "1"}}))));
        // Without colour, text is the same layout as plain.
        auto as_plain = args;
        as_plain[as_plain.size() - 1] = "plain";
        CHECK(plain == box.ok(as_plain));
    }
}

TEST_CASE("an explicit --color always beats NO_COLOR") {
    Sandbox box;
    seed(box);
    CHECK(has_escape(box.ok({"--color", "always", "list", "--format", "text"}, with_env({{"NO_COLOR", "1"}}))));
}

TEST_CASE("color = \"always\" in the config file colours the text format, and NO_COLOR beats it") {
    Sandbox box;
    seed(box);
    box.write_file(box.config, "color = \"always\"\n");
    CHECK(has_escape(box.ok({"list", "--format", "text"})));
    CHECK(!has_escape(box.ok({"list", "--format", "text"}, with_env({{"NO_COLOR", "1"}}))));
    CHECK(!has_escape(box.ok({"--color", "never", "list", "--format", "text"})));
}

// ---- json / jsonl ----------------------------------------------------------------------

TEST_CASE("list --format json is one array of contacts with the documented keys") {
    Sandbox box;
    seed(box);
    auto contacts = json::parse(box.ok({"list", "--format", "json"}));
    REQUIRE(contacts.is_array());
    REQUIRE(contacts.size() == 3);
    for (const auto& contact : contacts) check_contact_keys(contact);
    auto sam = contacts[2];
    CHECK(sam["name"] == "Sam Smith");
    CHECK(sam["id"] == 1);
    CHECK(sam["nicknames"] == json::array({"Sammy"}));
    CHECK(sam["emails"] == json::array({"sam@acme.com", "sam@home.net"}));
    CHECK(sam["phones"] == json::array({"+1 555 0100"}));
    CHECK(sam["company"] == "Acme");
    CHECK(sam["tags"] == json::array({"client", "golf"}));
    CHECK(sam["birthday"] == "1986-03-15");
    CHECK(sam["every"] == "30d");
    CHECK(sam["archived"] == false);
    CHECK(sam["last_contacted"] == "2026-11-20");
    CHECK(contacts[0]["name"] == "Ann Lee");
    CHECK(contacts[0]["birthday"] == "--06-02");
    CHECK(contacts[0]["every"] == "3w..6w");
    CHECK(contacts[1]["birthday"].is_null());
    CHECK(contacts[1]["last_contacted"].is_null());
}

TEST_CASE("show --format json adds notes and interactions") {
    Sandbox box;
    seed(box);
    auto sam = json::parse(box.ok({"show", "sam", "--format", "json"}));
    check_contact_keys(sam);
    REQUIRE(sam["notes"].is_array());
    REQUIRE(sam["notes"].size() == 2);
    auto marathon = sam["notes"][0];
    for (std::string key : {"id", "uuid", "date", "event", "ask", "tags", "text"}) CHECK_MESSAGE(marathon.contains(key), key);
    CHECK(marathon["text"] == "Running the Berlin marathon #running");
    CHECK(marathon["event"] == "2026-12-05");
    CHECK(marathon["tags"] == json::array({"running"}));
    CHECK(sam["notes"][1]["ask"] == true);
    CHECK(sam["notes"][1]["date"] == "2026-11-01");
    REQUIRE(sam["interactions"].is_array());
    REQUIRE(sam["interactions"].size() == 1);
    auto call = sam["interactions"][0];
    for (std::string key : {"id", "uuid", "date", "channel", "summary"}) CHECK_MESSAGE(call.contains(key), key);
    CHECK(call["channel"] == "call");
    CHECK(call["date"] == "2026-11-20");
}

TEST_CASE("show --format json of someone with no notes has empty arrays") {
    Sandbox box;
    box.ok({"add", "Bob"});
    auto bob = json::parse(box.ok({"show", "bob", "--format", "json"}));
    CHECK(bob["notes"] == json::array());
    CHECK(bob["interactions"] == json::array());
}

TEST_CASE("jsonl is one parseable object per line") {
    Sandbox box;
    seed(box);
    auto lines = lines_of(box.ok({"list", "--format", "jsonl"}));
    REQUIRE(lines.size() == 3);
    std::vector<std::string> names;
    for (const auto& line : lines) {
        auto contact = json::parse(line);
        check_contact_keys(contact);
        names.push_back(contact["name"].get<std::string>());
    }
    CHECK(names == std::vector<std::string>{"Ann Lee", "Bob Stone", "Sam Smith"});
    auto show = lines_of(box.ok({"show", "sam", "--format", "jsonl"}));
    REQUIRE(show.size() == 1);
    auto sam = json::parse(show[0]);
    CHECK(sam["notes"].size() == 2);
    CHECK(sam == json::parse(box.ok({"show", "sam", "--format", "json"})));
}

TEST_CASE("json with --fields carries just those keys") {
    Sandbox box;
    seed(box);
    auto contacts = json::parse(box.ok({"list", "--format", "json", "--fields", "id,email,last"}));
    REQUIRE(contacts.size() == 3);
    CHECK(contacts[2] == json({{"id", 1}, {"emails", {"sam@acme.com", "sam@home.net"}}, {"last_contacted", "2026-11-20"}}));
    auto line = json::parse(lines_of(box.ok({"list", "bob", "--format", "jsonl", "--fields", "name,tag"}))[0]);
    CHECK(line == json({{"name", "Bob Stone"}, {"tags", json::array()}}));
}

// ---- tsv -------------------------------------------------------------------------------

TEST_CASE("list --format tsv is one line per record, tab-separated") {
    Sandbox box;
    seed(box);
    auto lines = lines_of(box.ok({"list", "--format", "tsv"}));
    REQUIRE(lines.size() == 3);
    for (const auto& line : lines) CHECK(std::count(line.begin(), line.end(), '\t') == 4);
    CHECK(lines[2] == "1\tSam Smith\tAcme\tclient,golf\t2026-11-20");
}

TEST_CASE("tsv escapes backslashes, tabs and newlines so each record stays one line") {
    Sandbox box;
    box.ok({"add", "Back\\slash", "-c", "A\\B"});
    CHECK(box.ok({"list", "--format", "tsv", "--fields", "name,company"}) == "Back\\\\slash\tA\\\\B\n");
    RunOptions piped;
    piped.input = "line one\tcolumn\nline two\n";
    box.ok({"note", "back", "-"}, piped);
    box.ok({"log", "back", "--via", "call", "a\tb"});
    auto lines = lines_of(box.ok({"show", "back", "--format", "tsv"}));
    auto note = std::find_if(lines.begin(), lines.end(), [](const auto& l) { return l.rfind("note\t", 0) == 0; });
    REQUIRE(note != lines.end());
    CHECK(*note == "note\t2026-11-22\tn1\t\t\t\tline one\\tcolumn\\nline two");  // date, id, event, ask, tags, text
    auto call = std::find_if(lines.begin(), lines.end(), [](const auto& l) { return l.rfind("interaction\t", 0) == 0; });
    REQUIRE(call != lines.end());
    CHECK(*call == "interaction\t2026-11-22\ti1\tcall\ta\\tb");
}

TEST_CASE("show --format tsv is label and value per line") {
    Sandbox box;
    seed(box);
    auto lines = lines_of(box.ok({"show", "sam", "--format", "tsv"}));
    for (const auto& line : lines) CHECK(line.find('\t') != std::string::npos);
    auto has = [&](const std::string& line) { return std::find(lines.begin(), lines.end(), line) != lines.end(); };
    CHECK(has("id\t1"));
    CHECK(has("name\tSam Smith"));
    CHECK(has("emails\tsam@acme.com,sam@home.net"));
    CHECK(has("birthday\t1986-03-15"));
    CHECK(has("last\t2026-11-20"));
    CHECK(has("interaction\t2026-11-20\ti1\tcall\tBudget talk"));
}

// ---- md --------------------------------------------------------------------------------

TEST_CASE("list --format md is a Markdown table") {
    Sandbox box;
    seed(box);
    auto lines = lines_of(box.ok({"list", "--format", "md"}));
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "| id | name | company | tags | last |");
    CHECK(lines[1] == "| --- | --- | --- | --- | --- |");
    CHECK(lines[4] == "| 1 | Sam Smith | Acme | client, golf | 2026-11-20 |");
    for (const auto& line : lines) {
        CHECK(line.front() == '|');
        CHECK(line.back() == '|');
    }
}

TEST_CASE("md escapes pipes in cells") {
    Sandbox box;
    box.ok({"add", "Pipe | Person", "-c", "A|B"});
    auto lines = lines_of(box.ok({"list", "--format", "md", "--fields", "name,company"}));
    REQUIRE(lines.size() == 3);
    CHECK(lines[2] == "| Pipe \\| Person | A\\|B |");
}

TEST_CASE("show --format md has a heading, facts and notes") {
    Sandbox box;
    seed(box);
    auto md = box.ok({"show", "sam", "--format", "md"});
    CHECK(md.rfind("# Sam Smith (#1)\n", 0) == 0);
    CHECK(md.find("## Notes") != std::string::npos);
    CHECK(md.find("## Interactions") != std::string::npos);
    CHECK(md.find("sam@acme.com") != std::string::npos);
}

// ---- Unicode ---------------------------------------------------------------------------

TEST_CASE("emoji, CJK and accented names come out as valid JSON, unchanged") {
    Sandbox box;
    const std::vector<std::string> names{"Ana María Núñez", "Ülkü 🎉", "李小龙", "Zoë 👩‍👩‍👧"};
    for (const auto& name : names) box.ok({"add", name, "--note", name + " said hi"});
    auto contacts = json::parse(box.ok({"list", "--format", "json"}));
    REQUIRE(contacts.size() == names.size());
    std::vector<std::string> got;
    for (const auto& contact : contacts) got.push_back(contact["name"].get<std::string>());
    for (const auto& name : names) CHECK(std::find(got.begin(), got.end(), name) != got.end());
    for (const auto& line : lines_of(box.ok({"list", "--format", "jsonl"}))) CHECK(json::accept(line));
    auto lee = json::parse(box.ok({"show", "李小龙", "--format", "json"}));
    CHECK(lee["name"] == "李小龙");
    CHECK(lee["notes"][0]["text"] == "李小龙 said hi");
}

TEST_CASE("plain columns line up by display width with wide characters") {
    Sandbox box;
    box.ok({"add", "李小龙", "-c", "Kung"});
    box.ok({"add", "Bob", "-c", "Acme"});
    auto lines = lines_of(box.ok({"list", "--format", "plain", "--fields", "name,company"}));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "name    company");
    CHECK(lines[1] == "Bob     Acme");
    CHECK(lines[2] == "李小龙  Kung");  // three wide characters take six columns
}

TEST_CASE("an unknown --format is a usage error") {
    Sandbox box;
    box.ok({"add", "Bob"});
    auto result = box.run({"list", "--format", "xml"});
    CHECK(result.code == 2);
    CHECK(result.out.empty());
    CHECK(result.err.rfind("kith: ", 0) == 0);
    CHECK(result.err.find("xml") != std::string::npos);
    CHECK(box.run({"show", "bob", "--format", "yaml"}).code == 2);
}

TEST_CASE("plain output carries no control codes even when a note or summary contains them") {
    // SPEC §4: plain has no control codes; free text with escape sequences is refused at input.
    Sandbox box;
    box.ok({"add", "Sam"});
    RunOptions piped;
    piped.input = "evil \x1b[31mred\x1b[0m text\n";
    auto noted = box.run({"note", "sam", "-"}, piped);
    auto logged = box.run({"log", "sam", "title \x1b]0;pwned\x07 set"});
    // Refusing such input (exit 2) would be fine too; what must not happen is raw ESC in plain.
    if (noted.code != 0) CHECK(noted.code == 2);
    if (logged.code != 0) CHECK(logged.code == 2);
    for (const auto& format : {"plain", "md", "tsv"}) {
        CAPTURE(format);
        auto out = box.ok({"show", "sam", "--format", format});
        CHECK(out.find('\x1b') == std::string::npos);
        CHECK(out.find('\x07') == std::string::npos);
    }
}
