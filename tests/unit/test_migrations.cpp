// Upgrading a database: the copy kept first, the migration in one transaction, and a kill
// midway. Only schema v1 has shipped, so these run a test migration after the shipped ones
// on the v1 fixture, as the next version's would run; tests/cli/test_migrations.cpp opens
// every shipped fixture with the real binary.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "kith/error.h"
#include "kith/store.h"
#include "store/schema.h"

using namespace kith;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "kith-migrate-XXXXXX").string();
        path = ::mkdtemp(pattern.data());
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// A private copy of the shipped v1 database (tests/fixtures/db).
std::string copy_of_v1(const TempDir& temp) {
    auto path = (temp.path / "kith.db").string();
    fs::copy_file(std::string(KITH_FIXTURES) + "/db/kith-v1.db", path, fs::copy_options::overwrite_existing);
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
    return path;
}

struct Shape {
    int version = 0;
    std::string integrity;
    int notes = 0;
    int notes_migrated = 0;  // notes the test migration marked
    bool has_extra = false;
};

Shape shape_of(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    Shape shape;
    shape.version = db.execAndGet("PRAGMA user_version").getInt();
    shape.integrity = db.execAndGet("PRAGMA integrity_check").getString();
    shape.notes = db.execAndGet("SELECT count(*) FROM notes").getInt();
    shape.notes_migrated = db.execAndGet("SELECT count(*) FROM notes WHERE text LIKE '% [v2]'").getInt();
    shape.has_extra = db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'extra'").getInt() == 1;
    return shape;
}

unsigned mode_of(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return 0;
    return static_cast<unsigned>(info.st_mode) & 0777u;
}

constexpr int v1_notes = 32;  // in tests/fixtures/db/kith-v1.db

}  // namespace

TEST_CASE("the v1 fixture is what these tests expect") {
    TempDir temp;
    auto shape = shape_of(copy_of_v1(temp));
    CHECK(shape.version == 1);
    CHECK(shape.integrity == "ok");
    CHECK(shape.notes == v1_notes);
    CHECK(shape.notes_migrated == 0);
}

TEST_CASE("upgrading keeps a 0600 copy named kith.db.bak-vN, then migrates in one transaction") {
    TempDir temp;
    auto path = copy_of_v1(temp);
    schema::TestMigration v2("UPDATE notes SET text = text || ' [v2]'; CREATE TABLE extra (x INTEGER);");
    auto old_umask = ::umask(0);
    auto store = Store::open(path, Store::Access::read);
    ::umask(old_umask);
    CHECK(store->schema_version() == Store::current_schema_version());  // the test's migration included
    REQUIRE(store->migration_backup());
    CHECK(*store->migration_backup() == path + ".bak-v1");
    CHECK(mode_of(path + ".bak-v1") == 0600u);
    auto before = shape_of(path + ".bak-v1");
    CHECK(before.version == 1);
    CHECK(before.integrity == "ok");
    CHECK(before.notes_migrated == 0);
    CHECK(before.notes == v1_notes);
    store.reset();
    auto after = shape_of(path);
    CHECK(after.version == Store::current_schema_version());
    CHECK(after.notes_migrated == v1_notes);
    CHECK(after.has_extra);
    // Opening the upgraded database again neither migrates nor copies.
    fs::remove(path + ".bak-v1");
    CHECK_FALSE(Store::open(path, Store::Access::write)->migration_backup());
    CHECK_FALSE(fs::exists(path + ".bak-v1"));
}

TEST_CASE("a migration that fails leaves the database at its old version") {
    TempDir temp;
    auto path = copy_of_v1(temp);
    schema::TestMigration v2("UPDATE notes SET text = text || ' [v2]'; SELECT * FROM no_such_table;");
    CHECK_THROWS(Store::open(path, Store::Access::write));
    auto shape = shape_of(path);
    CHECK(shape.version == 1);
    CHECK(shape.notes_migrated == 0);
    CHECK(shape_of(path + ".bak-v1").version == 1);
}

TEST_CASE("a read-only database that needs upgrading is refused, not half-migrated") {
    TempDir temp;
    auto path = copy_of_v1(temp);
    schema::TestMigration v2("UPDATE notes SET text = text || ' [v2]';");
    fs::permissions(path, fs::perms::owner_read);
    if (::access(path.c_str(), W_OK) == 0) return;  // root writes anyway; the CLI tests cover it as another user
    try {
        Store::open(path, Store::Access::read);
        FAIL("an old read-only database was opened");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("read-only") != std::string::npos);
    }
    CHECK(shape_of(path).version == 1);
}

TEST_CASE("a migration killed midway leaves the old database or the migrated one, never half") {
    // Writes enough to spill into the WAL before it commits, then computes for a while, so
    // the kills land both while pages are being written and before the commit.
    schema::TestMigration v2(
        "UPDATE notes SET text = text || ' [v2]';"
        "CREATE TABLE filler AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000)"
        "  SELECT x, randomblob(100) AS b FROM c;"
        "CREATE TABLE extra AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000)"
        "  SELECT sum(x) AS total FROM c;");
    for (int delay_ms : {5, 30, 100, 300}) {
        CAPTURE(delay_ms);
        TempDir temp;
        auto path = copy_of_v1(temp);
        pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            try {
                Store::open(path, Store::Access::write);
            } catch (...) {
                ::_exit(1);
            }
            ::_exit(0);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        auto shape = shape_of(path);
        CHECK(shape.integrity == "ok");
        CHECK(shape.notes == v1_notes);
        if (shape.version == 1) {
            CHECK(shape.notes_migrated == 0);
            CHECK_FALSE(shape.has_extra);
        } else {
            CHECK(shape.version == Store::current_schema_version());
            CHECK(shape.notes_migrated == v1_notes);
            CHECK(shape.has_extra);
        }
        // The copy is whole or absent: it is renamed into place only once complete.
        if (fs::exists(path + ".bak-v1")) {
            auto copy = shape_of(path + ".bak-v1");
            CHECK(copy.integrity == "ok");
            CHECK(copy.version == 1);
            CHECK(copy.notes == v1_notes);
        }
        // And the next kith to open it finishes the job.
        CHECK(Store::open(path, Store::Access::write)->schema_version() == Store::current_schema_version());
        CHECK(shape_of(path).notes_migrated == v1_notes);
    }
}
