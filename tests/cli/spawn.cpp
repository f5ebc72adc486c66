#include "spawn.h"

#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <string>
#include <cerrno>
#include <stdexcept>
#include <utility>

namespace kith::test {

namespace {

// The harness's environment for the sandbox (see Sandbox::run), plus the launch's own.
std::vector<std::string> environment(const Sandbox& box, const Launch& launch) {
    std::map<std::string, std::string> env{
        {"PATH", "/usr/local/bin:/usr/bin:/bin"}, {"HOME", box.dir},     {"KITH_DB", box.db},
        {"KITH_CONFIG", box.config},              {"KITH_TODAY", box.today}, {"TMPDIR", box.dir},
        {"LANG", "C.UTF-8"},
    };
    for (const auto& [key, value] : launch.env) env[key] = value;
    std::vector<std::string> out;
    for (const auto& [key, value] : env)
        if (!value.empty()) out.push_back(key + "=" + value);
    return out;
}

int open_or_throw(const std::string& path, int flags) {
    int fd = ::open(path.c_str(), flags | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("cannot open " + path);
    return fd;
}

}  // namespace

Child::Child(pid_t pid, std::string out_path, std::string err_path, int terminal)
    : pid_(pid), out_path_(std::move(out_path)), err_path_(std::move(err_path)), terminal_(terminal) {}

Child::Child(Child&& other) noexcept
    : pid_(other.pid_), out_path_(std::move(other.out_path_)), err_path_(std::move(other.err_path_)),
      terminal_(other.terminal_), waited_(other.waited_) {
    other.waited_ = true;
    other.terminal_ = -1;
}

Child::~Child() {
    if (!waited_) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    if (terminal_ >= 0) ::close(terminal_);
}

void Child::kill(int signal) const { ::kill(pid_, signal); }

Result Child::wait() {
    Result result;
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    waited_ = true;
    if (terminal_ >= 0) ::close(terminal_);
    terminal_ = -1;
    result.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    auto slurp = [](const std::string& path) {
        std::string text;
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return text;
        char buffer[65536];
        for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(n));
        ::close(fd);
        ::unlink(path.c_str());
        return text;
    };
    result.out = slurp(out_path_);
    result.err = slurp(err_path_);
    return result;
}

Child start(const Sandbox& box, const Launch& launch) {
    static std::atomic<int> launched{0};  // tests start children from several threads
    auto base = box.dir + "/.child-" + std::to_string(::getpid()) + "-" + std::to_string(++launched);
    // Everything the child needs is made before fork: after it, only async-signal-safe calls.
    int out = open_or_throw(base + ".out", O_WRONLY | O_CREAT | O_TRUNC);
    int err = open_or_throw(base + ".err", O_WRONLY | O_CREAT | O_TRUNC);
    int in = open_or_throw(launch.stdin_file.empty() ? "/dev/null" : launch.stdin_file, O_RDONLY);
    int terminal = -1;
    std::string terminal_name;
    if (launch.terminal_stdin) {
        terminal = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
        if (terminal < 0 || ::grantpt(terminal) || ::unlockpt(terminal)) throw std::runtime_error("no pty");
        terminal_name = ::ptsname(terminal);
    }
    auto env_strings = environment(box, launch);
    std::vector<std::string> argv_strings{KITH_BINARY};
    argv_strings.insert(argv_strings.end(), launch.args.begin(), launch.args.end());
    std::vector<char*> argv, envp;
    for (auto& s : argv_strings) argv.push_back(s.data());
    argv.push_back(nullptr);
    for (auto& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    rlimit limit{};
    if (launch.file_size_limit) limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(*launch.file_size_limit);

    pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        if (launch.terminal_stdin) {
            ::setsid();  // the pty becomes the controlling terminal, as in a shell
            int slave = ::open(terminal_name.c_str(), O_RDWR);
            if (slave < 0) ::_exit(126);
            ::dup2(slave, in);
            ::close(slave);
        }
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        // SIGXFSZ keeps its default action: kith itself must turn it into EFBIG and a message.
        if (launch.file_size_limit && ::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(126);
        if (launch.user) {
            if (::setgroups(0, nullptr) != 0 || ::setgid(*launch.user) != 0 || ::setuid(*launch.user) != 0)
                ::_exit(126);
        }
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(in);
    ::close(out);
    ::close(err);
    return Child(pid, base + ".out", base + ".err", terminal);
}

}  // namespace kith::test
