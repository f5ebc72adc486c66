// The JSON shape of kith's records, shared by every JSON output (documented in kith.1).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "kith/model.h"
#include "output/json_writer.h"

namespace kith::output {

nlohmann::ordered_json contact_json(const Contact& contact);
nlohmann::ordered_json note_json(const Note& note);
nlohmann::ordered_json interaction_json(const Interaction& interaction);
nlohmann::ordered_json reminder_json(const Reminder& reminder);
nlohmann::ordered_json question_json(const Question& question);

// The same records' fields written straight out, for exports too big to build first: the
// caller opens and closes the object, so more fields can follow.
void write_contact_fields(JsonWriter& out, const Contact& contact);
void write_note(JsonWriter& out, const Note& note);
void write_interaction(JsonWriter& out, const Interaction& interaction);
void write_reminder(JsonWriter& out, const Reminder& reminder);

// Compact, one line, never throws on odd bytes (invalid UTF-8 becomes U+FFFD).
std::string dump_line(const nlohmann::ordered_json& value);
// Indented, for one document.
std::string dump_document(const nlohmann::ordered_json& value);

}  // namespace kith::output
