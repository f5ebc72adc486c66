// Shell completion: `kith __complete` against the real parser and a sandbox database, and the
// bash, zsh and fish scripts in completions/ run against the real binary.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <vector>

#include "harness.h"

using kith::test::lines_of;
using kith::test::Result;
using kith::test::RunOptions;
using kith::test::Sandbox;

namespace {

const std::string completions_dir = std::string(KITH_SOURCE_DIR) + "/completions";

// The candidates for the last of `words`, without their descriptions.
std::vector<std::string> candidates(const Sandbox& box, std::vector<std::string> words) {
    words.insert(words.begin(), {"__complete", "--"});
    auto result = box.run(words);
    INFO("stderr: ", result.err);
    CHECK(result.code == 0);
    CHECK(result.err.empty());
    std::vector<std::string> out;
    for (const auto& line : lines_of(result.out)) out.push_back(line.substr(0, line.find('\t')));
    return out;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

void add_people(const Sandbox& box) {
    box.ok({"add", "Sam Smith", "--tag", "client"});
    box.ok({"add", "Sam Jones"});
    box.ok({"add", "Renée Dubois"});
    box.ok({"remind", "Sam Smith", "fri", "Send the proposal"});
    box.ok({"remind", "ren", "2026-12-01", "Call about Lisbon"});
    box.ok({"done", "1"});
    box.ok({"remind", "Sam Jones", "mon", "Ask about the move"});
}

const std::string kith_binary = KITH_BINARY;

std::string script_lines(std::initializer_list<std::string> lines) {
    std::string script;
    for (const auto& line : lines) script += line + "\n";
    return script;
}

std::string shell_path(const std::string& name) {
    for (std::string dir : {"/usr/bin/", "/bin/"})
        if (::access((dir + name).c_str(), X_OK) == 0) return dir + name;
    return "";
}

// The modification time and bytes of a file, to show it was not written.
std::pair<std::string, long> fingerprint(const Sandbox& box, const std::string& path) {
    struct stat info {};
    ::stat(path.c_str(), &info);
    return {box.read_file(path), static_cast<long>(info.st_mtim.tv_nsec) + info.st_mtim.tv_sec * 1000000000L};
}

// What kith.bash puts in COMPREPLY for COMP_WORDS `words` (as bash splits them, the user's
// backslashes and quotes included) with the cursor on word `cword`.
std::vector<std::string> bash_complete(Sandbox& box, const std::string& bash, const std::string& words, int cword) {
    auto script = script_lines(
        {"source '" + completions_dir + "/kith.bash' || exit 9", "COMP_WORDS=('" + kith_binary + "' " + words + ")",
         "COMP_CWORD=" + std::to_string(cword), "_kith", "printf '%s\\n' \"${COMPREPLY[@]}\""});
    auto result = box.run_program({bash, "--norc", "--noprofile", "-c", script});
    INFO("stderr: ", result.err);
    CHECK(result.code == 0);
    CHECK(result.err.empty());
    auto lines = lines_of(result.out);
    lines.erase(std::remove(lines.begin(), lines.end(), ""), lines.end());
    return lines;
}

}  // namespace

// ---- kith __complete -----------------------------------------------------------------

TEST_CASE("complete: subcommands with their descriptions, hidden ones left out") {
    Sandbox box;
    auto result = box.run({"__complete", "--", ""});
    CHECK(result.code == 0);
    CHECK(result.out.find("due\tWho to reach out to today") != std::string::npos);
    auto all = candidates(box, {""});
    for (std::string command : {"due", "add", "note", "ask", "log", "remind", "done", "snooze", "list", "show", "edit",
                                "archive", "rm", "config", "date", "sync"})
        CHECK_MESSAGE(has(all, command), command);
    CHECK(!has(all, "__complete"));
    CHECK(!has(all, "__dump"));
    CHECK(candidates(box, {"no"}) == std::vector<std::string>{"note"});
    // Global options before the command do not hide the commands.
    CHECK(has(candidates(box, {"--db", "/tmp/x.db", "sh"}), "show"));
}

TEST_CASE("complete: the long options of the command and the global ones, each once") {
    Sandbox box;
    auto options = candidates(box, {"due", "--"});
    for (std::string option : {"--within", "--limit", "--tag", "--format", "--quiet", "--help", "--db", "--config",
                               "--today", "--color", "--version"})
        CHECK_MESSAGE(has(options, option), option);
    CHECK(std::count(options.begin(), options.end(), "--help") == 1);
    CHECK(candidates(box, {"due", "--f"}) == std::vector<std::string>{"--format"});
    // An option given already is not offered again, unless it repeats.
    auto after = candidates(box, {"due", "--format", "json", "--tag", "x", "--"});
    CHECK(!has(after, "--format"));
    CHECK(has(after, "--tag"));
}

TEST_CASE("complete: the values of options with a fixed set, as the parser checks them") {
    Sandbox box;
    CHECK(candidates(box, {"due", "--format", ""}) ==
          std::vector<std::string>{"text", "plain", "md", "tsv", "json", "jsonl"});
    CHECK(candidates(box, {"list", "-f", "j"}) == std::vector<std::string>{"json", "jsonl"});
    CHECK(candidates(box, {"log", "sam", "--via", ""}) ==
          std::vector<std::string>{"call", "email", "meet", "message", "other"});
    CHECK(candidates(box, {"--color", ""}) == std::vector<std::string>{"auto", "always", "never"});
    CHECK(candidates(box, {"show", "--format=m"}) == std::vector<std::string>{"--format=md"});
    // A file name is left to the shell, which knows how to list files.
    CHECK(candidates(box, {"--db", ""}) == std::vector<std::string>{":files"});
    CHECK(candidates(box, {"--config", "/tmp/"}) == std::vector<std::string>{":files"});
    CHECK(candidates(box, {"--config=/tmp/"}) == std::vector<std::string>{":files"});
    // A free value (a date, a tag) gets no made-up candidates.
    CHECK(candidates(box, {"note", "sam", "--on", ""}).empty());
}

TEST_CASE("complete: contact names from the database, for every CONTACT") {
    Sandbox box;
    add_people(box);
    CHECK(candidates(box, {"show", "sa"}) == std::vector<std::string>{"Sam Jones", "Sam Smith"});
    CHECK(candidates(box, {"note", "REN"}) == std::vector<std::string>{"Renée Dubois"});
    CHECK(candidates(box, {"log", "rene"}) == std::vector<std::string>{"Renée Dubois"});  // accents folded
    for (std::string command : {"ask", "remind", "edit", "archive", "rm"})
        CHECK_MESSAGE(candidates(box, {command, "sam s"}) == std::vector<std::string>{"Sam Smith"}, command);
    // Where CONTACT takes several words, the next word of the name.
    CHECK(candidates(box, {"show", "sam", ""}) == std::vector<std::string>{"Jones", "Smith"});
    // The description says which person it is.
    CHECK(box.ok({"__complete", "--", "show", "sam s"}) == "Sam Smith\t#1\n");
    // Not for the note's text, nor where no contact goes.
    CHECK(candidates(box, {"note", "sam", "s"}).empty());
    CHECK(candidates(box, {"date", "s"}).empty());
}

TEST_CASE("complete: open reminder ids for done and snooze") {
    Sandbox box;
    add_people(box);
    CHECK(candidates(box, {"done", ""}) == std::vector<std::string>{"3", "2"});  // soonest first; #1 is done
    CHECK(box.ok({"__complete", "--", "done", "2"}) == "2\tCall about Lisbon (Renée Dubois, 2026-12-01)\n");
    CHECK(candidates(box, {"done", "3", ""}) == std::vector<std::string>{"2"});  // each id once
    auto snooze = candidates(box, {"snooze", ""});
    CHECK(has(snooze, "3"));
    CHECK(has(snooze, "Sam Smith"));
    CHECK(candidates(box, {"snooze", "sam", ""}).empty());  // FOR is a length, not a person
}

TEST_CASE("complete: --db and KITH_DB choose the database") {
    Sandbox box;
    add_people(box);
    auto other = box.dir + "/other.db";
    box.ok({"--db", other, "add", "Zoe Adams"});
    CHECK(candidates(box, {"--db", other, "show", ""}) == std::vector<std::string>{"Zoe Adams"});
    CHECK(candidates(box, {"--db=" + other, "show", ""}) == std::vector<std::string>{"Zoe Adams"});
    RunOptions env;
    env.env["KITH_DB"] = other;
    CHECK(box.run({"__complete", "--", "show", "z"}, env).out == "Zoe Adams\t#1\n");
}

TEST_CASE("complete: never creates or writes the database") {
    Sandbox box;
    CHECK(candidates(box, {"show", ""}).empty());
    CHECK(!std::filesystem::exists(box.db));
    CHECK(!std::filesystem::exists(box.dir + "/data"));
    add_people(box);
    auto before = fingerprint(box, box.db);
    CHECK(candidates(box, {"show", "s"}).size() == 2);
    CHECK(candidates(box, {"done", ""}).size() == 2);
    CHECK(fingerprint(box, box.db) == before);
}

TEST_CASE("complete: a broken database or config gives no candidates, no message and exit 0") {
    Sandbox box;
    std::filesystem::create_directories(box.dir + "/data");
    box.write_file(box.db, "this is not a database, just some text that is long enough to be read");
    auto result = box.run({"__complete", "--", "show", ""});
    CHECK(result.code == 0);
    CHECK(result.out.empty());
    CHECK(result.err.empty());
    // Options and commands come from the parser and still complete.
    CHECK(candidates(box, {"show", "--f"}) == std::vector<std::string>{"--format"});
    box.write_file(box.config, "[due\nshoe_size = 44\n");
    result = box.run({"__complete", "--", "show", ""});
    CHECK(result.code == 0);
    CHECK(result.err.empty());
    box.write_file(box.config, "shoe_size = 44\n");  // only a warning elsewhere: silent here
    CHECK(box.run({"__complete", "--", "show", ""}).err.empty());
}

// ---- the scripts -----------------------------------------------------------------------

TEST_CASE("bash completion completes commands, option values and contact names from the real binary") {
    auto bash = shell_path("bash");
    REQUIRE(!bash.empty());
    Sandbox box;
    add_people(box);
    // COMP_WORDS as bash splits them (it cuts --format=js at the "="), then what _kith put in COMPREPLY.
    auto complete = [&](const std::string& words, int cword) { return bash_complete(box, bash, words, cword); };
    CHECK(complete("''", 1).size() >= 15);
    CHECK(complete("no", 1) == std::vector<std::string>{"note"});
    CHECK(complete("due --for", 2) == std::vector<std::string>{"--format"});
    CHECK(complete("due --format ''", 3) == std::vector<std::string>{"text", "plain", "md", "tsv", "json", "jsonl"});
    CHECK(complete("due --format = js", 4) == std::vector<std::string>{"json", "jsonl"});
    CHECK(complete("due --format =", 3).size() == 6);
    CHECK(complete("log sam --via m", 4) == std::vector<std::string>{"meet", "message"});
    // Names are escaped for the shell, unless the user opened a quote.
    CHECK(complete("show ren", 2) == std::vector<std::string>{"Renée\\ Dubois"});
    CHECK(complete("note '\"sam s'", 2) == std::vector<std::string>{"Sam Smith"});
    CHECK(complete("show sam ''", 3) == std::vector<std::string>{"Jones", "Smith"});
    CHECK(complete("done ''", 2) == std::vector<std::string>{"3", "2"});
    CHECK(complete("--db '" + box.dir + "/da'", 2) == std::vector<std::string>{box.dir + "/data"});
    CHECK(complete("--config = '" + box.dir + "/da'", 3) == std::vector<std::string>{box.dir + "/data"});
}

TEST_CASE("bash completion of names with spaces: full names escaped, and it goes on after an escaped space") {
    auto bash = shell_path("bash");
    REQUIRE(!bash.empty());
    Sandbox box;
    box.ok({"add", "Sam Lee"});
    box.ok({"add", "Sam Ortiz"});
    box.ok({"add", "Samantha O'Neil"});
    box.ok({"add", "Priya Shah"});
    // COMP_WORDS holds the words as typed, the shell's backslashes and quotes included.
    auto complete = [&](const std::string& words, int cword) { return bash_complete(box, bash, words, cword); };
    // kith show Sam<Tab>: every Sam, whole and escaped, so readline inserts their common "Sam\ ".
    CHECK(complete("show Sam", 2) == std::vector<std::string>{"Sam\\ Lee", "Sam\\ Ortiz", "Samantha\\ O\\'Neil"});
    // kith show Sam\ <Tab>: the backslash is the shell's; the Sams with a second name remain.
    CHECK(complete("show 'Sam\\ '", 2) == std::vector<std::string>{"Sam\\ Lee", "Sam\\ Ortiz"});
    CHECK(complete("show 'Sam\\ O'", 2) == std::vector<std::string>{"Sam\\ Ortiz"});
    CHECK(complete("show 'Samantha\\ O'", 2) == std::vector<std::string>{"Samantha\\ O\\'Neil"});
    // A name already typed with its space escaped or quoted counts as one person.
    CHECK(complete("log 'Sam\\ Lee' --via m", 4) == std::vector<std::string>{"meet", "message"});
    CHECK(complete("remind '\"Sam Ortiz\"' ''", 3).empty());  // WHEN: nothing to offer, no error
    CHECK(complete("snooze 'Priya\\ S'", 2) == std::vector<std::string>{"Priya\\ Shah"});
    // In a quote the user opened, the names stay as they are.
    CHECK(complete("show '\"Sam O'", 2) == std::vector<std::string>{"Sam Ortiz"});
}

TEST_CASE("zsh completion: the script parses, and offers what kith __complete says") {
    auto zsh = shell_path("zsh");
    if (zsh.empty()) {
        MESSAGE("zsh is not installed: its completion is not checked");
        return;
    }
    Sandbox box;
    add_people(box);
    CHECK(box.run_program({zsh, "-n", completions_dir + "/_kith"}).code == 0);
    // compadd only exists inside a completion widget: a stand-in prints the values it is given.
    auto complete = [&](const std::string& words) {
        auto script = script_lines({"compadd() { print -rl -- \"${(@P)${@[-1]}}\" }",
                                    "words=('" + kith_binary + "' " + words + ")", "CURRENT=${#words}",
                                    "source '" + completions_dir + "/_kith'"});
        auto result = box.run_program({zsh, "-f", "-c", script});
        INFO("stderr: ", result.err);
        CHECK(result.err.empty());
        return lines_of(result.out);
    };
    CHECK(complete("due --format ''") == std::vector<std::string>{"text", "plain", "md", "tsv", "json", "jsonl"});
    CHECK(complete("show ren") == std::vector<std::string>{"Renée Dubois"});
    CHECK(complete("'sh'") == std::vector<std::string>{"show"});
}

TEST_CASE("fish completion: the script parses, and offers what kith __complete says") {
    auto fish = shell_path("fish");
    if (fish.empty()) {
        MESSAGE("fish is not installed: its completion is not checked");
        return;
    }
    Sandbox box;
    add_people(box);
    CHECK(box.run_program({fish, "--no-execute", completions_dir + "/kith.fish"}).code == 0);
    // fish completes a command named kith: put the binary on PATH under that name.
    auto bin = box.dir + "/bin";
    std::filesystem::create_directories(bin);
    std::filesystem::create_symlink(KITH_BINARY, bin + "/kith");
    RunOptions options;
    options.env["PATH"] = bin + ":/usr/bin:/bin";
    auto complete = [&](const std::string& line) {
        auto result = box.run_program(
            {fish, "--no-config", "-c", "source '" + completions_dir + "/kith.fish'; complete -C '" + line + "'"},
            options);
        INFO("stderr: ", result.err);
        CHECK(result.code == 0);
        return lines_of(result.out);
    };
    CHECK(complete("kith due --format j") == std::vector<std::string>{"json", "jsonl"});
    CHECK(complete("kith --db " + box.dir + "/da") == std::vector<std::string>{box.dir + "/data/"});
    CHECK(complete("kith --config=" + box.dir + "/da") == std::vector<std::string>{"--config=" + box.dir + "/data/"});
    CHECK(complete("kith show ren") == std::vector<std::string>{"Renée Dubois\t#3"});
    auto commands = complete("kith ");
    CHECK(std::find(commands.begin(), commands.end(), "due\tWho to reach out to today, and why") != commands.end());
}
