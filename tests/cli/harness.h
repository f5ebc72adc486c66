// Runs the real kith binary in a private sandbox: a temp HOME, database and config, a fixed
// --today (via KITH_TODAY), and a clean environment.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kith::test {

struct Result {
    int code = -1;
    std::string out;
    std::string err;
};

struct RunOptions {
    std::string input;              // written to stdin (a pipe), or typed at the terminal
    bool terminal_stdin = false;    // stdin is a pseudo-terminal instead of a pipe
    bool terminal_stdout = false;   // stdout is a pseudo-terminal (its \n arrive as \r\n)
    std::map<std::string, std::string> env;  // extra or overriding variables; "" unsets
};

class Sandbox {
public:
    Sandbox();
    ~Sandbox();
    Sandbox(const Sandbox&) = delete;
    Sandbox& operator=(const Sandbox&) = delete;

    std::string dir;     // the temp HOME
    std::string db;      // KITH_DB
    std::string config;  // KITH_CONFIG (not created)
    std::string today = "2026-11-22";

    Result run(const std::vector<std::string>& args, const RunOptions& options = {}) const;
    // Runs another program (argv[0] a full path) the same way, e.g. a shell sourcing a completion script.
    Result run_program(const std::vector<std::string>& argv, const RunOptions& options = {}) const;
    // Runs and requires exit 0, returning stdout.
    std::string ok(const std::vector<std::string>& args, const RunOptions& options = {}) const;

    void write_file(const std::string& path, const std::string& content, int mode = 0644) const;
    std::string read_file(const std::string& path) const;
};

// Every error is exactly one line on stderr starting with "kith: ", with `code`, and stdout
// stays empty; `needle`, when given, is in the message.
void check_error(const Result& result, int code, const std::string& needle = "");

std::vector<std::string> lines_of(const std::string& text);

// The permission bits of a file (0600, 0700 …), 0 when it does not exist.
unsigned mode_of(const std::string& path);

// Options for a run with `input` piped to stdin, or with these environment variables.
RunOptions piped(const std::string& input);
RunOptions with_env(const std::map<std::string, std::string>& env);

// Rows of `table` (and any WHERE after it) in the database at `path`, read directly.
long long count_rows(const std::string& path, const std::string& table);

// What `sqlite3 kith.db .dump | sqlite3 restored.db` makes of `from` at `to`: the same tables
// (their full-text shadow tables made by their virtual tables, filled by the triggers) and the
// rows of `tables`, with sqlite_sequence's too when `sequence`, and user_version 0.
void restore_as_dump(const std::string& from, const std::string& to, const std::vector<std::string>& tables,
                     bool sequence = false);

}  // namespace kith::test
