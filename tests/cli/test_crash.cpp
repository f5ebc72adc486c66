// A kith killed with SIGKILL in the middle of a large import leaves the database as it was
// before, or with all of the import: never half, never corrupt. (A killed migration is in
// tests/unit/test_migrations.cpp.)
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "harness.h"
#include "spawn.h"

using kith::test::Launch;
using kith::test::Sandbox;
namespace fs = std::filesystem;

namespace {

constexpr int records = 5000;

// Thousands of people with an email, a tag and two notes each: seconds of writing.
std::string write_import(const Sandbox& box) {
    auto path = box.dir + "/people.jsonl";
    std::ofstream out(path);
    for (int i = 0; i < records; ++i) {
        out << "{\"name\":\"Person " << i << "\",\"emails\":[\"p" << i << "@example.com\"],\"tags\":[\"t" << i % 7
            << "\"],\"notes\":[{\"text\":\"first note " << i << "\"},{\"text\":\"second note " << i << "\"}]}\n";
    }
    return path;
}

struct Counts {
    std::string integrity;
    int contacts = 0, notes = 0, values = 0;
};

Counts counts_of(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    Counts counts;
    counts.integrity = db.execAndGet("PRAGMA integrity_check").getString();
    counts.contacts = db.execAndGet("SELECT count(*) FROM contacts").getInt();
    counts.notes = db.execAndGet("SELECT count(*) FROM notes").getInt();
    counts.values = db.execAndGet("SELECT count(*) FROM contact_values").getInt();
    return counts;
}

std::uintmax_t size_or_zero(const std::string& path) {
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    return ec ? 0 : size;
}

// Kills the import `when` says, then checks the database holds none of it or all of it.
template <class When>
void kill_import_and_check(const std::string& label, When&& when) {
    CAPTURE(label);
    Sandbox box;
    box.ok({"add", "Ann", "--email", "ann@example.com", "--note", "before the import"});
    auto file = write_import(box);
    Launch launch;
    launch.args = {"import", file};
    auto child = kith::test::start(box, launch);
    when(box);
    child.kill(SIGKILL);
    auto result = child.wait();
    auto counts = counts_of(box.db);
    CHECK(counts.integrity == "ok");
    bool killed = result.code == 128 + SIGKILL;
    MESSAGE(label, ": ", std::string(killed ? "killed" : "finished first"), ", WAL ", size_or_zero(box.db + "-wal"),
            " bytes, ", counts.contacts - 1, " of ", records, " people in the database");
    if (counts.contacts == 1) {
        CHECK(counts.notes == 1);
        CHECK(counts.values == 1);
    } else {
        CHECK(counts.contacts == 1 + records);
        CHECK(counts.notes == 1 + 2 * records);
        CHECK(counts.values == 1 + 2 * records);
    }
    if (!killed) CHECK(counts.contacts == 1 + records);
    // The next kith recovers the WAL and carries on.
    box.ok({"note", "ann", "after the kill"});
    CHECK(counts_of(box.db).notes == counts.notes + 1);
}

}  // namespace

TEST_CASE("an import killed with SIGKILL after 50, 150, 400 or 1500 ms leaves none of it or all of it") {
    for (int delay_ms : {50, 150, 400, 1500}) {
        kill_import_and_check("after " + std::to_string(delay_ms) + " ms", [&](const Sandbox&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        });
    }
}

TEST_CASE("an import killed while its uncommitted pages fill the WAL leaves none of it") {
    // SQLite spills pages to the WAL before the commit once its cache is full: the kill lands
    // with half an import on disk, which readers and the next writer must never see.
    kill_import_and_check("WAL over 1 MB", [](const Sandbox& box) {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (size_or_zero(box.db + "-wal") < 1024 * 1024 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::microseconds(500));
    });
}

TEST_CASE("an import into a new database killed midway leaves it empty or whole, and in WAL mode again") {
    // The kill may land while the new file is still being switched into WAL mode.
    for (int delay_ms : {30, 100, 300, 1000}) {
        CAPTURE(delay_ms);
        Sandbox box;
        auto file = write_import(box);
        Launch launch;
        launch.args = {"import", file};
        auto child = kith::test::start(box, launch);
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        child.kill(SIGKILL);
        auto result = child.wait();
        const bool killed = result.code == 128 + SIGKILL;
        MESSAGE("after ", delay_ms, " ms: ", std::string(killed ? "killed" : "finished first"), ", journal ",
                size_or_zero(box.db + "-journal"), " bytes, database ", size_or_zero(box.db), " bytes");
        // The next kith rolls back whatever the kill left, then writes as usual.
        box.ok({"add", "Ann", "--email", "ann@example.com"});
        auto counts = counts_of(box.db);
        CHECK(counts.integrity == "ok");
        CHECK((counts.contacts == 1 || counts.contacts == 1 + records));
        if (!killed) CHECK(counts.contacts == 1 + records);
        CHECK(counts.notes == (counts.contacts - 1) * 2);
        CHECK(SQLite::Database(box.db).execAndGet("PRAGMA journal_mode").getString() == "wal");
        CHECK_FALSE(fs::exists(box.db + "-journal"));
    }
}

TEST_CASE("a refused import into a new database leaves no people and the file in WAL mode") {
    Sandbox box;
    const auto file = box.dir + "/broken.vcf";
    std::ofstream(file) << "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nEND:VCARD\r\n"
                           "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken\r\nBDAY:2026-02-30\r\nEND:VCARD\r\n";
    auto result = box.run({"import", file});
    CHECK(result.code == 2);
    CHECK(result.err.find("bad BDAY") != std::string::npos);
    if (fs::exists(box.db)) {
        CHECK(counts_of(box.db).contacts == 0);
        CHECK(SQLite::Database(box.db).execAndGet("PRAGMA journal_mode").getString() == "wal");
        CHECK_FALSE(fs::exists(box.db + "-journal"));
    }
}
