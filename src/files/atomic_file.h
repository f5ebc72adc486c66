// Writing the files a user names (export -o, backup): whole or not at all for a regular file,
// straight through for a FIFO or a device, and never through a symlink another user planted.
#pragma once

#include <filesystem>
#include <memory>
#include <streambuf>
#include <string>
#include <vector>

#include "files/remove_on_signal.h"

namespace kith::files {

// What is at a path, as lstat sees it; `points_to` is what a symlink leads to (else the same).
enum class Kind { missing, regular, directory, symlink, stream /* FIFO, device, socket */ };

struct PathInfo {
    Kind kind = Kind::missing;
    Kind points_to = Kind::missing;
    // False for a symlink the kernel's fs.protected_symlinks would not follow: in a sticky
    // world-writable directory (/tmp), owned by neither us nor the directory's owner.
    bool safe_to_follow = true;
};

PathInfo inspect(const std::string& path);

// Throws runtime_error when `path` is a symlink that is not safe to follow.
void refuse_planted_symlink(const std::string& path, const PathInfo& info);

// When a committed file is flushed to disk: at once, or by the caller, once for many files
// (sync_filesystem), as `kith sync` writes thousands.
enum class Durability { now, later };

// A new private (0600) temp file beside `target`, removed however kith ends unless committed;
// commit() syncs it, renames it over `target` and syncs the directory. A symlink at `target`
// is replaced, never followed: resolve it first if its target is meant.
class AtomicFile {
public:
    explicit AtomicFile(std::string target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const std::string& temp_path() const { return temp_.path(); }
    int fd() const { return temp_.fd(); }  // open for writing until commit()
    // Removes these too if interrupted: files another library makes beside the temp file
    // (SQLite's "-journal").
    void also_remove(const std::string& suffix);
    void commit(Durability durability = Durability::now);

private:
    std::string target_;
    TempFile temp_;
    std::vector<std::unique_ptr<RemoveOnSignal>> companions_;
};

// Opens an existing FIFO or device for writing, without creating or truncating anything and,
// unless `follow` (a symlink already found safe), without following a symlink.
int open_stream(const std::string& path, bool follow);

// An output stream buffer over a file descriptor it does not own; write errors make the
// stream bad, errno says why.
class FdOutBuf : public std::streambuf {
public:
    explicit FdOutBuf(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
    ~FdOutBuf() override { sync(); }

protected:
    int_type overflow(int_type c) override;
    int sync() override;
    std::streamsize xsputn(const char* data, std::streamsize count) override;

private:
    bool flush_buffer();
    bool write_all(const char* data, std::size_t count);
    int fd_;
    char buffer_[1 << 16];
};

// mkdir -p where every directory kith creates is private to the user (0700).
void create_private_directories(const std::filesystem::path& directory);

// Syncs a directory so a rename in it survives a power cut; failures only weaken that.
void sync_directory(const std::string& directory);
// Flushes the whole file system `path` is on (syncfs): every file committed with
// Durability::later, and their renames. Failures only weaken that.
void sync_filesystem(const std::string& path);

}  // namespace kith::files
