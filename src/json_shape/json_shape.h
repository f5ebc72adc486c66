// kith's records as JSON, to and from: the one place each field's name is spelled. Used by
// `show/list/due/ask --format json`, by `export --format json/jsonl` and by JSON import; the
// shape (version 1) is documented in kith.1.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "kith/interchange.h"
#include "kith/model.h"

namespace kith::json_shape {

using Json = nlohmann::ordered_json;

// Documents, for output built whole before it is printed. Dates are YYYY-MM-DD; an absent
// optional is null.
Json to_json(const Contact& contact);
Json to_json(const Question& question);
// `show`: the contact with their notes (each with what kith understood of it), interactions
// and reminders.
Json to_json(const ContactDetail& detail);
// `search`: one hit, its snippet as plain text.
Json to_json(const SearchHit& hit);
// Export: the contact with everything kith keeps about them.
Json to_json(const ContactRecord& record);

// Appends the bytes dump_line(to_json(…)) gives, without building the document: an export of
// 100,000 people cannot afford one per person.
void append_line(std::string& out, const Contact& contact);
void append_line(std::string& out, const ContactRecord& record);

// Reads back what to_json(ContactRecord) writes; derived fields (last_contacted) are ignored.
// A missing or mistyped field throws FormatError naming the field and `line`.
ContactRecord record_from_json(const Json& object, std::size_t line);

// A deletion (Tombstone) in kith's files: the JSON document's top-level "tombstones" list
// holds these objects, {"kind": "contact", "uuid": "…", "deleted_at": "2026-11-22T09:30:00Z"};
// a JSONL file has one a line, as {"tombstone": {…}}.
inline constexpr const char* tombstones_key = "tombstones";
inline constexpr const char* tombstone_key = "tombstone";
Json to_json(const Tombstone& tombstone);
void append_line(std::string& out, const Tombstone& tombstone);
// FormatError naming the field and `line` for a missing or mistyped field, or an unknown kind.
Tombstone tombstone_from_json(const Json& object, std::size_t line);

// Compact, one line, never throws on odd bytes (invalid UTF-8 becomes U+FFFD).
std::string dump_line(const Json& value);
// Indented, for one document.
std::string dump_document(const Json& value);

}  // namespace kith::json_shape
