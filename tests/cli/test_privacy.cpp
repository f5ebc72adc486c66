// Privacy (issue 6): every file kith makes is private whatever the umask, the editor runs
// without a shell on a private temp file that never outlives the command, and text the user
// typed never reaches a shell.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "harness.h"
#include "spawn.h"

using kith::test::check_error;
using kith::test::Launch;
using kith::test::RunOptions;
using kith::test::Sandbox;
using kith::test::mode_of;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

// The test's umask for as long as it lives; children inherit it.
struct Umask {
    mode_t old;
    explicit Umask(mode_t mask) : old(::umask(mask)) {}
    ~Umask() { ::umask(old); }
};

RunOptions on_terminal(const std::map<std::string, std::string>& env) {
    RunOptions options;
    options.terminal_stdin = true;
    options.env = env;
    return options;
}

// kith's temp files for the editor left in `directory`.
std::vector<std::string> temp_files_in(const std::string& directory) {
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(directory)) {
        auto name = entry.path().filename().string();
        if (name.rfind("kith-", 0) == 0 && entry.path().extension() == ".txt") found.push_back(name);
    }
    return found;
}

std::vector<json> notes_of(const Sandbox& box, const std::string& who) {
    auto shown = json::parse(box.ok({"show", who, "--format", "json"}));
    return shown["notes"].get<std::vector<json>>();
}

}  // namespace

// ---- file modes ------------------------------------------------------------------------

TEST_CASE("with umask 000 the database and its WAL and SHM files are 0600 in a 0700 directory") {
    Sandbox box;
    auto file = box.dir + "/people.jsonl";
    {
        std::ofstream out(file);
        for (int i = 0; i < 20000; ++i) out << "{\"name\":\"Person " << i << "\",\"notes\":[{\"text\":\"n\"}]}\n";
    }
    Launch launch;
    launch.args = {"import", file};
    std::optional<kith::test::Child> child;
    {
        Umask open(0);
        child.emplace(kith::test::start(box, launch));
    }
    // Killed while writing, so the WAL and SHM files are still there to look at.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    std::error_code ec;
    while (!(fs::file_size(box.db + "-wal", ec) > 0 && fs::exists(box.db + "-shm")) &&
           std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    child->kill(SIGKILL);
    child->wait();
    REQUIRE(fs::exists(box.db + "-wal"));
    CHECK(mode_of(box.db) == 0600u);
    CHECK(mode_of(box.db + "-wal") == 0600u);
    CHECK(mode_of(box.db + "-shm") == 0600u);
    CHECK(mode_of(fs::path(box.db).parent_path().string()) == 0700u);
}

TEST_CASE("with umask 000 backups and exports in every format are 0600, even over a 0644 file") {
    Sandbox box;
    box.ok({"add", "Ann", "--birthday", "1990-05-01", "--note", "private"});
    Umask open(0);
    auto backup = box.ok({"backup"});
    CHECK(mode_of(backup.substr(0, backup.size() - 1)) == 0600u);
    for (std::string name : {"out.json", "out.jsonl", "out.vcf", "out.csv", "out.ics"}) {
        CAPTURE(name);
        auto path = box.dir + "/" + name;
        box.ok({"export", "-o", path});
        CHECK(mode_of(path) == 0600u);
        box.write_file(path, "someone else's", 0644);
        box.ok({"export", "-o", path});
        CHECK(mode_of(path) == 0600u);
    }
}

// ---- the editor ------------------------------------------------------------------------

TEST_CASE("a temp file path with spaces and a semicolon reaches the editor as one argument") {
    Sandbox box;
    box.ok({"add", "Sam"});
    auto tmpdir = box.dir + "/my notes; touch " + box.dir + "/pwned";
    fs::create_directories(tmpdir);
    auto editor = box.dir + "/editor.sh";
    box.write_file(editor,
                   "#!/bin/sh\n"
                   "printf '%s\\n' \"$#\" \"$1\" > \"" + box.dir + "/args\"\n"
                   "printf 'from the editor' > \"$1\"\n",
                   0755);
    box.ok({"note", "sam"}, on_terminal({{"EDITOR", editor}, {"TMPDIR", tmpdir}}));
    auto args = kith::test::lines_of(box.read_file(box.dir + "/args"));
    REQUIRE(args.size() == 2);
    CHECK(args[0] == "1");
    CHECK(args[1].rfind(tmpdir + "/kith-", 0) == 0);
    CHECK(notes_of(box, "sam")[0]["text"] == "from the editor");
    CHECK(!fs::exists(box.dir + "/pwned"));
    CHECK(temp_files_in(tmpdir).empty());
}

TEST_CASE("an EDITOR with shell syntax in it runs no shell") {
    Sandbox box;
    box.ok({"add", "Sam"});
    // Split on blanks and run directly: "editor.sh;" is not a program, and the rest is never run.
    auto result = box.run({"note", "sam"}, on_terminal({{"EDITOR", "vi; touch " + box.dir + "/pwned"}}));
    check_error(result, 1, "cannot run editor vi;");
    CHECK(!fs::exists(box.dir + "/pwned"));
    result = box.run({"note", "sam"}, on_terminal({{"EDITOR", "$(touch " + box.dir + "/pwned)"}}));
    check_error(result, 1, "nothing saved");
    CHECK(!fs::exists(box.dir + "/pwned"));
    // A program whose name has a semicolon is run as it is.
    auto editor = box.dir + "/odd;name.sh";
    box.write_file(editor, "#!/bin/sh\nprintf 'odd editor' > \"$1\"\n", 0755);
    box.ok({"note", "sam"}, on_terminal({{"EDITOR", editor}}));
    CHECK(notes_of(box, "sam")[0]["text"] == "odd editor");
    CHECK(temp_files_in(box.dir).empty());
}

TEST_CASE("the editor's temp file is removed when the editor is missing, killed or interrupted") {
    Sandbox box;
    box.ok({"add", "Sam"});
    check_error(box.run({"note", "sam"}, on_terminal({{"EDITOR", box.dir + "/no-such-editor"}})), 1,
                "cannot run editor");
    CHECK(temp_files_in(box.dir).empty());

    auto killed = box.dir + "/killed.sh";
    box.write_file(killed, "#!/bin/sh\nprintf 'half' > \"$1\"\nkill -KILL $$\n", 0755);
    check_error(box.run({"note", "sam"}, on_terminal({{"EDITOR", killed}})), 1, "nothing saved");
    CHECK(temp_files_in(box.dir).empty());

    // Ctrl-C reaches the whole foreground process group: the editor and kith.
    auto interrupted = box.dir + "/interrupted.sh";
    box.write_file(interrupted, "#!/bin/sh\nprintf 'half' > \"$1\"\nkill -INT 0\nsleep 1\n", 0755);
    check_error(box.run({"note", "sam"}, on_terminal({{"EDITOR", interrupted}})), 1, "nothing saved");
    CHECK(temp_files_in(box.dir).empty());

    auto edit_form = box.dir + "/fails.sh";
    box.write_file(edit_form, "#!/bin/sh\nexit 1\n", 0755);
    check_error(box.run({"edit", "sam"}, on_terminal({{"EDITOR", edit_form}})), 1, "nothing saved");
    CHECK(temp_files_in(box.dir).empty());
    CHECK(notes_of(box, "sam").empty());
}

// ---- no shell --------------------------------------------------------------------------

TEST_CASE("text with shell syntax is stored as typed and never run") {
    Sandbox box;
    auto pwned = box.dir + "/pwned";
    const std::vector<std::string> texts{"$(touch " + pwned + ")", "`touch " + pwned + "`", "x; touch " + pwned,
                                         "x | touch " + pwned, "x && touch " + pwned + " #"};
    box.ok({"add", "Sam"});
    for (const auto& text : texts) {
        CAPTURE(text);
        box.ok({"note", "sam", text});
        box.ok({"log", "sam", text});
        box.ok({"remind", "sam", "tomorrow", text});
        box.ok({"add", text});
        RunOptions piped;
        piped.input = text;
        box.ok({"note", "sam", "-"}, piped);
    }
    auto editor = box.dir + "/editor.sh";
    box.write_file(editor, "#!/bin/sh\nprintf '%s' '$(touch " + pwned + ")' > \"$1\"\n", 0755);
    box.ok({"note", "sam"}, on_terminal({{"EDITOR", editor}}));
    box.ok({"export", "-o", box.dir + "/all.json"});
    box.ok({"export", "--format", "vcard", "-o", box.dir + "/all.vcf"});
    box.ok({"export", "--format", "csv", "-o", box.dir + "/all.csv"});
    box.ok({"import", box.dir + "/all.csv"});
    box.ok({"due", "--within", "2w"});
    box.ok({"ask", "sam"});
    CHECK(!fs::exists(pwned));
    auto notes = notes_of(box, "sam");
    CHECK(notes.size() == 2 * texts.size() + 1);
    CHECK(notes[0]["text"] == "$(touch " + pwned + ")");
}
