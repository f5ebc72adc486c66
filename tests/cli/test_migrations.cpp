// Every shipped schema version, as a database its kith made (tests/fixtures/db/kith-vN.db,
// written by make-fixture.sh), opened by today's kith: upgraded with a copy kept and named,
// or used as it is, with every record still there.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness.h"

using kith::test::Sandbox;
using kith::test::mode_of;
using kith::test::with_env;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

// What make-fixture.sh put in each fixture. A new fixture needs its line here.
struct Fixture {
    int version;
    std::size_t contacts, notes, interactions, reminders, asked;
};
const std::vector<Fixture> fixtures{
    {1, 12, 32, 20, 4, 2},
    {2, 12, 34, 20, 4, 2},
    {3, 12, 34, 20, 4, 2},
    {4, 12, 34, 20, 4, 2},
    {5, 12, 34, 20, 4, 2},
    {6, 12, 34, 20, 4, 2},
    {7, 12, 34, 20, 4, 2},
    {8, 12, 34, 20, 4, 2},
    {9, 12, 34, 20, 4, 2},
    {10, 12, 34, 20, 4, 2},
    {11, 12, 34, 20, 4, 2},
};

const std::string fixture_dir = std::string(KITH_SOURCE_DIR) + "/tests/fixtures/db";

std::string fixture_path(int version) { return fixture_dir + "/kith-v" + std::to_string(version) + ".db"; }

int user_version(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet("PRAGMA user_version").getInt();
}

// The schema version a new database gets from this kith.
int current_version() {
    Sandbox box;
    box.ok({"add", "Ann"});
    return user_version(box.db);
}

}  // namespace

TEST_CASE("there is a fixture database for every schema version, and only those") {
    int current = current_version();
    CHECK(current >= 1);
    for (int version = 1; version <= current; ++version) {
        CAPTURE(version);
        CHECK(fs::exists(fixture_path(version)));
    }
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(fixture_dir))
        if (entry.path().extension() == ".db") ++files;
    CHECK(files == fixtures.size());
    CHECK(fixtures.size() == static_cast<std::size_t>(current));
}

TEST_CASE("every shipped schema version opens with today's kith, upgraded with a named copy, records intact") {
    int current = current_version();
    for (const auto& fixture : fixtures) {
        CAPTURE(fixture.version);
        Sandbox box;
        fs::create_directories(fs::path(box.db).parent_path());
        fs::copy_file(fixture_path(fixture.version), box.db);
        REQUIRE(user_version(box.db) == fixture.version);

        auto result = box.run({"export", "--format", "json"});
        INFO(result.err);
        REQUIRE(result.code == 0);
        auto backup = box.db + ".bak-v" + std::to_string(fixture.version);
        if (fixture.version < current) {
            CHECK(result.err == "kith: warning: database upgraded to schema version " + std::to_string(current) +
                                    "; the old one is saved as " + backup + "\n");
            CHECK(mode_of(backup) == 0600u);
            CHECK(user_version(backup) == fixture.version);
        } else {
            CHECK(result.err.empty());
            CHECK(!fs::exists(backup));
        }
        CHECK(user_version(box.db) == current);

        auto exported = json::parse(result.out);
        std::size_t notes = 0, interactions = 0, reminders = 0, asked = 0;
        for (const auto& contact : exported["contacts"]) {
            notes += contact["notes"].size();
            interactions += contact["interactions"].size();
            reminders += contact["reminders"].size();
            asked += contact["asked"].size();
        }
        CHECK(exported["contacts"].size() == fixture.contacts);
        CHECK(notes == fixture.notes);
        CHECK(interactions == fixture.interactions);
        CHECK(reminders == fixture.reminders);
        CHECK(asked == fixture.asked);

        {
            SQLite::Database db(box.db, SQLite::OPEN_READONLY);
            CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
            CHECK(!db.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt());
        }
        // Every note has its reading, made in the upgrade when the file had none (SPEC §5a).
        auto shown = json::parse(box.ok({"show", "sam smith", "--format", "json"}));
        REQUIRE(!shown["notes"].empty());
        for (const auto& note : shown["notes"]) CHECK(note["reading"].is_object());
        // The records it held before search existed are found (the upgrade indexed them).
        auto kinds_found = [&](const std::string& words) {
            std::multiset<std::string> kinds;
            const auto found = json::parse(box.ok({"search", words, "--format", "json"}));
            for (const auto& hit : found["hits"])
                kinds.insert(hit["kind"].get<std::string>());
            return kinds;
        };
        CHECK(kinds_found("boston") == std::multiset<std::string>{"note", "note"});
        CHECK(kinds_found("lisbon") == std::multiset<std::string>{"interaction", "note"});
        CHECK(kinds_found("proposal") == std::multiset<std::string>{"interaction", "note", "reminder"});
        // Its phone numbers are found however they are written (keyed anew in the upgrade to v5),
        // and shown as they were.
        shown = json::parse(box.ok({"show", "+1 (617) 555-0142", "--format", "json"}));
        CHECK(shown["name"] == "Sam Smith");
        CHECK(shown["phones"] == json::array({"+1 617 555 0142"}));
        CHECK(json::parse(box.ok({"show", "6175550142", "--format", "json"}, with_env({{"LANG", "en_US.UTF-8"}})))["name"] ==
              "Sam Smith");
        // And it is a working database: commands read and write it.
        box.ok({"due"});
        box.ok({"note", "sam smith", "written after the upgrade"});
        CHECK(box.ok({"show", "sam smith"}).find("written after the upgrade") != std::string::npos);
        CHECK(kinds_found("written upgrade") == std::multiset<std::string>{"note"});
        {
            SQLite::Database db(box.db, SQLite::OPEN_READWRITE);
            for (std::string index : {"search_notes", "search_interactions", "search_reminders"})
                CHECK_NOTHROW(db.exec("INSERT INTO " + index + " (" + index + ", rank) VALUES ('integrity-check', 1)"));
        }
    }
}

namespace {

// Every row of kith's record tables, by id, with its uuid (or its key columns for the tables
// keyed by person): what the upgrade to v8, which makes those tables anew, must keep.
std::vector<std::string> rows_by_id(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    std::vector<std::string> rows;
    const char* const queries[] = {
        "SELECT 'contact', id, uuid, name FROM contacts",
        // Not the reading: the rules make it, and read the notes again whenever they change.
        "SELECT 'note', id, uuid, contact_id || ' ' || text FROM notes",
        "SELECT 'interaction', id, uuid, contact_id || ' ' || summary FROM interactions",
        "SELECT 'reminder', id, uuid, contact_id || ' ' || text FROM reminders",
        "SELECT 'asked', id, uuid, contact_id || ' ' || question_id || ' ' || ifnull(interaction_id, '') FROM asked_questions",
        "SELECT 'value', contact_id, kind, value FROM contact_values",
        "SELECT 'field', contact_id, kind, value FROM contact_fields",
        "SELECT 'changed', '', uuid, '' FROM sync_changed",
    };
    for (const char* sql : queries) {
        SQLite::Statement query(db, sql);
        while (query.executeStep())
            rows.push_back(query.getColumn(0).getString() + " " + query.getColumn(1).getString() + " " +
                           query.getColumn(2).getString() + " " + query.getColumn(3).getString());
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

int query_int(const std::string& path, const std::string& sql) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt();
}

}  // namespace

TEST_CASE("a v7 database keeps every id and row in the upgrade to v8, and then never gives a removed id again") {
    Sandbox box;
    fs::create_directories(fs::path(box.db).parent_path());
    fs::copy_file(fixture_path(7), box.db);
    const auto before = rows_by_id(box.db);
    REQUIRE(before.size() > 100);
    box.ok({"list"});
    REQUIRE(user_version(box.db) >= 8);
    CHECK(rows_by_id(box.db) == before);
    CHECK(query_int(box.db, "SELECT count(*) FROM notes WHERE reading = ''") == 0);
    // Each table knows the largest id it has given: the largest it held.
    for (std::string table : {"contacts", "notes", "interactions", "reminders", "asked_questions"}) {
        CAPTURE(table);
        CHECK(query_int(box.db, "SELECT seq FROM sqlite_sequence WHERE name = '" + table + "'") ==
              query_int(box.db, "SELECT max(id) FROM " + table));
    }
    // The upgrade made no command to undo: the newest one is still the fixture's own last
    // (`done n34`), recorded against the old tables, and it still applies to the new ones.
    CHECK(box.ok({"undo"}).find("Undid: done") == 0);

    // The newest of each kind (Olivia Brooks #12, n34, i20, r4) removed: the next is new.
    CHECK(box.ok({"rm", "n34", "i20", "r4", "--yes"}).find("Deleted") == 0);
    box.ok({"rm", "#12", "--yes"});
    CHECK(box.ok({"note", "sam smith", "After the upgrade"}).find("note 35\n") != std::string::npos);
    CHECK(box.ok({"remind", "sam smith", "2026-12-24", "After the upgrade"}).find("Reminder r5 ") == 0);
    box.ok({"log", "sam smith", "--via", "call", "After the upgrade"});
    CHECK(query_int(box.db, "SELECT id FROM interactions WHERE summary = 'After the upgrade'") == 21);
    CHECK(box.ok({"add", "Nina Park"}) == "Added Nina Park (#13)\n");
    // The search indexes, kept by triggers made anew, follow the new rows and the removed ones.
    CHECK(json::parse(box.ok({"search", "upgrade", "--format", "json"}))["hits"].size() == 3);
    {
        SQLite::Database db(box.db, SQLite::OPEN_READWRITE);
        CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
        CHECK(!db.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt());
        for (std::string index : {"search_notes", "search_interactions", "search_reminders"})
            CHECK_NOTHROW(db.exec("INSERT INTO " + index + " (" + index + ", rank) VALUES ('integrity-check', 1)"));
    }
}

TEST_CASE("a database whose records name a person it does not hold is not upgraded, and says so") {
    Sandbox box;
    fs::create_directories(fs::path(box.db).parent_path());
    fs::copy_file(fixture_path(7), box.db);
    fs::permissions(box.db, fs::perms::owner_read | fs::perms::owner_write);
    {
        // Only a file written with foreign keys off (by hand, or by another tool) can hold one.
        SQLite::Database db(box.db, SQLite::OPEN_READWRITE);
        db.exec("INSERT INTO notes (uuid, contact_id, text, noted_on, created_at, updated_at) "
                "VALUES ('orphan', 999, 'whose?', '2026-11-01', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')");
    }
    auto result = box.run({"list"});
    kith::test::check_error(result, 1, "has 1 row(s) of notes whose person or interaction is not in it; nothing upgraded");
    CHECK(user_version(box.db) == 7);
    CHECK(query_int(box.db, "SELECT count(*) FROM notes") == 35);
    CHECK(query_int(box.db, "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_sequence'") == 0);
}

TEST_CASE("a v7 database upgrades with no field stamps and no tombstones, and stamps what changes after") {
    Sandbox box;
    fs::create_directories(fs::path(box.db).parent_path());
    fs::copy_file(fixture_path(7), box.db);
    box.ok({"list"});
    {
        SQLite::Database db(box.db, SQLite::OPEN_READONLY);
        CHECK(db.execAndGet("SELECT count(*) FROM contacts WHERE changed <> '{}'").getInt() == 0);
        CHECK(db.execAndGet("SELECT count(*) FROM contacts").getInt() == 12);
        CHECK(db.execAndGet("SELECT count(*) FROM tombstones").getInt() == 0);
    }
    auto sam = json::parse(box.ok({"export"}))["contacts"][0];
    CHECK(sam["changed"] == json::object());
    box.ok({"edit", "sam smith", "--company", "Initech"});
    sam = json::parse(box.ok({"export"}))["contacts"][0];
    CHECK(sam["changed"].size() == 1);
    CHECK(sam["changed"]["company"] == sam["updated_at"]);
    box.ok({"rm", "grace liu", "--yes"});
    CHECK(json::parse(box.ok({"export"}))["tombstones"].size() == 1);
}
