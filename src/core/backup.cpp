// `kith backup`: where the copy goes, and what it may replace there.
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "files/atomic_file.h"
#include "kith/core.h"
#include "kith/error.h"

namespace kith {

namespace {

namespace fs = std::filesystem;

// kith.db.backup-2026-11-22 in `directory`; a second backup the same day gets .2, and so on,
// so a backup never replaces one the user did not name.
std::string dated_backup_path(const fs::path& directory, const std::string& db_name, Date today) {
    auto base = (directory / fmt::format("{}.backup-{}", db_name, format_iso(today))).string();
    auto path = base;
    for (int n = 2; files::inspect(path).kind != files::Kind::missing; ++n) path = fmt::format("{}.{}", base, n);
    return path;
}

void refuse_the_database_itself(const std::string& destination, const std::string& db_path) {
    std::error_code ec;
    for (const auto& live : {db_path, db_path + "-wal", db_path + "-shm"}) {
        if (destination == live || fs::equivalent(destination, live, ec))
            throw usage_error(fmt::format("{} is the database itself: give another file for the backup", destination));
    }
}

// What a backup may replace without --force: nothing, an empty file, or an earlier backup.
void refuse_to_replace(const std::string& destination, const files::PathInfo& info) {
    if (info.kind == files::Kind::symlink)
        throw usage_error(fmt::format("{} is a symlink: not replacing it (--force replaces the link itself)",
                                      destination));
    std::error_code ec;
    if (info.kind == files::Kind::regular && fs::file_size(destination, ec) > 0 &&
        !Store::is_kith_database(destination))
        throw usage_error(fmt::format("{} exists and is not a kith database: not replacing it (--force does)",
                                      destination));
}

}  // namespace

void backup_to_stream(Store& store, int fd, const std::string& name, const std::string& temp_directory) {
    // SQLite copies into a file; the copy then goes out as a stream of bytes.
    files::TempFile temp((fs::path(temp_directory.empty() ? "/tmp" : temp_directory) / "kith-backup-XXXXXX").string());
    files::RemoveOnSignal remove_journal(temp.path() + "-journal");
    const int temp_fd = temp.fd();
    store.backup_into(temp.path(), name);
    files::FdOutBuf out(fd);
    char buffer[1 << 16];
    for (;;) {
        auto count = ::read(temp_fd, buffer, sizeof buffer);
        if (count < 0 && errno == EINTR) continue;
        if (count < 0) throw runtime_error(fmt::format("cannot read back the copy: {}", std::strerror(errno)));
        if (count == 0) break;
        if (out.sputn(buffer, count) != count)
            throw runtime_error(fmt::format("cannot write {}: {}", name, std::strerror(errno)));
    }
    if (out.pubsync() != 0) throw runtime_error(fmt::format("cannot write {}: {}", name, std::strerror(errno)));
}

std::string backup_database(Store& store, const BackupRequest& request) {
    const auto db_path = fs::path(store.path());
    auto destination = request.destination;
    if (destination.empty()) destination = db_path.parent_path().string();
    auto info = files::inspect(destination);
    if (info.points_to == files::Kind::directory && (info.kind != files::Kind::symlink || info.safe_to_follow)) {
        destination = dated_backup_path(destination, db_path.filename().string(), request.today);
        info = files::inspect(destination);
    }
    refuse_the_database_itself(destination, db_path.string());

    // A FIFO or a device is written to, as `export -o` does; never replaced.
    if (info.points_to == files::Kind::stream && (info.kind != files::Kind::symlink || info.safe_to_follow)) {
        int fd = files::open_stream(destination, info.kind == files::Kind::symlink);
        struct Closer {
            int fd;
            ~Closer() { ::close(fd); }
        } closer{fd};
        backup_to_stream(store, fd, destination, request.temp_directory);
        return "";
    }
    if (!request.force) refuse_to_replace(destination, info);
    files::AtomicFile file(destination);
    file.also_remove("-journal");
    store.backup_into(file.temp_path(), destination);
    file.commit();
    return destination;
}

}  // namespace kith
