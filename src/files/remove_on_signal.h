// Temp files that hold private data (a note being edited, a half-written export or backup)
// must not outlive kith when it is interrupted: SIGINT, SIGTERM and SIGHUP (the terminal closed,
// ssh dropped) remove every file registered here, then end kith as the signal would have.
#pragma once

#include <memory>
#include <string>

namespace kith::files {

// Registers `path` for removal on those signals while this object lives. Destroying it removes
// the file too, unless release() was called (the file was renamed into place).
class RemoveOnSignal {
public:
    explicit RemoveOnSignal(const std::string& path);
    ~RemoveOnSignal();
    RemoveOnSignal(const RemoveOnSignal&) = delete;
    RemoveOnSignal& operator=(const RemoveOnSignal&) = delete;

    // Forget the path without removing it.
    void release();

private:
    int slot_ = -1;
    std::string path_;
};

// A new private (0600) file made from `pattern` (its XXXXXX, then `suffix_length` more
// characters: "kith-XXXXXX.txt" has 4), registered before any signal can come between the
// file's making and its registration. Removed as RemoveOnSignal says. When it cannot be made,
// the error says "cannot write `target`", or names the directory when no target is given.
class TempFile {
public:
    explicit TempFile(std::string pattern, int suffix_length = 0, const std::string& target = "");
    ~TempFile();
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    const std::string& path() const { return path_; }
    int fd() const { return fd_; }  // open for reading and writing until close()
    // Closes the descriptor; false (errno set) when the close reported a write failure.
    bool close();
    void release() { remove_->release(); }

private:
    std::string path_;
    int fd_ = -1;
    std::unique_ptr<RemoveOnSignal> remove_;
};

}  // namespace kith::files
