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
struct Connection;
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
    Date today{};
    std::size_t limit = 10;
    std::vector<std::string> tags;  // all required
    Date birthdays_until{};         // birthdays from today to this day
    Date events_from{};             // note events from this day (past ones only if not followed up)
    Date events_until{};            // ... to this day
    // Default cadences for people without their own, by tag: (tag, the shortest check-in interval).
    std::vector<std::pair<std::string, Interval>> tag_cadences;
};

// What an update does to updated_at: a user's change is stamped now; an import keeps the
// file's stamp, so merging the same file again sees nothing newer.
enum class Stamp { now, keep };
// The tables whose rows carry a uuid of their own, for the importer's merge.
enum class RecordTable { contacts, notes, interactions, reminders, asked_questions };

// Contacts and their emails, phones, nicknames and tags.
class ContactRepository {
public:
    explicit ContactRepository(store_detail::Connection& connection) : c_(connection) {}
    // Inserts fill id, uuid and timestamps. A uuid or timestamp already set is kept (an
    // import's), and so is an id already set when no other row has it.
    void insert(Contact& contact);
    // An update stamps each field whose value it changes (Contact::changed) with updated_at,
    // unless `contact.changed` brings a later stamp for it; an insert keeps the stamps it is given.
    void update(Contact& contact, Stamp stamp = Stamp::now);
    // Leaves a tombstone (a trigger), as the removal of a note, interaction or reminder does.
    void remove(std::int64_t id);
    std::optional<Contact> find(std::int64_t id);
    // Several contacts at once, in no particular order; ids that do not exist are skipped.
    std::vector<Contact> find_many(const std::vector<std::int64_t>& ids);
    std::vector<Contact> list(const ContactFilter& filter);
    // The same people one at a time in id (storage) order, each with its folded name for
    // sorting: two sequential scans stepped side by side, nobody held once handed over.
    void for_each(const ContactFilter& filter,
                  const std::function<void(const Contact&, const std::string& name_key)>& each);

    // Resolution lookups over folded names and nicknames (see fold_key).
    std::optional<ContactRef> ref(std::int64_t id);
    std::vector<ContactRef> with_key(const std::string& key);
    std::vector<ContactRef> with_key_prefix(const std::string& key);
    // At most `limit` of them, the first in folded-name order, reading only those (for completion).
    std::vector<ContactRef> with_key_prefix(const std::string& key, std::size_t limit);
    std::vector<ContactRef> with_key_substring(const std::string& key);
    // Merge lookups: by email (folded), by name (folded); archived people included.
    std::vector<std::int64_t> with_email(const std::string& email);
    std::vector<ContactRef> named(const std::string& name);
    // Everyone with this phone number, however either is written (phone_key), archived people
    // included, by name.
    std::vector<ContactRef> with_phone(const std::string& number);

    // What a card says beyond the contact's own fields (model.h), and the photo: kept apart
    // from the contact, so that `due` and `list` never read them. write_card replaces it whole;
    // write_photo with nothing removes the photo.
    ContactCard card(std::int64_t contact_id);
    std::map<std::int64_t, ContactCard> cards(const std::vector<std::int64_t>& contact_ids);
    // Each stamps the parts it changes (Contact::changed) now, unless told to keep the stamps
    // (an import writes the merged ones with the contact).
    void write_card(std::int64_t contact_id, const ContactCard& card, Stamp stamp = Stamp::now);
    std::map<std::int64_t, Photo> photos(const std::vector<std::int64_t>& contact_ids);
    bool has_photo(std::int64_t contact_id);
    void write_photo(std::int64_t contact_id, const std::optional<Photo>& photo, Stamp stamp = Stamp::now);

    // When each field of these people last changed (Contact::changed), as stored.
    std::map<std::int64_t, std::map<std::string, std::string>> stamps(const std::vector<std::int64_t>& ids);
    std::map<std::string, std::string> stamps(std::int64_t id);

private:
    friend class Store;
    friend class InteractionRepository;
    // Stores the emails, phones, nicknames and tags; `replace` first removes the old ones.
    void write_values(const Contact& contact, bool replace);
    // Stamps these fields of the person as changed now.
    void stamp_fields(std::int64_t id, const std::vector<std::string>& fields);
    void attach_values(std::vector<Contact>& contacts);
    // Inside a write the check-in (last_touch, checkin_due) is recomputed at the commit, once
    // per contact however many interactions a command (an import) adds; outside one, at once.
    void checkin_changed(std::int64_t contact_id);
    void refresh_stale_checkins();
    void refresh_checkin(std::int64_t contact_id);
    // Every phone's key made again in the connection's region (Store::use_phone_region), and
    // the region the keys were made in, kept in kith_state; nothing when none was kept.
    void rekey_phones();
    std::optional<std::string> phone_keys_made_in();
    void set_phone_keys_made_in(const std::string& region);
    store_detail::Connection& c_;
};

// Notes, with their readings and the dates `due` finds them by.
class NoteRepository {
public:
    explicit NoteRepository(store_detail::Connection& connection) : c_(connection) {}
    void insert(Note& note);
    void update(Note& note, Stamp stamp = Stamp::now);
    bool remove(std::int64_t id);  // false when there is no such note
    std::optional<Note> find(std::int64_t id);
    std::vector<Note> for_contact(std::int64_t contact_id);  // newest first
    // Several contacts' notes at once, for the question engine (one query, any number of ids).
    // Readings::without leaves out what kith read of them (derived data, never exported).
    enum class Readings { with, without };
    std::vector<Note> for_contacts(const std::vector<std::int64_t>& contact_ids, Readings readings = Readings::with);
    // Notes whose event (happens_on) is in [from, until] for these contacts.
    std::vector<Note> events_for(const std::vector<std::int64_t>& contact_ids, Date from, Date until);
    // Promises and mistakes of ours, not done, whose day has come (follow_up_on <= by).
    std::vector<Note> follow_ups_for(const std::vector<std::int64_t>& contact_ids, Date by);
    // For `agenda`, everyone's, soonest first and at most `limit`, of people neither archived
    // nor snoozed past the note's day: notes whose event (happens_on) is in [from, until] ...
    std::vector<Note> happening_between(Date from, Date until, std::size_t limit);
    // ... and promises and mistakes of ours, not done, whose day (follow_up_on) is in [from, until].
    std::vector<Note> follow_ups_between(Date from, Date until, std::size_t limit);
    // Every note whose reading was made with rules of another fingerprint (or never made).
    std::vector<Note> read_with_other(const std::string& fingerprint);
    // The fingerprint of the rules every note was last read with, "" when not known.
    std::string readings_made_with();
    void set_readings_made_with(const std::string& fingerprint);
    // A person's notes to be read again by the next command that writes (their names changed,
    // and a reading knows the names they are called by).
    void forget_readings(std::int64_t contact_id);

private:
    store_detail::Connection& c_;
};

// Interactions: when you were in touch. Each change restarts the person's check-in clock.
class InteractionRepository {
public:
    InteractionRepository(store_detail::Connection& connection, ContactRepository& contacts)
        : c_(connection), contacts_(contacts) {}
    void insert(Interaction& interaction);
    void update(Interaction& interaction, Stamp stamp = Stamp::now);
    // With the questions recorded as asked in it (a wrong `log` goes whole); false when there
    // is no such interaction.
    bool remove(std::int64_t id);
    std::optional<Interaction> find(std::int64_t id);
    std::vector<Interaction> for_contact(std::int64_t contact_id);  // newest first
    std::vector<Interaction> for_contacts(const std::vector<std::int64_t>& contact_ids);

private:
    store_detail::Connection& c_;
    ContactRepository& contacts_;
};

class ReminderRepository {
public:
    explicit ReminderRepository(store_detail::Connection& connection) : c_(connection) {}
    void insert(Reminder& reminder);
    void update(Reminder& reminder, Stamp stamp = Stamp::now);
    bool remove(std::int64_t id);  // false when there is no such reminder
    std::optional<Reminder> find(std::int64_t id);
    std::vector<Reminder> open_for(std::int64_t contact_id);  // soonest first
    // Everyone's open reminders whose id starts with `id_prefix` (digits; "" for all), soonest first.
    std::vector<Reminder> open(const std::string& id_prefix, std::size_t limit);
    // Open reminders due on or before `until` for these contacts, those snoozed past `today` left out.
    std::vector<Reminder> due_for(const std::vector<std::int64_t>& contact_ids, Date today, Date until);
    // For `agenda`: everyone's open reminders due in [from, until], soonest first, at most
    // `limit`, of people not archived (the core applies snoozes day by day).
    std::vector<Reminder> due_between(Date from, Date until, std::size_t limit);
    // All of these contacts' reminders, done ones too (export).
    std::vector<Reminder> for_contacts(const std::vector<std::int64_t>& contact_ids);

private:
    store_detail::Connection& c_;
};

// Suggested questions recorded as asked (`log --asked`).
class AskedRepository {
public:
    explicit AskedRepository(store_detail::Connection& connection) : c_(connection) {}
    void record(std::int64_t contact_id, const std::vector<std::string>& question_ids, Date on,
                std::int64_t interaction_id);
    void insert(AskedQuestion& asked);  // as imported, uuid and all
    // The questions asked in `interaction` take its day (after `edit i7 --on`).
    void redate(const Interaction& interaction);
    // Per contact, question id → the last day asked.
    std::map<std::int64_t, std::map<std::string, Date>> for_contacts(const std::vector<std::int64_t>& contact_ids);
    // The last day each of these contacts was asked `question_id`, where they were.
    std::map<std::int64_t, Date> last_asked(const std::vector<std::int64_t>& contact_ids, const std::string& question_id);

private:
    store_detail::Connection& c_;
};

// Whole people, for import and export: everything about them, read in batches so memory stays
// bounded whatever the size, and the uuid look-up the importer merges by.
class RecordRepository {
public:
    RecordRepository(store_detail::Connection& connection, ContactRepository& contacts, NoteRepository& notes,
                     InteractionRepository& interactions, ReminderRepository& reminders)
        : c_(connection), contacts_(contacts), notes_(notes), interactions_(interactions), reminders_(reminders) {}
    std::vector<ContactRecord> for_contacts(const std::vector<std::int64_t>& ids,
                                            NoteRepository::Readings readings = NoteRepository::Readings::with);
    // Everyone in id order, as export writes them: notes without their readings.
    void for_each(const std::function<void(ContactRecord&&)>& each);
    std::optional<std::int64_t> id_for_uuid(RecordTable table, const std::string& uuid);
    // The person a record is of, and when it last changed (a person: when they or any record of
    // theirs did), as a deletion on another machine is weighed against; nothing when not found.
    struct LastChange {
        std::int64_t contact_id = 0;
        std::string at;
    };
    std::optional<LastChange> last_change(RecordTable table, std::int64_t id);

private:
    store_detail::Connection& c_;
    ContactRepository& contacts_;
    NoteRepository& notes_;
    InteractionRepository& interactions_;
    ReminderRepository& reminders_;
};

// The index reads behind `due` and `agenda`.
class DueRepository {
public:
    explicit DueRepository(store_detail::Connection& connection) : c_(connection) {}
    // The ids of everyone who might be due (see DueQuery); the core ranks them.
    std::vector<std::int64_t> candidates(const DueQuery& query);
    // People not archived whose birthday falls on a day in [from, until] (Feb 29 birthdays on
    // Feb 28 in common years): (day, id), by day then name, at most `limit` in all.
    std::vector<std::pair<Date, std::int64_t>> birthdays_between(Date from, Date until, std::size_t limit);
    // Dated events of people not archived (anniversaries …) falling on a day in [from, until],
    // Feb 29 as birthdays: by day then name, at most `limit` in all.
    struct EventOn {
        Date day{};
        std::int64_t contact_id;
        DatedEvent event;
    };
    std::vector<EventOn> events_between(Date from, Date until, std::size_t limit);
    // The dated events of these people, by person, in the card's order.
    std::map<std::int64_t, std::vector<DatedEvent>> events_of(const std::vector<std::int64_t>& contact_ids);
    // People not archived whose check-in may come due in [from, until], at most `limit` for each
    // source, soonest first: by their own cadence (not snoozed past that day), and for each
    // (tag, interval) default cadence, people without their own, found with a few days' slack
    // for the core to check exactly.
    std::vector<std::int64_t> checkins_between(Date from, Date until, std::size_t limit,
                                               const std::vector<std::pair<std::string, Interval>>& tag_cadences);
    // The plans SQLite chose for the due queries, one line per step (for tests and tuning).
    std::vector<std::string> query_plans(const DueQuery& query);

private:
    store_detail::Connection& c_;
};

// What `search` asks the store for. The words are the user's, never FTS5 syntax: the store
// quotes each one, so nothing a user types is read as an operator.
struct SearchWord {
    std::string text;
    bool prefix = false;  // also finds longer words that begin with it (typed as `bea*`)
};
struct SearchQuery {
    std::vector<SearchWord> words;  // every one must be in the record's text
    std::vector<std::string> tags;  // people with all of these tags
    std::optional<Date> since;      // records dated on or after this day
    std::size_t limit = 20;
};

// The full-text indexes over notes, interaction summaries and reminders (schema v3).
class SearchRepository {
public:
    explicit SearchRepository(store_detail::Connection& connection) : c_(connection) {}
    // The `limit` most relevant hits, best first, archived people's included.
    SearchResult find(const SearchQuery& query);
    // Within a write: the records inserted from now on are indexed when it commits, in one
    // statement per index, rather than each as it is written (a bulk import's thousands of
    // inserts would each make FTS5 write a segment).
    void index_at_commit();

private:
    store_detail::Connection& c_;
};

// How the writes of one command are kept for `kith undo`: its name, what it did in a line, and
// how many commands the history keeps (0: none, and nothing is recorded).
struct UndoLabel {
    std::string command;  // note, add, import …
    std::string summary;  // for Sam Lee (#3): "Her mum …"
    int keep = 0;
};

// A command kept in the undo history.
struct UndoEntry {
    std::int64_t id = 0;
    std::string at;       // when it was written, UTC: 2026-11-22T09:30:00Z
    std::string command;
    std::string summary;
    std::int64_t bytes = 0;  // the size of its changeset

    // "note for Sam Lee (#3): …": the command and its summary.
    std::string what() const { return summary.empty() ? command : command + " " + summary; }
};

// What an undo did: nothing when the history is empty; otherwise the newest command, undone
// unless `refused` says why not (another program changed its records since).
struct UndoOutcome {
    std::optional<UndoEntry> entry;
    std::string refused;
};

// The undo history: each command's changes as an SQLite session changeset (see undo.cpp).
class UndoRepository {
public:
    explicit UndoRepository(store_detail::Connection& connection) : c_(connection) {}
    std::vector<UndoEntry> history();  // newest first
    // Applies the inverse of the newest command's changes and forgets it, all or nothing: on
    // any conflict (a record changed, deleted or added since by something the history does not
    // hold), nothing is changed. Call inside write().
    UndoOutcome revert_newest();

private:
    store_detail::Connection& c_;
};

// A file of the `kith sync` folder as kith last saw or wrote it (schema v7), without the card's
// text (SyncRepository::base reads that): what a sync with nothing changed compares with.
struct SyncedFile {
    std::string file;          // its name in the folder: <UID>.vcf
    std::string uid;           // the card's UID; "" for a file kith could not read
    std::string contact_uuid;  // the person it is the card of; "" for a file kith could not read
    std::int64_t mtime_ns = 0;
    std::int64_t size = 0;
    std::int64_t inode = 0;
};

// The records deleted here (schema v8): written by triggers whatever deletes a record, read by
// export, and by an import, which applies and keeps the other machine's.
class TombstoneRepository {
public:
    explicit TombstoneRepository(store_detail::Connection& connection) : c_(connection) {}
    // What an export carries: the deletions of records not here (again), none older than
    // tombstone_days, oldest first.
    std::vector<Tombstone> current();
    // The deletion of the record with this uuid, if one is kept.
    std::optional<Tombstone> find(const std::string& uuid);
    // Keeps another machine's deletion; a later one of the same record wins.
    void keep(const Tombstone& tombstone);
    // Forgets deletions older than tombstone_days.
    void prune();

private:
    store_detail::Connection& c_;
};

// What `kith sync` keeps of its folder, and who changed in kith since it last ran.
class SyncRepository {
public:
    explicit SyncRepository(store_detail::Connection& connection) : c_(connection) {}
    // The folder the kept files are of ("" before the first sync); another one forgets them all.
    std::string folder();
    void use_folder(const std::string& folder);
    std::vector<SyncedFile> files();  // by name
    // The card's text as kith last saw or wrote it.
    std::string base(const std::string& file);
    // Keeps (or replaces) a file's state, with this text as its base.
    void save(const SyncedFile& file, const std::string& card);
    // Keeps how the file looks now; its base stays.
    void touch(const SyncedFile& file);
    void forget(const std::string& file);
    // The uuids of the people added, changed or removed in kith since the last sync (kept by
    // triggers), and forgetting them once synced.
    std::vector<std::string> changed();
    void clear_changed();
    // People not archived who have no card in the folder, in id order.
    std::vector<std::int64_t> without_card();

private:
    store_detail::Connection& c_;
};

// The database: opening (and creating, migrating) the file, transactions, backups; its
// tables are reached through the repositories below.
class Store {
public:
    // read may still upgrade an older database (and switch it to WAL); read_only never writes at
    // all, and refuses an older database instead (for shell completion, which must stay harmless).
    enum class Access { read, write, read_only };

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
    bool can_write();  // false on a read-only file or one opened read-only

    // The region a phone number written without its country code is read in (kith/phone.h),
    // for the keys people are found and merged by; "" for none. The database keeps the region
    // its keys were made in: under another one they are all made again, once, now (not a
    // command to undo); "" keeps the database's region, so a cron job without a locale does not
    // undo what the user's region did. A database that cannot be written is searched in its own.
    void use_phone_region(const std::string& region);
    const std::string& phone_region() const;

    // Runs `body` as one IMMEDIATE transaction: all of it is written, or none.
    void write(const std::function<void()>& body);
    // Runs `body` in one read transaction: a consistent snapshot while others write.
    void read(const std::function<void()>& body);
    // Runs `body` as write() would, then rolls everything back (import --dry-run). A database
    // that does not exist yet is not created.
    void rehearse(const std::function<void()>& body);

    ContactRepository& contacts() { return contacts_; }
    NoteRepository& notes() { return notes_; }
    InteractionRepository& interactions() { return interactions_; }
    ReminderRepository& reminders() { return reminders_; }
    AskedRepository& asked() { return asked_; }
    RecordRepository& records() { return records_; }
    DueRepository& due() { return due_; }
    SearchRepository& search() { return search_; }
    UndoRepository& undo() { return undo_; }
    SyncRepository& sync() { return sync_; }
    TombstoneRepository& tombstones() { return tombstones_; }

    // From now on each write() that changes anything is kept in the undo history under `label`
    // (in the same transaction), the history trimmed to label.keep commands. Without a label
    // nothing is kept: migrations, notes read again, `import --dry-run` and undo itself.
    void record_writes(UndoLabel label) { undo_label_ = std::move(label); }
    // Set when the last write changed too much to be kept for undo (how many bytes of changes):
    // it was not kept, and the history was emptied, as nothing older can be undone past it.
    std::optional<std::int64_t> undo_dropped() const { return undo_dropped_; }

private:
    Store(std::unique_ptr<SQLite::Database> db, std::string path);
    static std::unique_ptr<SQLite::Database> open_file(const std::string& path, bool writable);
    void migrate(bool can_write);
    // Raises the page cache before the first write transaction (see write_cache_kib).
    void use_write_cache();
    enum class Transaction { read, write, rehearsal };
    void transact(Transaction kind, const std::function<void()>& body);

    std::unique_ptr<store_detail::Connection> connection_;  // first: the repositories hold it
    ContactRepository contacts_;
    NoteRepository notes_;
    InteractionRepository interactions_;
    ReminderRepository reminders_;
    AskedRepository asked_;
    RecordRepository records_;
    DueRepository due_;
    SearchRepository search_;
    UndoRepository undo_;
    SyncRepository sync_;
    TombstoneRepository tombstones_;
    UndoLabel undo_label_;
    std::optional<std::int64_t> undo_dropped_;
    std::string path_;
    std::optional<std::string> migration_backup_;
    bool create_on_write_ = false;  // an empty stand-in until the first write creates the file
    bool write_cache_set_ = false;  // the larger page cache for writes is in place
    bool keep_phone_region_ = false;  // the region to keep in kith_state at the first write (a new file)
};

// A new time-ordered (version 7) uuid: later calls give larger uuids. Not thread-safe: it
// draws from a process-wide pool and counter.
std::string make_uuid();

}  // namespace kith
