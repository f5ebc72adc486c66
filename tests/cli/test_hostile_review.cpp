// What a hostile review of kith found (issue 17), each through the real binary: imports that
// merged different people, inputs that hung or filled the memory, writes that replaced what
// they should not, private text left behind, and failures that looked like success.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "harness.h"
#include "spawn.h"

using kith::test::check_error;
using kith::test::Launch;
using kith::test::Result;
using kith::test::RunOptions;
using kith::test::Sandbox;
using kith::test::mode_of;
namespace fs = std::filesystem;

namespace {

int query_number(const std::string& path, const std::string& sql) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt();
}

std::vector<std::string> names_in(const std::string& directory, const std::string& containing) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(directory)) {
        auto name = entry.path().filename().string();
        if (name.find(containing) != std::string::npos) names.push_back(name);
    }
    return names;
}

// `count` people named Person 0, Person 1 …, each with a note of `note_size` characters.
void import_people(const Sandbox& box, int count, std::size_t note_size) {
    std::string jsonl;
    for (int i = 0; i < count; ++i)
        jsonl += "{\"name\":\"Person " + std::to_string(i) + "\",\"notes\":[{\"text\":\"" + std::string(note_size, 'n') +
                 "\"}]}\n";
    auto file = box.dir + "/people.jsonl";
    box.write_file(file, jsonl);
    box.ok({"import", file});
}

// Runs as user nobody when the tests are root (root passes every permission check), else as
// ourselves; the sandbox must then let nobody through.
Result run_unprivileged(const Sandbox& box, std::vector<std::string> args) {
    Launch launch;
    launch.args = std::move(args);
    if (::geteuid() == 0) {
        ::chmod(box.dir.c_str(), 0711);
        launch.user = 65534;
    }
    return kith::test::run_launch(box, launch);
}

}  // namespace

// ---- 1. matching on import -------------------------------------------------------------

TEST_CASE("restoring an export keeps two people who share a name apart, uuids and all") {
    Sandbox box;
    box.ok({"add", "John Smith", "--company", "Acme", "--note", "runs the Boston office"});
    box.ok({"add", "John Smith", "--birthday", "1980-01-02", "--note", "neighbour, has a dog"});
    auto file = box.dir + "/same.json";
    box.ok({"export", "-o", file});
    auto exported = nlohmann::json::parse(box.read_file(file));

    Sandbox fresh;
    auto result = fresh.run({"import", file});
    INFO(result.err);
    REQUIRE(result.code == 0);
    CHECK(result.out == "Imported 2 contacts from " + file + ": 2 added, 0 updated, 0 unchanged.\n");
    CHECK(result.err.find("not merged with #1") != std::string::npos);  // said, for the user to check
    auto restored = nlohmann::json::parse(fresh.ok({"export"}));
    REQUIRE(restored["contacts"].size() == 2);
    for (int i = 0; i < 2; ++i) {
        CHECK(restored["contacts"][i]["uuid"] == exported["contacts"][i]["uuid"]);
        CHECK(restored["contacts"][i]["company"] == exported["contacts"][i]["company"]);
        CHECK(restored["contacts"][i]["birthday"] == exported["contacts"][i]["birthday"]);
        CHECK(restored["contacts"][i]["notes"].size() == 1);
    }
}

TEST_CASE("a name alone never merges onto an archived person, nor onto one the same import added") {
    Sandbox box;
    box.ok({"add", "John Smith", "--company", "Old Co"});
    box.ok({"archive", "john"});
    auto csv = box.dir + "/google.csv";
    box.write_file(csv, "Name,E-mail 1 - Value\nJohn Smith,john@new.example\nAnn Lee,ann@one.example\n"
                        "Ann Lee,ann@two.example\n");
    auto dry = box.ok({"import", csv, "--dry-run"});
    CHECK(dry.find("add        John Smith: a new contact, not merged with #1 (archived) of the same name") !=
          std::string::npos);
    box.ok({"import", csv});
    // The archived John stays archived and untouched; the new one is listed; two Anns.
    CHECK(box.ok({"list", "--format", "tsv", "--fields", "name,email"}) ==
          "Ann Lee\tann@one.example\nAnn Lee\tann@two.example\nJohn Smith\tjohn@new.example\n");
    CHECK(box.ok({"list", "--archived", "--format", "tsv", "--fields", "name,company"}) ==
          "Ann Lee\t\nAnn Lee\t\nJohn Smith\tOld Co\nJohn Smith\t\n");
}

TEST_CASE("two records with one uuid in one file are an error naming both lines, and nothing is imported") {
    Sandbox box;
    auto vcf = box.dir + "/dup.vcf";
    box.write_file(vcf,
                   "BEGIN:VCARD\nVERSION:3.0\nUID:abc-1\nFN:Ann Lee\nEND:VCARD\n"
                   "BEGIN:VCARD\nVERSION:3.0\nUID:abc-1\nFN:Ann Leigh\nEMAIL:ann@x.example\nEND:VCARD\n");
    check_error(box.run({"import", vcf}), 2, "dup.vcf:6: uuid abc-1 is also on line 1");
    CHECK(box.ok({"list"}).empty());
}

// ---- 2. pipes --------------------------------------------------------------------------

TEST_CASE("import reads a pipe given as a file, vCard and CSV alike") {
    Sandbox box;
    auto vcf = box.dir + "/ann.vcf";
    box.write_file(vcf, "BEGIN:VCARD\nVERSION:3.0\nFN:Ann Lee\nEMAIL:ann@x.example\nEND:VCARD\n");
    auto csv = box.dir + "/ben.csv";
    box.write_file(csv, "Name,E-mail 1 - Value\nBen Ode,ben@x.example\n");
    for (const auto& file : {vcf, csv}) {
        auto result = box.run_program({"/bin/bash", "-c", std::string(KITH_BINARY) + " import <(cat " + file + ")"});
        INFO(result.err);
        CHECK(result.code == 0);
        CHECK(result.out.find(": 1 added") != std::string::npos);
    }
    CHECK(box.ok({"list", "--format", "tsv", "--fields", "name"}) == "Ann Lee\nBen Ode\n");
}

// ---- 3. a runaway question rule ----------------------------------------------------------

TEST_CASE("a question rule that backtracks without end is a clear config error, not a hang") {
    Sandbox box;
    box.ok({"add", "Ann"});
    box.ok({"remind", "ann", "today", "Call her"});  // so that `due` asks about her too
    box.ok({"note", "ann", "aaaaaaaaaaaaaaaaaaaa aaaaaaaaaaaaaaaaaaaaaaaa aaaaaaaaaaaaaaaaaaaaaa aaaaaaaaa!x"});
    // An empty-able loop body and a back-reference: patterns the own matcher left to std::regex.
    for (const auto& pattern : {R"(^(\w*\s?)*!$)", R"(^(\w+\s?)*\1!$)"}) {
        CAPTURE(pattern);
        box.write_file(box.config, std::string("[[questions.rule]]\nmatch = '") + pattern + "'\nask = \"Why?\"\n");
        auto started = std::chrono::steady_clock::now();
        for (const auto& args : std::vector<std::vector<std::string>>{{"ask", "ann"}, {"due"}}) {
            CAPTURE(args.front());
            check_error(box.run(args), 2,
                        "config " + box.config + ": line 1: question rule \"user1\": its pattern needs too much backtracking");
        }
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
    }
}

// ---- 4. backup destinations ----------------------------------------------------------------

TEST_CASE("backup replaces an earlier backup, but not a symlink or another file unless --force") {
    Sandbox box;
    box.ok({"add", "Ann"});
    auto earlier = box.dir + "/kith-backup.db";
    CHECK(box.ok({"backup", earlier}) == earlier + "\n");
    box.ok({"add", "Ben"});
    CHECK(box.ok({"backup", earlier}) == earlier + "\n");
    CHECK(query_number(earlier, "SELECT count(*) FROM contacts") == 2);

    auto notes = box.dir + "/notes.txt";
    box.write_file(notes, "my notes\n", 0644);
    check_error(box.run({"backup", notes}), 2, "notes.txt exists and is not a kith database");
    CHECK(box.read_file(notes) == "my notes\n");
    auto link = box.dir + "/latest.db";
    fs::create_symlink(notes, link);
    check_error(box.run({"backup", link}), 2, "latest.db is a symlink");
    CHECK(box.read_file(notes) == "my notes\n");
    CHECK(fs::is_symlink(link));

    CHECK(box.ok({"backup", "--force", link}) == link + "\n");
    CHECK(!fs::is_symlink(link));
    CHECK(box.read_file(notes) == "my notes\n");  // the link was replaced, not followed
    CHECK(query_number(link, "SELECT count(*) FROM contacts") == 2);
    CHECK(box.ok({"backup", "--force", notes}) == notes + "\n");
    CHECK(mode_of(notes) == 0600u);
}

TEST_CASE("backup - writes the copy to standard output, and a FIFO or a device is written to, not replaced") {
    Sandbox box;
    box.ok({"add", "Ann"});
    auto piped = box.run({"backup", "-"});
    REQUIRE(piped.code == 0);
    CHECK(piped.err.empty());
    CHECK(piped.out.rfind("SQLite format 3", 0) == 0);
    auto copy = box.dir + "/from-stdout.db";
    box.write_file(copy, piped.out, 0600);
    CHECK(query_number(copy, "SELECT count(*) FROM contacts") == 1);
    CHECK(!fs::exists(box.dir + "/-"));

    auto fifo = box.dir + "/pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string received;
    std::thread reader([&] { received = box.read_file(fifo); });
    auto result = box.run({"backup", fifo});
    if (result.code != 0) {  // kith never opened the FIFO: let the reader go
        int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0) ::close(fd);
    }
    reader.join();
    CHECK(result.code == 0);
    CHECK(result.out.empty());
    CHECK(fs::is_fifo(fifo));
    CHECK(received == piped.out);
    CHECK(box.run({"backup", "/dev/null"}).code == 0);
    struct stat null_device {};
    CHECK(::stat("/dev/null", &null_device) == 0);
    CHECK(S_ISCHR(null_device.st_mode));
    CHECK(names_in(box.dir, "tmp-").empty());
}

TEST_CASE("backup - refuses a terminal") {
    Sandbox box;
    box.ok({"add", "Ann"});
    RunOptions terminal;
    terminal.terminal_stdout = true;
    auto result = box.run({"backup", "-"}, terminal);
    CHECK(result.code == 2);
    CHECK(result.err == "kith: backup -: standard output is a terminal; redirect it to a file or a pipe\n");
}

// ---- 5. the edit form ----------------------------------------------------------------------

TEST_CASE("edit in $EDITOR saved unchanged keeps values that hold commas") {
    Sandbox box;
    box.ok({"add", "Sam Smith", "--phone", "+15551234567,,123#", "--phone", "+1 555 0100, ext. 7"});
    box.ok({"edit", "sam", "--add-nickname", "Smith, Jr."});
    auto editor = box.dir + "/editor.sh";
    box.write_file(editor, "#!/bin/sh\ntrue\n", 0755);
    RunOptions terminal;
    terminal.terminal_stdin = true;
    terminal.env = {{"EDITOR", editor}};
    CHECK(box.ok({"edit", "sam"}, terminal) == "No changes to Sam Smith (#1)\n");
    auto shown = nlohmann::json::parse(box.ok({"show", "sam", "--format", "json"}));
    CHECK(shown["nicknames"] == nlohmann::json::array({"Smith, Jr."}));
    CHECK(shown["phones"] == nlohmann::json::array({"+15551234567,,123#", "+1 555 0100, ext. 7"}));
}

// ---- 6. input without line breaks ------------------------------------------------------------

TEST_CASE("endless or line-less input fails at once with one line, instead of filling the memory") {
    Sandbox box;
    box.ok({"add", "Ann"});
    Launch zero;
    zero.args = {"import", "/dev/zero"};
    check_error(kith::test::run_launch(box, zero), 2, "/dev/zero is not text");
    Launch note;
    note.args = {"note", "ann", "-"};
    note.stdin_file = "/dev/zero";
    check_error(kith::test::run_launch(box, note), 1, "standard input is longer than 16 MiB");
    // A line or value past its cap, without a line break: 16 MiB for a vCard line or a JSON
    // value, 64 MiB for a JSONL record.
    struct Long {
        std::string name, prefix;
        std::size_t size;
    };
    for (const auto& file : std::vector<Long>{{"long.vcf", "BEGIN:VCARD\nFN:", 17u << 20},
                                              {"long.json", "{\"contacts\":[\"", 17u << 20},
                                              {"long.jsonl", "{\"name\":\"", 65u << 20}}) {
        CAPTURE(file.name);
        auto path = box.dir + "/" + file.name;
        box.write_file(path, file.prefix + std::string(file.size, 'x'));
        auto result = box.run({"import", path});
        check_error(result, 2, "longer than");
        CHECK(result.err.size() < 200);
        fs::remove(path);
    }
    CHECK(box.ok({"list", "--format", "tsv", "--fields", "name"}) == "Ann\n");
}

// ---- 7. timestamps ---------------------------------------------------------------------------

TEST_CASE("an import's created_at and updated_at must be timestamps") {
    Sandbox box;
    auto file = box.dir + "/odd.json";
    box.write_file(file, R"({"kith_version":1,"contacts":[{"name":"Ann","updated_at":"~~~~"}]})");
    check_error(box.run({"import", file}), 2,
                "odd.json:1: contact field \"updated_at\": expected a UTC time like 2026-11-22T09:30:00Z, got \"~~~~\"");
    box.write_file(file, R"({"kith_version":1,"contacts":[{"name":"Ann","notes":[{"text":"x","created_at":"not a time"}]}]})");
    check_error(box.run({"import", file}), 2, "contact notes field \"created_at\"");
    CHECK(box.ok({"list"}).empty());
}

// ---- 8. private temp files -------------------------------------------------------------------

TEST_CASE("SIGTERM or SIGHUP while $EDITOR is open leaves no temp file with the note") {
    for (int signal_number : {SIGTERM, SIGHUP}) {
        CAPTURE(signal_number);
        Sandbox box;
        box.ok({"add", "Ann"});
        auto editor = box.dir + "/editor.sh";
        box.write_file(editor, "#!/bin/sh\necho 'my private note' > \"$1\"\ntouch \"$1.ready\"\nsleep 30\n", 0755);
        Launch launch;
        launch.args = {"note", "ann"};
        launch.terminal_stdin = true;
        launch.env = {{"EDITOR", editor}};
        auto child = kith::test::start(box, launch);
        for (int i = 0; i < 500 && names_in(box.dir, ".ready").empty(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        REQUIRE(names_in(box.dir, ".ready").size() == 1);
        child.kill(signal_number);
        auto result = child.wait();
        CHECK(result.code == 128 + signal_number);
        for (const auto& name : names_in(box.dir, "kith-")) CHECK(name.ends_with(".ready"));
    }
}

TEST_CASE("an interrupted export -o or backup leaves neither its temp file nor a journal") {
    Sandbox box;
    // Enough people that the writes take a while, so the signal comes while the temp file exists.
    import_people(box, 20000, 200);
    auto out_dir = box.dir + "/out";
    fs::create_directory(out_dir);
    int interrupted = 0;
    for (const auto& args : std::vector<std::vector<std::string>>{{"export", "-o", out_dir + "/all.json"},
                                                                   {"backup", out_dir + "/copy.db"}}) {
        for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
            CAPTURE(args.front());
            CAPTURE(signal_number);
            Launch launch;
            launch.args = args;
            auto child = kith::test::start(box, launch);
            for (int i = 0; i < 2000 && names_in(out_dir, ".tmp-").empty(); ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            child.kill(signal_number);
            auto result = child.wait();
            if (result.code == 128 + signal_number) ++interrupted;
            CHECK(names_in(out_dir, ".tmp-").empty());
            for (const auto& entry : fs::directory_iterator(out_dir)) fs::remove(entry.path());
        }
    }
    CHECK(interrupted > 0);  // at least some of the six were caught mid-write
}

// ---- 9. symlinks planted by another user -------------------------------------------------------

TEST_CASE("export -o does not follow a symlink another user planted in a shared directory") {
    if (::geteuid() != 0) {
        MESSAGE("skipped: making a symlink owned by another user needs root");
        return;
    }
    Sandbox box;
    box.ok({"add", "Ann"});
    auto shared = box.dir + "/tmp";
    fs::create_directory(shared);
    ::chmod(shared.c_str(), 01777);
    auto victim = box.dir + "/victim.txt";
    box.write_file(victim, "precious\n", 0644);
    auto link = shared + "/export.json";
    fs::create_symlink(victim, link);
    REQUIRE(::lchown(link.c_str(), 65534, 65534) == 0);
    check_error(box.run({"export", "-o", link}), 1, "a symlink another user owns in a shared directory");
    CHECK(box.read_file(victim) == "precious\n");
    // Our own link there is followed, as a shell's > would.
    REQUIRE(::lchown(link.c_str(), 0, 0) == 0);
    box.ok({"export", "-o", link});
    CHECK(box.read_file(victim).find("\"Ann\"") != std::string::npos);
}

// ---- 10. no HOME -------------------------------------------------------------------------------

TEST_CASE("without HOME or XDG variables, --db works and the config is the defaults") {
    Sandbox box;
    RunOptions bare;
    bare.env = {{"HOME", ""}, {"KITH_CONFIG", ""}, {"KITH_DB", ""}};
    auto db = box.dir + "/x.db";
    CHECK(box.run({"--db", db, "add", "Ann"}, bare).code == 0);
    CHECK(box.ok({"--db", db, "list", "--format", "tsv", "--fields", "name"}, bare) == "Ann\n");
    CHECK(box.ok({"--db", db, "config"}, bare).find("defaults in use") != std::string::npos);
    check_error(box.run({"list"}, bare), 1, "neither $XDG_DATA_HOME nor $HOME is set");
}

// ---- 11. permissions ---------------------------------------------------------------------------

TEST_CASE("a database kith may not reach is an error naming it, not an empty list") {
    Sandbox box;
    auto locked = box.dir + "/locked";
    fs::create_directory(locked);
    box.ok({"--db", locked + "/kith.db", "add", "Ann"});
    ::chmod(locked.c_str(), 0);
    for (const auto& command : std::vector<std::vector<std::string>>{
             {"list"}, {"due", "-q"}, {"add", "Ben"}, {"export"}}) {
        CAPTURE(command.front());
        std::vector<std::string> args{"--db", locked + "/kith.db"};
        args.insert(args.end(), command.begin(), command.end());
        check_error(run_unprivileged(box, args), 1, "cannot reach database " + locked + "/kith.db: Permission denied");
    }
    ::chmod(locked.c_str(), 0700);
    // An unreadable config is not an absent one.
    box.write_file(box.config, "color = \"never\"\n", 0);
    check_error(run_unprivileged(box, {"--db", box.dir + "/other.db", "list"}), 1,
                "config " + box.config + ": cannot read it: Permission denied");
}

// ---- 12. the read-only fallback ----------------------------------------------------------------

TEST_CASE("a read-only directory with writes still in kith.db-wal is an error, not a list missing them") {
    Sandbox box;
    box.ok({"add", "Ann"});
    auto dir = box.dir + "/ro";
    fs::create_directory(dir);
    auto db = dir + "/kith.db";
    fs::copy_file(box.db, db);
    {
        // Another program commits a note and ends without the checkpoint that would move it in.
        SQLite::Database other(db, SQLite::OPEN_READWRITE);
        other.exec("PRAGMA journal_mode = WAL");
        sqlite3_db_config(other.getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        other.exec("INSERT INTO notes (uuid, contact_id, text, noted_on, created_at, updated_at) "
                   "VALUES ('u1', 1, 'committed but in the WAL', '2026-11-20', '2026-11-20T10:00:00Z', "
                   "'2026-11-20T10:00:00Z')");
    }
    REQUIRE(fs::file_size(db + "-wal") > 0);
    fs::remove(db + "-shm");
    ::chmod(db.c_str(), 0444);
    ::chmod(dir.c_str(), 0555);
    check_error(run_unprivileged(box, {"--db", db, "show", "ann"}), 1, "kith.db-wal");
    ::chmod(dir.c_str(), 0755);
    ::chmod(db.c_str(), 0644);
    // Where kith may write, the note is there.
    CHECK(box.ok({"--db", db, "show", "ann"}).find("committed but in the WAL") != std::string::npos);
}

// ---- 13. the smaller ones ------------------------------------------------------------------------

TEST_CASE("past ulimit -f an import fails with a kith line, not a signal") {
    Sandbox box;
    std::string jsonl;
    for (int i = 0; i < 3000; ++i) jsonl += "{\"name\":\"Person " + std::to_string(i) + "\"}\n";
    auto file = box.dir + "/people.jsonl";
    box.write_file(file, jsonl);
    Launch launch;
    launch.args = {"import", file};
    launch.file_size_limit = 64 * 1024;
    auto result = kith::test::run_launch(box, launch);
    check_error(result, 1, "cannot write to " + box.db);
}

TEST_CASE("a database restored from sqlite3's .dump, which keeps no user_version, is read and upgraded") {
    Sandbox box;
    box.ok({"add", "Ann", "--note", "likes sailing"});
    auto restored = box.dir + "/restored.db";
    kith::test::restore_as_dump(
        box.db, restored, {"contacts", "contact_values", "notes", "interactions", "reminders", "asked_questions"});
    REQUIRE(query_number(restored, "PRAGMA user_version") == 0);
    CHECK(box.ok({"--db", restored, "show", "ann"}).find("likes sailing") != std::string::npos);
    box.ok({"--db", restored, "note", "ann", "and climbing"});
    CHECK(query_number(restored, "PRAGMA user_version") >= 1);
    CHECK(query_number(restored, "SELECT count(*) FROM notes") == 2);
    CHECK(box.ok({"--db", restored, "search", "sailing", "--format", "tsv"}).find("n1\t") == 0);
    // A file with other tables and no version is not taken for kith's.
    auto foreign = box.dir + "/foreign.db";
    SQLite::Database(foreign, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE).exec("CREATE TABLE t (x)");
    check_error(box.run({"--db", foreign, "list"}), 1, "has tables but no schema version, and they are not kith's");
}

TEST_CASE("UTF-16, lone CR line ends and a soft break before END:VCARD are each read or named rightly") {
    Sandbox box;
    // UTF-16 is read (test_import_files.cpp); a broken one is named on its line like any file.
    auto utf16 = box.dir + "/u16.vcf";
    box.write_file(utf16, std::string("\xFF\xFE" "B\0E\0G\0", 8));
    check_error(box.run({"import", utf16}), 2, "u16.vcf:1: a vCard line needs NAME:value");
    auto utf16_json = box.dir + "/u16.json";
    box.write_file(utf16_json, std::string("\xFF\xFE{\0", 4));
    check_error(box.run({"import", utf16_json, "--format", "json"}), 2, "u16.json:1: not valid JSON");

    auto cr = box.dir + "/mac.vcf";
    box.write_file(cr, "BEGIN:VCARD\rVERSION:3.0\rFN:Ann Lee\rEMAIL:ann@x.example\rEND:VCARD\r");
    CHECK(box.ok({"import", cr}).find("1 added") != std::string::npos);
    auto qp = box.dir + "/qp.vcf";
    box.write_file(qp, "BEGIN:VCARD\nVERSION:2.1\nFN:Bob\nNOTE;ENCODING=QUOTED-PRINTABLE:likes =C3=A9clairs=\nEND:VCARD\n");
    CHECK(box.ok({"import", qp}).find("1 added") != std::string::npos);
    CHECK(box.ok({"show", "bob"}).find("likes éclairs\n") != std::string::npos);
    auto bday = box.dir + "/bday.vcf";
    box.write_file(bday, "BEGIN:VCARD\nVERSION:3.0\nFN:Cy\nNOTE:hi\nBDAY:0001-02-03\nEND:VCARD\n");
    check_error(box.run({"import", bday}), 2, "bday.vcf:5: BDAY: bad birthday \"0001-02-03\"");
}

TEST_CASE("a damaged database names the file and what to do, and backup of it fails") {
    Sandbox box;
    import_people(box, 300, 300);
    auto content = box.read_file(box.db);
    for (std::size_t i = 5 * 4096; i < 6 * 4096; ++i) content[i] = '\xde';
    box.write_file(box.db, content, 0600);
    // Read or written first (as `due` may), the damaged page gets the same words.
    check_error(box.run({"due"}), 1, box.db + ": database disk image is malformed: the file is damaged");
    auto copy = box.dir + "/copy.db";
    check_error(box.run({"backup", copy}), 1, "database " + box.db + " is damaged");
    CHECK(!fs::exists(copy));
}

TEST_CASE("library messages stay inside kith's words") {
    Sandbox box;
    auto file = box.dir + "/big.json";
    box.write_file(file, R"({"kith_version":1,"contacts":[{"name":"X","id":1e999}]})");
    auto result = box.run({"import", file});
    check_error(result, 2, "not valid JSON: number overflow");
    CHECK(result.err.find("json.exception") == std::string::npos);
}

TEST_CASE("names that show nothing, reorder text, or are only a number are refused") {
    Sandbox box;
    check_error(box.run({"add", "\u200B\u2060"}), 2, "name has no visible characters");
    check_error(box.run({"add", "\u3164"}), 2, "name has no visible characters");
    check_error(box.run({"add", "Ann \u202Egnp.exe"}), 2, "override");
    check_error(box.run({"add", "12"}), 2, "name \"12\" is only a number");
    check_error(box.run({"add", "#5"}), 2, "name \"#5\" is only a number");
    box.ok({"add", "Ann"});
    check_error(box.run({"edit", "ann", "--add-nickname", "7"}), 2, "nickname \"7\" is only a number");
    check_error(box.run({"edit", "ann", "--name", "#7"}), 2, "only a number");
    auto csv = box.dir + "/n.csv";
    box.write_file(csv, "name\nBo\n42\n");
    check_error(box.run({"import", csv}), 2, "n.csv:3: name \"42\" is only a number");
    CHECK(box.ok({"list", "--format", "tsv", "--fields", "name"}) == "Ann\n");
    box.ok({"add", "Agent 47"});  // a number inside a name is fine
}

TEST_CASE("a database from a newer kith is refused with no -wal or -shm made beside it") {
    Sandbox box;
    box.ok({"add", "Ann"});
    {
        SQLite::Database db(box.db, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 99");  // the file stays in WAL mode, as kith left it
    }
    fs::remove(box.db + "-wal");
    fs::remove(box.db + "-shm");
    const auto before = box.read_file(box.db);
    for (const auto& args : std::vector<std::vector<std::string>>{{"list"}, {"add", "Ben"}}) {
        check_error(box.run(args), 1, "newer than this kith understands");
        CHECK(!fs::exists(box.db + "-wal"));
        CHECK(!fs::exists(box.db + "-shm"));
    }
    CHECK(box.read_file(box.db) == before);
}
