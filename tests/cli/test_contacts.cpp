// Black-box tests of the contact commands: add, edit, archive, rm, list and show.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "harness.h"

using kith::test::Result;
using kith::test::RunOptions;
using kith::test::Sandbox;
using kith::test::count_rows;
using kith::test::check_error;
using kith::test::lines_of;
using json = nlohmann::json;

namespace {

json show_json(const Sandbox& box, const std::string& who) {
    return json::parse(box.ok({"show", who, "--format", "json"}));
}

json list_json(const Sandbox& box, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"list", "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return json::parse(box.ok(args));
}

std::vector<std::string> names_of(const json& contacts) {
    std::vector<std::string> names;
    for (const auto& contact : contacts) names.push_back(contact.at("name").get<std::string>());
    return names;
}

}  // namespace

// ---- add -------------------------------------------------------------------------------

TEST_CASE("add with every flag stores every field") {
    Sandbox box;
    auto out = box.ok({"add", "Sam Smith", "--email", "sam@acme.com", "-e", "sam@home.net", "--phone", "+1 555 0100",
                       "--nickname", "Sammy", "--tag", "Client", "--tag", "golf", "--company", "Acme", "--birthday",
                       "1986-03-15", "--every", "30d", "--note", "Met at the Berlin conference"});
    CHECK(out == "Added Sam Smith (#1)\n");
    auto sam = show_json(box, "#1");
    CHECK(sam["name"] == "Sam Smith");
    CHECK(sam["emails"] == json::array({"sam@acme.com", "sam@home.net"}));
    CHECK(sam["phones"] == json::array({"+1 555 0100"}));
    CHECK(sam["nicknames"] == json::array({"Sammy"}));
    CHECK(sam["tags"] == json::array({"client", "golf"}));
    CHECK(sam["company"] == "Acme");
    CHECK(sam["birthday"] == "1986-03-15");
    CHECK(sam["every"] == "30d");
    CHECK(sam["archived"] == false);
    CHECK(sam["last_contacted"].is_null());
    REQUIRE(sam["notes"].size() == 1);
    CHECK(sam["notes"][0]["text"] == "Met at the Berlin conference");
    CHECK(sam["notes"][0]["date"] == "2026-11-22");
}

TEST_CASE("add assigns increasing ids and a uuid to each contact") {
    Sandbox box;
    CHECK(box.ok({"add", "Ann"}) == "Added Ann (#1)\n");
    CHECK(box.ok({"add", "Ben"}) == "Added Ben (#2)\n");
    auto ann = show_json(box, "#1");
    auto ben = show_json(box, "#2");
    CHECK(ann["uuid"].get<std::string>().size() == 36);
    CHECK(ann["uuid"] != ben["uuid"]);
    // Time-ordered (version 7): a later contact's uuid sorts after an earlier one's.
    CHECK(ann["uuid"].get<std::string>()[14] == '7');
    CHECK(ann["uuid"].get<std::string>() < ben["uuid"].get<std::string>());
    CHECK(ann["created_at"].get<std::string>().back() == 'Z');
}

TEST_CASE("add accepts a birthday without a year in several spellings") {
    for (std::string spelling : {"--06-02", "06-02", "jun 2", "2 june", "June 2"}) {
        CAPTURE(spelling);
        Sandbox box;
        box.ok({"add", "Ann", "--birthday", spelling});
        CHECK(show_json(box, "ann")["birthday"] == "--06-02");
    }
}

TEST_CASE("add accepts a full-date birthday and shows the age") {
    Sandbox box;
    box.ok({"add", "Ann", "-b", "1986-03-15"});
    CHECK(show_json(box, "ann")["birthday"] == "1986-03-15");
    auto text = box.ok({"show", "ann", "--format", "plain"});
    CHECK(text.find("1986-03-15 (age 40)") != std::string::npos);
}

TEST_CASE("add accepts intervals, interval words and check-in windows for --every") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"30d", "30d"}, {"2w", "2w"}, {"6mo", "6mo"}, {"1y", "1y"},  {"monthly", "1mo"},
        {"quarterly", "3mo"}, {"weekly", "1w"}, {"3w..6w", "3w..6w"}, {"1mo..2mo", "1mo..2mo"}};
    for (const auto& item : cases) {
        const auto& typed = item.first;  // not a structured binding: clang 14 cannot capture those
        const auto& stored = item.second;
        CAPTURE(typed);
        Sandbox box;
        box.ok({"add", "Ann", "--every", typed});
        CHECK(show_json(box, "ann")["every"] == stored);
    }
}

TEST_CASE("add refuses a check-in window whose second part is not longer") {
    Sandbox box;
    auto result = box.run({"add", "Ann", "--every", "6w..3w"});
    check_error(result, 2, "6w..3w");
}

TEST_CASE("add keeps repeated emails once, ignoring case") {
    Sandbox box;
    box.ok({"add", "Ann", "-e", "ann@x.com", "-e", "ANN@X.COM", "-e", "ann@y.com"});
    CHECK(show_json(box, "ann")["emails"] == json::array({"ann@x.com", "ann@y.com"}));
}

TEST_CASE("add stores a tag without its # and lower-cased, and refuses a tag with spaces") {
    Sandbox box;
    box.ok({"add", "Ann", "--tag", "#VIP"});
    CHECK(show_json(box, "ann")["tags"] == json::array({"vip"}));
    check_error(box.run({"add", "Ben", "--tag", "two words"}), 2, "two words");
    CHECK(list_json(box).size() == 1);
}

TEST_CASE("add refuses a malformed email and writes nothing") {
    Sandbox box;
    box.ok({"add", "Ann"});
    check_error(box.run({"add", "Ben", "--email", "not-an-address"}), 2, "not-an-address");
    CHECK(names_of(list_json(box)) == std::vector<std::string>{"Ann"});
}

TEST_CASE("add of a name that already exists warns but adds") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    auto result = box.run({"add", "Sam Smith"});
    CHECK(result.code == 0);
    CHECK(result.out == "Added Sam Smith (#2)\n");
    CHECK(result.err.rfind("kith: warning:", 0) == 0);
    CHECK(result.err.find("#1") != std::string::npos);
    CHECK(list_json(box).size() == 2);
}

// ---- edit ------------------------------------------------------------------------------

TEST_CASE("edit changes each field flag") {
    Sandbox box;
    box.ok({"add", "Bob", "-e", "old@x.com", "-p", "111", "-t", "golf", "--nickname", "Bobby"});
    auto out = box.ok({"edit", "bob", "--name", "Robert Tables", "--company", "Globex", "--birthday", "1990-01-02",
                       "--every", "2w", "--add-email", "new@x.com", "--remove-email", "old@x.com", "--add-phone",
                       "222", "--remove-phone", "111", "--add-tag", "Chess", "--remove-tag", "golf",
                       "--add-nickname", "Rob", "--remove-nickname", "bobby"});
    CHECK(out == "Updated Robert Tables (#1)\n");
    auto bob = show_json(box, "#1");
    CHECK(bob["name"] == "Robert Tables");
    CHECK(bob["company"] == "Globex");
    CHECK(bob["birthday"] == "1990-01-02");
    CHECK(bob["every"] == "2w");
    CHECK(bob["emails"] == json::array({"new@x.com"}));
    CHECK(bob["phones"] == json::array({"222"}));
    CHECK(bob["tags"] == json::array({"chess"}));
    CHECK(bob["nicknames"] == json::array({"Rob"}));
}

TEST_CASE("edit with none or an empty value clears birthday and every") {
    Sandbox box;
    box.ok({"add", "Ann", "--birthday", "1990-01-02", "--every", "30d", "--company", "Acme"});
    box.ok({"edit", "ann", "--birthday", "none", "--every", "none"});
    auto ann = show_json(box, "ann");
    CHECK(ann["birthday"].is_null());
    CHECK(ann["every"].is_null());
    CHECK(ann["company"] == "Acme");

    box.ok({"edit", "ann", "--birthday", "--12-24", "--every", "1y"});
    box.ok({"edit", "ann", "--birthday", "", "--every", "", "--company", ""});
    ann = show_json(box, "ann");
    CHECK(ann["birthday"].is_null());
    CHECK(ann["every"].is_null());
    CHECK(ann["company"] == "");
}

TEST_CASE("edit removing a value that is not there is a usage error and changes nothing") {
    Sandbox box;
    box.ok({"add", "Ann", "--company", "Acme", "-e", "ann@x.com"});
    auto before = show_json(box, "ann");
    auto result = box.run({"edit", "ann", "--company", "Globex", "--remove-email", "nope@x.com"});
    check_error(result, 2, "nope@x.com");
    auto after = show_json(box, "ann");
    CHECK(after["company"] == "Acme");
    CHECK(after["updated_at"] == before["updated_at"]);
    check_error(box.run({"edit", "ann", "--remove-tag", "golf"}), 2, "golf");
    check_error(box.run({"edit", "ann", "--remove-phone", "123"}), 2, "123");
    check_error(box.run({"edit", "ann", "--remove-nickname", "Annie"}), 2, "Annie");
}

TEST_CASE("edit without flags is a usage error and writes nothing") {
    Sandbox box;
    box.ok({"add", "Ann", "--company", "Acme"});
    auto before = show_json(box, "ann");
    check_error(box.run({"edit", "ann"}), 2, "nothing to change");
    CHECK(show_json(box, "ann") == before);
}

TEST_CASE("edit refuses a bad birthday or interval and keeps the old value") {
    Sandbox box;
    box.ok({"add", "Ann", "--birthday", "1990-01-02", "--every", "30d"});
    check_error(box.run({"edit", "ann", "--birthday", "1990-02-30"}), 2, "1990-02-30");
    check_error(box.run({"edit", "ann", "--every", "sometimes"}), 2, "sometimes");
    auto ann = show_json(box, "ann");
    CHECK(ann["birthday"] == "1990-01-02");
    CHECK(ann["every"] == "30d");
}

TEST_CASE("edit takes a multi-word contact name without quotes") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    box.ok({"add", "Sam Jones"});
    CHECK(box.ok({"edit", "sam", "smith", "--company", "Acme"}) == "Updated Sam Smith (#1)\n");
    CHECK(show_json(box, "#1")["company"] == "Acme");
    CHECK(show_json(box, "#2")["company"] == "");
}

// ---- archive ---------------------------------------------------------------------------

TEST_CASE("archive hides a contact from list, keeps it resolvable, and --undo brings it back") {
    Sandbox box;
    box.ok({"add", "Ann"});
    box.ok({"add", "Old Colleague"});
    CHECK(box.ok({"archive", "old", "colleague"}) == "Archived Old Colleague (#2)\n");
    CHECK(names_of(list_json(box)) == std::vector<std::string>{"Ann"});
    CHECK(names_of(list_json(box, {"--archived"})) == std::vector<std::string>{"Ann", "Old Colleague"});
    auto old = show_json(box, "old colleague");
    CHECK(old["archived"] == true);
    CHECK(box.ok({"show", "old", "--format", "plain"}).find("archived") != std::string::npos);

    CHECK(box.ok({"archive", "--undo", "old colleague"}) == "Restored Old Colleague (#2)\n");
    CHECK(names_of(list_json(box)) == std::vector<std::string>{"Ann", "Old Colleague"});
    CHECK(show_json(box, "#2")["archived"] == false);
}

TEST_CASE("an archived contact can still get notes and be logged") {
    Sandbox box;
    box.ok({"add", "Old Colleague"});
    box.ok({"archive", "old"});
    box.ok({"note", "old colleague", "Moved to Lisbon"});
    box.ok({"log", "old colleague", "--via", "email"});
    auto old = show_json(box, "#1");
    CHECK(old["notes"].size() == 1);
    CHECK(old["last_contacted"] == "2026-11-22");
    CHECK(old["archived"] == true);
}

// ---- rm --------------------------------------------------------------------------------

TEST_CASE("rm --yes deletes the contact with its notes and interactions") {
    Sandbox box;
    box.ok({"add", "Sam Smith", "-e", "sam@x.com", "-t", "client", "--note", "first"});
    box.ok({"note", "sam", "second"});
    box.ok({"log", "sam", "--via", "call"});
    box.ok({"add", "Ann", "--note", "keep me"});
    CHECK(box.ok({"rm", "sam", "--yes"}) == "Deleted Sam Smith (#1)\n");
    check_error(box.run({"show", "#1"}), 3);
    CHECK(names_of(list_json(box)) == std::vector<std::string>{"Ann"});
    CHECK(count_rows(box.db, "contacts") == 1);
    CHECK(count_rows(box.db, "notes") == 1);
    CHECK(count_rows(box.db, "interactions") == 0);
    CHECK(count_rows(box.db, "contact_values WHERE contact_id = 1") == 0);
}

TEST_CASE("rm without --yes on a pipe refuses and deletes nothing") {
    Sandbox box;
    box.ok({"add", "Sam Smith", "--note", "first"});
    RunOptions piped;
    piped.input = "y\n";
    auto result = box.run({"rm", "sam"}, piped);
    check_error(result, 2, "--yes");
    auto sam = show_json(box, "sam");
    CHECK(sam["name"] == "Sam Smith");
    CHECK(sam["notes"].size() == 1);
}

TEST_CASE("rm of an ambiguous name deletes nobody") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    box.ok({"add", "Sam Jones"});
    check_error(box.run({"rm", "sam", "--yes"}), 3, "ambiguous");
    CHECK(list_json(box).size() == 2);
}

// ---- list ------------------------------------------------------------------------------

TEST_CASE("list QUERY matches name, company, email, phone, nickname and tag") {
    Sandbox box;
    box.ok({"add", "Sam Smith", "--company", "Acme Corp"});
    box.ok({"add", "Ann Lee", "-e", "ann@globex.com"});
    box.ok({"add", "Bob Stone", "-t", "climbing"});
    box.ok({"add", "Cy Twombly", "--nickname", "Painter"});
    box.ok({"add", "Dee Dee", "-p", "+44 7700 900123"});
    CHECK(names_of(list_json(box, {"smith"})) == std::vector<std::string>{"Sam Smith"});
    CHECK(names_of(list_json(box, {"acme"})) == std::vector<std::string>{"Sam Smith"});
    CHECK(names_of(list_json(box, {"globex"})) == std::vector<std::string>{"Ann Lee"});
    CHECK(names_of(list_json(box, {"CLIMB"})) == std::vector<std::string>{"Bob Stone"});
    CHECK(names_of(list_json(box, {"painter"})) == std::vector<std::string>{"Cy Twombly"});
    CHECK(names_of(list_json(box, {"7700"})) == std::vector<std::string>{"Dee Dee"});
    CHECK(list_json(box, {"nobody-matches-this"}).empty());
}

TEST_CASE("list --tag repeated requires every tag") {
    Sandbox box;
    box.ok({"add", "Ann", "-t", "client", "-t", "golf"});
    box.ok({"add", "Ben", "-t", "client"});
    box.ok({"add", "Cy", "-t", "golf"});
    CHECK(names_of(list_json(box, {"--tag", "client"})) == std::vector<std::string>{"Ann", "Ben"});
    CHECK(names_of(list_json(box, {"--tag", "client", "--tag", "golf"})) == std::vector<std::string>{"Ann"});
    CHECK(names_of(list_json(box, {"-t", "GOLF"})) == std::vector<std::string>{"Ann", "Cy"});
    CHECK(list_json(box, {"--tag", "client", "--tag", "chess"}).empty());
}

TEST_CASE("list sorts by name ignoring case and accents") {
    Sandbox box;
    for (std::string name : {"Zoe", "émile", "bob", "Alice", "Dan"}) box.ok({"add", name});
    CHECK(names_of(list_json(box)) == std::vector<std::string>{"Alice", "bob", "Dan", "émile", "Zoe"});
    auto lines = lines_of(box.ok({"list", "--format", "tsv", "--fields", "name"}));
    CHECK(lines == std::vector<std::string>{"Alice", "bob", "Dan", "émile", "Zoe"});
}

TEST_CASE("list --archived includes archived contacts") {
    Sandbox box;
    box.ok({"add", "Ann"});
    box.ok({"add", "Ben"});
    box.ok({"archive", "ben"});
    CHECK(names_of(list_json(box)) == std::vector<std::string>{"Ann"});
    auto all = list_json(box, {"--archived"});
    REQUIRE(all.size() == 2);
    CHECK(all[1]["name"] == "Ben");
    CHECK(all[1]["archived"] == true);
}

TEST_CASE("list --fields chooses columns, with singular aliases") {
    Sandbox box;
    box.ok({"add", "Ann", "-e", "ann@x.com", "-e", "ann@y.com", "-p", "555-1234", "-c", "Acme"});
    CHECK(box.ok({"list", "--format", "tsv", "--fields", "id,email,phone"}) == "1\tann@x.com,ann@y.com\t555-1234\n");
    CHECK(box.ok({"list", "--format", "tsv", "--fields", "name,company,emails"}) == "Ann\tAcme\tann@x.com,ann@y.com\n");
    auto plain = lines_of(box.ok({"list", "--format", "plain", "--fields", "name,phone"}));
    REQUIRE(plain.size() == 2);
    CHECK(plain[0] == "name  phones");
    CHECK(plain[1] == "Ann   555-1234");
}

TEST_CASE("list --fields with an unknown field is a usage error") {
    Sandbox box;
    box.ok({"add", "Ann"});
    check_error(box.run({"list", "--fields", "id,shoe_size"}), 2, "shoe_size");
}

TEST_CASE("list default plain layout has a header and one row per contact") {
    Sandbox box;
    box.ok({"add", "Sam Smith", "-c", "Acme", "-t", "client"});
    box.ok({"add", "Ann"});
    box.ok({"log", "sam", "--on", "2026-11-20"});
    auto lines = lines_of(box.ok({"list", "--format", "plain"}));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "id  name       company  tags    last");
    CHECK(lines[1] == "2   Ann");
    CHECK(lines[2] == "1   Sam Smith  Acme     client  2026-11-20");
}

TEST_CASE("list on an empty database prints nothing and succeeds") {
    Sandbox box;
    box.ok({"add", "Ann"});
    box.ok({"rm", "ann", "--yes"});
    CHECK(box.ok({"list"}).empty());
    CHECK(box.ok({"list", "--format", "jsonl"}).empty());
    CHECK(json::parse(box.ok({"list", "--format", "json"})) == json::array());
}

// ---- show ------------------------------------------------------------------------------

TEST_CASE("show prints the details of a person") {
    Sandbox box;
    box.ok({"add", "Sam Smith", "-e", "sam@acme.com", "-p", "+1 555", "-c", "Acme", "-t", "client", "--nickname",
            "Sammy", "--birthday", "1986-03-15", "--every", "3w..6w"});
    auto text = box.ok({"show", "sam", "--format", "plain"});
    auto lines = lines_of(text);
    REQUIRE(!lines.empty());
    CHECK(lines[0] == "Sam Smith  #1");
    for (std::string expected : {"sam@acme.com", "+1 555", "Acme", "client", "Sammy", "1986-03-15 (age 40)", "3w..6w",
                                 "never"})
        CHECK_MESSAGE(text.find(expected) != std::string::npos, expected);
}

TEST_CASE("show lists notes newest first, backdated ones after newer ones") {
    Sandbox box;
    box.ok({"add", "Ann"});
    box.ok({"note", "ann", "middle"});
    box.ok({"note", "ann", "--on", "2026-10-01", "oldest"});
    box.ok({"note", "ann", "newest"});
    auto ann = show_json(box, "ann");
    REQUIRE(ann["notes"].size() == 3);
    CHECK(ann["notes"][0]["text"] == "newest");
    CHECK(ann["notes"][1]["text"] == "middle");
    CHECK(ann["notes"][2]["text"] == "oldest");
    auto text = box.ok({"show", "ann", "--format", "plain"});
    auto newest = text.find("newest"), middle = text.find("middle"), oldest = text.find("oldest");
    CHECK(newest < middle);
    CHECK(middle < oldest);
    CHECK(text.find("2026-10-01  n2  oldest") != std::string::npos);
    CHECK(text.find("Notes (3)") != std::string::npos);
}

TEST_CASE("show lists interactions newest first and the last contacted date") {
    Sandbox box;
    box.ok({"add", "Ann"});
    box.ok({"log", "ann", "--via", "call", "--on", "2026-11-20", "Budget talk"});
    box.ok({"log", "ann", "--via", "email", "--on", "2026-10-01", "Sent the deck"});
    auto ann = show_json(box, "ann");
    CHECK(ann["last_contacted"] == "2026-11-20");
    REQUIRE(ann["interactions"].size() == 2);
    CHECK(ann["interactions"][0]["channel"] == "call");
    CHECK(ann["interactions"][0]["summary"] == "Budget talk");
    CHECK(ann["interactions"][1]["date"] == "2026-10-01");
    auto text = box.ok({"show", "ann", "--format", "plain"});
    CHECK(text.find("2026-11-20 (2 days ago)") != std::string::npos);
    CHECK(text.find("Interactions (2)") != std::string::npos);
    CHECK(text.find("Budget talk") < text.find("Sent the deck"));
}

TEST_CASE("show takes a multi-word name without quotes") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    box.ok({"add", "Sam Jones"});
    auto out = box.ok({"show", "sam", "smith", "--format", "plain"});
    CHECK(out.rfind("Sam Smith  #1\n", 0) == 0);
    CHECK(box.ok({"show", "SAM", "JONES", "--format", "plain"}).rfind("Sam Jones  #2\n", 0) == 0);
}

TEST_CASE("show gives the age of a Feb 29 birthday on Feb 28 in common years") {
    Sandbox box;
    box.ok({"add", "Leap", "--birthday", "2000-02-29"});
    CHECK(box.ok({"--today", "2027-02-27", "show", "leap", "--format", "plain"}).find("2000-02-29 (age 26)") !=
          std::string::npos);
    CHECK(box.ok({"--today", "2027-02-28", "show", "leap", "--format", "plain"}).find("2000-02-29 (age 27)") !=
          std::string::npos);
    CHECK(box.ok({"--today", "2028-02-29", "show", "leap", "--format", "plain"}).find("2000-02-29 (age 28)") !=
          std::string::npos);
    box.ok({"add", "No Year", "--birthday", "--02-29"});
    auto text = box.ok({"show", "no year", "--format", "plain"});
    CHECK(text.find("--02-29") != std::string::npos);
    CHECK(text.find("age") == std::string::npos);
}

TEST_CASE("show lines up the continuation lines of a multi-line note") {
    Sandbox box;
    box.ok({"add", "Ann"});
    RunOptions piped;
    piped.input = "first line\nsecond line\n";
    box.ok({"note", "ann"}, piped);
    auto text = box.ok({"show", "ann", "--format", "plain"});
    CHECK(text.find("  2026-11-22  n1  first line\n                  second line\n") != std::string::npos);
}

TEST_CASE("add --note with an empty text adds nobody, its #hashtags tag the note") {
    Sandbox box;
    box.ok({"add", "Ann"});
    check_error(box.run({"add", "Bob", "--note", "   "}), 2, "empty note");
    CHECK(names_of(list_json(box)) == std::vector<std::string>{"Ann"});
    box.ok({"add", "Cy", "--note", "Loves #Chess"});
    auto cy = show_json(box, "cy");
    CHECK(cy["tags"] == json::array());
    REQUIRE(cy["notes"].size() == 1);
    CHECK(cy["notes"][0]["tags"] == json::array({"chess"}));
}
