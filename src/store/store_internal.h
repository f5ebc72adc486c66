// Helpers shared by the store's translation units; not part of the public interface.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kith/dates.h"

struct sqlite3_session;

namespace kith {
struct UndoLabel;
}

namespace kith::store_detail {

// Prepared statements kept for the Store's life: a bulk import runs the same few statements
// hundreds of thousands of times, and preparing them was most of its cost.
class StatementCache {
public:
    explicit StatementCache(SQLite::Database& db) : db_(db) {}
    // The statement for `sql`, reset and with its bindings cleared.
    SQLite::Statement& operator()(const std::string& sql);
    // The same for SQL written as a string literal, found by its address: an import runs a
    // few statements a million times, and hashing their text (after copying it into a
    // std::string) each time adds up. Only for literals, whose address never holds other text.
    template <std::size_t N>
    SQLite::Statement& operator()(const char (&sql)[N]) {
        auto& statement = by_address_[sql];
        if (!statement) statement = &(*this)(std::string(sql, N - 1));
        else reset(*statement);
        return *statement;
    }
    // Ends every statement still stepping, so none holds a read snapshot across transactions.
    void reset_all();

private:
    static void reset(SQLite::Statement& statement);
    SQLite::Database& db_;
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
    std::unordered_map<const char*, SQLite::Statement*> by_address_;
};

struct Connection;
// While a write holds back the full-text index (SearchRepository::index_at_commit): indexes the
// rows inserted since, which must be done before any of those rows is changed or deleted, as
// the index's update and delete triggers take out what the index holds for the row.
void catch_up_search_index(Connection& c);
// While the index is held back: indexes a row just inserted into `table` under an id at or below
// what the index counts as done (an import keeps a file's id where it is free).
void index_if_behind(Connection& c, std::string_view table, std::int64_t id);
// Indexes the rows still held back and puts the insert triggers back: at the commit, and before
// a delete (after which a new row could take an id the index counts as done).
void release_search_index(Connection& c);

class UndoRecorder;
// Called as each statement is fetched during a recorded write: stops recording one that grows
// too large to keep (undo.cpp).
void undo_statement_ran(UndoRecorder& recorder);

// What the database and its repositories share: the connection, its prepared statements, and
// the write in progress.
struct Connection {
    std::unique_ptr<SQLite::Database> db;
    std::unique_ptr<StatementCache> statements;  // over db, so declared after it
    int write_depth = 0;                          // write() calls open: > 0 inside a write
    std::vector<std::int64_t> stale_checkins;     // contacts whose check-in waits for the commit
    UndoRecorder* recorder = nullptr;             // the write's, while one is recorded for undo
    std::string phone_region;                     // phone keys are made in it (Store::use_phone_region)
    // Set by SearchRepository::index_at_commit: each indexed table's highest id already in its
    // full-text index, and the insert triggers to put back at the commit (search.cpp).
    struct HeldIndex {
        std::vector<std::int64_t> indexed_up_to;
        std::vector<std::string> insert_triggers;
    };
    std::optional<HeldIndex> held_index;
    bool rank_registered = false;  // kith_rank() made known to FTS5 (search.cpp)

    // The prepared statement for `sql`, reset and unbound (see StatementCache).
    template <class Sql>
    SQLite::Statement& operator()(const Sql& sql) {
        if (recorder) undo_statement_ran(*recorder);
        return (*statements)(sql);
    }
};

// Records what one write transaction changes in kith's tables, with SQLite's session extension,
// and keeps it as the newest command of the undo history (undo.cpp). Lives inside the transaction.
// The tables whose changes the undo history records, in the order an undo applies them.
const std::vector<std::string>& undo_recorded_tables();

struct SessionDelete {
    void operator()(sqlite3_session* session) const;
};

class UndoRecorder {
public:
    explicit UndoRecorder(Connection& connection);  // starts recording
    ~UndoRecorder();
    // Every so many statements: past the largest changeset kept, recording stops.
    void check_size();
    UndoRecorder(const UndoRecorder&) = delete;
    UndoRecorder& operator=(const UndoRecorder&) = delete;
    // Before the commit: the changes, if there are any, into undo_history, trimmed to label.keep.
    // Changes too large to keep are not, and the history is emptied: their size is returned.
    std::optional<std::int64_t> keep(const UndoLabel& label);

private:
    Connection& c_;
    std::unique_ptr<sqlite3_session, SessionDelete> session_;
    unsigned statements_ = 0;
    std::optional<std::int64_t> outgrown_;  // the changeset's size when recording stopped
};

// Copies `source` into `file` (an empty file, a temp one the caller renames into place) with
// SQLite's online backup: one consistent snapshot, checked before it counts as a copy.
// Throws DamagedDatabase when the source's pages do not check out.
void copy_database(SQLite::Database& source, const std::string& file);

struct DamagedDatabase : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Forgets the tombstones older than tombstone_days: after each write that leaves one.
void prune_tombstones(Connection& c);

// Current UTC time as 2026-11-22T09:30:00Z: row timestamps are wall-clock metadata.
std::string utc_now();

// Column readers that turn stored text back into typed values; a value another program
// corrupted is reported, never silently dropped.
Date date_column(const SQLite::Column& column);
std::optional<Date> optional_date_column(const SQLite::Column& column);

// Gives a new record its uuid and timestamps, keeping any it already has (an import's).
void stamp(std::string& uuid, std::string& created_at, std::string& updated_at);

// A JSON array of ids, to bind where SQL reads `IN (SELECT value FROM json_each(?))`: one
// statement for any number of ids, every value still bound.
std::string id_array(const std::vector<std::int64_t>& ids);

// A date as stored (YYYY-MM-DD); an unset or impossible date is a bug, refused before it is written.
std::string stored_date(Date date);

std::optional<std::string> optional_iso(const std::optional<Date>& date);

// The id value of an INSERT that keeps the record's own id (bound as `id`, e.g. ":id") when it
// is set and free, and lets SQLite choose one otherwise, so an export imported into an empty
// database keeps its ids (and the question ids that name notes).
std::string keep_id(const std::string& table, const std::string& id);

void bind_optional(SQLite::Statement& statement, int index, const std::optional<std::string>& value);

}  // namespace kith::store_detail
