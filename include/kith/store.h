// The only code that knows SQL: schema, migrations and queries over the SQLite file (SPEC §6).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kith/model.h"

namespace SQLite {
class Database;
}

namespace kith::store_detail {
class StatementCache;
}

namespace kith {

// Enough of a contact to resolve a name and to name candidates in an error.
struct ContactRef {
    std::int64_t id = 0;
    std::string name;
    bool archived = false;
};

struct ContactFilter {
    bool include_archived = false;  // archived contacts are listed only when asked for
    bool only_archived = false;
    std::vector<std::string> tags;  // all must be present
};

// What `due` asks the store for: the people who might be due, each source already ordered by
// urgency and cut to `limit` people, so the answer never depends on how many people there are.
struct DueQuery {
    Date today;
    std::size_t limit = 10;
    std::vector<std::string> tags;  // all required
    Date birthdays_until;           // birthdays from today to this day
    Date events_from;               // note events from this day (past ones only if not followed up)
    Date events_until;              // ... to this day
    // Default cadences for people without their own, by tag: (tag, the shortest check-in interval).
    std::vector<std::pair<std::string, Interval>> tag_cadences;
};

class Store {
public:
    // read may still upgrade an older database (and switch it to WAL); read_only never writes at
    // all, and refuses an older database instead (for shell completion, which must stay harmless).
    enum class Access { read, write, read_only };
    // What an update does to updated_at: a user's change is stamped now; an import keeps the
    // file's stamp, so merging the same file again sees nothing newer.
    enum class Stamp { now, keep };
    // The tables whose rows carry a uuid of their own, for the importer's merge.
    enum class Table { contacts, notes, interactions, reminders, asked_questions };

    // Opens the database at `path`; ":memory:" opens a private in-memory one. A database that
    // does not exist yet reads as empty and is created (0600, in a 0700 directory) only when
    // the first write() begins, so a command refused before writing leaves no file behind.
    // A database from a newer kith is refused before anything is written to it.
    static std::unique_ptr<Store> open(const std::string& path, Access access);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    static int current_schema_version();
    int schema_version() const;
    const std::string& path() const { return path_; }
    // Set when opening migrated the database: where the pre-migration copy was written.
    const std::optional<std::string>& migration_backup() const { return migration_backup_; }
    // Copies the database into `file`, an empty file the caller then puts in place as `name`,
    // with SQLite's online backup API: one snapshot while other kith processes write. A copy
    // whose pages do not check out (a damaged database) is an error.
    void backup_into(const std::string& file, const std::string& name);
    // An SQLite error as one line naming this database (with advice for a damaged one);
    // nothing for any other exception.
    std::optional<std::string> describe_failure(const std::exception& e) const;
    // The file at `path` is an SQLite database holding kith's tables.
    static bool is_kith_database(const std::string& path);

    // Runs `body` as one IMMEDIATE transaction: all of it is written, or none.
    void write(const std::function<void()>& body);
    // Runs `body` in one read transaction: a consistent snapshot while others write.
    void read(const std::function<void()>& body);
    // Runs `body` as write() would, then rolls everything back (import --dry-run). A database
    // that does not exist yet is not created.
    void rehearse(const std::function<void()>& body);

    // Inserts fill id, uuid and timestamps. A uuid or timestamp already set is kept (an
    // import's), and so is an id already set when no other row has it.
    void insert_contact(Contact& contact);
    void update_contact(Contact& contact, Stamp stamp = Stamp::now);
    void delete_contact(std::int64_t id);
    std::optional<Contact> find_contact(std::int64_t id);
    std::vector<Contact> list_contacts(const ContactFilter& filter);
    // The same people one at a time in id (storage) order, each with its folded name for
    // sorting: two sequential scans stepped side by side, nobody held once handed over.
    void for_each_contact(const ContactFilter& filter,
                          const std::function<void(const Contact&, const std::string& name_key)>& each);

    // Resolution lookups over folded names and nicknames (see fold_key).
    std::optional<ContactRef> contact_ref(std::int64_t id);
    std::vector<ContactRef> contacts_with_key(const std::string& key);
    std::vector<ContactRef> contacts_with_key_prefix(const std::string& key);
    // At most `limit` of them, the first in folded-name order, reading only those (for completion).
    std::vector<ContactRef> contacts_with_key_prefix(const std::string& key, std::size_t limit);
    std::vector<ContactRef> contacts_with_key_substring(const std::string& key);

    // Several contacts at once, in no particular order; ids that do not exist are skipped.
    std::vector<Contact> find_contacts(const std::vector<std::int64_t>& ids);

    void insert_note(Note& note);
    void update_note(Note& note, Stamp stamp = Stamp::now);
    // Notes whose event (happens_on) is in [from, until] for these contacts.
    std::vector<Note> event_notes_for(const std::vector<std::int64_t>& contact_ids, Date from, Date until);
    // Promises and mistakes of ours, not done, whose day has come (follow_up_on <= by).
    std::vector<Note> follow_up_notes_for(const std::vector<std::int64_t>& contact_ids, Date by);
    std::vector<Note> notes_for(std::int64_t contact_id);  // newest first
    std::optional<Note> find_note(std::int64_t id);
    // Every note whose reading was made with rules of another fingerprint (or never made).
    std::vector<Note> notes_read_with_other(const std::string& fingerprint);
    // The fingerprint of the rules every note was last read with, "" when not known.
    std::string readings_made_with();
    void set_readings_made_with(const std::string& fingerprint);
    bool can_write();  // false on a read-only file or one opened read-only

    // Several contacts' records at once, for the question engine (one query each, any number of ids).
    std::vector<Note> notes_for_contacts(const std::vector<std::int64_t>& contact_ids);
    std::vector<Interaction> interactions_for_contacts(const std::vector<std::int64_t>& contact_ids);
    // The last day each of these contacts was asked a question (`log --asked b`), where they were.
    std::map<std::int64_t, Date> last_asked(const std::vector<std::int64_t>& contact_ids, const std::string& question_id);

    // Questions asked: recorded by `log --asked`; per contact, question id → the last day asked.
    void record_asked(std::int64_t contact_id, const std::vector<std::string>& question_ids, Date on,
                      std::int64_t interaction_id);
    std::map<std::int64_t, std::map<std::string, Date>> asked_for_contacts(const std::vector<std::int64_t>& contact_ids);

    void insert_interaction(Interaction& interaction);
    void update_interaction(Interaction& interaction, Stamp stamp = Stamp::now);
    std::vector<Interaction> interactions_for(std::int64_t contact_id);  // newest first

    void insert_reminder(Reminder& reminder);
    void update_reminder(Reminder& reminder, Stamp stamp = Stamp::now);
    std::optional<Reminder> find_reminder(std::int64_t id);
    std::vector<Reminder> open_reminders_for(std::int64_t contact_id);  // soonest first
    // Everyone's open reminders whose id starts with `id_prefix` (digits; "" for all), soonest first.
    std::vector<Reminder> open_reminders(const std::string& id_prefix, std::size_t limit);
    // Open reminders due on or before `by` for these contacts, snoozed ones left out.
    std::vector<Reminder> due_reminders_for(const std::vector<std::int64_t>& contact_ids, Date by);

    // Import and export: everything about these people (all reminders, done ones too), and
    // everyone in id order, read in batches so memory stays bounded whatever the size.
    std::vector<ContactRecord> contact_records(const std::vector<std::int64_t>& ids);
    std::vector<Reminder> reminders_for_contacts(const std::vector<std::int64_t>& contact_ids);
    void for_each_contact_record(const std::function<void(ContactRecord&&)>& each);
    void insert_asked(AskedQuestion& asked);
    // Merge lookups: by uuid, by email (folded), by name (folded); archived people included.
    std::optional<std::int64_t> id_for_uuid(Table table, const std::string& uuid);
    std::vector<std::int64_t> contacts_with_email(const std::string& email);
    std::vector<ContactRef> contacts_named(const std::string& name);

    // The ids of everyone who might be due (see DueQuery); the core ranks them.
    std::vector<std::int64_t> due_candidates(const DueQuery& query);
    // The plans SQLite chose for the due queries, one line per step (for tests and tuning).
    std::vector<std::string> due_query_plans(const DueQuery& query);

private:
    Store(std::unique_ptr<SQLite::Database> db, std::string path);
    static std::unique_ptr<SQLite::Database> open_file(const std::string& path, bool writable);
    // Recomputes last_touch and checkin_due from the contact's interactions and cadence.
    void refresh_checkin(std::int64_t contact_id);
    // Inside write() the recomputation waits for the commit, once per contact however many
    // interactions a command (an import) adds; outside it happens at once.
    void checkin_changed(std::int64_t contact_id);
    void refresh_stale_checkins();
    void migrate(bool can_write);
    // Raises the page cache before the first write transaction (see write_cache_kib).
    void use_write_cache();

    enum class Transaction { read, write, rehearsal };
    void transact(Transaction kind, const std::function<void()>& body);
    // Stores the emails, phones, nicknames and tags; `replace` first removes the old ones.
    void write_values(const Contact& contact, bool replace);
    void attach_values(std::vector<Contact>& contacts);

    std::unique_ptr<SQLite::Database> db_;
    std::unique_ptr<store_detail::StatementCache> cached_;  // over db_, so declared after it
    std::string path_;
    std::optional<std::string> migration_backup_;
    int write_depth_ = 0;
    std::vector<std::int64_t> stale_checkins_;  // contacts whose check-in waits for the commit
    bool create_on_write_ = false;  // an empty stand-in until the first write creates the file
    bool write_cache_set_ = false;  // the larger page cache for writes is in place
};

// A new time-ordered (version 7) uuid: later calls give larger uuids. Not thread-safe: it
// draws from a process-wide pool and counter.
std::string make_uuid();

}  // namespace kith
