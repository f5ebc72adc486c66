// Copies of the database: `kith backup` and the copy kept before a migration.
#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "kith/error.h"
#include "kith/store.h"
#include "store/store_internal.h"

namespace kith {

namespace store_detail {

void copy_database(SQLite::Database& source, const std::string& file) {
    try {
        SQLite::Database copy(file, SQLite::OPEN_READWRITE);
        {
            SQLite::Backup backup(copy, source);
            // All pages in one step: one read snapshot of the source, which in WAL mode never
            // blocks a writer. BUSY only while another process recovers the WAL; wait it out.
            auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
            int result = backup.executeStep(-1);
            while ((result == SQLITE_BUSY || result == SQLITE_LOCKED) && std::chrono::steady_clock::now() < deadline) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                result = backup.executeStep(-1);
            }
            if (result != SQLITE_DONE) throw std::runtime_error(sqlite3_errstr(result));
        }
        // SQLite's backup copies pages as they are, damaged ones too: a copy that does not
        // check out is no backup.
        auto check = copy.execAndGet("PRAGMA quick_check(1)").getString();
        // "*** in database main ***\nPage 6: btreeInitPage() returns error code 11": the last line says what.
        if (check != "ok") throw DamagedDatabase(check.substr(check.rfind('\n') + 1));
    } catch (const SQLite::Exception& e) {
        int code = e.getErrorCode() & 0xff;
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) throw DamagedDatabase(e.getErrorStr());
        throw std::runtime_error(e.getErrorStr());
    }
}

}  // namespace store_detail

void Store::backup_into(const std::string& file, const std::string& name) {
    // Before the first write, a database that does not exist yet is an empty stand-in.
    if (connection_->db->getFilename() == ":memory:" && path_ != ":memory:")
        throw runtime_error(fmt::format("there is no database at {} yet: nothing to back up", path_));
    connection_->statements->reset_all();  // no statement of ours may hold a snapshot the copy would wait on
    try {
        store_detail::copy_database(*connection_->db, file);
    } catch (const store_detail::DamagedDatabase& e) {
        throw runtime_error(fmt::format("database {} is damaged ({}): no backup written; keep the file, and "
                                        "restore an earlier backup or try sqlite3's .recover",
                                        path_, e.what()));
    } catch (const std::runtime_error& e) {
        throw runtime_error(fmt::format("cannot write {}: {}", name, e.what()));
    }
}

bool Store::is_kith_database(const std::string& path) {
    try {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        return db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'contacts'")
                   .getInt() == 1;
    } catch (const SQLite::Exception&) {
        return false;
    }
}

}  // namespace kith
