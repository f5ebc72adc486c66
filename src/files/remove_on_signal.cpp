#include "files/remove_on_signal.h"

#include <signal.h>
#include <unistd.h>

#include <fcntl.h>
#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstring>

#include "kith/error.h"

namespace kith::files {

namespace {

// Fixed storage the signal handler can read without allocating: a command has a temp file or
// two at a time (a backup's copy and SQLite's journal beside it).
constexpr int slot_count = 8;
struct Slot {
    std::atomic<bool> used{false};
    char path[PATH_MAX];
};
Slot slots[slot_count];

extern "C" void remove_and_reraise(int signal_number) {
    for (auto& slot : slots)
        if (slot.used.load()) ::unlink(slot.path);
    // SA_RESETHAND has put the default action back; the signal is blocked until we return,
    // when it ends the process with the status a shell expects.
    ::raise(signal_number);
}

void install_handlers() {
    static std::atomic<bool> installed{false};
    if (installed.exchange(true)) return;
    for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction old {};
        ::sigaction(signal_number, nullptr, &old);
        if (old.sa_handler == SIG_IGN) continue;  // nohup, or a caller that wants it ignored
        struct sigaction action {};
        action.sa_handler = remove_and_reraise;
        action.sa_flags = SA_RESETHAND;
        ::sigemptyset(&action.sa_mask);
        ::sigaction(signal_number, &action, nullptr);
    }
}

}  // namespace

RemoveOnSignal::RemoveOnSignal(const std::string& path) : path_(path) {
    if (path.empty()) return;
    install_handlers();
    if (path.size() >= PATH_MAX) return;  // removed by the destructor only
    for (int i = 0; i < slot_count; ++i) {
        if (slots[i].used.load()) continue;
        std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
        slots[i].used.store(true);
        slot_ = i;
        return;
    }
}

void RemoveOnSignal::release() {
    if (slot_ >= 0) slots[slot_].used.store(false);
    slot_ = -1;
    path_.clear();
}

RemoveOnSignal::~RemoveOnSignal() {
    if (slot_ >= 0) slots[slot_].used.store(false);
    if (!path_.empty()) ::unlink(path_.c_str());
}

TempFile::TempFile(std::string pattern, int suffix_length, const std::string& target) : path_(std::move(pattern)) {
    // No signal may end kith between the file's making and its registration.
    sigset_t blocked, old;
    ::sigemptyset(&blocked);
    for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) ::sigaddset(&blocked, signal_number);
    ::sigprocmask(SIG_BLOCK, &blocked, &old);
    fd_ = ::mkostemps(path_.data(), suffix_length, O_CLOEXEC);  // 0600 whatever the umask
    int error = errno;
    if (fd_ >= 0) remove_ = std::make_unique<RemoveOnSignal>(path_);
    ::sigprocmask(SIG_SETMASK, &old, nullptr);
    if (fd_ < 0 && !target.empty()) throw runtime_error(fmt::format("cannot write {}: {}", target, std::strerror(error)));
    if (fd_ < 0) {
        auto directory = path_.substr(0, path_.rfind('/') == std::string::npos ? 0 : path_.rfind('/'));
        throw runtime_error(fmt::format("cannot create a temp file in {}: {}", directory.empty() ? "." : directory,
                                        std::strerror(error)));
    }
}

TempFile::~TempFile() {
    if (fd_ >= 0) ::close(fd_);
}

bool TempFile::close() {
    if (fd_ < 0) return true;
    int result = ::close(fd_);
    fd_ = -1;
    return result == 0;
}

}  // namespace kith::files
