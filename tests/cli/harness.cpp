#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "harness.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <algorithm>
#include <stdexcept>

namespace kith::test {

Sandbox::Sandbox() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kith-cli-XXXXXX").string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    if (!::mkdtemp(name.data())) throw std::runtime_error("mkdtemp failed");
    dir = name.data();
    db = dir + "/data/kith.db";
    config = dir + "/config.toml";
}

Sandbox::~Sandbox() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}

namespace {

std::vector<std::string> sandbox_environment(const Sandbox& box, const RunOptions& options) {
    std::map<std::string, std::string> env{
        {"PATH", "/usr/local/bin:/usr/bin:/bin"},
        {"HOME", box.dir},
        {"KITH_DB", box.db},
        {"KITH_CONFIG", box.config},
        {"KITH_TODAY", box.today},
        {"TMPDIR", box.dir},
        {"LANG", "C.UTF-8"},
    };
    for (const auto& [key, value] : options.env) env[key] = value;
    std::vector<std::string> out;
    for (const auto& [key, value] : env)
        if (!value.empty()) out.push_back(key + "=" + value);
    return out;
}

void set_nonblocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

}  // namespace

Result Sandbox::run(const std::vector<std::string>& args, const RunOptions& options) const {
    std::vector<std::string> argv{KITH_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_program(argv, options);
}

Result Sandbox::run_program(const std::vector<std::string>& program_argv, const RunOptions& options) const {
    int in[2], out[2], err[2];
    if (::pipe(in) || ::pipe(out) || ::pipe(err)) throw std::runtime_error("pipe failed");
    int terminal = -1;
    std::string terminal_name;
    bool use_terminal = options.terminal_stdin || options.terminal_stdout;
    if (use_terminal) {
        terminal = ::posix_openpt(O_RDWR | O_NOCTTY);
        if (terminal < 0 || ::grantpt(terminal) || ::unlockpt(terminal)) throw std::runtime_error("no pty");
        terminal_name = ::ptsname(terminal);
    }
    auto env_strings = sandbox_environment(*this, options);
    auto argv_strings = program_argv;  // execve wants mutable strings

    pid_t pid = ::fork();
    if (pid == 0) {
        int slave = -1;
        if (use_terminal) {
            ::setsid();
            slave = ::open(terminal_name.c_str(), O_RDWR);
        }
        ::dup2(options.terminal_stdin ? slave : in[0], 0);
        ::dup2(options.terminal_stdout ? slave : out[1], 1);
        if (slave > 2) ::close(slave);
        ::dup2(err[1], 2);
        for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) ::close(fd);
        std::vector<char*> argv, envp;
        for (auto& s : argv_strings) argv.push_back(s.data());
        argv.push_back(nullptr);
        for (auto& s : env_strings) envp.push_back(s.data());
        envp.push_back(nullptr);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    set_nonblocking(in[1]);
    set_nonblocking(out[0]);
    set_nonblocking(err[0]);
    // What kith writes to a terminal stdout is read from the pty's master side instead.
    int out_fd = out[0];
    if (options.terminal_stdout) {
        ::close(out[0]);
        out_fd = terminal;
        set_nonblocking(out_fd);
    }

    Result result;
    std::size_t written = 0;
    if (options.terminal_stdin && !options.input.empty()) {
        // Typed at the terminal: the line discipline hands it to the child's first read.
        if (::write(terminal, options.input.data(), options.input.size()) < 0) throw std::runtime_error("pty write");
    }
    const std::string& input = options.terminal_stdin ? std::string() : options.input;
    int in_fd = in[1];
    if (input.empty()) {
        ::close(in_fd);
        in_fd = -1;
    }
    bool out_open = true, err_open = true;
    while (out_open || err_open) {
        std::vector<pollfd> fds;
        if (out_open) fds.push_back({out_fd, POLLIN, 0});
        if (err_open) fds.push_back({err[0], POLLIN, 0});
        if (in_fd >= 0) fds.push_back({in_fd, POLLOUT, 0});
        // 90 s of silence: a sanitizer build importing 20,000 people on a loaded 2-core machine
        // stays silent for over 30 s while it works.
        if (::poll(fds.data(), fds.size(), 90000) <= 0) {
            ::kill(pid, SIGKILL);  // a stuck kith fails its test instead of hanging the suite
            break;
        }
        for (const auto& p : fds) {
            if (!p.revents) continue;
            if (p.fd == in_fd) {
                auto n = ::write(in_fd, input.data() + written, input.size() - written);
                if (n > 0) written += static_cast<std::size_t>(n);
                if (n < 0 || written == input.size()) {
                    ::close(in_fd);
                    in_fd = -1;
                }
                continue;
            }
            char buffer[65536];
            auto n = ::read(p.fd, buffer, sizeof buffer);
            if (n > 0) {
                (p.fd == out_fd ? result.out : result.err).append(buffer, static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EAGAIN) {  // a pty's master reads EIO once the child is gone
                (p.fd == out_fd ? out_open : err_open) = false;
            }
        }
    }
    if (in_fd >= 0) ::close(in_fd);
    if (out_fd != terminal) ::close(out_fd);
    ::close(err[0]);
    if (terminal >= 0) ::close(terminal);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

std::string Sandbox::ok(const std::vector<std::string>& args, const RunOptions& options) const {
    auto result = run(args, options);
    INFO("args: ", args.empty() ? "" : args.front(), " stderr: ", result.err);
    REQUIRE(result.code == 0);
    return result.out;
}

void Sandbox::write_file(const std::string& path, const std::string& content, int mode) const {
    std::ofstream(path, std::ios::binary) << content;
    ::chmod(path.c_str(), static_cast<mode_t>(mode));
}

std::string Sandbox::read_file(const std::string& path) const {
    std::ifstream file(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(file), {});
}

void check_error(const Result& result, int code, const std::string& needle) {
    INFO("stdout: ", result.out);
    INFO("stderr: ", result.err);
    CHECK(result.code == code);
    CHECK(result.out.empty());
    CHECK(!result.err.empty());
    CHECK(result.err.rfind("kith: ", 0) == 0);
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    if (!result.err.empty()) CHECK(result.err.back() == '\n');
    if (!needle.empty()) CHECK(result.err.find(needle) != std::string::npos);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);) lines.push_back(line);
    return lines;
}

unsigned mode_of(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return 0;
    return static_cast<unsigned>(info.st_mode) & 0777u;
}

RunOptions piped(const std::string& input) {
    RunOptions options;
    options.input = input;
    return options;
}

RunOptions with_env(const std::map<std::string, std::string>& env) {
    RunOptions options;
    options.env = env;
    return options;
}

void restore_as_dump(const std::string& from, const std::string& to, const std::vector<std::string>& tables,
                     bool sequence) {
    SQLite::Database db(to, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    SQLite::Database source(from, SQLite::OPEN_READONLY);
    SQLite::Statement schema(source, "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE "
                                     "'sqlite_%' AND name NOT IN (SELECT name FROM pragma_table_list "
                                     "WHERE type = 'shadow') ORDER BY type = 'index'");
    while (schema.executeStep()) db.exec(schema.getColumn(0).getString());
    db.exec("ATTACH DATABASE '" + from + "' AS old");
    for (const auto& table : tables) db.exec("INSERT INTO main." + table + " SELECT * FROM old." + table);
    if (sequence) {
        db.exec("DELETE FROM main.sqlite_sequence");
        db.exec("INSERT INTO main.sqlite_sequence SELECT * FROM old.sqlite_sequence");
    }
    db.exec("DETACH DATABASE old");
}

long long count_rows(const std::string& path, const std::string& table) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

}  // namespace kith::test
