#include "output/json_model.h"

namespace kith::output {

namespace {

using json = nlohmann::ordered_json;

// Each record's fields, in order, written once for both the document and the streaming writer.
template <class Field>
void contact_fields(const Contact& contact, Field&& field) {
    field("id", contact.id);
    field("uuid", contact.uuid);
    field("name", contact.name);
    field("nicknames", contact.nicknames);
    field("emails", contact.emails);
    field("phones", contact.phones);
    field("company", contact.company);
    field("tags", contact.tags);
    field("birthday", contact.birthday ? std::optional<std::string>(format_birthday(*contact.birthday)) : std::nullopt);
    field("every", contact.every ? std::optional<std::string>(format_cadence(*contact.every)) : std::nullopt);
    field("archived", contact.archived);
    field("added_on", contact.added_on);
    field("met_on", contact.met_on);
    field("snoozed_until", contact.snoozed_until);
    field("last_contacted", contact.last_contacted);
    field("created_at", contact.created_at);
    field("updated_at", contact.updated_at);
}

template <class Field>
void note_fields(const Note& note, Field&& field) {
    field("id", note.id);
    field("uuid", note.uuid);
    field("date", note.on);
    field("event", note.event);
    field("ask", note.ask);
    field("done_on", note.done_on);
    field("tags", note.tags);
    field("text", note.text);
    field("created_at", note.created_at);
    field("updated_at", note.updated_at);
}

template <class Field>
void interaction_fields(const Interaction& interaction, Field&& field) {
    field("id", interaction.id);
    field("uuid", interaction.uuid);
    field("date", interaction.on);
    field("channel", interaction.channel);
    field("summary", interaction.summary);
    field("created_at", interaction.created_at);
    field("updated_at", interaction.updated_at);
}

template <class Field>
void reminder_fields(const Reminder& reminder, Field&& field) {
    field("id", reminder.id);
    field("uuid", reminder.uuid);
    field("due", reminder.due);
    field("every", reminder.every ? std::optional<std::string>(format_interval(*reminder.every)) : std::nullopt);
    field("starts_on", reminder.starts_on);
    field("snoozed_until", reminder.snoozed_until);
    field("done_on", reminder.done_on);
    field("text", reminder.text);
    field("created_at", reminder.created_at);
    field("updated_at", reminder.updated_at);
}

// Fills an ordered_json object; dates as YYYY-MM-DD, an empty optional as null.
struct DocumentFields {
    json& out;
    template <class Value>
    void operator()(const char* key, const Value& value) {
        out[key] = value;
    }
    void operator()(const char* key, Date date) { out[key] = format_iso(date); }
    void operator()(const char* key, const std::optional<std::string>& value) {
        out[key] = value ? json(*value) : json(nullptr);
    }
    void operator()(const char* key, const std::optional<Date>& date) {
        out[key] = date ? json(format_iso(*date)) : json(nullptr);
    }
};

struct WrittenFields {
    JsonWriter& out;
    template <class Value>
    void operator()(const char* key, const Value& value) {
        out.field(key, value);
    }
};

}  // namespace

json contact_json(const Contact& contact) {
    json out;
    contact_fields(contact, DocumentFields{out});
    return out;
}

json note_json(const Note& note) {
    json out;
    note_fields(note, DocumentFields{out});
    // What kith understood of it, for `show --format json`; derived, so never exported.
    if (!note.reading.empty()) {
        auto reading = json::parse(note.reading, nullptr, false);
        if (!reading.is_discarded()) out["reading"] = std::move(reading);
    }
    return out;
}

json interaction_json(const Interaction& interaction) {
    json out;
    interaction_fields(interaction, DocumentFields{out});
    return out;
}

json reminder_json(const Reminder& reminder) {
    json out;
    reminder_fields(reminder, DocumentFields{out});
    return out;
}

json question_json(const Question& question) {
    json out{{"id", question.id}, {"text", question.text}, {"source", question.source}};
    if (question.note_id) out["note"] = question.note_id;
    return out;
}

void write_contact_fields(JsonWriter& out, const Contact& contact) { contact_fields(contact, WrittenFields{out}); }

void write_note(JsonWriter& out, const Note& note) {
    out.begin_object();
    note_fields(note, WrittenFields{out});
    out.end_object();
}

void write_interaction(JsonWriter& out, const Interaction& interaction) {
    out.begin_object();
    interaction_fields(interaction, WrittenFields{out});
    out.end_object();
}

void write_reminder(JsonWriter& out, const Reminder& reminder) {
    out.begin_object();
    reminder_fields(reminder, WrittenFields{out});
    out.end_object();
}

std::string dump_line(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string dump_document(const json& value) { return value.dump(2, ' ', false, json::error_handler_t::replace); }

}  // namespace kith::output
