// Notes and interactions: what was said and when you were in touch.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kith/store.h"
#include "store/rows.h"
#include "store/store_internal.h"

namespace kith {

using namespace store_detail;

namespace {

const Rows<Note> note_rows("notes", {
    column<&Note::id>("id"),
    insert_only<&Note::uuid>("uuid"),
    column<&Note::contact_id>("contact_id"),
    column<&Note::text>("text"),
    column<&Note::on>("noted_on"),
    column<&Note::event>("event_on"),
    column<&Note::ask>("ask"),
    column<&Note::tags>("tags"),
    insert_only<&Note::created_at>("created_at"),
    column<&Note::updated_at>("updated_at"),
    column<&Note::done_on>("done_on"),
    column<&Note::reading>("reading"),
    column<&Note::read_with>("read_with"),
    // A note whose reading names no day happens on its --event day.
    {"happens_on",
     [](SQLite::Statement& s, int index, const Note& note) {
         bind_value(s, index, note.happens_on ? note.happens_on : note.event);
     },
     [](const SQLite::Column& c, Note& note) { read_value(c, note.happens_on); }},
    column<&Note::follow_up_on>("follow_up_on"),
});

// Notes as export reads them: a reading is some 300 bytes of JSON per note that no format writes.
const Rows<Note> unread_note_rows = note_rows.without({"reading", "read_with"});

const Rows<Interaction> interaction_rows("interactions", {
    column<&Interaction::id>("id"),
    insert_only<&Interaction::uuid>("uuid"),
    column<&Interaction::contact_id>("contact_id"),
    column<&Interaction::on>("happened_on"),
    column<&Interaction::channel>("channel"),
    column<&Interaction::summary>("summary"),
    insert_only<&Interaction::created_at>("created_at"),
    column<&Interaction::updated_at>("updated_at"),
});

}  // namespace

void NoteRepository::insert(Note& note) {
    stamp(note.uuid, note.created_at, note.updated_at);
    note_rows.insert(c_, note);
}

void NoteRepository::update(Note& note, Stamp stamp) {
    if (stamp == Stamp::now || note.updated_at.empty()) note.updated_at = utc_now();
    note_rows.update(c_, note);
}

bool NoteRepository::remove(std::int64_t id) {
    // The questions asked about it go with it (their ids as the question engine's question_id
    // writes them: n12, e12, s12, r12:rule-phase): SQLite may give its id to the next note, which
    // must not start out asked.
    auto& forget = c_("DELETE FROM asked_questions WHERE contact_id = (SELECT contact_id FROM notes WHERE id = ?1) "
                      "AND (question_id IN ('n' || ?1, 'e' || ?1, 's' || ?1) OR question_id GLOB 'r' || ?1 || ':*')");
    forget.bind(1, id);
    forget.exec();
    return note_rows.remove(c_, id);
}

std::vector<Note> NoteRepository::for_contact(std::int64_t contact_id) {
    auto& query = c_(note_rows.select() + "WHERE contact_id = ? ORDER BY noted_on DESC, id DESC");
    query.bind(1, contact_id);
    return note_rows.read_all(query);
}

std::optional<Note> NoteRepository::find(std::int64_t id) {
    auto& query = c_(note_rows.select() + "WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return note_rows.read(query);
}

std::vector<Note> NoteRepository::read_with_other(const std::string& fingerprint) {
    auto& query = c_(note_rows.select() + "WHERE read_with <> ? ORDER BY id");
    query.bind(1, fingerprint);
    return note_rows.read_all(query);
}

std::vector<Note> NoteRepository::for_contacts(const std::vector<std::int64_t>& contact_ids, Readings readings) {
    const auto& rows = readings == Readings::with ? note_rows : unread_note_rows;
    auto& query = c_(rows.select() + "WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY contact_id, id");
    query.bind(1, id_array(contact_ids));
    return rows.read_all(query);
}

std::vector<Note> NoteRepository::events_for(const std::vector<std::int64_t>& contact_ids, Date from, Date until) {
    auto& query = c_(note_rows.select() +
                     "WHERE contact_id IN (SELECT value FROM json_each(?)) "
                     "AND happens_on BETWEEN ? AND ? ORDER BY happens_on, id");
    query.bind(1, id_array(contact_ids));
    query.bind(2, format_iso(from));
    query.bind(3, format_iso(until));
    return note_rows.read_all(query);
}

std::vector<Note> NoteRepository::follow_ups_for(const std::vector<std::int64_t>& contact_ids, Date by) {
    auto& query = c_(note_rows.select() +
                     "WHERE contact_id IN (SELECT value FROM json_each(?)) "
                     "AND follow_up_on <= ? AND done_on IS NULL ORDER BY follow_up_on, id");
    query.bind(1, id_array(contact_ids));
    query.bind(2, format_iso(by));
    return note_rows.read_all(query);
}

namespace {

// A note's person for `agenda`: not archived, and not snoozed past the note's day (`day`, a column).
std::string person_shown_on(const std::string& day) {
    return " AND EXISTS (SELECT 1 FROM contacts c WHERE c.id = notes.contact_id AND c.archived = 0 "
           "AND (c.snoozed_until IS NULL OR c.snoozed_until <= notes." + day + ")) ";
}

}  // namespace

std::vector<Note> NoteRepository::happening_between(Date from, Date until, std::size_t limit) {
    auto& query = c_(note_rows.select() +
                     "INDEXED BY notes_by_happening WHERE happens_on IS NOT NULL AND happens_on BETWEEN ? AND ?" +
                     person_shown_on("happens_on") + "ORDER BY happens_on LIMIT ?");
    query.bind(1, format_iso(from));
    query.bind(2, format_iso(until));
    query.bind(3, static_cast<std::int64_t>(limit));
    return note_rows.read_all(query);
}

std::vector<Note> NoteRepository::follow_ups_between(Date from, Date until, std::size_t limit) {
    auto& query = c_(note_rows.select() +
                     "INDEXED BY notes_to_follow_up WHERE follow_up_on IS NOT NULL AND done_on IS NULL "
                     "AND follow_up_on BETWEEN ? AND ?" + person_shown_on("follow_up_on") + "ORDER BY follow_up_on LIMIT ?");
    query.bind(1, format_iso(from));
    query.bind(2, format_iso(until));
    query.bind(3, static_cast<std::int64_t>(limit));
    return note_rows.read_all(query);
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

void NoteRepository::forget_readings(std::int64_t contact_id) {
    auto& forget = c_("UPDATE notes SET read_with = '' WHERE contact_id = ?");
    forget.bind(1, contact_id);
    forget.exec();
    forget.reset();
    set_readings_made_with("");
}

void InteractionRepository::insert(Interaction& interaction) {
    stamp(interaction.uuid, interaction.created_at, interaction.updated_at);
    interaction_rows.insert(c_, interaction);
    contacts_.checkin_changed(interaction.contact_id);  // talking to someone restarts their check-in clock
}

void InteractionRepository::update(Interaction& interaction, Stamp stamp) {
    if (stamp == Stamp::now || interaction.updated_at.empty()) interaction.updated_at = utc_now();
    interaction_rows.update(c_, interaction);
    contacts_.checkin_changed(interaction.contact_id);
}

bool InteractionRepository::remove(std::int64_t id) {
    auto interaction = find(id);
    if (!interaction) return false;
    auto& asked = c_("DELETE FROM asked_questions WHERE interaction_id = ?");
    asked.bind(1, id);
    asked.exec();
    interaction_rows.remove(c_, id);
    contacts_.checkin_changed(interaction->contact_id);  // their last contact may be an earlier one now
    return true;
}

std::optional<Interaction> InteractionRepository::find(std::int64_t id) {
    auto& query = c_(interaction_rows.select() + "WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return interaction_rows.read(query);
}

std::vector<Interaction> InteractionRepository::for_contact(std::int64_t contact_id) {
    auto& query = c_(interaction_rows.select() + "WHERE contact_id = ? ORDER BY happened_on DESC, id DESC");
    query.bind(1, contact_id);
    return interaction_rows.read_all(query);
}

std::vector<Interaction> InteractionRepository::for_contacts(const std::vector<std::int64_t>& contact_ids) {
    auto& query = c_(interaction_rows.select() +
                     "WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY contact_id, id");
    query.bind(1, id_array(contact_ids));
    return interaction_rows.read_all(query);
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

void AskedRepository::redate(const Interaction& interaction) {
    auto& asked = c_("UPDATE asked_questions SET asked_on = ? WHERE interaction_id = ?");
    asked.bind(1, stored_date(interaction.on));
    asked.bind(2, interaction.id);
    asked.exec();
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
