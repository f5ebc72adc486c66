// Notes and interactions: what was said and when you were in touch.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "kith/store.h"
#include "kith/text.h"
#include "store/store_internal.h"

namespace kith {

using namespace store_detail;

namespace {

std::vector<std::string> split_tags(const std::string& text) {
    std::vector<std::string> tags;
    for (auto& tag : split(text, ' '))
        if (!tag.empty()) tags.push_back(std::move(tag));
    return tags;
}

// Where a note's values go in a statement, looked up once per statement text: binding by name
// searches the statement's parameter names on every call.
struct NoteSlots {
    int id, uuid, created_at, contact_id, text, noted_on, event_on, ask, tags, updated_at, done_on, reading, read_with,
        happens_on, follow_up_on;
    explicit NoteSlots(const SQLite::Statement& s)
        : id(s.getIndex(":id")),
          uuid(s.getIndex(":uuid")),
          created_at(s.getIndex(":created_at")),
          contact_id(s.getIndex(":contact_id")),
          text(s.getIndex(":text")),
          noted_on(s.getIndex(":noted_on")),
          event_on(s.getIndex(":event_on")),
          ask(s.getIndex(":ask")),
          tags(s.getIndex(":tags")),
          updated_at(s.getIndex(":updated_at")),
          done_on(s.getIndex(":done_on")),
          reading(s.getIndex(":reading")),
          read_with(s.getIndex(":read_with")),
          happens_on(s.getIndex(":happens_on")),
          follow_up_on(s.getIndex(":follow_up_on")) {}
};

void bind_note(SQLite::Statement& statement, const NoteSlots& at, const Note& note) {
    statement.bind(at.id, note.id);
    if (at.uuid > 0) statement.bind(at.uuid, note.uuid);  // only when inserting
    if (at.created_at > 0) statement.bind(at.created_at, note.created_at);
    statement.bind(at.contact_id, note.contact_id);
    statement.bind(at.text, note.text);
    statement.bind(at.noted_on, stored_date(note.on));
    bind_optional(statement, at.event_on, optional_iso(note.event));
    statement.bind(at.ask, note.ask ? 1 : 0);
    statement.bind(at.tags, join(note.tags, " "));
    statement.bind(at.updated_at, note.updated_at);
    bind_optional(statement, at.done_on, optional_iso(note.done_on));
    statement.bind(at.reading, note.reading);
    statement.bind(at.read_with, note.read_with);
    bind_optional(statement, at.happens_on, optional_iso(note.happens_on ? note.happens_on : note.event));
    bind_optional(statement, at.follow_up_on, optional_iso(note.follow_up_on));
}

}  // namespace

void NoteRepository::insert(Note& note) {
    stamp(note.uuid, note.created_at, note.updated_at);
    auto& insert = c_("INSERT INTO notes (id, uuid, contact_id, text, noted_on, event_on, ask, tags, "
                             "created_at, updated_at, done_on, reading, read_with, happens_on, follow_up_on) "
                             "VALUES (" KITH_KEEP_ID("notes") ", :uuid, :contact_id, :text, "
                             ":noted_on, :event_on, :ask, :tags, :created_at, :updated_at, :done_on, :reading, "
                             ":read_with, :happens_on, :follow_up_on)");
    static const NoteSlots at(insert);  // the same for every statement of this text
    bind_note(insert, at, note);
    insert.exec();
    note.id = c_.db->getLastInsertRowid();
}

void NoteRepository::update(Note& note, Stamp stamp) {
    if (stamp == Stamp::now || note.updated_at.empty()) note.updated_at = utc_now();
    auto& update = c_(
        "UPDATE notes SET contact_id = :contact_id, text = :text, noted_on = :noted_on, "
        "event_on = :event_on, ask = :ask, tags = :tags, updated_at = :updated_at, done_on = :done_on, "
        "reading = :reading, read_with = :read_with, happens_on = :happens_on, follow_up_on = :follow_up_on "
        "WHERE id = :id");
    static const NoteSlots at(update);
    bind_note(update, at, note);
    update.exec();
}

namespace {

const char* note_columns =
    "SELECT id, uuid, contact_id, text, noted_on, event_on, ask, tags, created_at, updated_at, done_on, reading, "
    "read_with, happens_on, follow_up_on FROM notes ";

Note read_note(SQLite::Statement& query) {
    Note note;
    note.id = query.getColumn(0).getInt64();
    note.uuid = query.getColumn(1).getString();
    note.contact_id = query.getColumn(2).getInt64();
    note.text = query.getColumn(3).getString();
    note.on = date_column(query.getColumn(4));
    note.event = optional_date_column(query.getColumn(5));
    note.ask = query.getColumn(6).getInt() != 0;
    note.tags = split_tags(query.getColumn(7).getString());
    note.created_at = query.getColumn(8).getString();
    note.updated_at = query.getColumn(9).getString();
    note.done_on = optional_date_column(query.getColumn(10));
    note.reading = query.getColumn(11).getString();
    note.read_with = query.getColumn(12).getString();
    note.happens_on = optional_date_column(query.getColumn(13));
    note.follow_up_on = optional_date_column(query.getColumn(14));
    return note;
}

}  // namespace

std::vector<Note> NoteRepository::for_contact(std::int64_t contact_id) {
    auto& query = c_(std::string(note_columns) + "WHERE contact_id = ? ORDER BY noted_on DESC, id DESC");
    query.bind(1, contact_id);
    std::vector<Note> notes;
    while (query.executeStep()) notes.push_back(read_note(query));
    return notes;
}

std::optional<Note> NoteRepository::find(std::int64_t id) {
    auto& query = c_(std::string(note_columns) + "WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return read_note(query);
}

std::vector<Note> NoteRepository::read_with_other(const std::string& fingerprint) {
    auto& query = c_(std::string(note_columns) + "WHERE read_with <> ? ORDER BY id");
    query.bind(1, fingerprint);
    std::vector<Note> notes;
    while (query.executeStep()) notes.push_back(read_note(query));
    return notes;
}

std::vector<Note> NoteRepository::for_contacts(const std::vector<std::int64_t>& contact_ids) {
    auto& query = c_(std::string(note_columns) +
                             "WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY contact_id, id");
    query.bind(1, id_array(contact_ids));
    std::vector<Note> notes;
    while (query.executeStep()) notes.push_back(read_note(query));
    return notes;
}

std::vector<Note> NoteRepository::events_for(const std::vector<std::int64_t>& contact_ids, Date from, Date until) {
    auto& query = c_(std::string(note_columns) +
                             "WHERE contact_id IN (SELECT value FROM json_each(?)) "
                             "AND happens_on BETWEEN ? AND ? ORDER BY happens_on, id");
    query.bind(1, id_array(contact_ids));
    query.bind(2, format_iso(from));
    query.bind(3, format_iso(until));
    std::vector<Note> notes;
    while (query.executeStep()) notes.push_back(read_note(query));
    return notes;
}

std::vector<Note> NoteRepository::follow_ups_for(const std::vector<std::int64_t>& contact_ids, Date by) {
    auto& query = c_(std::string(note_columns) +
                             "WHERE contact_id IN (SELECT value FROM json_each(?)) "
                             "AND follow_up_on <= ? AND done_on IS NULL ORDER BY follow_up_on, id");
    query.bind(1, id_array(contact_ids));
    query.bind(2, format_iso(by));
    std::vector<Note> notes;
    while (query.executeStep()) notes.push_back(read_note(query));
    return notes;
}

std::string NoteRepository::readings_made_with() {
    auto& query = c_("SELECT value FROM kith_state WHERE key = 'rules'");
    std::string fingerprint;
    if (query.executeStep()) fingerprint = query.getColumn(0).getString();
    query.reset();
    return fingerprint;
}

void NoteRepository::set_readings_made_with(const std::string& fingerprint) {
    auto& upsert = c_("INSERT OR REPLACE INTO kith_state (key, value) VALUES ('rules', ?)");
    upsert.bind(1, fingerprint);
    upsert.exec();
}


namespace {

void bind_interaction(SQLite::Statement& statement, const Interaction& interaction) {
    statement.bind(":contact_id", interaction.contact_id);
    statement.bind(":happened_on", stored_date(interaction.on));
    statement.bind(":channel", interaction.channel);
    statement.bind(":summary", interaction.summary);
    statement.bind(":updated_at", interaction.updated_at);
}

}  // namespace

void InteractionRepository::insert(Interaction& interaction) {
    stamp(interaction.uuid, interaction.created_at, interaction.updated_at);
    auto& insert = c_("INSERT INTO interactions (id, uuid, contact_id, happened_on, channel, summary, "
                             "created_at, updated_at) VALUES (" KITH_KEEP_ID("interactions") ", :uuid, :contact_id, "
                             ":happened_on, :channel, :summary, :created_at, :updated_at)");
    insert.bind(":id", interaction.id);
    insert.bind(":uuid", interaction.uuid);
    insert.bind(":created_at", interaction.created_at);
    bind_interaction(insert, interaction);
    insert.exec();
    interaction.id = c_.db->getLastInsertRowid();
    contacts_.checkin_changed(interaction.contact_id);  // talking to someone restarts their check-in clock
}

void InteractionRepository::update(Interaction& interaction, Stamp stamp) {
    if (stamp == Stamp::now || interaction.updated_at.empty()) interaction.updated_at = utc_now();
    auto& update = c_(
        "UPDATE interactions SET contact_id = :contact_id, happened_on = :happened_on, "
        "channel = :channel, summary = :summary, updated_at = :updated_at WHERE id = :id");
    update.bind(":id", interaction.id);
    bind_interaction(update, interaction);
    update.exec();
    contacts_.checkin_changed(interaction.contact_id);
}

namespace {

const char* interaction_columns =
    "SELECT id, uuid, contact_id, happened_on, channel, summary, created_at, updated_at FROM interactions ";

Interaction read_interaction(SQLite::Statement& query) {
    Interaction interaction;
    interaction.id = query.getColumn(0).getInt64();
    interaction.uuid = query.getColumn(1).getString();
    interaction.contact_id = query.getColumn(2).getInt64();
    interaction.on = date_column(query.getColumn(3));
    interaction.channel = query.getColumn(4).getString();
    interaction.summary = query.getColumn(5).getString();
    interaction.created_at = query.getColumn(6).getString();
    interaction.updated_at = query.getColumn(7).getString();
    return interaction;
}

}  // namespace

std::vector<Interaction> InteractionRepository::for_contact(std::int64_t contact_id) {
    auto& query =
        c_(std::string(interaction_columns) + "WHERE contact_id = ? ORDER BY happened_on DESC, id DESC");
    query.bind(1, contact_id);
    std::vector<Interaction> interactions;
    while (query.executeStep()) interactions.push_back(read_interaction(query));
    return interactions;
}

std::vector<Interaction> InteractionRepository::for_contacts(const std::vector<std::int64_t>& contact_ids) {
    auto& query = c_(std::string(interaction_columns) +
                             "WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY contact_id, id");
    query.bind(1, id_array(contact_ids));
    std::vector<Interaction> interactions;
    while (query.executeStep()) interactions.push_back(read_interaction(query));
    return interactions;
}

void AskedRepository::record(std::int64_t contact_id, const std::vector<std::string>& question_ids, Date on,
                         std::int64_t interaction_id) {
    auto& insert = c_(
        "INSERT INTO asked_questions (uuid, contact_id, question_id, asked_on, interaction_id, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const auto& question_id : question_ids) {
        std::string uuid, created_at, updated_at;
        stamp(uuid, created_at, updated_at);
        insert.bind(1, uuid);
        insert.bind(2, contact_id);
        insert.bind(3, question_id);
        insert.bind(4, stored_date(on));
        insert.bind(5, interaction_id);
        insert.bind(6, created_at);
        insert.bind(7, updated_at);
        insert.exec();
        insert.reset();
    }
}

std::map<std::int64_t, std::map<std::string, Date>> AskedRepository::for_contacts(
    const std::vector<std::int64_t>& contact_ids) {
    auto& query = c_(
        "SELECT contact_id, question_id, max(asked_on) FROM asked_questions "
        "WHERE contact_id IN (SELECT value FROM json_each(?)) GROUP BY contact_id, question_id");
    query.bind(1, id_array(contact_ids));
    std::map<std::int64_t, std::map<std::string, Date>> asked;
    while (query.executeStep())
        asked[query.getColumn(0).getInt64()][query.getColumn(1).getString()] = date_column(query.getColumn(2));
    return asked;
}

}  // namespace kith
