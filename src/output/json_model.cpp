#include "output/json_model.h"

namespace kith::output {

namespace {

using json = nlohmann::ordered_json;

json optional_date(const std::optional<Date>& date) { return date ? json(format_iso(*date)) : json(nullptr); }

}  // namespace

json contact_json(const Contact& contact) {
    json out;
    out["id"] = contact.id;
    out["uuid"] = contact.uuid;
    out["name"] = contact.name;
    out["nicknames"] = contact.nicknames;
    out["emails"] = contact.emails;
    out["phones"] = contact.phones;
    out["company"] = contact.company;
    out["tags"] = contact.tags;
    out["birthday"] = contact.birthday ? json(format_birthday(*contact.birthday)) : json(nullptr);
    out["every"] = contact.every ? json(format_cadence(*contact.every)) : json(nullptr);
    out["archived"] = contact.archived;
    out["added_on"] = format_iso(contact.added_on);
    out["snoozed_until"] = optional_date(contact.snoozed_until);
    out["last_contacted"] = optional_date(contact.last_contacted);
    out["created_at"] = contact.created_at;
    out["updated_at"] = contact.updated_at;
    return out;
}

json note_json(const Note& note) {
    json out;
    out["id"] = note.id;
    out["uuid"] = note.uuid;
    out["date"] = format_iso(note.on);
    out["event"] = optional_date(note.event);
    out["ask"] = note.ask;
    out["tags"] = note.tags;
    out["text"] = note.text;
    out["created_at"] = note.created_at;
    out["updated_at"] = note.updated_at;
    return out;
}

json interaction_json(const Interaction& interaction) {
    json out;
    out["id"] = interaction.id;
    out["uuid"] = interaction.uuid;
    out["date"] = format_iso(interaction.on);
    out["channel"] = interaction.channel;
    out["summary"] = interaction.summary;
    out["created_at"] = interaction.created_at;
    out["updated_at"] = interaction.updated_at;
    return out;
}

json reminder_json(const Reminder& reminder) {
    json out;
    out["id"] = reminder.id;
    out["uuid"] = reminder.uuid;
    out["due"] = format_iso(reminder.due);
    out["every"] = reminder.every ? json(format_interval(*reminder.every)) : json(nullptr);
    out["starts_on"] = format_iso(reminder.starts_on);
    out["snoozed_until"] = optional_date(reminder.snoozed_until);
    out["done_on"] = optional_date(reminder.done_on);
    out["text"] = reminder.text;
    out["created_at"] = reminder.created_at;
    out["updated_at"] = reminder.updated_at;
    return out;
}

json question_json(const Question& question) {
    return json{{"id", question.id}, {"text", question.text}, {"source", question.source}};
}

std::string dump_line(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string dump_document(const json& value) { return value.dump(2, ' ', false, json::error_handler_t::replace); }

}  // namespace kith::output
