// Black-box tests of storage (SPEC §6) and `kith config`: where files go, their modes, the
// SQLite settings, schema versions, and what a command may or may not create.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "harness.h"

using kith::test::Result;
using kith::test::RunOptions;
using kith::test::Sandbox;
using kith::test::mode_of;
using kith::test::check_error;
using kith::test::lines_of;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

RunOptions with_env(const std::map<std::string, std::string>& env) {
    RunOptions options;
    options.env = env;
    return options;
}

// Runs with a permissive umask, restoring the test's own afterwards.
Result run_with_umask(const Sandbox& box, const std::vector<std::string>& args, mode_t mask) {
    auto old = ::umask(mask);
    auto result = box.run(args);
    ::umask(old);
    return result;
}

// PRAGMA user_version of the database at `path`.
int schema_version_of(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet("PRAGMA user_version").getInt();
}

std::vector<std::string> config_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

bool has_line_starting(const std::string& text, const std::string& prefix) {
    auto lines = config_lines(text);
    return std::any_of(lines.begin(), lines.end(), [&](const auto& line) { return line.rfind(prefix, 0) == 0; });
}

std::string line_starting(const std::string& text, const std::string& prefix) {
    for (const auto& line : config_lines(text))
        if (line.rfind(prefix, 0) == 0) return line;
    return "";
}

}  // namespace

// ---- creating the database -------------------------------------------------------------

TEST_CASE("reading a fresh sandbox creates no file and says there is no database") {
    Sandbox box;
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"list"}, {"list", "--format", "json"}, {"show", "1"}, {"show", "sam"}, {"ask", "sam"}, {"backup"}}) {
        CAPTURE(args.front());
        check_error(box.run(args), 1, "no database at " + box.db);
    }
    box.ok({"config"});
    CHECK(!fs::exists(box.db));
    CHECK(!fs::exists(fs::path(box.db).parent_path()));
}

TEST_CASE("the first write creates the database 0600 in a 0700 directory, even with umask 000") {
    Sandbox box;
    auto result = run_with_umask(box, {"add", "Ann"}, 0);
    REQUIRE(result.code == 0);
    REQUIRE(fs::exists(box.db));
    CHECK(mode_of(box.db) == 0600u);
    CHECK(mode_of(fs::path(box.db).parent_path().string()) == 0700u);
}

TEST_CASE("every directory kith creates for the database is 0700") {
    Sandbox box;
    auto path = box.dir + "/a/b/c/kith.db";
    REQUIRE(run_with_umask(box, {"--db", path, "add", "Ann"}, 022).code == 0);
    CHECK(mode_of(path) == 0600u);
    CHECK(mode_of(box.dir + "/a") == 0700u);
    CHECK(mode_of(box.dir + "/a/b") == 0700u);
    CHECK(mode_of(box.dir + "/a/b/c") == 0700u);
}

TEST_CASE("a command that fails creates no database") {
    // "Created on first write": a command refused before writing leaves no file behind.
    Sandbox box;
    check_error(box.run({"add", "Ann", "--birthday", "bogus"}), 2, "bogus");
    CHECK(!fs::exists(box.db));
    check_error(box.run({"note", "nobody", "hello"}), 3, "nobody");
    CHECK(!fs::exists(box.db));
    check_error(box.run({"rm", "nobody", "--yes"}), 3, "nobody");
    CHECK(!fs::exists(box.db));
    CHECK(!fs::exists(fs::path(box.db).parent_path()));
}

// ---- SQLite settings -------------------------------------------------------------------

TEST_CASE("the database uses WAL, has the schema version and foreign keys that cascade") {
    Sandbox box;
    box.ok({"add", "Sam", "-e", "sam@x.com", "-t", "client", "--note", "first"});
    box.ok({"note", "sam", "second"});
    box.ok({"log", "sam", "--via", "call"});
    {
        SQLite::Database db(box.db, SQLite::OPEN_READONLY);
        CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
        CHECK(db.execAndGet("PRAGMA user_version").getInt() >= 2);
        CHECK(db.execAndGet("SELECT count(*) FROM notes").getInt() == 2);
        CHECK(db.execAndGet("SELECT count(*) FROM contact_values").getInt() == 2);
    }
    box.ok({"rm", "sam", "--yes"});
    SQLite::Database db(box.db, SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(*) FROM contacts").getInt() == 0);
    CHECK(db.execAndGet("SELECT count(*) FROM notes").getInt() == 0);
    CHECK(db.execAndGet("SELECT count(*) FROM interactions").getInt() == 0);
    CHECK(db.execAndGet("SELECT count(*) FROM contact_values").getInt() == 0);
}

// Frames SQLite would read from `database`'s WAL: a checkpoint of a copy of the pair reports
// how many the log holds.
int wal_frames_of(const Sandbox& box, const std::string& database) {
    auto copy = box.dir + "/frames.db";
    fs::remove(copy);
    fs::remove(copy + "-wal");
    fs::remove(copy + "-shm");
    fs::copy_file(database, copy);
    if (fs::exists(database + "-wal")) fs::copy_file(database + "-wal", copy + "-wal");
    SQLite::Database db(copy, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA journal_mode");  // opens the WAL, replaying whatever it holds
    int frames = -1;
    sqlite3_wal_checkpoint_v2(db.getHandle(), "main", SQLITE_CHECKPOINT_PASSIVE, &frames, nullptr);
    return frames;
}

TEST_CASE("between commands kith.db alone holds every write, and kith.db-wal holds nothing") {
    Sandbox box;
    box.ok({"add", "Sam", "--note", "first"});
    for (std::string text : {"second", "third"}) box.ok({"note", "sam", text});
    box.ok({"due"});
    // The file stays for the next command's write, but no frame in it is valid, to kith or to
    // any other SQLite program.
    CHECK(fs::exists(box.db + "-wal"));
    CHECK(wal_frames_of(box, box.db) == 0);
    // A copy of the file alone, as a user's backup script or sync folder takes it.
    auto copy = box.dir + "/copy.db";
    fs::copy_file(box.db, copy);
    SQLite::Database db(copy, SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(*) FROM notes").getInt() == 3);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("another SQLite program and kith take turns writing through kith.db-wal") {
    Sandbox box;
    box.ok({"add", "Sam", "--note", "first"});
    box.ok({"note", "sam", "second"});
    {
        SQLite::Database db(box.db, SQLite::OPEN_READWRITE);  // SQLite's own VFS, as sqlite3 uses
        CHECK(db.execAndGet("SELECT count(*) FROM notes").getInt() == 2);
        db.exec("UPDATE notes SET text = 'edited by sqlite3' WHERE text = 'second'");
    }
    box.ok({"note", "sam", "third"});
    auto shown = box.ok({"show", "sam", "--format", "json"});
    CHECK(shown.find("edited by sqlite3") != std::string::npos);
    CHECK(shown.find("third") != std::string::npos);
    SQLite::Database db(box.db, SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(*) FROM notes").getInt() == 3);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("writes a crashed program left only in kith.db-wal are read, and then checkpointed") {
    Sandbox box;
    box.ok({"add", "Sam", "--note", "first"});
    box.ok({"note", "sam", "second"});
    {
        // A writer that commits and dies before its checkpoint: SQLite told not to checkpoint
        // on close leaves the commit in the WAL alone, as a power cut would.
        SQLite::Database db(box.db, SQLite::OPEN_READWRITE);
        sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        db.exec("UPDATE notes SET text = 'rewritten by the crashed writer' WHERE text = 'second'");
    }
    REQUIRE(wal_frames_of(box, box.db) > 0);
    auto shown = box.ok({"show", "sam", "--format", "json"});
    CHECK(shown.find("rewritten by the crashed writer") != std::string::npos);
    box.ok({"note", "sam", "third"});
    CHECK(wal_frames_of(box, box.db) == 0);
    auto copy = box.dir + "/copy.db";
    fs::copy_file(box.db, copy);
    SQLite::Database db(copy, SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(*) FROM notes WHERE text = 'rewritten by the crashed writer'").getInt() == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM notes").getInt() == 3);
}

TEST_CASE("kith.db alone holds a command's writes even while another program has the file open") {
    // SQLite checkpoints on close only in the last connection, by a lock it does not wait for:
    // two commands ending at the same moment, or another program holding the file open, made
    // it skip, and the write stayed in kith.db-wal alone.
    Sandbox box;
    box.ok({"add", "Sam", "--note", "first"});
    SQLite::Database other(box.db, SQLite::OPEN_READONLY);  // open, between transactions
    REQUIRE(other.execAndGet("SELECT count(*) FROM notes").getInt() == 1);
    box.ok({"note", "sam", "second"});
    box.ok({"add", "Kim", "--note", "third"});
    auto copy = box.dir + "/copy.db";
    fs::copy_file(box.db, copy);  // kith.db alone, as a backup script or sync folder takes it
    SQLite::Database db(copy, SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(*) FROM notes").getInt() == 3);
    CHECK(db.execAndGet("SELECT count(*) FROM contacts WHERE name = 'Kim'").getInt() == 1);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(other.execAndGet("SELECT count(*) FROM notes").getInt() == 3);
}

TEST_CASE("an import into a new database leaves everything in kith.db and kith.db-wal small and empty") {
    // SQLite's automatic checkpoints keep the WAL near journal_size_limit during the import; the
    // checkpoint before close empties it.
    Sandbox box;
    auto file = box.dir + "/people.jsonl";
    {
        std::ofstream out(file);
        for (int i = 0; i < 3000; ++i)
            out << "{\"name\":\"Person " << i << "\",\"emails\":[\"p" << i << "@example.com\"],\"notes\":[{\"text\":\""
                << std::string(200, 'n') << "\"}]}\n";
    }
    box.ok({"import", file});
    CHECK(fs::file_size(box.db) > 1024 * 1024);
    CHECK(fs::file_size(box.db + "-wal") < 256 * 1024);
    CHECK(wal_frames_of(box, box.db) == 0);
    SQLite::Database db(box.db, SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(*) FROM contacts").getInt() == 3000);
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("every row gets a uuid and an updated_at") {
    Sandbox box;
    box.ok({"add", "Sam", "--note", "first"});
    box.ok({"log", "sam"});
    SQLite::Database db(box.db, SQLite::OPEN_READONLY);
    for (std::string table : {"contacts", "notes", "interactions"}) {
        CAPTURE(table);
        CHECK(db.execAndGet("SELECT count(*) FROM " + table + " WHERE length(uuid) = 36 AND updated_at <> ''").getInt() ==
              1);
    }
}

TEST_CASE("a database from a newer kith is refused and not touched") {
    Sandbox box;
    box.ok({"add", "Ann", "--note", "hello"});
    int current = schema_version_of(box.db);
    CHECK(current >= 1);
    {
        SQLite::Database db(box.db, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 99");
    }
    const auto before = box.read_file(box.db);
    REQUIRE(!before.empty());
    const std::vector<std::vector<std::string>> commands{
        {"list"},
        {"show", "ann"},
        {"add", "Ben"},
        {"note", "ann", "again"},
        {"log", "ann"},
        {"edit", "ann", "--company", "X"},
        {"archive", "ann"},
        {"rm", "ann", "--yes"},
    };
    for (const auto& args : commands) {
        CAPTURE(args.front());
        auto result = box.run(args);
        check_error(result, 1, "newer");
        CHECK(result.err.find("99") != std::string::npos);
    }
    CHECK(box.read_file(box.db) == before);
    CHECK(schema_version_of(box.db) == 99);
    CHECK(!fs::exists(box.db + ".bak-v99"));
}

// ---- where the database is -------------------------------------------------------------

TEST_CASE("--db beats KITH_DB") {
    Sandbox box;
    auto other = box.dir + "/other.db";
    box.ok({"--db", other, "add", "Ann"});
    CHECK(fs::exists(other));
    CHECK(!fs::exists(box.db));
    check_error(box.run({"list"}), 1, "no database at " + box.db);
    CHECK(box.ok({"--db", other, "list", "--format", "tsv", "--fields", "name"}) == "Ann\n");
}

TEST_CASE("without KITH_DB the database goes to $XDG_DATA_HOME or ~/.local/share") {
    Sandbox box;
    box.ok({"add", "Ann"}, with_env({{"KITH_DB", ""}}));
    CHECK(fs::exists(box.dir + "/.local/share/kith/kith.db"));
    CHECK(mode_of(box.dir + "/.local/share/kith") == 0700u);
    auto xdg = box.dir + "/xdg-data";
    box.ok({"add", "Ben"}, with_env({{"KITH_DB", ""}, {"XDG_DATA_HOME", xdg}}));
    CHECK(fs::exists(xdg + "/kith/kith.db"));
    CHECK(!fs::exists(box.db));
}

TEST_CASE("the config file's database setting is used, with ~ expanded, when KITH_DB is unset") {
    Sandbox box;
    box.write_file(box.config, "database = \"~/people/kith.db\"\n");
    box.ok({"add", "Ann"}, with_env({{"KITH_DB", ""}}));
    CHECK(fs::exists(box.dir + "/people/kith.db"));
    // KITH_DB still beats the config file.
    box.ok({"add", "Ben"});
    CHECK(fs::exists(box.db));
}

// ---- kith config -----------------------------------------------------------------------

TEST_CASE("config shows the paths, where they came from, and the default settings") {
    Sandbox box;
    auto out = box.ok({"config"});
    CHECK(line_starting(out, "config_file = ") ==
          "config_file = \"" + box.config + "\"  # from KITH_CONFIG, not found: defaults in use");
    CHECK(line_starting(out, "database = ") == "database = \"" + box.db + "\"  # from KITH_DB, not created yet");
    CHECK(line_starting(out, "today = ") == "today = \"2026-11-22\"  # from KITH_TODAY");
    CHECK(line_starting(out, "color = ") == "color = \"auto\"");
    CHECK(line_starting(out, "due.limit = ") == "due.limit = 10");
    CHECK(line_starting(out, "due.birthday_window = ") == "due.birthday_window = \"7d\"");
    CHECK(line_starting(out, "questions.per_contact = ") == "questions.per_contact = 2");
    box.ok({"add", "Ann"});
    CHECK(line_starting(box.ok({"config"}), "database = ") == "database = \"" + box.db + "\"  # from KITH_DB");
}

TEST_CASE("config reflects --db, --config and --today") {
    Sandbox box;
    auto other_db = box.dir + "/elsewhere.db";
    auto other_config = box.dir + "/other.toml";
    box.write_file(other_config, "due.limit = 7\n");
    auto out = box.ok({"--db", other_db, "--config", other_config, "--today", "2026-01-05", "config"});
    CHECK(line_starting(out, "database = ").rfind("database = \"" + other_db + "\"  # from --db", 0) == 0);
    CHECK(line_starting(out, "config_file = ") == "config_file = \"" + other_config + "\"  # from --config");
    CHECK(line_starting(out, "today = ") == "today = \"2026-01-05\"  # from --today");
    CHECK(has_line_starting(out, "due.limit = 7"));
}

TEST_CASE("config reflects values from the config file") {
    Sandbox box;
    box.write_file(box.config,
                   "color = \"never\"\n[due]\nlimit = 5\nbirthday_window = \"2w\"\n[questions]\nper_contact = 3\n");
    auto out = box.ok({"config"});
    CHECK(line_starting(out, "config_file = ") == "config_file = \"" + box.config + "\"  # from KITH_CONFIG");
    CHECK(line_starting(out, "color = ") == "color = \"never\"");
    CHECK(line_starting(out, "due.limit = ") == "due.limit = 5");
    CHECK(line_starting(out, "due.birthday_window = ") == "due.birthday_window = \"2w\"");
    CHECK(line_starting(out, "questions.per_contact = ") == "questions.per_contact = 3");
}

TEST_CASE("config accepts dotted keys as well as tables") {
    Sandbox box;
    box.write_file(box.config, "due.limit = 5\n");
    CHECK(has_line_starting(box.ok({"config"}), "due.limit = 5"));
}

TEST_CASE("config shows the database from the config file when KITH_DB is unset") {
    Sandbox box;
    box.write_file(box.config, "database = \"~/people/kith.db\"\n");
    auto out = box.ok({"config"}, with_env({{"KITH_DB", ""}}));
    CHECK(line_starting(out, "database = ").rfind("database = \"" + box.dir + "/people/kith.db\"  # from config", 0) ==
          0);
    auto defaults = box.ok({"config"}, with_env({{"KITH_DB", ""}, {"KITH_CONFIG", ""}}));
    CHECK(line_starting(defaults, "database = ")
              .rfind("database = \"" + box.dir + "/.local/share/kith/kith.db\"  # from default", 0) == 0);
    CHECK(line_starting(defaults, "config_file = ")
              .rfind("config_file = \"" + box.dir + "/.config/kith/config.toml\"  # from default", 0) == 0);
}

TEST_CASE("every write is one transaction: a failed edit leaves the file's rows as they were") {
    Sandbox box;
    box.ok({"add", "Ann", "-e", "ann@x.com", "-t", "golf"});
    auto rows = [&] {
        SQLite::Database db(box.db, SQLite::OPEN_READONLY);
        std::string out;
        SQLite::Statement query(db, "SELECT kind, value FROM contact_values ORDER BY kind, position");
        while (query.executeStep()) out += query.getColumn(0).getString() + "=" + query.getColumn(1).getString() + ";";
        return out + db.execAndGet("SELECT name || company || updated_at FROM contacts").getString();
    };
    auto before = rows();
    check_error(box.run({"edit", "ann", "--add-tag", "chess", "--add-email", "a2@x.com", "--name", "Anne",
                         "--remove-tag", "tennis"}),
                2, "tennis");
    CHECK(rows() == before);
}

// ---- concurrency -----------------------------------------------------------------------

TEST_CASE("a reader is not blocked by another program's open write transaction") {
    Sandbox box;
    box.ok({"add", "Ann"});
    SQLite::Database other(box.db, SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    other.exec("UPDATE contacts SET company = 'Uncommitted'");
    auto result = box.run({"list", "--format", "tsv", "--fields", "name,company"});
    other.exec("ROLLBACK");
    CHECK(result.code == 0);
    CHECK(result.out == "Ann\t\n");
}

TEST_CASE("a writer waits for another program's write transaction instead of failing") {
    Sandbox box;
    box.ok({"add", "Ann"});
    SQLite::Database other(box.db, SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    other.exec("UPDATE contacts SET company = 'Acme'");
    Result result;
    std::thread writer([&] { result = box.run({"note", "ann", "written while locked"}); });
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    other.exec("COMMIT");
    writer.join();
    CHECK(result.code == 0);
    INFO(result.err);
    auto ann = json::parse(box.ok({"show", "ann", "--format", "json"}));
    CHECK(ann["company"] == "Acme");
    CHECK(ann["notes"].size() == 1);
}
