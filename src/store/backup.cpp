// Copies of the database: `kith backup` and the copy kept before a migration.
#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <thread>

#include "kith/error.h"
#include "kith/store.h"
#include "store/store_internal.h"

namespace kith {

namespace fs = std::filesystem;

namespace {

// Removes a half-made copy (and the journal SQLite may have left beside it) unless released.
struct PendingFile {
    std::string path;
    ~PendingFile() {
        if (path.empty()) return;
        ::unlink(path.c_str());
        ::unlink((path + "-journal").c_str());
    }
};

void sync_directory(const fs::path& directory) {
    int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;  // the copy is in place; only its durability across a power cut is weaker
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

namespace store_detail {

void copy_database(SQLite::Database& source, const std::string& destination) {
    auto directory = fs::path(destination).parent_path();
    if (directory.empty()) directory = ".";
    std::string temp = (directory / (fs::path(destination).filename().string() + ".tmp-XXXXXX")).string();
    int fd = ::mkstemp(temp.data());  // 0600 whatever the umask
    if (fd < 0) throw runtime_error(fmt::format("cannot write {}: {}", destination, std::strerror(errno)));
    ::close(fd);
    PendingFile pending{temp};
    try {
        {
            SQLite::Database copy(temp, SQLite::OPEN_READWRITE);
            SQLite::Backup backup(copy, source);
            // All pages in one step: one read snapshot of the source, which in WAL mode never
            // blocks a writer. BUSY only while another process recovers the WAL; wait it out.
            auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
            int result = backup.executeStep(-1);
            while ((result == SQLITE_BUSY || result == SQLITE_LOCKED) && std::chrono::steady_clock::now() < deadline) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                result = backup.executeStep(-1);
            }
            if (result != SQLITE_DONE)
                throw runtime_error(fmt::format("cannot write {}: {}", destination, sqlite3_errstr(result)));
        }  // closing the copy syncs it (synchronous = FULL)
        if (std::rename(temp.c_str(), destination.c_str()) != 0)
            throw runtime_error(fmt::format("cannot write {}: {}", destination, std::strerror(errno)));
    } catch (const SQLite::Exception& e) {
        throw runtime_error(fmt::format("cannot write {}: {}", destination, e.getErrorStr()));
    }
    pending.path.clear();
    sync_directory(directory);
}

}  // namespace store_detail

void Store::backup_to(const std::string& destination) {
    // Before the first write, a database that does not exist yet is an empty stand-in.
    if (db_->getFilename() == ":memory:" && path_ != ":memory:")
        throw runtime_error(fmt::format("there is no database at {} yet: nothing to back up", path_));
    std::error_code ec;
    for (const auto& live : {path_, path_ + "-wal", path_ + "-shm"}) {
        if (destination == live || fs::equivalent(destination, live, ec))
            throw usage_error(fmt::format("{} is the database itself: give another file for the backup", destination));
    }
    cached_->reset_all();  // no statement of ours may hold a snapshot the copy would wait on
    store_detail::copy_database(*db_, destination);
}

}  // namespace kith
