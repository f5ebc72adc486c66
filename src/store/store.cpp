#include "kith/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <optional>
#include <utility>

#include "files/atomic_file.h"
#include "kith/error.h"
#include "store/schema.h"
#include "store/store_internal.h"

namespace kith {

namespace fs = std::filesystem;

namespace store_detail {

std::string utc_now() {
    // A bulk import stamps a million rows: format once per second, not once per row.
    static std::chrono::sys_seconds formatted_for{};
    static std::string formatted;
    auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    if (now == formatted_for && !formatted.empty()) return formatted;
    auto day = std::chrono::floor<std::chrono::days>(now);
    std::chrono::year_month_day ymd{day};
    std::chrono::hh_mm_ss time{now - day};
    formatted = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(ymd.year()),
                            static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                            time.hours().count(), time.minutes().count(), time.seconds().count());
    formatted_for = now;
    return formatted;
}

Date date_column(const SQLite::Column& column) {
    // As a blob: asking for text makes SQLite copy the value to add a terminating NUL.
    const auto* chars = static_cast<const char*>(column.getBlob());  // before getBytes(), as SQLite asks
    const std::string_view text(chars ? chars : "", static_cast<std::size_t>(column.getBytes()));
    auto parsed = parse_iso_date(text);
    if (!parsed) throw runtime_error(fmt::format("database holds a bad date \"{}\"", text));
    return *parsed;
}

std::optional<Date> optional_date_column(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return date_column(column);
}

void stamp(std::string& uuid, std::string& created_at, std::string& updated_at) {
    if (uuid.empty()) uuid = make_uuid();
    auto now = utc_now();
    if (created_at.empty()) created_at = now;
    if (updated_at.empty()) updated_at = now;
}

std::string id_array(const std::vector<std::int64_t>& ids) {
    std::string out = "[";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i) out += ',';
        out += std::to_string(ids[i]);
    }
    return out + "]";
}

std::string stored_date(Date date) {
    if (!date.ok()) throw runtime_error("internal error: refusing to store an invalid date");
    // What users type is held to 1900..2200 (parse_date); this catches what kith computes
    // from it (a reminder's next time, a snooze), which the database could not read back.
    const int y{date.year()};
    if (y < 1900 || y > 2200)
        throw usage_error(fmt::format("{} is outside 1900..2200, the years kith keeps dates for; nothing saved",
                                      format_iso(date)));
    return format_iso(date);
}

std::optional<std::string> optional_iso(const std::optional<Date>& date) {
    if (!date) return std::nullopt;
    return stored_date(*date);
}

std::string keep_id(const std::string& table, const std::string& id) {
    return "(CASE WHEN " + id + " > 0 AND NOT EXISTS (SELECT 1 FROM " + table + " WHERE id = " + id + ") THEN " + id +
           " END)";
}

SQLite::Statement& StatementCache::operator()(const std::string& sql) {
    auto found = statements_.find(sql);
    if (found != statements_.end()) {
        reset(*found->second);
        return *found->second;
    }
    // Prepared before it is kept: SQL that fails to prepare must leave no empty entry behind,
    // which reset_all() would then follow.
    auto statement = std::make_unique<SQLite::Statement>(db_, sql);
    return *statements_.emplace(sql, std::move(statement)).first->second;
}

void StatementCache::reset(SQLite::Statement& statement) {
    statement.reset();
    statement.clearBindings();
}

void StatementCache::reset_all() {
    for (auto& [sql, statement] : statements_) statement->reset();
}

void bind_optional(SQLite::Statement& statement, int index, const std::optional<std::string>& value) {
    if (value)
        statement.bind(index, *value);
    else
        statement.bind(index);
}

}  // namespace store_detail

namespace {

constexpr int busy_timeout_ms = 30000;
// Page cache for writes, in KiB (SQLite's default is 2 MiB). One transaction holds every page
// it changes, so a bulk import that outgrows the cache spills pages to the WAL and reads them
// back, again and again; 64 MiB holds the indexes of a very large address book. The cache grows
// only as pages are touched, so a one-note write stays small.
constexpr int write_cache_kib = 64 * 1024;
// Page cache for reads, in KiB. Every page of cache is fresh heap whose first touch is a page
// fault, dearer than reading the page again from the OS's cache; `due` reads most pages once.
// 256 KiB still holds every index's upper levels, which are all a lookup reads twice.
constexpr int read_cache_kib = 256;
// Largest -wal file kept between checkpoints, in bytes: what SQLite's automatic checkpoint
// (1,000 pages) lets it reach, so a long import reuses its blocks instead of freeing them.
constexpr int wal_size_limit = 4 * 1024 * 1024 + 64 * 1024;

void create_private_file(const fs::path& file) {
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
        throw runtime_error(fmt::format("cannot create {}: {}", file.string(), std::strerror(errno)));
    if (fd >= 0) ::close(fd);
}

// A SQLite failure as one line naming the database, with the system's reason for an I/O
// error ("disk I/O error (File too large)"): SQLite's own words rarely say which file or why.
Error database_error(const std::string& what, const std::string& path, const SQLite::Exception& e,
                     SQLite::Database* db = nullptr) {
    std::string message = fmt::format("{} {}: {}", what, path, e.getErrorStr());
    int code = e.getErrorCode() & 0xff;  // the primary code of an extended one
    int system_errno = db ? sqlite3_system_errno(db->getHandle()) : 0;
    if ((code == SQLITE_IOERR || code == SQLITE_CANTOPEN) && system_errno != 0)
        message += fmt::format(" ({})", std::strerror(system_errno));
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
        message += ": the file is damaged; keep it, and restore an earlier backup or try sqlite3's .recover";
    return runtime_error(message);
}

// The directory holding `path` lets us create files (the -wal and -shm of a WAL database).
bool directory_writable(const std::string& path) {
    auto directory = fs::path(path).parent_path();
    return ::access(directory.empty() ? "." : directory.c_str(), W_OK) == 0;
}

// `path` for a file: URI, with the characters that URIs give a meaning escaped.
std::string uri_path(const std::string& path) {
    std::string out;
    for (unsigned char c : path) {
        if (c == '%' || c == '?' || c == '#' || c <= ' ' || c >= 0x7f)
            out += fmt::format("%{:02X}", static_cast<unsigned>(c));
        else
            out += static_cast<char>(c);
    }
    return out;
}

// Every connection checkpoints everything into kith.db before it closes, so the file alone
// is complete between commands; the last to close then truncates kith.db-wal rather than
// deleting it, and leaves kith.db-shm, so commands do not create and delete both every run.
void keep_wal_files(SQLite::Database& db) {
    int keep = 1;
    sqlite3_file_control(db.getHandle(), "main", SQLITE_FCNTL_PERSIST_WAL, &keep);
    db.exec(fmt::format("PRAGMA journal_size_limit = {}", wal_size_limit));
}

// Calls `refused_busy` (true: SQLite answered "database is locked") until it goes through or
// the busy timeout has passed, sleeping 1, 2, 4 ... 50 ms between tries, for the few places where
// SQLite will not wait itself; nothing may be held between tries. False if it timed out.
bool retry_while_busy(const std::function<bool()>& refused_busy) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
    for (int wait_ms = 1;; wait_ms = std::min(2 * wait_ms, 50)) {
        if (!refused_busy()) return true;
        if (std::chrono::steady_clock::now() >= give_up) return false;
        sqlite3_sleep(wait_ms);
    }
}

// SQLite answers a switch into WAL mode with "database is locked" at once, without calling the
// busy handler, while another connection holds the write lock of a file not in WAL mode yet
// (another kith creating the same new file, or a program that left it in rollback-journal
// mode): the switch holds a read lock as it asks for the write lock, and SQLite will not wait
// in that state, for fear of a deadlock.
void switch_to_wal(SQLite::Database& db) {
    const auto refused_busy = [&] {
        try {
            db.exec("PRAGMA journal_mode = WAL");
            return false;
        } catch (const SQLite::Exception& e) {
            if ((e.getErrorCode() & 0xff) != SQLITE_BUSY) throw;
            return true;
        }
    };
    if (!retry_while_busy(refused_busy)) db.exec("PRAGMA journal_mode = WAL");  // once more, to report why
}

// SQLite's own checkpoint on close runs only in a connection that finds itself the last one,
// by an exclusive lock it does not wait for: two commands that end at the same moment can each
// see the other and both skip it, leaving their writes in kith.db-wal alone (concurrent `add`s
// showed it). A passive checkpoint first copies every committed write into
// kith.db, whoever else has the file open; it never waits for readers, only (here) for another
// checkpoint. The one on close then finds nothing left to copy and just empties the WAL.
void checkpoint_before_close(SQLite::Database& db) {
    if (sqlite3_db_readonly(db.getHandle(), "main") != 0) return;
    // Any other failure ends it too: the writes are safe in the WAL either way.
    retry_while_busy([&] {
        return sqlite3_wal_checkpoint_v2(db.getHandle(), "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) ==
               SQLITE_BUSY;
    });
}

int read_user_version(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

// Takes the schema from `from_version` to `to_version` (all of it by default).
void apply_schema(SQLite::Database& db, int from_version, int to_version = Store::current_schema_version()) {
    const auto& migrations = schema::migrations();
    for (auto version = from_version; version < to_version; ++version)
        db.exec(migrations[static_cast<std::size_t>(version)]);
    db.exec(fmt::format("PRAGMA user_version = {}", to_version));
}

// Foreign keys off for as long as it lives, then on again, as every connection of kith has them.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(SQLite::Database& db) : db_(db) { db_.exec("PRAGMA foreign_keys = OFF"); }
    ~ForeignKeysOff() {
        try {
            db_.exec("PRAGMA foreign_keys = ON");
        } catch (...) {  // a connection that cannot take a pragma is not used again
        }
    }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    SQLite::Database& db_;
};

// A migrated database whose records name a person (or an interaction) it does not hold is
// refused, and the migration with it.
void check_foreign_keys(SQLite::Database& db, const std::string& path) {
    SQLite::Statement broken(db, "SELECT \"table\", count(*) FROM pragma_foreign_key_check GROUP BY 1 ORDER BY 1");
    if (!broken.executeStep()) return;
    throw runtime_error(fmt::format("database {} has {} row(s) of {} whose person or interaction is not in it; "
                                    "nothing upgraded",
                                    path, broken.getColumn(1).getInt64(), broken.getColumn(0).getString()));
}

// The tables (with their columns) and indexes of a database, one line each, sorted.
// sqlite_sequence counts: it exists once ids are never reused (v8), whose tables are otherwise
// v7's.
std::string schema_signature(SQLite::Database& db) {
    std::vector<std::string> lines;
    SQLite::Statement objects(db,
                              "SELECT type, name FROM sqlite_schema WHERE type IN ('table', 'index') "
                              "AND (name NOT LIKE 'sqlite_%' OR name = 'sqlite_sequence')");
    while (objects.executeStep()) {
        std::string line = objects.getColumn(0).getString() + " " + objects.getColumn(1).getString();
        if (line.starts_with("table ")) {
            SQLite::Statement columns(db, "SELECT name FROM pragma_table_info(?)");
            columns.bind(1, objects.getColumn(1).getString());
            while (columns.executeStep()) line += " " + columns.getColumn(0).getString();
        }
        lines.push_back(std::move(line));
    }
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const auto& line : lines) out += line + "\n";
    return out;
}

// The schema version of a file whose user_version says 0: a new file (0), or kith's tables
// brought back by `sqlite3 kith.db .dump | sqlite3 restored.db`, which keeps no user_version:
// then the version whose schema they match: today's when they match it, else the oldest that
// they match, so that a migration of data alone (v5's) runs again rather than never. (v11
// dropped the table v10 added: v9's tables are today's.)
int unstamped_version(SQLite::Database& db, const std::string& path) {
    const auto signature = schema_signature(db);
    if (signature.empty()) return 0;
    const auto signature_of = [](int version) {
        SQLite::Database probe(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        apply_schema(probe, 0, version);
        return schema_signature(probe);
    };
    if (signature_of(Store::current_schema_version()) == signature) return Store::current_schema_version();
    for (int version = 1; version < Store::current_schema_version(); ++version)
        if (signature_of(version) == signature) return version;
    throw runtime_error(fmt::format("database {} has tables but no schema version, and they are not kith's; "
                                    "give kith its own file with --db",
                                    path));
}

// user_version straight from the file's header (bytes 60-63), without opening it in SQLite,
// which would make -wal and -shm files beside a database it then refuses; 0 when unknown.
int header_user_version(const std::string& path) {
    unsigned char header[64] = {};
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    auto got = ::read(fd, header, sizeof header);
    ::close(fd);
    if (got != static_cast<ssize_t>(sizeof header) || std::memcmp(header, "SQLite format 3", 16) != 0) return 0;
    return static_cast<int>((std::uint32_t{header[60]} << 24) | (std::uint32_t{header[61]} << 16) |
                            (std::uint32_t{header[62]} << 8) | std::uint32_t{header[63]});
}

// A -wal file with a valid header may hold committed writes not yet in the database file.
bool wal_may_hold_writes(const std::string& path) {
    unsigned char magic[4] = {};
    int fd = ::open((path + "-wal").c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno != ENOENT;
    auto got = ::read(fd, magic, sizeof magic);
    ::close(fd);
    if (got <= 0) return false;  // empty
    return got == 4 && magic[0] == 0x37 && magic[1] == 0x7f && magic[2] == 0x06 && (magic[3] & 0xfe) == 0x82;
}

[[noreturn]] void newer_schema(const std::string& path, int version) {
    throw runtime_error(fmt::format("database {} has schema version {}, newer than this kith understands ({}): "
                                    "upgrade kith; the file was not touched",
                                    path, version, Store::current_schema_version()));
}

}  // namespace

Store::Store(std::unique_ptr<SQLite::Database> db, std::string path)
    : connection_(std::make_unique<store_detail::Connection>()),
      contacts_(*connection_),
      notes_(*connection_),
      interactions_(*connection_, contacts_),
      reminders_(*connection_),
      asked_(*connection_),
      records_(*connection_, contacts_, notes_, interactions_, reminders_),
      due_(*connection_),
      search_(*connection_),
      undo_(*connection_),
      sync_(*connection_),
      tombstones_(*connection_),
      path_(std::move(path)) {
    connection_->db = std::move(db);
    connection_->statements = std::make_unique<store_detail::StatementCache>(*connection_->db);
}

bool Store::can_write() { return sqlite3_db_readonly(connection_->db->getHandle(), "main") == 0; }

void Store::use_phone_region(const std::string& region) {
    if (create_on_write_) {
        // Nothing is stored yet: the file, when the first write makes it, keeps this region.
        connection_->phone_region = region;
        keep_phone_region_ = true;
        return;
    }
    auto made_in = contacts_.phone_keys_made_in();
    connection_->phone_region = region.empty() && made_in ? *made_in : region;
    if (made_in == connection_->phone_region) return;
    if (!can_write()) {
        if (made_in) connection_->phone_region = *made_in;
        return;
    }
    auto label = std::exchange(undo_label_, UndoLabel{});  // as a migration, not a command to undo
    write([&] {
        contacts_.rekey_phones();
        contacts_.set_phone_keys_made_in(connection_->phone_region);
    });
    undo_label_ = std::move(label);
}

const std::string& Store::phone_region() const { return connection_->phone_region; }

Store::~Store() {
    connection_->statements.reset();  // a statement left stepping would hold a read transaction open
    if (connection_->db) checkpoint_before_close(*connection_->db);
}

std::optional<std::string> Store::describe_failure(const std::exception& e) const {
    const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&e);
    if (!sqlite) return std::nullopt;
    return database_error("cannot read", path_, *sqlite, connection_->db.get()).what();
}

int Store::current_schema_version() {
    return static_cast<int>(schema::migrations().size());
}

int Store::schema_version() const {
    return read_user_version(*connection_->db);
}

std::unique_ptr<Store> Store::open(const std::string& path, Access access) {
    // SQLite's memory statistics take a global mutex around every allocation;
    // kith reads none of them. Possible only before SQLite's first use in the process.
    static const bool configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    (void)configured;
    bool in_memory = path == ":memory:";
    bool exists = false;
    if (!in_memory) {
        struct stat st {};
        if (::stat(path.c_str(), &st) == 0) {
            exists = true;
            if (S_ISDIR(st.st_mode)) throw runtime_error(fmt::format("database {} is a directory, not a file", path));
        } else if (errno != ENOENT) {
            // A directory kith may not enter is not an empty database.
            throw runtime_error(fmt::format("cannot reach database {}: {}", path, std::strerror(errno)));
        }
    }
    if (exists) {
        if (int version = header_user_version(path); version > current_schema_version()) newer_schema(path, version);
    }

    if (in_memory || !exists) {
        // Nothing stored yet: an empty in-memory database answers until the first write.
        auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        apply_schema(*db, 0);  // with foreign keys off, as Store::migrate runs it
        db->exec("PRAGMA foreign_keys = ON");
        std::unique_ptr<Store> store(new Store(std::move(db), path));
        store->create_on_write_ = !in_memory && access == Access::write;
        return store;
    }

    bool writable = access != Access::read_only && ::access(path.c_str(), W_OK) == 0;
    if (access == Access::write && !writable)
        throw runtime_error(fmt::format("database {} is read-only: cannot write to it", path));
    if (writable && !directory_writable(path)) {
        // A WAL database is written through -wal and -shm files that the writer makes beside it.
        if (access == Access::write)
            throw runtime_error(fmt::format("database {} is in a read-only directory: cannot write to it", path));
        writable = false;
    }
    std::unique_ptr<Store> store(new Store(open_file(path, writable), path));
    try {
        store->migrate(writable);
    } catch (const SQLite::Exception& e) {
        throw database_error("cannot open database", path, e);
    }
    return store;
}

std::unique_ptr<SQLite::Database> Store::open_file(const std::string& path, bool writable) {
    // One connection per Store, used by one thread: SQLite's per-call mutexes buy nothing, and
    // cost a lock and unlock on every column read of an export or a listing.
    int flags = (writable ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY) | SQLite::OPEN_NOMUTEX;
    try {
        auto db = std::make_unique<SQLite::Database>(path.c_str(), flags, busy_timeout_ms);
        db->exec(fmt::format("PRAGMA cache_size = -{}", read_cache_kib));
        if (writable) keep_wal_files(*db);
        // Fails here, before anything is written, on a file that is not a database.
        read_user_version(*db);
        return db;
    } catch (const SQLite::Exception& e) {
        int code = e.getErrorCode() & 0xff;
        if (writable || (code != SQLITE_READONLY && code != SQLITE_CANTOPEN))
            throw database_error("cannot open database", path, e);
    }
    // Reading a WAL database needs its -shm file, which nobody can create in a read-only
    // directory. With no -wal beside it either (or an empty one), everything is in the file
    // itself, which nobody can be writing: SQLite may read it as immutable.
    if (wal_may_hold_writes(path))
        throw runtime_error(fmt::format("database {} has writes in {}-wal that only kith in a writable directory can "
                                        "read: run kith where it may write beside the file, or copy both files elsewhere",
                                        path, path));
    try {
        auto uri = "file://" + uri_path(fs::absolute(path).string()) + "?immutable=1";
        auto db = std::make_unique<SQLite::Database>(uri, SQLite::OPEN_READONLY | SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX, busy_timeout_ms);
        db->exec(fmt::format("PRAGMA cache_size = -{}", read_cache_kib));
        read_user_version(*db);
        return db;
    } catch (const SQLite::Exception& e) {
        throw database_error("cannot open database", path, e);
    }
}

void Store::migrate(bool can_write) {
    int stamped = read_user_version(*connection_->db);
    int version = stamped == 0 ? unstamped_version(*connection_->db, path_) : stamped;
    int current = current_schema_version();
    if (version > current) newer_schema(path_, version);
    if (can_write) {
        // WAL lets a cron reader and an interactive writer work at the same time.
        if (connection_->db->execAndGet("PRAGMA journal_mode").getString() != "wal") switch_to_wal(*connection_->db);
        connection_->db->exec("PRAGMA synchronous = NORMAL");
    }
    if (version == current && (stamped == version || !can_write)) {
        connection_->db->exec("PRAGMA foreign_keys = ON");
        return;
    }
    if (!can_write)
        throw runtime_error(
            fmt::format("database {} needs upgrading to schema version {} but is read-only", path_, current));

    if (version > 0 && version < current) {
        // Keep a copy of the old database before changing its shape.
        auto backup_path = fmt::format("{}.bak-v{}", path_, version);
        files::AtomicFile backup(backup_path);
        try {
            store_detail::copy_database(*connection_->db, backup.temp_path());
        } catch (const std::runtime_error& e) {
            throw runtime_error(fmt::format("cannot keep a copy of {} before upgrading it: {}", path_, e.what()));
        }
        backup.commit();
        migration_backup_ = backup_path;
    }
    // A migration is not a command to undo (and undo_history may not exist yet).
    auto label = std::exchange(undo_label_, UndoLabel{});
    // Foreign keys off while a migration makes a table anew (SQLite's ALTER TABLE procedure):
    // with them on, dropping the old contacts table would delete every record of every person
    // (ON DELETE CASCADE). They are checked before the commit instead, and on again after it
    // (the pragma does nothing inside a transaction).
    ForeignKeysOff keys_off(*connection_->db);
    write([&] {
        // Another kith may have migrated while we waited for the write lock.
        int locked_version = read_user_version(*connection_->db);
        if (locked_version == 0) locked_version = unstamped_version(*connection_->db, path_);
        if (locked_version < current || read_user_version(*connection_->db) != current) {
            apply_schema(*connection_->db, locked_version);
            check_foreign_keys(*connection_->db, path_);
        }
    });
    undo_label_ = std::move(label);
}

void Store::write(const std::function<void()>& body) {
    // A use case may call another (add with --note): the outermost call owns the transaction.
    if (connection_->write_depth > 0) {
        body();
        return;
    }
    try {
        bool keep_region = false;
        if (create_on_write_) {
            create_on_write_ = false;
            files::create_private_directories(fs::path(path_).parent_path());
            create_private_file(path_);
            connection_->statements.reset();  // its statements belong to the stand-in
            connection_->db = open_file(path_, true);
            connection_->statements = std::make_unique<store_detail::StatementCache>(*connection_->db);
            keep_region = std::exchange(keep_phone_region_, false);  // after the migration's own write
            migrate(true);
        }
        use_write_cache();
        if (keep_region) {
            transact(Transaction::write, [&] {
                contacts_.set_phone_keys_made_in(connection_->phone_region);
                body();
            });
            return;
        }
        transact(Transaction::write, body);
    } catch (const SQLite::Exception& e) {
        throw database_error("cannot write to", path_, e, connection_->db.get());
    }
}

void Store::use_write_cache() {
    if (write_cache_set_) return;
    connection_->db->exec(fmt::format("PRAGMA cache_size = -{}", write_cache_kib));
    // Every insert a foreign key may undo keeps a statement journal; once one outgrew SQLite's
    // 64 KiB in a transaction, each of them went to a temporary file, a write() per page.
    connection_->db->exec("PRAGMA temp_store = MEMORY");
    write_cache_set_ = true;
}

void Store::read(const std::function<void()>& body) {
    if (connection_->write_depth > 0) {
        body();
        return;
    }
    try {
        transact(Transaction::read, body);
    } catch (const SQLite::Exception& e) {
        throw database_error("cannot read", path_, e, connection_->db.get());
    }
}

void Store::rehearse(const std::function<void()>& body) {
    try {
        use_write_cache();
        transact(Transaction::rehearsal, body);
    } catch (const SQLite::Exception& e) {
        throw database_error("cannot read", path_, e, connection_->db.get());
    }
}

void Store::transact(Transaction kind, const std::function<void()>& body) {
    // A rehearsal on a database not created yet runs on the empty stand-in: no lock to take.
    bool lock_now = kind == Transaction::write || (kind == Transaction::rehearsal && !create_on_write_);
    bool writes = kind != Transaction::read;
    connection_->statements->reset_all();  // no statement may hold a snapshot from before the transaction
    SQLite::Transaction transaction(
        *connection_->db, lock_now ? SQLite::TransactionBehavior::IMMEDIATE : SQLite::TransactionBehavior::DEFERRED);
    if (writes) ++connection_->write_depth;
    // Declared after the transaction: the session ends before a rollback or commit.
    std::optional<store_detail::UndoRecorder> recorder;
    try {
        if (kind == Transaction::write && undo_label_.keep > 0) recorder.emplace(*connection_);
        body();
        // Check-ins touched by the writes are recomputed once each, before the commit (and in a
        // rehearsal too, so it fails where the real thing would).
        if (writes) contacts_.refresh_stale_checkins();
        store_detail::release_search_index(*connection_);
        if (recorder) undo_dropped_ = recorder->keep(undo_label_);
    } catch (...) {
        if (writes) --connection_->write_depth;
        connection_->stale_checkins.clear();
        connection_->held_index.reset();  // the rollback puts the triggers back
        connection_->statements->reset_all();
        throw;  // the transaction's destructor rolls back
    }
    if (writes) --connection_->write_depth;
    connection_->statements->reset_all();
    if (kind != Transaction::rehearsal) transaction.commit();  // a rehearsal is rolled back
}

std::string make_uuid() {
    // The kernel's generator, as random_device would use, read 4 KiB at a time: a bulk
    // import makes a uuid for every row, and one system call each would be a good part of it.
    static unsigned char pool[4096];
    static std::size_t used = sizeof pool;
    if (used + 16 > sizeof pool) {
        std::size_t filled = 0;
        while (filled < sizeof pool) {
            auto got = ::getrandom(pool + filled, sizeof pool - filled, 0);
            if (got < 0 && errno != EINTR)
                throw runtime_error(fmt::format("cannot make a uuid: {}", std::strerror(errno)));
            if (got > 0) filled += static_cast<std::size_t>(got);
        }
        used = 0;
    }
    unsigned char* bytes = pool + used;
    used += 16;
    // Version 7 (RFC 9562): 48 bits of Unix time in milliseconds, a 12-bit counter that keeps
    // the uuids of one millisecond in order, 62 random bits. Rows made one after another get
    // uuids in that order, so each goes at the end of its table's uuid index rather than into
    // a random page of it. (The time is no secret: every row
    // also carries created_at.)
    static std::uint64_t last_ms = 0;
    static unsigned counter = 0;
    auto ms = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count());
    if (ms > last_ms) {
        last_ms = ms;
        counter = 0;
    } else if (++counter > 0xfff) {  // 4,096 in one millisecond, or the clock went back: move on
        ++last_ms;
        counter = 0;
    }
    for (int i = 0; i < 6; ++i) bytes[i] = static_cast<unsigned char>(last_ms >> (40 - 8 * i));
    bytes[6] = static_cast<unsigned char>(0x70 | (counter >> 8));  // version 7
    bytes[7] = static_cast<unsigned char>(counter & 0xff);
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);  // RFC 9562 variant
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += hex[bytes[i] >> 4];
        out += hex[bytes[i] & 0x0f];
    }
    return out;
}

}  // namespace kith
