#include "store/schema.h"

namespace kith::schema {

namespace {

// Never edit a shipped migration: databases in the wild were built by it. Add a new one.
std::vector<std::string>& all_migrations() {
    static std::vector<std::string> all{
        // v1: contacts, their multi-valued fields, notes, interactions, reminders and asked questions.
        R"sql(
CREATE TABLE contacts (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,            -- fold_key(name): case- and accent-folded
    company     TEXT NOT NULL DEFAULT '',
    birthday    TEXT,                     -- YYYY-MM-DD, or --MM-DD when the year is unknown
    birthday_md TEXT,                     -- MM-DD, for the birthday index
    every       TEXT,                     -- check-in cadence: 30d or 3w..6w
    archived    INTEGER NOT NULL DEFAULT 0,
    added_on    TEXT NOT NULL,            -- the day they were added (kith's "today" then)
    last_touch  TEXT NOT NULL,            -- latest interaction, or added_on if none
    checkin_due TEXT,                     -- last_touch + every: kept so `due` reads an index
    every_days  INTEGER,                  -- nominal_days(every): ranks ties by shorter cadence
    snoozed_until TEXT,                   -- left out of `due` before this day
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX contacts_by_name_key ON contacts(name_key);
-- The due indexes carry the ranking's tie-breakers (shorter cadence, then name), so the
-- first rows they give are the first people in the list.
CREATE INDEX contacts_by_birthday ON contacts(birthday_md, every_days, name_key)
    WHERE birthday_md IS NOT NULL AND archived = 0;
CREATE INDEX contacts_by_checkin_due ON contacts(checkin_due, every_days, name_key)
    WHERE checkin_due IS NOT NULL AND archived = 0;
-- People without a cadence of their own, for per-tag default cadences.
CREATE INDEX contacts_by_last_touch ON contacts(last_touch, name_key) WHERE every IS NULL AND archived = 0;

CREATE TABLE contact_values (
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('email', 'phone', 'nickname', 'tag')),
    position   INTEGER NOT NULL,
    value      TEXT NOT NULL,
    value_key  TEXT NOT NULL,             -- fold_key(value), for lookups
    PRIMARY KEY (contact_id, kind, position)
) WITHOUT ROWID;
CREATE INDEX contact_values_by_key ON contact_values(kind, value_key);

CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    noted_on   TEXT NOT NULL,
    event_on   TEXT,
    ask        INTEGER NOT NULL DEFAULT 0,
    tags       TEXT NOT NULL DEFAULT '',  -- space-separated
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX notes_by_contact ON notes(contact_id, noted_on);
CREATE INDEX notes_by_event ON notes(event_on, contact_id) WHERE event_on IS NOT NULL;  -- covering for `due`

CREATE TABLE interactions (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    happened_on TEXT NOT NULL,
    channel     TEXT NOT NULL,
    summary     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX interactions_by_contact ON interactions(contact_id, happened_on);

CREATE TABLE reminders (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    contact_id    INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    text          TEXT NOT NULL,
    due_on        TEXT NOT NULL,
    every         TEXT,                   -- recurring: the interval between due dates
    starts_on     TEXT NOT NULL,          -- the first due date: every later one counts from it
    done_on       TEXT,                   -- set when a one-off reminder is done
    snoozed_until TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
-- Covering for `due`: the candidate scan never visits the reminder rows themselves.
CREATE INDEX reminders_open_by_due ON reminders(due_on, contact_id, snoozed_until) WHERE done_on IS NULL;
CREATE INDEX reminders_by_contact ON reminders(contact_id);

-- Suggested questions you asked (`log --asked`), so they do not come back.
CREATE TABLE asked_questions (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    contact_id     INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    question_id    TEXT NOT NULL,           -- n42, e42, r42:college, b, t:client:1 …
    asked_on       TEXT NOT NULL,
    interaction_id INTEGER REFERENCES interactions(id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX asked_by_contact ON asked_questions(contact_id, question_id);
)sql",
        // v2: what kith understood of each note (SPEC §5a), the day you met, promises kept.
        R"sql(
ALTER TABLE notes ADD COLUMN reading TEXT NOT NULL DEFAULT '';   -- JSON: see questions.h, Reading
ALTER TABLE notes ADD COLUMN read_with TEXT NOT NULL DEFAULT ''; -- the rules' fingerprint it was read with
ALTER TABLE notes ADD COLUMN done_on TEXT;       -- a promise kept, a mistake put right
ALTER TABLE notes ADD COLUMN happens_on TEXT;    -- its event: --event, else a day its text names
ALTER TABLE notes ADD COLUMN follow_up_on TEXT;  -- from this day it makes its person due (ours to do)
UPDATE notes SET happens_on = event_on;
DROP INDEX notes_by_event;
CREATE INDEX notes_by_happening ON notes(happens_on, contact_id) WHERE happens_on IS NOT NULL;
CREATE INDEX notes_to_follow_up ON notes(follow_up_on, contact_id) WHERE follow_up_on IS NOT NULL AND done_on IS NULL;
ALTER TABLE contacts ADD COLUMN met_on TEXT;     -- the day you met (add/edit --met)
CREATE TABLE kith_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;  -- 'rules': notes read with
)sql",
        // v3: `kith search`, full-text indexes over notes, interaction summaries and reminders.
        // External-content FTS5 tables: each keeps only its index and reads the text (for
        // snippet()) from the record's own row by id, so the text is not stored twice, which a
        // plain FTS5 table would do. One table per kind because an external-content table reads
        // from one table whose rowid is the record's id. The triggers keep each index in the
        // transaction that writes the text, whoever writes it (cascades from `rm` included);
        // an update that leaves the text alone (readings, dates, done) does not touch it.
        R"sql(
CREATE VIRTUAL TABLE search_notes USING fts5(
    text, content = 'notes', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER search_notes_insert AFTER INSERT ON notes BEGIN
    INSERT INTO search_notes (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER search_notes_delete AFTER DELETE ON notes BEGIN
    INSERT INTO search_notes (search_notes, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER search_notes_update AFTER UPDATE OF id, text ON notes
WHEN old.id IS NOT new.id OR old.text IS NOT new.text BEGIN
    INSERT INTO search_notes (search_notes, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO search_notes (rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO search_notes (search_notes) VALUES ('rebuild');

CREATE VIRTUAL TABLE search_interactions USING fts5(
    summary, content = 'interactions', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER search_interactions_insert AFTER INSERT ON interactions BEGIN
    INSERT INTO search_interactions (rowid, summary) VALUES (new.id, new.summary);
END;
CREATE TRIGGER search_interactions_delete AFTER DELETE ON interactions BEGIN
    INSERT INTO search_interactions (search_interactions, rowid, summary) VALUES ('delete', old.id, old.summary);
END;
CREATE TRIGGER search_interactions_update AFTER UPDATE OF id, summary ON interactions
WHEN old.id IS NOT new.id OR old.summary IS NOT new.summary BEGIN
    INSERT INTO search_interactions (search_interactions, rowid, summary) VALUES ('delete', old.id, old.summary);
    INSERT INTO search_interactions (rowid, summary) VALUES (new.id, new.summary);
END;
INSERT INTO search_interactions (search_interactions) VALUES ('rebuild');

CREATE VIRTUAL TABLE search_reminders USING fts5(
    text, content = 'reminders', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER search_reminders_insert AFTER INSERT ON reminders BEGIN
    INSERT INTO search_reminders (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER search_reminders_delete AFTER DELETE ON reminders BEGIN
    INSERT INTO search_reminders (search_reminders, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER search_reminders_update AFTER UPDATE OF id, text ON reminders
WHEN old.id IS NOT new.id OR old.text IS NOT new.text BEGIN
    INSERT INTO search_reminders (search_reminders, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO search_reminders (rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO search_reminders (search_reminders) VALUES ('rebuild');
)sql",
        // v4: `kith undo`: what each command changed, as an SQLite session changeset, newest last.
        R"sql(
CREATE TABLE undo_history (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,                -- when it was written, UTC: 2026-11-22T09:30:00Z
    command TEXT NOT NULL,                -- note, add, import …
    summary TEXT NOT NULL,                -- what it did, in a line: for Sam Lee (#3): "Her mum …"
    changes BLOB NOT NULL                 -- sqlite3session_changeset() of its transaction
);
)sql",
        // v5: phone numbers found and merged however they are written (issue 21). A phone's
        // value_key is no longer its folded text but phone_key(value) (kith/phone.h): E.164 when
        // libphonenumber reads it, in the region kith_state 'phone_region' names. The keys are
        // made in C++, by Store::use_phone_region, which remakes them all when that region is
        // not the one in use; forgetting it here makes the next kith remake the keys the older
        // one wrote. The version also keeps that older kith, which would write folded keys
        // again, from opening the file.
        R"sql(
DELETE FROM kith_state WHERE key = 'phone_region';
)sql",
        // v6: a card kept whole (issue 21): what kith reads of it beyond its own columns (title,
        // addresses, URLs, related people, dated events …) and the lines it does not read, a
        // row each; `day` (MM-DD) is set for dated events alone, for `due`'s anniversaries.
        // The photo has its own table, so that nothing but `show` and export reads it.
        R"sql(
CREATE TABLE contact_fields (
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,             -- title, role, department, prefix, suffix, address, url,
                                          -- related, event, other, version, as_written
    position   INTEGER NOT NULL,
    label      TEXT NOT NULL DEFAULT '',
    value      TEXT NOT NULL,             -- an address's parts joined by U+001F; an event's date
    day        TEXT,                      -- MM-DD: a dated event's, for the anniversary index
    PRIMARY KEY (contact_id, kind, position)
) WITHOUT ROWID;
CREATE INDEX contact_fields_by_day ON contact_fields(day, contact_id) WHERE day IS NOT NULL;

CREATE TABLE contact_photos (
    contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
    media_type TEXT NOT NULL,
    data       BLOB NOT NULL
);
)sql",
        // v7: `kith sync` with a vdir (issue 21). sync_cards: per file of the folder, how it looked
        // when kith last saw or wrote it (mtime, size, inode), so that a sync with nothing changed
        // reads no card; sync_bases: the card kith last saw or wrote there, the three-way merge's
        // base, apart so that comparing the files reads no card text. sync_changed: the people
        // changed in kith since the last sync, kept by triggers in the transaction that changes
        // them, whatever command it is, so that a sync reads only those. kith_state 'sync_vdir'
        // names the folder the rows describe.
        R"sql(
CREATE TABLE sync_cards (
    file         TEXT PRIMARY KEY,        -- the file's name in the folder: <UID>.vcf
    uid          TEXT NOT NULL,           -- the card's UID ('' for a file kith could not read)
    contact_uuid TEXT NOT NULL,           -- the person it is the card of ('' for a file kith could not read)
    mtime_ns     INTEGER NOT NULL,
    size         INTEGER NOT NULL,
    inode        INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sync_cards_by_contact ON sync_cards(contact_uuid);
CREATE TABLE sync_bases (
    file TEXT PRIMARY KEY,                -- as in sync_cards
    card TEXT NOT NULL                    -- the card's text as kith last saw or wrote it
) WITHOUT ROWID;
CREATE TABLE sync_changed (uuid TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TRIGGER sync_contact_added AFTER INSERT ON contacts BEGIN
    INSERT OR IGNORE INTO sync_changed (uuid) VALUES (new.uuid);
END;
CREATE TRIGGER sync_contact_changed
AFTER UPDATE OF uuid, name, company, birthday, every, archived, updated_at ON contacts BEGIN
    INSERT OR IGNORE INTO sync_changed (uuid) VALUES (old.uuid);
    INSERT OR IGNORE INTO sync_changed (uuid) VALUES (new.uuid);
END;
CREATE TRIGGER sync_contact_removed AFTER DELETE ON contacts BEGIN
    INSERT OR IGNORE INTO sync_changed (uuid) VALUES (old.uuid);
END;

)sql",
        // v8: an id once shown never names another record (issue 20). Without AUTOINCREMENT SQLite
        // gives a new row the largest id + 1, so removing (or undoing the adding of) the newest
        // note made its id, and the question ids and asked marks that name it, someone else's.
        // AUTOINCREMENT keeps the largest id ever given in sqlite_sequence; a table gains it only
        // by being made anew (SQLite's ALTER TABLE procedure: new table, copy, drop, rename, then
        // its indexes and triggers again), with foreign keys off (Store::migrate). The copy keeps
        // every id, and so the search indexes, which read the text by id; copying the ids also
        // seeds sqlite_sequence with the largest. The columns keep their order, so the changesets
        // of undo_history still apply. undo_history's own ids are nobody's to see.
        R"sql(
CREATE TABLE new_contacts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,            -- fold_key(name): case- and accent-folded
    company     TEXT NOT NULL DEFAULT '',
    birthday    TEXT,                     -- YYYY-MM-DD, or --MM-DD when the year is unknown
    birthday_md TEXT,                     -- MM-DD, for the birthday index
    every       TEXT,                     -- check-in cadence: 30d or 3w..6w
    archived    INTEGER NOT NULL DEFAULT 0,
    added_on    TEXT NOT NULL,            -- the day they were added (kith's "today" then)
    last_touch  TEXT NOT NULL,            -- latest interaction, or added_on if none
    checkin_due TEXT,                     -- last_touch + every: kept so `due` reads an index
    every_days  INTEGER,                  -- nominal_days(every): ranks ties by shorter cadence
    snoozed_until TEXT,                   -- left out of `due` before this day
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    met_on      TEXT                      -- the day you met (add/edit --met)
);
INSERT INTO new_contacts (id, uuid, name, name_key, company, birthday, birthday_md, every, archived, added_on,
                          last_touch, checkin_due, every_days, snoozed_until, created_at, updated_at, met_on)
    SELECT id, uuid, name, name_key, company, birthday, birthday_md, every, archived, added_on,
           last_touch, checkin_due, every_days, snoozed_until, created_at, updated_at, met_on
    FROM contacts ORDER BY id;
DROP TABLE contacts;
ALTER TABLE new_contacts RENAME TO contacts;
CREATE INDEX contacts_by_name_key ON contacts(name_key);
CREATE INDEX contacts_by_birthday ON contacts(birthday_md, every_days, name_key)
    WHERE birthday_md IS NOT NULL AND archived = 0;
CREATE INDEX contacts_by_checkin_due ON contacts(checkin_due, every_days, name_key)
    WHERE checkin_due IS NOT NULL AND archived = 0;
CREATE INDEX contacts_by_last_touch ON contacts(last_touch, name_key) WHERE every IS NULL AND archived = 0;
CREATE TRIGGER sync_contact_added AFTER INSERT ON contacts BEGIN
    INSERT OR IGNORE INTO sync_changed (uuid) VALUES (new.uuid);
END;
CREATE TRIGGER sync_contact_changed
AFTER UPDATE OF uuid, name, company, birthday, every, archived, updated_at ON contacts BEGIN
    INSERT OR IGNORE INTO sync_changed (uuid) VALUES (old.uuid);
    INSERT OR IGNORE INTO sync_changed (uuid) VALUES (new.uuid);
END;
CREATE TRIGGER sync_contact_removed AFTER DELETE ON contacts BEGIN
    INSERT OR IGNORE INTO sync_changed (uuid) VALUES (old.uuid);
END;

CREATE TABLE new_notes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid         TEXT NOT NULL UNIQUE,
    contact_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    text         TEXT NOT NULL,
    noted_on     TEXT NOT NULL,
    event_on     TEXT,
    ask          INTEGER NOT NULL DEFAULT 0,
    tags         TEXT NOT NULL DEFAULT '',  -- space-separated
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    reading      TEXT NOT NULL DEFAULT '',  -- JSON: see questions.h, Reading
    read_with    TEXT NOT NULL DEFAULT '',  -- the rules' fingerprint it was read with
    done_on      TEXT,                      -- a promise kept, a mistake put right
    happens_on   TEXT,                      -- its event: --event, else a day its text names
    follow_up_on TEXT                       -- from this day it makes its person due (ours to do)
);
INSERT INTO new_notes (id, uuid, contact_id, text, noted_on, event_on, ask, tags, created_at, updated_at,
                       reading, read_with, done_on, happens_on, follow_up_on)
    SELECT id, uuid, contact_id, text, noted_on, event_on, ask, tags, created_at, updated_at,
           reading, read_with, done_on, happens_on, follow_up_on
    FROM notes ORDER BY id;
DROP TABLE notes;
ALTER TABLE new_notes RENAME TO notes;
CREATE INDEX notes_by_contact ON notes(contact_id, noted_on);
CREATE INDEX notes_by_happening ON notes(happens_on, contact_id) WHERE happens_on IS NOT NULL;
CREATE INDEX notes_to_follow_up ON notes(follow_up_on, contact_id) WHERE follow_up_on IS NOT NULL AND done_on IS NULL;
CREATE TRIGGER search_notes_insert AFTER INSERT ON notes BEGIN
    INSERT INTO search_notes (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER search_notes_delete AFTER DELETE ON notes BEGIN
    INSERT INTO search_notes (search_notes, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER search_notes_update AFTER UPDATE OF id, text ON notes
WHEN old.id IS NOT new.id OR old.text IS NOT new.text BEGIN
    INSERT INTO search_notes (search_notes, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO search_notes (rowid, text) VALUES (new.id, new.text);
END;

CREATE TABLE new_interactions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT NOT NULL UNIQUE,
    contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    happened_on TEXT NOT NULL,
    channel     TEXT NOT NULL,
    summary     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
INSERT INTO new_interactions (id, uuid, contact_id, happened_on, channel, summary, created_at, updated_at)
    SELECT id, uuid, contact_id, happened_on, channel, summary, created_at, updated_at
    FROM interactions ORDER BY id;
DROP TABLE interactions;
ALTER TABLE new_interactions RENAME TO interactions;
CREATE INDEX interactions_by_contact ON interactions(contact_id, happened_on);
CREATE TRIGGER search_interactions_insert AFTER INSERT ON interactions BEGIN
    INSERT INTO search_interactions (rowid, summary) VALUES (new.id, new.summary);
END;
CREATE TRIGGER search_interactions_delete AFTER DELETE ON interactions BEGIN
    INSERT INTO search_interactions (search_interactions, rowid, summary) VALUES ('delete', old.id, old.summary);
END;
CREATE TRIGGER search_interactions_update AFTER UPDATE OF id, summary ON interactions
WHEN old.id IS NOT new.id OR old.summary IS NOT new.summary BEGIN
    INSERT INTO search_interactions (search_interactions, rowid, summary) VALUES ('delete', old.id, old.summary);
    INSERT INTO search_interactions (rowid, summary) VALUES (new.id, new.summary);
END;

CREATE TABLE new_reminders (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid          TEXT NOT NULL UNIQUE,
    contact_id    INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    text          TEXT NOT NULL,
    due_on        TEXT NOT NULL,
    every         TEXT,                   -- recurring: the interval between due dates
    starts_on     TEXT NOT NULL,          -- the first due date: every later one counts from it
    done_on       TEXT,                   -- set when a one-off reminder is done
    snoozed_until TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
INSERT INTO new_reminders (id, uuid, contact_id, text, due_on, every, starts_on, done_on, snoozed_until,
                           created_at, updated_at)
    SELECT id, uuid, contact_id, text, due_on, every, starts_on, done_on, snoozed_until, created_at, updated_at
    FROM reminders ORDER BY id;
DROP TABLE reminders;
ALTER TABLE new_reminders RENAME TO reminders;
-- Covering for `due`: the candidate scan never visits the reminder rows themselves.
CREATE INDEX reminders_open_by_due ON reminders(due_on, contact_id, snoozed_until) WHERE done_on IS NULL;
CREATE INDEX reminders_by_contact ON reminders(contact_id);
CREATE TRIGGER search_reminders_insert AFTER INSERT ON reminders BEGIN
    INSERT INTO search_reminders (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER search_reminders_delete AFTER DELETE ON reminders BEGIN
    INSERT INTO search_reminders (search_reminders, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER search_reminders_update AFTER UPDATE OF id, text ON reminders
WHEN old.id IS NOT new.id OR old.text IS NOT new.text BEGIN
    INSERT INTO search_reminders (search_reminders, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO search_reminders (rowid, text) VALUES (new.id, new.text);
END;

-- An asked mark's id is shown too: exports carry it.
CREATE TABLE new_asked_questions (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid           TEXT NOT NULL UNIQUE,
    contact_id     INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    question_id    TEXT NOT NULL,           -- n42, e42, r42:college, b, t:client:1 …
    asked_on       TEXT NOT NULL,
    interaction_id INTEGER REFERENCES interactions(id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
INSERT INTO new_asked_questions (id, uuid, contact_id, question_id, asked_on, interaction_id, created_at, updated_at)
    SELECT id, uuid, contact_id, question_id, asked_on, interaction_id, created_at, updated_at
    FROM asked_questions ORDER BY id;
DROP TABLE asked_questions;
ALTER TABLE new_asked_questions RENAME TO asked_questions;
CREATE INDEX asked_by_contact ON asked_questions(contact_id, question_id);
)sql",
        // v9: merging two machines' copies loses nothing (issue 21). contacts.changed: when each
        // field last changed, {"company": "2026-11-22T09:30:00Z", …} by the names of
        // contact_fields(); a field not named is as old as created_at. tombstones: the records
        // deleted here, so that a deletion travels with an export and an older copy does not come
        // back. Triggers write them whatever deletes the record (a person's notes go with the
        // person's tombstone, not their own), and forget one when its record is written again
        // (brought back). While `kith undo` applies a changeset (a row in undo_applying), they stay
        // still: the changeset itself puts the tombstones back as they were. The flag has a table of
        // its own: a look-up in kith_state, beside the large saved rule book, costs every insert.
        R"sql(
ALTER TABLE contacts ADD COLUMN changed TEXT NOT NULL DEFAULT '{}';
CREATE TABLE tombstones (
    uuid       TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,             -- contact, note, interaction, reminder
    deleted_at TEXT NOT NULL              -- UTC, as updated_at
) WITHOUT ROWID;
CREATE INDEX tombstones_by_age ON tombstones(deleted_at);
CREATE TABLE undo_applying (applying INTEGER PRIMARY KEY CHECK (applying = 1));
CREATE TRIGGER tombstone_contact AFTER DELETE ON contacts
WHEN NOT EXISTS (SELECT 1 FROM undo_applying) BEGIN
    INSERT OR IGNORE INTO tombstones (uuid, kind, deleted_at)
    VALUES (old.uuid, 'contact', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER tombstone_note AFTER DELETE ON notes
WHEN NOT EXISTS (SELECT 1 FROM undo_applying)
 AND EXISTS (SELECT 1 FROM contacts WHERE id = old.contact_id) BEGIN
    INSERT OR IGNORE INTO tombstones (uuid, kind, deleted_at)
    VALUES (old.uuid, 'note', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER tombstone_interaction AFTER DELETE ON interactions
WHEN NOT EXISTS (SELECT 1 FROM undo_applying)
 AND EXISTS (SELECT 1 FROM contacts WHERE id = old.contact_id) BEGIN
    INSERT OR IGNORE INTO tombstones (uuid, kind, deleted_at)
    VALUES (old.uuid, 'interaction', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER tombstone_reminder AFTER DELETE ON reminders
WHEN NOT EXISTS (SELECT 1 FROM undo_applying)
 AND EXISTS (SELECT 1 FROM contacts WHERE id = old.contact_id) BEGIN
    INSERT OR IGNORE INTO tombstones (uuid, kind, deleted_at)
    VALUES (old.uuid, 'reminder', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER tombstone_contact_back AFTER INSERT ON contacts
WHEN NOT EXISTS (SELECT 1 FROM undo_applying) BEGIN
    DELETE FROM tombstones WHERE uuid = new.uuid;
END;
CREATE TRIGGER tombstone_note_back AFTER INSERT ON notes
WHEN NOT EXISTS (SELECT 1 FROM undo_applying) BEGIN
    DELETE FROM tombstones WHERE uuid = new.uuid;
END;
CREATE TRIGGER tombstone_interaction_back AFTER INSERT ON interactions
WHEN NOT EXISTS (SELECT 1 FROM undo_applying) BEGIN
    DELETE FROM tombstones WHERE uuid = new.uuid;
END;
CREATE TRIGGER tombstone_reminder_back AFTER INSERT ON reminders
WHEN NOT EXISTS (SELECT 1 FROM undo_applying) BEGIN
    DELETE FROM tombstones WHERE uuid = new.uuid;
END;
)sql",
        // v10: the rules as PCRE2 compiled them (RuleBook::saved), in a table of their own. In
        // kith_state, a WITHOUT ROWID table, the 150 KB value sat in the key's b-tree, and every
        // look-up of another key that compared against it copied it whole.
        R"sql(
CREATE TABLE rule_cache (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    saved BLOB NOT NULL
);
DELETE FROM kith_state WHERE key = 'rulebook';
)sql",
        // v11: the compiled rules are kept in $XDG_CACHE_HOME/kith/rules instead, read in one
        // go: in the database, reading the 150 KB value page by page was a fifth of `kith note`.
        R"sql(
DROP TABLE rule_cache;
)sql",
    };
    return all;
}

}  // namespace

const std::vector<std::string>& migrations() { return all_migrations(); }

TestMigration::TestMigration(std::string sql) { all_migrations().push_back(std::move(sql)); }

TestMigration::~TestMigration() { all_migrations().pop_back(); }

}  // namespace kith::schema
