// Black-box tests of `kith backup [FILE]`: where the copy goes, its mode, that it is a whole and
// consistent database, and that it is safe while other kith processes write.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "harness.h"
#include "spawn.h"

using kith::test::check_error;
using kith::test::Child;
using kith::test::Launch;
using kith::test::Result;
using kith::test::Sandbox;
using kith::test::count_rows;
using kith::test::mode_of;
namespace fs = std::filesystem;

namespace {

std::string integrity_of(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet("PRAGMA integrity_check").getString();
}

std::vector<std::string> files_in(const std::string& directory) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(directory)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("backup without a database is exit 1 and creates nothing") {
    Sandbox box;
    check_error(box.run({"backup"}), 1, "no database at " + box.db);
    CHECK(!fs::exists(fs::path(box.db).parent_path()));
}

TEST_CASE("backup writes a dated 0600 copy beside the database and prints its path") {
    Sandbox box;
    box.ok({"add", "Ann", "--note", "likes sailing"});
    auto old_umask = ::umask(0);
    auto result = box.run({"backup"});
    ::umask(old_umask);
    REQUIRE(result.code == 0);
    CHECK(result.err.empty());
    auto expected = box.db + ".backup-2026-11-22";
    CHECK(result.out == expected + "\n");
    CHECK(mode_of(expected) == 0600u);
    CHECK(integrity_of(expected) == "ok");
    CHECK(box.ok({"--db", expected, "list", "--format", "tsv", "--fields", "name"}) == "Ann\n");
    // A second backup the same day never replaces the first.
    box.ok({"note", "ann", "moved to Lisbon"});
    CHECK(box.ok({"backup"}) == expected + ".2\n");
    CHECK(count_rows(expected, "notes") == 1);
    CHECK(count_rows(expected + ".2", "notes") == 2);
    CHECK(box.ok({"--today", "2026-12-01", "backup"}) == box.db + ".backup-2026-12-01\n");
}

TEST_CASE("backup FILE replaces an empty file whole, and a directory gets the dated name") {
    Sandbox box;
    box.ok({"add", "Ann"});
    auto file = box.dir + "/copy.db";
    box.write_file(file, "", 0644);  // an empty file, as `touch` makes: nothing there to lose
    CHECK(box.ok({"backup", file}) == file + "\n");
    CHECK(mode_of(file) == 0600u);
    CHECK(count_rows(file, "contacts") == 1);
    auto directory = box.dir + "/backups";
    fs::create_directory(directory);
    CHECK(box.ok({"backup", directory}) == directory + "/kith.db.backup-2026-11-22\n");
    CHECK(files_in(directory) == std::vector<std::string>{"kith.db.backup-2026-11-22"});
}

TEST_CASE("backup refuses to write over the database itself") {
    Sandbox box;
    box.ok({"add", "Ann"});
    check_error(box.run({"backup", box.db}), 2, "the database itself");
    check_error(box.run({"backup", fs::path(box.db).parent_path().string() + "/../data/kith.db"}), 2,
                "the database itself");
    CHECK(integrity_of(box.db) == "ok");
    CHECK(count_rows(box.db, "contacts") == 1);
}

TEST_CASE("backup to a missing directory or a full disk is exit 1 and leaves no partial file") {
    Sandbox box;
    box.ok({"add", "Ann"});
    kith::test::RunOptions big;
    big.input = std::string(200000, 'x');
    box.ok({"note", "ann", "-"}, big);
    check_error(box.run({"backup", box.dir + "/missing/copy.db"}), 1, "cannot write");
    auto directory = box.dir + "/small";
    fs::create_directory(directory);
    Launch launch;
    launch.args = {"backup", directory + "/copy.db"};
    launch.file_size_limit = 64 * 1024;  // the copy needs more than 200 kB
    check_error(kith::test::run_launch(box, launch), 1, "copy.db");
    CHECK(files_in(directory).empty());
}

TEST_CASE("backup does not wait for another program's open write transaction and leaves it out") {
    Sandbox box;
    box.ok({"add", "Ann"});
    SQLite::Database other(box.db, SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    other.exec("UPDATE contacts SET company = 'Uncommitted'");
    auto copy = box.dir + "/copy.db";
    auto result = box.run({"backup", copy});
    other.exec("COMMIT");
    REQUIRE(result.code == 0);
    SQLite::Database db(copy, SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT company FROM contacts").getString() == "");
}

TEST_CASE("backups taken while other kith processes write are whole and lose none of the writes") {
    Sandbox box;
    box.ok({"add", "Ann"});
    constexpr int writers = 24;
    std::vector<Child> children;
    for (int i = 0; i < writers; ++i) {
        Launch launch;
        launch.args = {"note", "ann", "note number " + std::to_string(i)};
        children.push_back(kith::test::start(box, launch));
    }
    // Backups while the notes are being written: each is a snapshot of some moment, so the
    // number of notes in them only grows.
    int previous = 0;
    for (int i = 0; i < 4; ++i) {
        auto copy = box.dir + "/copy-" + std::to_string(i) + ".db";
        auto result = box.run({"backup", copy});
        INFO(result.err);
        REQUIRE(result.code == 0);
        CHECK(integrity_of(copy) == "ok");
        int notes = count_rows(copy, "notes");
        CHECK(notes >= previous);
        CHECK(notes <= writers);
        previous = notes;
    }
    for (auto& child : children) {
        auto result = child.wait();
        INFO(result.err);
        CHECK(result.code == 0);
    }
    auto last = box.dir + "/copy-last.db";
    box.ok({"backup", last});
    CHECK(count_rows(last, "notes") == writers);
}
