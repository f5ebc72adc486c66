// Starts the real kith in the background, for tests that need several at once, a kill at a
// chosen moment, or limits the harness's run() cannot set (a file size limit, another user).
#pragma once

#include <sys/types.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "harness.h"

namespace kith::test {

struct Launch {
    std::vector<std::string> args;
    std::string stdin_file;                  // read as standard input; "" = /dev/null
    std::map<std::string, std::string> env;  // as RunOptions::env: extra or overriding; "" unsets
    std::optional<long> file_size_limit;     // RLIMIT_FSIZE in bytes: writes beyond it fail (EFBIG)
    std::optional<uid_t> user;               // run as this uid and gid (the tests must be root)
    bool terminal_stdin = false;             // stdin is a pseudo-terminal (kept open until wait())
};

// A kith started by start(); its stdout and stderr go to files until wait() collects them.
class Child {
public:
    Child(pid_t pid, std::string out_path, std::string err_path, int terminal = -1);
    Child(Child&& other) noexcept;
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    Child& operator=(Child&&) = delete;
    ~Child();  // a child never waited for is killed, so a failing test leaves nothing running

    pid_t pid() const { return pid_; }
    void kill(int signal) const;
    Result wait();  // code is 128 + the signal for a killed child

private:
    pid_t pid_;
    std::string out_path_, err_path_;
    int terminal_ = -1;  // the pty's master side, when stdin is a terminal
    bool waited_ = false;
};

Child start(const Sandbox& box, const Launch& launch);
inline Result run_launch(const Sandbox& box, const Launch& launch) { return start(box, launch).wait(); }

}  // namespace kith::test
