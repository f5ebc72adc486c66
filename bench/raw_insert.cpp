// kith_bench_raw_insert DATABASE CONTACT_ID TEXT: the floor for `kith note` — what one note
// costs SQLite alone in a new process: open kith's database, insert the row in a transaction
// (WAL, synchronous = NORMAL, as kith writes), close. No name lookup, no reading of the note,
// no indexes kept beyond the table's own.
#include <sqlite3.h>

#include <cstdio>

namespace {

int fail(sqlite3* db, const char* what) {
    std::fprintf(stderr, "kith_bench_raw_insert: %s: %s\n", what, db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: kith_bench_raw_insert DATABASE CONTACT_ID TEXT\n");
        return 2;
    }
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) return fail(db, argv[1]);
    sqlite3_busy_timeout(db, 5000);
    if (sqlite3_exec(db, "PRAGMA synchronous = NORMAL; BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
        return fail(db, "begin");
    sqlite3_stmt* insert = nullptr;
    const char* sql =
        "INSERT INTO notes (uuid, contact_id, text, noted_on, created_at, updated_at) "
        "VALUES (lower(hex(randomblob(16))), ?, ?, date('now'), strftime('%Y-%m-%dT%H:%M:%SZ'), "
        "strftime('%Y-%m-%dT%H:%M:%SZ'))";
    if (sqlite3_prepare_v2(db, sql, -1, &insert, nullptr) != SQLITE_OK) return fail(db, "prepare");
    sqlite3_bind_text(insert, 1, argv[2], -1, SQLITE_STATIC);
    sqlite3_bind_text(insert, 2, argv[3], -1, SQLITE_STATIC);
    if (sqlite3_step(insert) != SQLITE_DONE) return fail(db, "insert");
    sqlite3_finalize(insert);
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) return fail(db, "commit");
    return sqlite3_close(db) == SQLITE_OK ? 0 : fail(db, "close");
}
