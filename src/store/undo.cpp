// `kith undo` on SQLite's session extension: each command's write transaction is recorded as a
// changeset and kept in undo_history; undoing applies its inverse, refusing on any conflict.
// sqlite3.h declares the session API only with these defined (Debian's libsqlite3 has both).
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <utility>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "kith/store.h"
#include "store/store_internal.h"

namespace kith {

using namespace store_detail;

namespace {

// The tables a command's changes are recorded in: kith's records, children before their parents.
// An undo applies the changes in this order, so a person's records are deleted before the person
// (whose delete would otherwise take them along by ON DELETE CASCADE, and the changeset then find
// them gone); re-inserting children first is fine, as an apply checks foreign keys at its end.
// What `kith sync` knows of its folder's cards is recorded too: an undone sync is one kith
// forgets, and the next sync takes the folder's cards in again rather than removing, as gone
// from kith, the cards of people the phone added. Not recorded: undo_history itself; kith_state,
// which says what rules the notes were read with (see the end of revert_newest); sync_changed and
// the full-text indexes, which triggers keep in step with the rows (an undo's own changes among
// them). Tombstones are recorded, though triggers write them: an undone `rm` leaves none, and
// an undone import puts back those it replaced or forgot; while an undo applies its changeset,
// a row in undo_applying holds those triggers still, so it writes none of its own (an undone `add`
// is no deletion to send). Sessions skip a table without a PRIMARY KEY: every table here has one.
const char* const recorded_tables[] = {"asked_questions", "contact_values", "contact_fields", "contact_photos",
                                       "notes",           "interactions",   "reminders",      "contacts",
                                       "sync_cards",      "sync_bases",     "tombstones"};

// The largest changeset kept: an import of some 20,000 people. The session holds about three
// times as much in memory while it records, and the history would hold it in the database.
constexpr std::int64_t max_kept_bytes = 64 * 1024 * 1024;

// A note's reading and the fingerprint of the rules it was made with are re-made by kith itself
// (`due` reads notes again when the rules change), outside any command: they may differ from
// what a command left, and an undo puts back its own (a reading made with other rules is made
// again at the next `due`).
constexpr std::string_view remade_note_columns[] = {"reading", "read_with"};

void check(int result, sqlite3* db) {
    if (result != SQLITE_OK) throw SQLite::Exception(db, result);
}

struct FreeSqlite {
    void operator()(void* memory) const { sqlite3_free(memory); }
};
using SqliteBuffer = std::unique_ptr<void, FreeSqlite>;

struct FinalizeIterator {
    void operator()(sqlite3_changeset_iter* it) const { sqlite3changeset_finalize(it); }
};
using ChangesetIterator = std::unique_ptr<sqlite3_changeset_iter, FinalizeIterator>;

// A session recording every change to the recorded tables from now on; `sized` keeps count of
// how large its changeset grows, so an outsized one need not be made to be found out.
std::unique_ptr<sqlite3_session, SessionDelete> start_session(sqlite3* db, bool sized) {
    sqlite3_session* raw = nullptr;
    check(sqlite3session_create(db, "main", &raw), db);
    std::unique_ptr<sqlite3_session, SessionDelete> session(raw);
    int size_on = sized ? 1 : 0;
    if (sized) check(sqlite3session_object_config(raw, SQLITE_SESSION_OBJCONFIG_SIZE, &size_on), db);
    for (const char* table : recorded_tables) check(sqlite3session_attach(raw, table), db);
    return session;
}

// The changes a session recorded, as a changeset (empty when nothing changed).
std::pair<SqliteBuffer, int> changeset_of(sqlite3_session* session, sqlite3* db) {
    int size = 0;
    void* data = nullptr;
    check(sqlite3session_changeset(session, &size, &data), db);
    return {SqliteBuffer(data), size};
}

template <class Each>
void for_each_change(const void* changeset, int size, sqlite3* db, Each each) {
    sqlite3_changeset_iter* raw = nullptr;
    check(sqlite3changeset_start(&raw, size, const_cast<void*>(changeset)), db);
    ChangesetIterator it(raw);
    int step = SQLITE_ROW;
    while ((step = sqlite3changeset_next(raw)) == SQLITE_ROW) each(raw);
    if (step != SQLITE_DONE) check(step, db);
}

struct Change {
    std::string_view table;
    int op = 0;
    int columns = 0;
};

Change change_of(sqlite3_changeset_iter* it) {
    const char* table = nullptr;
    int columns = 0, op = 0, indirect = 0;
    sqlite3changeset_op(it, &table, &columns, &op, &indirect);
    return {table ? table : "", op, columns};
}

// The primary key value `column` of the row a change is about.
sqlite3_value* key_value(sqlite3_changeset_iter* it, const Change& change, int column) {
    sqlite3_value* value = nullptr;
    if (change.op == SQLITE_INSERT)
        sqlite3changeset_new(it, column, &value);
    else
        sqlite3changeset_old(it, column, &value);
    return value;
}

std::string value_text(sqlite3_value* value) {
    if (!value) return "";
    const auto* text = sqlite3_value_text(value);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_value_bytes(value)))
                : "";
}

// The primary key of the row a change is about, as one string: the same row gives the same key.
std::string row_key(sqlite3_changeset_iter* it) {
    auto change = change_of(it);
    unsigned char* primary = nullptr;
    int columns = 0;
    sqlite3changeset_pk(it, &primary, &columns);
    std::string key(change.table);
    for (int i = 0; i < columns; ++i) {
        if (!primary[i]) continue;
        key += '\x1f';
        key += value_text(key_value(it, change, i));
    }
    return key;
}

// The row a change is about, in words for a refusal: "note n12", "person #3", "a tag of #3".
std::string describe_row(sqlite3_changeset_iter* it) {
    auto change = change_of(it);
    auto column = [&](int i) { return value_text(key_value(it, change, i)); };
    if (change.table == "contacts") return fmt::format("person #{}", column(0));
    if (change.table == "notes") return fmt::format("note n{}", column(0));
    if (change.table == "interactions") return fmt::format("interaction i{}", column(0));
    if (change.table == "reminders") return fmt::format("reminder r{}", column(0));
    if (change.table == "asked_questions") return fmt::format("asked question {}", column(0));
    if (change.table == "contact_values") return fmt::format("{} {} of #{}", column(1) == "email" ? "an" : "a", column(1), column(0));
    return fmt::format("a row of {}", change.table);
}

bool same_value(sqlite3_value* a, sqlite3_value* b) {
    if (!a || !b) return a == b;
    int type = sqlite3_value_type(a);
    if (type != sqlite3_value_type(b)) return false;
    switch (type) {
        case SQLITE_NULL: return true;
        case SQLITE_INTEGER: return sqlite3_value_int64(a) == sqlite3_value_int64(b);
        case SQLITE_FLOAT: return sqlite3_value_double(a) == sqlite3_value_double(b);
        default: {
            const auto* bytes_a = sqlite3_value_blob(a);
            int size_a = sqlite3_value_bytes(a);
            const auto* bytes_b = sqlite3_value_blob(b);
            int size_b = sqlite3_value_bytes(b);
            return size_a == size_b && (size_a == 0 || std::memcmp(bytes_a, bytes_b, static_cast<std::size_t>(size_a)) == 0);
        }
    }
}

struct Apply {
    std::vector<int> remade_note_columns;  // positions in notes
    std::string refused;                   // why not, once a conflict stopped the apply
};

// A row found other than the changeset expects, where only columns kith re-makes differ.
bool only_remade_columns_differ(sqlite3_changeset_iter* it, const Change& change, const Apply& apply) {
    if (change.table != "notes") return false;
    for (int i = 0; i < change.columns; ++i) {
        sqlite3_value* expected = nullptr;  // left null for a column an update did not change
        sqlite3_value* found = nullptr;
        if (sqlite3changeset_old(it, i, &expected) != SQLITE_OK || !expected) continue;
        if (sqlite3changeset_conflict(it, i, &found) != SQLITE_OK) return false;
        if (same_value(expected, found)) continue;
        if (std::find(apply.remade_note_columns.begin(), apply.remade_note_columns.end(), i) ==
            apply.remade_note_columns.end())
            return false;
    }
    return true;
}

// Any conflict ends the apply, which then rolls back all it did: the rows are not as the
// command left them, so something outside the history wrote them since.
int on_conflict(void* context, int conflict, sqlite3_changeset_iter* it) {
    auto& apply = *static_cast<Apply*>(context);
    if (conflict == SQLITE_CHANGESET_FOREIGN_KEY) {
        apply.refused = "it would leave records of a person who is no longer there";
        return SQLITE_CHANGESET_ABORT;
    }
    auto change = change_of(it);
    if (conflict == SQLITE_CHANGESET_DATA && only_remade_columns_differ(it, change, apply))
        return SQLITE_CHANGESET_REPLACE;
    auto row = describe_row(it);
    switch (conflict) {
        case SQLITE_CHANGESET_DATA: apply.refused = fmt::format("{} was changed since by another program", row); break;
        case SQLITE_CHANGESET_NOTFOUND: apply.refused = fmt::format("{} was deleted since by another program", row); break;
        case SQLITE_CHANGESET_CONFLICT: apply.refused = fmt::format("{} was written again since by another program", row); break;
        default: apply.refused = fmt::format("{} would break a rule of the database", row); break;
    }
    return SQLITE_CHANGESET_ABORT;
}

std::vector<int> column_positions(SQLite::Database& db, const char* table, const std::string_view* names,
                                  std::size_t count) {
    std::vector<int> positions;
    SQLite::Statement query(db, "SELECT cid, name FROM pragma_table_info(?)");
    query.bind(1, table);
    while (query.executeStep()) {
        auto name = query.getColumn(1).getString();
        if (std::find(names, names + count, name) != names + count) positions.push_back(query.getColumn(0).getInt());
    }
    return positions;
}

// All of an undo or none of it, inside the command's transaction.
class Savepoint {
public:
    explicit Savepoint(SQLite::Database& db) : db_(db) { db_.exec("SAVEPOINT undo"); }
    ~Savepoint() {
        if (open_) {
            try {
                db_.exec("ROLLBACK TO undo; RELEASE undo");
            } catch (...) {  // the transaction around it rolls back too
            }
        }
    }
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;
    void release() {
        db_.exec("RELEASE undo");
        open_ = false;
    }

private:
    SQLite::Database& db_;
    bool open_ = true;
};

}  // namespace

namespace store_detail {

const std::vector<std::string>& undo_recorded_tables() {
    static const std::vector<std::string> tables(std::begin(recorded_tables), std::end(recorded_tables));
    return tables;
}

void SessionDelete::operator()(sqlite3_session* session) const { sqlite3session_delete(session); }

void undo_statement_ran(UndoRecorder& recorder) { recorder.check_size(); }

UndoRecorder::UndoRecorder(Connection& connection)
    : c_(connection), session_(start_session(connection.db->getHandle(), true)) {
    c_.recorder = this;
}

UndoRecorder::~UndoRecorder() { c_.recorder = nullptr; }

void UndoRecorder::check_size() {
    if (outgrown_ || ++statements_ % 1024 != 0) return;
    if (auto estimate = sqlite3session_changeset_size(session_.get()); estimate > max_kept_bytes) {
        sqlite3session_enable(session_.get(), 0);
        outgrown_ = estimate;
    }
}

std::optional<std::int64_t> UndoRecorder::keep(const UndoLabel& label) {
    auto* db = c_.db->getHandle();
    c_.recorder = nullptr;  // what follows is the history's own bookkeeping
    if (auto estimate = sqlite3session_changeset_size(session_.get()); outgrown_ || estimate > max_kept_bytes) {
        // Older commands could be undone only through this one: forget them too.
        session_.reset();
        c_("DELETE FROM undo_history").exec();
        return outgrown_.value_or(estimate);
    }
    auto [changes, size] = changeset_of(session_.get(), db);
    session_.reset();
    if (size == 0) return std::nullopt;  // nothing changed: nothing to undo
    auto& insert = c_("INSERT INTO undo_history (at, command, summary, changes) VALUES (?, ?, ?, ?)");
    insert.bind(1, utc_now());
    insert.bind(2, label.command);
    insert.bind(3, label.summary);
    insert.bindNoCopy(4, changes.get(), size);
    insert.exec();
    insert.clearBindings();  // before the changeset is freed
    auto& trim = c_("DELETE FROM undo_history WHERE id <= (SELECT id FROM undo_history ORDER BY id DESC LIMIT 1 OFFSET ?)");
    trim.bind(1, label.keep);
    trim.exec();
    return std::nullopt;
}

}  // namespace store_detail

std::vector<UndoEntry> UndoRepository::history() {
    std::vector<UndoEntry> entries;
    auto& query = c_("SELECT id, at, command, summary, length(changes) FROM undo_history ORDER BY id DESC");
    while (query.executeStep()) {
        entries.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(), query.getColumn(2).getString(),
                           query.getColumn(3).getString(), query.getColumn(4).getInt64()});
    }
    query.reset();
    return entries;
}

UndoOutcome UndoRepository::revert_newest() {
    UndoOutcome outcome;
    auto& db = *c_.db;
    auto* handle = db.getHandle();
    std::string changes;
    {
        auto& newest = c_("SELECT id, at, command, summary, changes FROM undo_history ORDER BY id DESC LIMIT 1");
        if (!newest.executeStep()) return outcome;
        outcome.entry = UndoEntry{newest.getColumn(0).getInt64(), newest.getColumn(1).getString(),
                                  newest.getColumn(2).getString(), newest.getColumn(3).getString(), 0};
        auto blob = newest.getColumn(4);
        const auto* bytes = static_cast<const char*>(blob.getBlob());  // before getBytes(), as SQLite asks
        changes.assign(bytes ? bytes : "", static_cast<std::size_t>(blob.getBytes()));
        newest.reset();
    }
    outcome.entry->bytes = static_cast<std::int64_t>(changes.size());

    int inverse_size = 0;
    void* inverse_data = nullptr;
    check(sqlite3changeset_invert(static_cast<int>(changes.size()), changes.data(), &inverse_size, &inverse_data), handle);
    SqliteBuffer inverse(inverse_data);
    changes = {};

    Apply apply;
    apply.remade_note_columns = column_positions(db, "notes", std::data(remade_note_columns), std::size(remade_note_columns));
    Savepoint savepoint(db);
    // A second session watches the undo itself: a row it changes that the changeset does not
    // name was written since by something else (a note added to the person an undone `add` deletes,
    // which ON DELETE CASCADE would silently take along).
    auto watch = start_session(handle, false);
    c_("INSERT OR REPLACE INTO undo_applying (applying) VALUES (1)").exec();
    int applied = sqlite3changeset_apply(handle, inverse_size, inverse.get(), nullptr, on_conflict, &apply);
    if (!apply.refused.empty()) {
        outcome.refused = apply.refused;
        return outcome;  // the apply rolled itself back; the savepoint ends with nothing changed
    }
    check(applied, handle);

    std::size_t expected = 0;
    std::vector<std::int64_t> notes_kept;  // notes the undo writes back (see below)
    for_each_change(inverse.get(), inverse_size, handle, [&](sqlite3_changeset_iter* it) {
        ++expected;
        auto change = change_of(it);
        if (change.table == "notes" && change.op != SQLITE_DELETE)
            notes_kept.push_back(sqlite3_value_int64(key_value(it, change, 0)));
    });
    auto [watched, watched_size] = changeset_of(watch.get(), handle);
    watch.reset();
    std::size_t changed = 0;
    for_each_change(watched.get(), watched_size, handle, [&](sqlite3_changeset_iter*) { ++changed; });
    if (changed != expected) {
        std::unordered_set<std::string> named;
        for_each_change(inverse.get(), inverse_size, handle, [&](sqlite3_changeset_iter* it) { named.insert(row_key(it)); });
        for_each_change(watched.get(), watched_size, handle, [&](sqlite3_changeset_iter* it) {
            if (outcome.refused.empty() && !named.count(row_key(it)))
                outcome.refused = fmt::format("{} was written since by another program and would change too",
                                              describe_row(it));
        });
        if (outcome.refused.empty()) outcome.refused = "its records were changed since by another program";
        return outcome;  // the savepoint rolls the apply back
    }

    c_("DELETE FROM undo_applying").exec();
    auto& forget = c_("DELETE FROM undo_history WHERE id = ?");
    forget.bind(1, outcome.entry->id);
    forget.exec();
    // A note put back with a reading made by other rules than kith_state says every note was
    // read with: forget that, so the next `due` reads it again.
    if (!notes_kept.empty()) {
        auto& stale = c_(
            "DELETE FROM kith_state WHERE key = 'rules' AND EXISTS (SELECT 1 FROM notes WHERE id IN "
            "(SELECT value FROM json_each(?)) AND read_with <> kith_state.value)");
        stale.bind(1, id_array(notes_kept));
        stale.exec();
    }
    savepoint.release();
    return outcome;
}

}  // namespace kith
