// Black-box tests of CONTACT resolution (SPEC §2): id, exact name or nickname, unique prefix,
// unique substring; ambiguous or unknown is exit 3 with nothing written.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness.h"

using kith::test::Result;
using kith::test::Sandbox;
using kith::test::check_error;
using kith::test::lines_of;
using json = nlohmann::json;

namespace {

// The id `show` resolves QUERY to, or -1 when it fails.
long long resolved_id(const Sandbox& box, const std::string& query) {
    auto result = box.run({"show", query, "--format", "json"});
    if (result.code != 0) return -1;
    return json::parse(result.out)["id"].get<long long>();
}

std::string db_snapshot(const Sandbox& box) {
    SQLite::Database db(box.db, SQLite::OPEN_READONLY);
    std::string out;
    for (std::string table : {"contacts", "contact_values", "notes", "interactions"}) {
        SQLite::Statement query(db, "SELECT * FROM " + table);
        while (query.executeStep()) {
            for (int i = 0; i < query.getColumnCount(); ++i) out += query.getColumn(i).getString() + "|";
            out += "\n";
        }
    }
    return out;
}

}  // namespace

TEST_CASE("a contact resolves by #id and by a bare id") {
    Sandbox box;
    box.ok({"add", "Ann"});
    box.ok({"add", "Ben"});
    CHECK(resolved_id(box, "#2") == 2);
    CHECK(resolved_id(box, "2") == 2);
    CHECK(resolved_id(box, "#1") == 1);
    check_error(box.run({"show", "#12"}), 3, "#12");
    check_error(box.run({"show", "12"}), 3, "#12");
}

TEST_CASE("an exact name wins over a longer name with the same prefix") {
    Sandbox box;
    box.ok({"add", "Samantha Green"});
    box.ok({"add", "Sam"});
    CHECK(resolved_id(box, "sam") == 2);
    CHECK(resolved_id(box, "saman") == 1);
}

TEST_CASE("a nickname resolves exactly, case-insensitively") {
    Sandbox box;
    box.ok({"add", "Robert Tables", "--nickname", "Bobby"});
    box.ok({"add", "Bobby Fischer"});
    box.ok({"add", "Alexander Hamilton", "--nickname", "Al"});
    box.ok({"add", "Alan Turing"});
    // "Al" is exactly a nickname, although it also starts "Alan" and "Alexander".
    CHECK(resolved_id(box, "al") == 3);
    // "Bobby" is exactly #1's nickname and only a prefix of #2's name: the exact match wins.
    CHECK(resolved_id(box, "BOBBY") == 1);
    CHECK(resolved_id(box, "bobby f") == 2);
    CHECK(resolved_id(box, "Robert") == 1);
}

TEST_CASE("names match case-insensitively, with accents folded") {
    Sandbox box;
    box.ok({"add", "Renée Dupont"});
    box.ok({"add", "Zoë"});
    CHECK(resolved_id(box, "renée dupont") == 1);
    CHECK(resolved_id(box, "RENÉE DUPONT") == 1);
    CHECK(resolved_id(box, "renee dupont") == 1);
    CHECK(resolved_id(box, "RENÉE") == 1);
    CHECK(resolved_id(box, "renee") == 1);
    CHECK(resolved_id(box, "zoe") == 2);
    CHECK(resolved_id(box, "ZOË") == 2);
}

TEST_CASE("when accented and plain spellings both exist, the one typed exactly wins") {
    Sandbox box;
    box.ok({"add", "Renée"});
    box.ok({"add", "Renee"});
    CHECK(resolved_id(box, "Renée") == 1);
    CHECK(resolved_id(box, "RENÉE") == 1);
    CHECK(resolved_id(box, "Renee") == 2);
    CHECK(resolved_id(box, "renee") == 2);
}

TEST_CASE("a unique prefix resolves") {
    Sandbox box;
    box.ok({"add", "Alice Walker"});
    box.ok({"add", "Bob Dylan"});
    CHECK(resolved_id(box, "ali") == 1);
    CHECK(resolved_id(box, "B") == 2);
    CHECK(resolved_id(box, "alice w") == 1);
}

TEST_CASE("a unique substring resolves") {
    Sandbox box;
    box.ok({"add", "Renée Dupont"});
    box.ok({"add", "Bob Dylan"});
    CHECK(resolved_id(box, "upo") == 1);
    CHECK(resolved_id(box, "dyl") == 2);
    CHECK(resolved_id(box, "DUPONT") == 1);
}

TEST_CASE("an ambiguous prefix is exit 3 naming both candidates with ids, and nothing is written") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    box.ok({"add", "Sam Jones"});
    auto before = db_snapshot(box);
    auto result = box.run({"note", "sam", "a note"});
    check_error(result, 3, "ambiguous");
    CHECK(result.err.find("Sam Smith (#1)") != std::string::npos);
    CHECK(result.err.find("Sam Jones (#2)") != std::string::npos);
    check_error(box.run({"edit", "sam", "--company", "X"}), 3, "Sam Jones (#2)");
    check_error(box.run({"archive", "sam"}), 3, "Sam Smith (#1)");
    check_error(box.run({"show", "sam"}), 3, "Sam Jones (#2)");
    CHECK(db_snapshot(box) == before);
}

TEST_CASE("an ambiguous substring is exit 3 naming the candidates") {
    Sandbox box;
    box.ok({"add", "Ann Smith"});
    box.ok({"add", "Bo Smithers"});
    auto result = box.run({"show", "mit"});
    check_error(result, 3, "Ann Smith (#1)");
    CHECK(result.err.find("Bo Smithers (#2)") != std::string::npos);
}

TEST_CASE("two people with the same exact name are ambiguous, the #id tells them apart") {
    Sandbox box;
    box.ok({"add", "Sam Smith", "-c", "Acme"});
    box.ok({"add", "Sam Smith", "-c", "Globex"});
    auto result = box.run({"show", "sam smith"});
    check_error(result, 3, "#1");
    CHECK(result.err.find("#2") != std::string::npos);
    CHECK(resolved_id(box, "#2") == 2);
}

TEST_CASE("an unknown contact is exit 3 and nothing is written") {
    Sandbox box;
    box.ok({"add", "Ann"});
    auto before = db_snapshot(box);
    check_error(box.run({"show", "zelda"}), 3, "zelda");
    check_error(box.run({"note", "zelda", "text"}), 3, "zelda");
    check_error(box.run({"log", "zelda"}), 3, "zelda");
    check_error(box.run({"edit", "zelda", "--company", "X"}), 3, "zelda");
    check_error(box.run({"archive", "zelda"}), 3, "zelda");
    check_error(box.run({"rm", "zelda", "--yes"}), 3, "zelda");
    CHECK(db_snapshot(box) == before);
}

TEST_CASE("an active contact wins over an archived one with the same prefix") {
    Sandbox box;
    box.ok({"add", "Carla Old"});
    box.ok({"add", "Carl New"});
    box.ok({"archive", "carla"});
    CHECK(resolved_id(box, "car") == 2);
    // The archived one is still reachable by a name only it matches.
    CHECK(resolved_id(box, "carla") == 1);
    CHECK(resolved_id(box, "old") == 1);
}

TEST_CASE("an active contact wins over an archived one with the same name") {
    Sandbox box;
    box.ok({"add", "Pat Lee"});
    box.ok({"archive", "pat"});
    auto result = box.run({"add", "Pat Lee"});
    CHECK(result.code == 0);
    CHECK(resolved_id(box, "pat lee") == 2);
    CHECK(resolved_id(box, "#1") == 1);
}

TEST_CASE("two archived contacts with the same prefix are ambiguous") {
    Sandbox box;
    box.ok({"add", "Dana One"});
    box.ok({"add", "Dana Two"});
    box.ok({"archive", "#1"});
    box.ok({"archive", "#2"});
    auto result = box.run({"show", "dana"});
    check_error(result, 3, "Dana One (#1)");
    CHECK(result.err.find("Dana Two (#2)") != std::string::npos);
}
