#include "files/atomic_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "kith/error.h"

namespace kith::files {

namespace fs = std::filesystem;

namespace {

Kind kind_of(const struct stat& st) {
    if (S_ISREG(st.st_mode)) return Kind::regular;
    if (S_ISDIR(st.st_mode)) return Kind::directory;
    if (S_ISLNK(st.st_mode)) return Kind::symlink;
    return Kind::stream;
}

std::string parent_of(const std::string& path) {
    auto parent = fs::path(path).parent_path().string();
    return parent.empty() ? "." : parent;
}

[[noreturn]] void cannot_write(const std::string& path, int error) {
    throw runtime_error(fmt::format("cannot write {}: {}", path, std::strerror(error)));
}

}  // namespace

PathInfo inspect(const std::string& path) {
    PathInfo info;
    struct stat link {};
    if (::lstat(path.c_str(), &link) != 0) {
        if (errno == ENOENT) return info;
        cannot_write(path, errno);
    }
    info.kind = info.points_to = kind_of(link);
    if (info.kind != Kind::symlink) return info;
    struct stat target {};
    info.points_to = ::stat(path.c_str(), &target) == 0 ? kind_of(target) : Kind::missing;
    // The kernel's rule (fs.protected_symlinks): in a sticky, world-writable directory a link
    // is followed only by its owner, or when the directory's owner owns it.
    struct stat directory {};
    if (::stat(parent_of(path).c_str(), &directory) == 0 && (directory.st_mode & S_ISVTX) &&
        (directory.st_mode & S_IWOTH))
        info.safe_to_follow = link.st_uid == ::geteuid() || link.st_uid == directory.st_uid;
    return info;
}

void refuse_planted_symlink(const std::string& path, const PathInfo& info) {
    if (info.kind == Kind::symlink && !info.safe_to_follow)
        throw runtime_error(fmt::format(
            "{} is a symlink another user owns in a shared directory: not following it; remove it or write elsewhere",
            path));
}

namespace {

std::string temp_pattern(const std::string& target) {
    return (fs::path(parent_of(target)) / (fs::path(target).filename().string() + ".tmp-XXXXXX")).string();
}

}  // namespace

AtomicFile::AtomicFile(std::string target) : target_(std::move(target)), temp_(temp_pattern(target_), 0, target_) {}

AtomicFile::~AtomicFile() = default;

void AtomicFile::also_remove(const std::string& suffix) {
    companions_.push_back(std::make_unique<RemoveOnSignal>(temp_.path() + suffix));
}

void AtomicFile::commit(Durability durability) {
    if (durability == Durability::now && ::fsync(temp_.fd()) != 0) cannot_write(target_, errno);
    if (!temp_.close()) cannot_write(target_, errno);
    if (std::rename(temp_.path().c_str(), target_.c_str()) != 0) cannot_write(target_, errno);
    temp_.release();
    if (durability == Durability::now) sync_directory(parent_of(target_));
}

int open_stream(const std::string& path, bool follow) {
    int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW));
    if (fd < 0) cannot_write(path, errno);
    return fd;
}

bool FdOutBuf::write_all(const char* data, std::size_t count) {
    while (count > 0) {
        auto written = ::write(fd_, data, count);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return false;
        data += written;
        count -= static_cast<std::size_t>(written);
    }
    return true;
}

bool FdOutBuf::flush_buffer() {
    bool ok = write_all(pbase(), static_cast<std::size_t>(pptr() - pbase()));
    setp(buffer_, buffer_ + sizeof buffer_);
    return ok;
}

FdOutBuf::int_type FdOutBuf::overflow(int_type c) {
    if (!flush_buffer()) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
    return c;
}

int FdOutBuf::sync() {
    return flush_buffer() ? 0 : -1;
}

std::streamsize FdOutBuf::xsputn(const char* data, std::streamsize count) {
    const auto size = static_cast<std::size_t>(count);
    if (size <= static_cast<std::size_t>(epptr() - pptr())) {
        std::memcpy(pptr(), data, size);
        pbump(static_cast<int>(count));
        return count;
    }
    if (!flush_buffer() || !write_all(data, size)) return 0;
    return count;
}

void create_private_directories(const fs::path& directory) {
    if (directory.empty() || fs::exists(directory)) return;
    create_private_directories(directory.parent_path());
    if (::mkdir(directory.c_str(), 0700) != 0 && errno != EEXIST)
        throw runtime_error(fmt::format("cannot create directory {}: {}", directory.string(), std::strerror(errno)));
}

void sync_filesystem(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    ::syncfs(fd);
    ::close(fd);
}

void sync_directory(const std::string& directory) {
    int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace kith::files
