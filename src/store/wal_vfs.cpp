// A SQLite VFS that keeps kith.db-wal's disk blocks between commands.
//
// Every command ends with a checkpoint that copies the WAL into kith.db and syncs it; then
// SQLite's checkpoint on close, in the last connection, truncates kith.db-wal to 0 bytes
// (PERSIST_WAL with a journal_size_limit). The next command's first write must then allocate
// the file's blocks again, so both of its WAL syncs also commit filesystem metadata. On our
// ext4 VM, kith note at 100,000 people took 0.6-0.9 ms longer that way (10.3-10.5 ms against
// 9.4-9.8 in the benchmark): the syncs, the truncate and the directory sync under strace,
// 3.4 ms against 2.0.
//
// This VFS is the system's own ("unix") with three changes, all for -wal files only:
// - Truncating the WAL to 0 bytes instead overwrites its 32-byte header with zeros. SQLite
//   reads a WAL whose header is not valid as an empty one (that is how it treats a WAL cut
//   short by a crash), so every later reader, kith or not, sees exactly what it would have
//   seen after the truncate; the old frames can never be read again, as the next writer
//   writes a header with new salts before any frame. SQLite truncates only under its
//   exclusive lock, after a complete checkpoint has been synced, as before.
// - Asked whether such an emptied WAL exists, it answers no, as it would of a 0-byte one.
// - An existing WAL is opened without O_CREAT, so SQLite does not sync the directory after
//   the first write: the entry was made durable by the command that created the file.
#include "store/store_internal.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <iterator>
#include <string_view>

namespace kith::store_detail {

namespace {

constexpr const char* vfs_name = "kith-kept-wal";
constexpr int wal_header_size = 32;

// Our file object for a WAL: SQLite allocates szOsFile bytes, which hold this header and the
// system VFS's own file object after it.
struct WalFile {
    sqlite3_file base;
    sqlite3_file* real;
};

sqlite3_vfs* system_vfs() {
    static sqlite3_vfs* vfs = sqlite3_vfs_find(nullptr);
    return vfs;
}

sqlite3_file* real(sqlite3_file* file) {
    return reinterpret_cast<WalFile*>(file)->real;
}

int wal_close(sqlite3_file* file) {
    return real(file)->pMethods->xClose(real(file));
}
int wal_read(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
    return real(file)->pMethods->xRead(real(file), buffer, amount, offset);
}
int wal_write(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
    return real(file)->pMethods->xWrite(real(file), buffer, amount, offset);
}
int wal_truncate(sqlite3_file* file, sqlite3_int64 size) {
    sqlite3_file* wal = real(file);
    if (size != 0) return wal->pMethods->xTruncate(wal, size);
    sqlite3_int64 current = 0;
    int rc = wal->pMethods->xFileSize(wal, &current);
    if (rc != SQLITE_OK || current == 0) return rc;
    if (current < wal_header_size) return wal->pMethods->xTruncate(wal, 0);
    static const char zeros[wal_header_size] = {};
    return wal->pMethods->xWrite(wal, zeros, wal_header_size, 0);
}
int wal_sync(sqlite3_file* file, int flags) {
    return real(file)->pMethods->xSync(real(file), flags);
}
int wal_file_size(sqlite3_file* file, sqlite3_int64* size) {
    return real(file)->pMethods->xFileSize(real(file), size);
}
int wal_lock(sqlite3_file* file, int level) {
    return real(file)->pMethods->xLock(real(file), level);
}
int wal_unlock(sqlite3_file* file, int level) {
    return real(file)->pMethods->xUnlock(real(file), level);
}
int wal_check_reserved_lock(sqlite3_file* file, int* out) {
    return real(file)->pMethods->xCheckReservedLock(real(file), out);
}
int wal_file_control(sqlite3_file* file, int op, void* arg) {
    return real(file)->pMethods->xFileControl(real(file), op, arg);
}
int wal_sector_size(sqlite3_file* file) {
    return real(file)->pMethods->xSectorSize(real(file));
}
int wal_device_characteristics(sqlite3_file* file) {
    return real(file)->pMethods->xDeviceCharacteristics(real(file));
}

// Version 1: SQLite uses shared memory and memory mapping on the database file, never on its WAL.
const sqlite3_io_methods wal_methods = {
    1,
    wal_close,
    wal_read,
    wal_write,
    wal_truncate,
    wal_sync,
    wal_file_size,
    wal_lock,
    wal_unlock,
    wal_check_reserved_lock,
    wal_file_control,
    wal_sector_size,
    wal_device_characteristics,
    nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
};

int open_file(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out_flags) {
    sqlite3_vfs* system = system_vfs();
    // Everything but a WAL is the system VFS's own file object, placed where SQLite asked.
    if (!(flags & SQLITE_OPEN_WAL) || !name) return system->xOpen(system, name, file, flags, out_flags);

    auto* wal = reinterpret_cast<WalFile*>(file);
    wal->base.pMethods = nullptr;  // until the real file is open: SQLite then skips xClose
    wal->real = reinterpret_cast<sqlite3_file*>(wal + 1);
    wal->real->pMethods = nullptr;
    int rc = SQLITE_CANTOPEN;
    if (flags & SQLITE_OPEN_CREATE) {
        // The file may have gone since (another program deleted it): then create it after all.
        rc = system->xOpen(system, name, wal->real, flags & ~SQLITE_OPEN_CREATE, out_flags);
        if (rc != SQLITE_OK && wal->real->pMethods) wal->real->pMethods->xClose(wal->real);
    }
    if (rc != SQLITE_OK) rc = system->xOpen(system, name, wal->real, flags, out_flags);
    if (rc == SQLITE_OK) wal->base.pMethods = &wal_methods;
    return rc;
}

// The rest of the VFS is the system's.
int delete_file(sqlite3_vfs*, const char* name, int sync_directory) {
    return system_vfs()->xDelete(system_vfs(), name, sync_directory);
}
// A WAL we emptied must also look empty to SQLite's check for one: it asks whether the file
// "exists" (is there and not 0 bytes) to decide whether a database is in WAL mode, and a
// `PRAGMA journal_mode = DELETE` (Store::write_first) would not hold beside one that does.
bool emptied_wal(const char* name) {
    const std::string_view path(name);
    if (path.size() < 4 || path.substr(path.size() - 4) != "-wal") return false;
    int fd = ::open(name, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    unsigned char header[wal_header_size];
    bool zeros = ::pread(fd, header, sizeof header, 0) == static_cast<ssize_t>(sizeof header) &&
                 std::all_of(std::begin(header), std::end(header), [](unsigned char c) { return c == 0; });
    ::close(fd);
    return zeros;
}

int access_file(sqlite3_vfs*, const char* name, int flags, int* out) {
    int rc = system_vfs()->xAccess(system_vfs(), name, flags, out);
    if (rc == SQLITE_OK && flags == SQLITE_ACCESS_EXISTS && *out && emptied_wal(name)) *out = 0;
    return rc;
}
int full_pathname(sqlite3_vfs*, const char* name, int size, char* out) {
    return system_vfs()->xFullPathname(system_vfs(), name, size, out);
}
void* dl_open(sqlite3_vfs*, const char* name) {
    return system_vfs()->xDlOpen(system_vfs(), name);
}
void dl_error(sqlite3_vfs*, int size, char* out) {
    system_vfs()->xDlError(system_vfs(), size, out);
}
void (*dl_sym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
    return system_vfs()->xDlSym(system_vfs(), handle, symbol);
}
void dl_close(sqlite3_vfs*, void* handle) {
    system_vfs()->xDlClose(system_vfs(), handle);
}
int randomness(sqlite3_vfs*, int size, char* out) {
    return system_vfs()->xRandomness(system_vfs(), size, out);
}
int sleep_for(sqlite3_vfs*, int microseconds) {
    return system_vfs()->xSleep(system_vfs(), microseconds);
}
int current_time(sqlite3_vfs*, double* out) {
    return system_vfs()->xCurrentTime(system_vfs(), out);
}
int last_error(sqlite3_vfs*, int size, char* out) {
    return system_vfs()->xGetLastError(system_vfs(), size, out);
}
int current_time_int64(sqlite3_vfs*, sqlite3_int64* out) {
    return system_vfs()->xCurrentTimeInt64(system_vfs(), out);
}

sqlite3_vfs make_vfs() {
    sqlite3_vfs* system = system_vfs();
    sqlite3_vfs vfs{};
    vfs.iVersion = 2;
    vfs.szOsFile = static_cast<int>(sizeof(WalFile)) + system->szOsFile;
    vfs.mxPathname = system->mxPathname;
    vfs.zName = vfs_name;
    vfs.xOpen = open_file;
    vfs.xDelete = delete_file;
    vfs.xAccess = access_file;
    vfs.xFullPathname = full_pathname;
    vfs.xDlOpen = dl_open;
    vfs.xDlError = dl_error;
    vfs.xDlSym = dl_sym;
    vfs.xDlClose = dl_close;
    vfs.xRandomness = randomness;
    vfs.xSleep = sleep_for;
    vfs.xCurrentTime = current_time;
    vfs.xGetLastError = last_error;
    vfs.xCurrentTimeInt64 = current_time_int64;
    return vfs;
}

}  // namespace

const char* kept_wal_vfs() {
    static sqlite3_vfs vfs = make_vfs();
    static const bool registered = sqlite3_vfs_register(&vfs, 0) == SQLITE_OK;
    return registered ? vfs_name : nullptr;
}

}  // namespace kith::store_detail
