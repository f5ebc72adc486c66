// Bad input through the real binary (issue 6): invalid UTF-8 and NUL bytes in arguments and
// files, huge notes and tag lists, damaged, read-only and unwritable databases, a full disk.
// Each is either handled or one `kith: ` line with the documented exit code, and nothing is
// half-written. (Invalid UTF-8 in names and piped notes, a directory or a non-database as
// the database: see test_errors.cpp and test_notes.cpp.)
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "harness.h"
#include "spawn.h"

using kith::test::check_error;
using kith::test::Launch;
using kith::test::Result;
using kith::test::RunOptions;
using kith::test::Sandbox;
using kith::test::piped;
using kith::test::lines_of;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Snapshot {
    std::string integrity;
    int contacts = 0, notes = 0, interactions = 0, reminders = 0, values = 0;
    bool operator==(const Snapshot&) const = default;
};

Snapshot snapshot(const std::string& db_path) {
    SQLite::Database db(db_path, SQLite::OPEN_READONLY);
    Snapshot s;
    s.integrity = db.execAndGet("PRAGMA integrity_check").getString();
    s.contacts = db.execAndGet("SELECT count(*) FROM contacts").getInt();
    s.notes = db.execAndGet("SELECT count(*) FROM notes").getInt();
    s.interactions = db.execAndGet("SELECT count(*) FROM interactions").getInt();
    s.reminders = db.execAndGet("SELECT count(*) FROM reminders").getInt();
    s.values = db.execAndGet("SELECT count(*) FROM contact_values").getInt();
    return s;
}

std::vector<std::string> names_in(const std::string& directory) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(directory)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// Sam with a note, an interaction and a reminder: something to lose.
void seed(const Sandbox& box) {
    box.ok({"add", "Sam", "--email", "sam@example.com", "--tag", "client"});
    box.ok({"note", "sam", "Likes sailing"});
    box.ok({"log", "sam", "--via", "call", "Caught up"});
    box.ok({"remind", "sam", "2026-12-01", "Send the proposal"});
}

// The commands that write, each of which must fail whole on a database it cannot write.
const std::vector<std::vector<std::string>> writes{
    {"add", "Ben"},
    {"note", "sam", "another note"},
    {"log", "sam", "--via", "email"},
    {"remind", "sam", "tomorrow", "call back"},
    {"edit", "sam", "--company", "Acme"},
    {"archive", "sam"},
    {"done", "1"},
    {"snooze", "sam", "1w"},
    {"rm", "sam", "--yes"},
};

}  // namespace

// ---- invalid UTF-8 and NUL bytes -------------------------------------------------------

TEST_CASE("invalid UTF-8 in any text argument is a usage error naming the field, and nothing is written") {
    Sandbox box;
    seed(box);
    auto before = snapshot(box.db);
    const std::string bad = "bad\xff\xfe";
    check_error(box.run({"note", "sam", bad}), 2, "note is not valid UTF-8");
    check_error(box.run({"log", "sam", bad}), 2, "summary is not valid UTF-8");
    check_error(box.run({"remind", "sam", "tomorrow", bad}), 2, "not valid UTF-8");
    check_error(box.run({"add", "Ben", "--tag", bad}), 2, "tag is not valid UTF-8");
    check_error(box.run({"add", "Ben", "--email", bad + "@example.com"}), 2, "email is not valid UTF-8");
    check_error(box.run({"add", "Ben", "--nickname", bad}), 2, "nickname is not valid UTF-8");
    check_error(box.run({"add", "Ben", "--phone", bad}), 2, "not valid UTF-8");
    check_error(box.run({"note", "sam", "--tag", bad, "text"}), 2, "tag is not valid UTF-8");
    check_error(box.run({"edit", "sam", "--add-tag", bad}), 2, "tag is not valid UTF-8");
    check_error(box.run({"due", "--tag", bad}), 2, "tag is not valid UTF-8");
    // Messages quote the bad bytes escaped, so the error line itself is clean UTF-8.
    check_error(box.run({"show", "sa\xff"}), 3, "\"sa\\xff\"");
    check_error(box.run({"date", "fr\xff"}), 2, "\"fr\\xff\"");
    check_error(box.run({"--today", "2026\xff", "list"}), 2, "2026\\xff");
    CHECK(box.ok({"list", "sa\xff"}).empty());
    CHECK(snapshot(box.db) == before);
}

TEST_CASE("a database path that is not UTF-8 is still a path") {
    Sandbox box;
    auto path = box.dir + "/caf\xe9.db";  // Latin-1, as an old file system might name it
    box.ok({"--db", path, "add", "Ann"});
    CHECK(fs::exists(path));
    CHECK(box.ok({"--db", path, "list", "--format", "tsv", "--fields", "name"}) == "Ann\n");
}

TEST_CASE("NUL bytes and invalid UTF-8 in piped text and in files are refused with FILE:LINE, nothing imported") {
    Sandbox box;
    seed(box);
    auto before = snapshot(box.db);
    check_error(box.run({"note", "sam", "-"}, piped(std::string("a\0b", 3))), 2, "not valid UTF-8");
    const std::vector<std::pair<std::string, std::string>> files{
        {"nul.jsonl", "{\"name\":\"Fine\"}\n{\"name\":\"Nul\\u0000Name\"}\n"},
        {"nul-note.jsonl", "{\"name\":\"Fine\",\"notes\":[{\"text\":\"x\\u0000y\"}]}\n"},
        {"latin1.jsonl", "{\"name\":\"Fine\"}\n{\"name\":\"Caf\xe9\"}\n"},
        {"latin1.json", "{\"kith_version\":1,\"contacts\":[{\"name\":\"Caf\xe9\"}]}"},
        {"raw-nul.json", std::string("{\"kith_version\":1,\"contacts\":[{\"name\":\"A\0B\"}]}", 45)},
        {"nul.csv", std::string("name\nFine\nA\0B\n", 14)},  // a Latin-1 CSV is read as Windows-1252
        {"nul.vcf", std::string("BEGIN:VCARD\nVERSION:3.0\nFN:A\0B\nEND:VCARD\n", 41)},
    };
    for (const auto& file : files) {
        const auto& name = file.first;  // not a structured binding: clang 14 cannot capture those
        const auto& content = file.second;
        CAPTURE(name);
        box.write_file(box.dir + "/" + name, content);
        auto result = box.run({"import", box.dir + "/" + name});
        check_error(result, 2, name + ":");
        CHECK(result.err.find("nothing imported") != std::string::npos);
    }
    CHECK(snapshot(box.db) == before);
}

TEST_CASE("a config file with invalid UTF-8 or a NUL byte is exit 2 naming the file and line") {
    Sandbox box;
    box.write_file(box.config, "due.limit = 5\n# caf\xe9\n");
    check_error(box.run({"list"}), 2, "config " + box.config + ": line 2:");
    box.write_file(box.config, std::string("due.limit = 5\0\n", 15));
    check_error(box.run({"list"}), 2, "config " + box.config + ": line 1:");
    box.write_file(box.config, "[questions.bank]\nclient = [\"caf\xe9?\"]\n");
    check_error(box.run({"due"}), 2, "config " + box.config + ": line 2:");
    CHECK(!fs::exists(box.db));
}

// ---- size ------------------------------------------------------------------------------

TEST_CASE("a 10 MB note is saved whole and every command still works with it") {
    Sandbox box;
    box.ok({"add", "Sam", "--every", "1w"});
    std::string text;
    const std::string sentence = "Pasted the whole quarterly report into a note by mistake, all of it. ";
    while (text.size() < 10 * 1024 * 1024) text += sentence;
    box.ok({"note", "sam", "-"}, piped(text));
    auto shown = json::parse(box.ok({"show", "sam", "--format", "json"}));
    REQUIRE(shown["notes"].size() == 1);
    CHECK(shown["notes"][0]["text"].get<std::string>().size() == text.size() - 1);  // trimmed
    box.ok({"ask", "sam"});
    box.ok({"due", "--today", "2026-12-22"});
    box.ok({"list"});
    // Found at once (with its opening words: snippet() would take minutes over 150,000 matches).
    CHECK(box.ok({"search", "quarterly"}) ==
          "2026-11-22  n1  Sam  Pasted the whole quarterly report into a note by mistake, all of…\n");
    auto file = box.dir + "/all.jsonl";
    box.ok({"export", "-o", file});
    Sandbox other;
    box.ok({"--db", other.db, "import", file});
    CHECK(snapshot(other.db).notes == 1);
}

TEST_CASE("10,000 tags on a person, or hashtags in a note, are kept and quick") {
    Sandbox box;
    std::vector<std::string> add{"add", "Many"};
    std::string note;
    for (int i = 1; i <= 10000; ++i) {
        add.push_back("--tag");
        add.push_back("t" + std::to_string(i));
        note += "#h" + std::to_string(i) + " ";
    }
    add.push_back("--tag");
    add.push_back("T1");  // the same tag in another case is one tag
    box.ok(add);
    box.ok({"note", "many", note});
    CHECK(box.ok({"list", "--tag", "t5000", "--format", "tsv", "--fields", "name"}) == "Many\n");
    auto shown = json::parse(box.ok({"show", "many", "--format", "json"}));
    CHECK(shown["tags"].size() == 10000);
    CHECK(shown["notes"][0]["tags"].size() == 10000);
    box.ok({"due", "--tag", "t9999", "--within", "1y"});
    box.ok({"ask", "many"});
    auto file = box.dir + "/all.jsonl";
    box.ok({"export", "-o", file});
    box.ok({"import", file});  // the same again: nothing changes
    Sandbox other;
    box.ok({"--db", other.db, "import", file});
    CHECK(snapshot(other.db).values == 10000);
}

// ---- damaged databases -----------------------------------------------------------------

TEST_CASE("a 0-byte database file is an empty database") {
    // SQLite's view, and what lets several kiths create a new database at once: the first
    // makes the empty file, the others may open it before it has tables.
    Sandbox box;
    fs::create_directories(fs::path(box.db).parent_path());
    box.write_file(box.db, "", 0600);
    CHECK(box.ok({"list"}).empty());
    box.ok({"add", "Ann"});
    CHECK(snapshot(box.db).contacts == 1);
}

TEST_CASE("a truncated database is exit 1 with one line, and the file is left as it was") {
    Sandbox seeded;
    seeded.ok({"add", "Sam"});
    seeded.ok({"note", "sam", "-"}, piped(std::string(300000, 'x')));  // many pages
    const auto whole = seeded.read_file(seeded.db);
    REQUIRE(whole.size() > 300000);
    for (std::size_t size : {std::size_t{50}, std::size_t{100}, std::size_t{4096}, whole.size() / 2,
                             whole.size() - 4096}) {
        CAPTURE(size);
        Sandbox box;
        fs::create_directories(fs::path(box.db).parent_path());
        box.write_file(box.db, whole.substr(0, size), 0600);
        for (const auto& args : std::vector<std::vector<std::string>>{
                 {"list"}, {"show", "sam"}, {"due"}, {"export"}, {"backup", box.dir + "/copy.db"},
                 {"add", "Ben"}, {"note", "sam", "x"}}) {
            CAPTURE(args.front());
            check_error(box.run(args), 1, "restore an earlier backup");
        }
        CHECK(box.read_file(box.db) == whole.substr(0, size));
        CHECK(!fs::exists(box.dir + "/copy.db"));
    }
}

// ---- read-only databases ---------------------------------------------------------------

namespace {

// A copy of `from`'s database in a directory of its own, both read-only to the kith that
// run_read_only starts: by mode for a normal user, and as user nobody when the tests are root
// (root writes whatever the mode says).
struct ReadOnlyCopy {
    std::string dir, db;
    ReadOnlyCopy(const Sandbox& box, bool directory_writable, bool file_writable) {
        ::chmod(box.dir.c_str(), 0711);  // nobody may pass through, not look
        dir = box.dir + "/ro";
        db = dir + "/kith.db";
        fs::create_directories(dir);
        fs::copy_file(box.db, db);
        ::chmod(db.c_str(), file_writable ? 0666 : 0444);
        ::chmod(dir.c_str(), directory_writable ? 0777 : 0555);
    }
};

Result run_read_only(const Sandbox& box, const ReadOnlyCopy& copy, std::vector<std::string> args) {
    Launch launch;
    launch.args = {"--db", copy.db};
    launch.args.insert(launch.args.end(), args.begin(), args.end());
    if (::geteuid() == 0) launch.user = 65534;
    return kith::test::run_launch(box, launch);
}

}  // namespace

TEST_CASE("a read-only database: reads work, every write says it is read-only, nothing changes") {
    for (bool directory_writable : {true, false}) {
        CAPTURE(directory_writable);
        Sandbox box;
        seed(box);
        ReadOnlyCopy copy(box, directory_writable, false);
        const auto before = box.read_file(copy.db);
        auto listed = run_read_only(box, copy, {"list", "--format", "tsv", "--fields", "name"});
        INFO(listed.err);
        CHECK(listed.code == 0);
        CHECK(listed.out == "Sam\n");
        for (const auto& args : std::vector<std::vector<std::string>>{
                 {"show", "sam"}, {"due", "--within", "2w"}, {"ask", "sam"}, {"export"}}) {
            CAPTURE(args.front());
            auto result = run_read_only(box, copy, args);
            INFO(result.err);
            CHECK(result.code == 0);
            CHECK(!result.out.empty());
        }
        for (const auto& args : writes) {
            CAPTURE(args.front());
            check_error(run_read_only(box, copy, args), 1, copy.db + " is read-only: cannot write to it");
        }
        CHECK(box.read_file(copy.db) == before);
    }
}

TEST_CASE("a writable database in a read-only directory says the directory is the problem") {
    Sandbox box;
    seed(box);
    ReadOnlyCopy copy(box, false, true);
    const auto before = box.read_file(copy.db);
    CHECK(run_read_only(box, copy, {"list"}).code == 0);
    for (const auto& args : writes) {
        CAPTURE(args.front());
        check_error(run_read_only(box, copy, args), 1, "is in a read-only directory: cannot write to it");
    }
    CHECK(box.read_file(copy.db) == before);
}

// ---- a full disk -----------------------------------------------------------------------

namespace {

Result run_with_file_limit(const Sandbox& box, std::vector<std::string> args, long limit,
                           const std::string& stdin_file = "") {
    Launch launch;
    launch.args = std::move(args);
    launch.file_size_limit = limit;
    launch.stdin_file = stdin_file;
    return kith::test::run_launch(box, launch);
}

std::string write_people(const Sandbox& box, int count) {
    auto path = box.dir + "/people.jsonl";
    std::ofstream out(path);
    for (int i = 0; i < count; ++i)
        out << "{\"name\":\"Person " << i << "\",\"notes\":[{\"text\":\"" << std::string(200, 'n') << "\"}]}\n";
    return path;
}

}  // namespace

TEST_CASE("a file size limit (a full disk to kith) fails each write whole with one line") {
    Sandbox box;
    seed(box);
    auto before = snapshot(box.db);
    auto limit = static_cast<long>(fs::file_size(box.db)) + 16 * 1024;
    auto big = box.dir + "/big.txt";
    box.write_file(big, std::string(400000, 'x'));
    check_error(run_with_file_limit(box, {"note", "sam", "-"}, limit, big), 1, "cannot write to " + box.db);
    check_error(run_with_file_limit(box, {"import", write_people(box, 3000)}, limit), 1, "cannot write to " + box.db);
    CHECK(snapshot(box.db) == before);

    // An export or a backup bigger than the limit (which leaves room for the -shm file).
    box.ok({"note", "sam", "-"}, piped(std::string(300000, 'x')));
    auto out = box.dir + "/out";
    fs::create_directory(out);
    check_error(run_with_file_limit(box, {"export", "-o", out + "/all.json"}, 64 * 1024), 1,
                "cannot write " + out + "/all.json");
    check_error(run_with_file_limit(box, {"backup", out + "/copy.db"}, 64 * 1024), 1,
                "cannot write " + out + "/copy.db");
    CHECK(names_in(out).empty());

    // A database that cannot even be created: nothing in it, and the next kith carries on.
    Sandbox fresh;
    check_error(run_with_file_limit(fresh, {"add", "Ann"}, 1024), 1, "cannot write to " + fresh.db);
    CHECK(fresh.ok({"list"}).empty());
    fresh.ok({"add", "Ann"});
    CHECK(snapshot(fresh.db).contacts == 1);
}

namespace {

// A tiny tmpfs, when the tests may mount one (root with CAP_SYS_ADMIN): a really full disk.
struct TinyDisk {
    std::string dir;
    bool mounted = false;
    TinyDisk(const Sandbox& box, const char* size) : dir(box.dir + "/disk") {
        fs::create_directory(dir);
        mounted = ::mount("tmpfs", dir.c_str(), "tmpfs", 0, size) == 0;
    }
    ~TinyDisk() {
        if (mounted) ::umount2(dir.c_str(), MNT_DETACH);
    }
};

}  // namespace

TEST_CASE("on a full disk each write fails whole with one line and the next command works") {
    Sandbox box;
    TinyDisk disk(box, "size=2m");  // room for the notes, their undo history and search index
    if (!disk.mounted) {
        MESSAGE("skipped: cannot mount a tmpfs here (needs root); the file size limit test stands in");
        return;
    }
    auto db = disk.dir + "/kith.db";
    box.ok({"--db", db, "add", "Sam"});
    box.ok({"--db", db, "note", "sam", "Likes sailing"});
    box.ok({"--db", db, "note", "sam", "-"}, piped(std::string(200000, 'x')));  // exports too big for the room left
    auto filler = disk.dir + "/filler";
    {
        // Fill the disk, then free a little: enough for kith to open the database, not to grow it.
        std::ofstream out(filler, std::ios::binary);
        std::string block(4096, 'f');
        while (out.write(block.data(), static_cast<std::streamsize>(block.size()))) {
        }
    }
    fs::resize_file(filler, fs::file_size(filler) - 64 * 1024);
    auto before = snapshot(db);
    box.write_file(box.dir + "/big.txt", std::string(400000, 'x'));
    Launch note;
    note.args = {"--db", db, "note", "sam", "-"};
    note.stdin_file = box.dir + "/big.txt";
    check_error(kith::test::run_launch(box, note), 1, "cannot write to " + db + ": database or disk is full");
    check_error(box.run({"--db", db, "import", write_people(box, 3000)}), 1, "database or disk is full");
    CHECK(snapshot(db) == before);
    check_error(box.run({"--db", db, "export", "-o", disk.dir + "/all.json"}), 1, "cannot write");
    check_error(box.run({"--db", db, "backup", disk.dir + "/copy.db"}), 1, "cannot write");
    auto left = names_in(disk.dir);
    left.erase(std::remove_if(left.begin(), left.end(), [](const std::string& name) {
                   return name == "filler" || name.rfind("kith.db", 0) == 0;
               }),
               left.end());
    CHECK(left.empty());
    CHECK(lines_of(box.ok({"--db", db, "note", "sam", "short"})).front() == "Noted for Sam (#1), note 3");
}

// ---- dates out of range (found by fuzz_dates) ------------------------------------------

TEST_CASE("a date typed or computed past 2200 is refused and the database stays readable") {
    Sandbox box;
    box.ok({"add", "Sam"});
    check_error(box.run({"remind", "sam", "10000y", "far"}), 2, "12026-11-22 is outside 1900..2200");
    check_error(box.run({"note", "sam", "--event", "in 200 years", "far"}), 2, "outside 1900..2200");
    check_error(box.run({"--today", "10000y", "list"}), 2, "outside 1900..2200");
    // A reminder's next time and a snooze are computed: refused when they would pass 2200.
    box.ok({"remind", "sam", "2026-11-20", "yearly thing", "--every", "10000y"});
    check_error(box.run({"done", "1"}), 2, "12026-11-20 is outside 1900..2200");
    check_error(box.run({"snooze", "sam", "10000y"}), 2, "outside 1900..2200");
    check_error(box.run({"snooze", "1", "10000y"}), 2, "outside 1900..2200");
    box.ok({"edit", "sam", "--every", "10000y"});  // a cadence is an interval, not a date
    box.ok({"show", "sam"});
    box.ok({"due"});
    box.ok({"export"});
}
