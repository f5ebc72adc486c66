#include "json_shape/json_shape.h"

#include <fmt/format.h>

#include <algorithm>
#include <concepts>
#include <map>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "json_shape/json_string.h"
#include "kith/dates.h"
#include "kith/record_id.h"
#include "kith/text.h"

namespace kith::json_shape {

namespace {

// What a field asks of import beyond its type; writing heeds only null_if_empty.
struct Rule {
    enum Kind { plain, required, utc_time, derived, null_if_empty, defaults_to, record_id };
    Kind kind = plain;
    const Date* fallback = nullptr;  // defaults_to: the value an absent field takes
    RecordKind record = RecordKind::note;  // record_id: whose letter the id carries
};

constexpr Rule required{Rule::required, nullptr};            // absent, null or empty: "missing"
constexpr Rule utc_time{Rule::utc_time, nullptr};            // like 2026-11-22T09:30:00Z, compared as text
constexpr Rule derived{Rule::derived, nullptr};              // written, never read: kith works it out again
constexpr Rule null_if_empty{Rule::null_if_empty, nullptr};  // an empty text is written as null
Rule defaults_to(const Date& fallback) { return {Rule::defaults_to, &fallback}; }
// The id as users type it, "n12": written so, read back so or as the bare number older files hold.
constexpr Rule id_of(RecordKind kind) { return {Rule::record_id, nullptr, kind}; }

template <class T, class Record>
concept either = std::same_as<std::remove_const_t<T>, Record>;  // Record or const Record

// Each record's fields in the order they are written: field(name, member, rule) once a field.
// The same lists drive the document, the streamed line and the reader below.

template <either<Contact> C, class Field>
void each_field(C& contact, Field& field) {
    field("id", contact.id);
    field("uuid", contact.uuid);
    field("name", contact.name, required);
    field("nicknames", contact.nicknames);
    field("emails", contact.emails);
    field("phones", contact.phones);
    field("company", contact.company);
    field("tags", contact.tags);
    field("birthday", contact.birthday);
    field("every", contact.every);
    field("archived", contact.archived);
    field("added_on", contact.added_on);
    field("met_on", contact.met_on);
    field("snoozed_until", contact.snoozed_until);
    field("last_contacted", contact.last_contacted, derived);
    field("created_at", contact.created_at, utc_time);
    field("updated_at", contact.updated_at, utc_time);
}

template <either<Note> N, class Field>
void each_field(N& note, Field& field) {
    field("id", note.id, id_of(RecordKind::note));
    field("uuid", note.uuid);
    field("date", note.on);
    field("event", note.event);
    field("ask", note.ask);
    field("done_on", note.done_on);
    field("tags", note.tags);
    field("text", note.text);
    field("created_at", note.created_at, utc_time);
    field("updated_at", note.updated_at, utc_time);
}

template <either<Interaction> I, class Field>
void each_field(I& interaction, Field& field) {
    field("id", interaction.id, id_of(RecordKind::interaction));
    field("uuid", interaction.uuid);
    field("date", interaction.on, required);
    field("channel", interaction.channel);
    field("summary", interaction.summary);
    field("created_at", interaction.created_at, utc_time);
    field("updated_at", interaction.updated_at, utc_time);
}

template <either<Reminder> R, class Field>
void each_field(R& reminder, Field& field) {
    field("id", reminder.id, id_of(RecordKind::reminder));
    field("uuid", reminder.uuid);
    field("due", reminder.due, required);
    field("every", reminder.every);
    field("starts_on", reminder.starts_on, defaults_to(reminder.due));
    field("snoozed_until", reminder.snoozed_until);
    field("done_on", reminder.done_on);
    field("text", reminder.text);
    field("created_at", reminder.created_at, utc_time);
    field("updated_at", reminder.updated_at, utc_time);
}

template <either<AskedQuestion> A, class Field>
void each_field(A& asked, Field& field) {
    field("id", asked.id);
    field("uuid", asked.uuid);
    field("question", asked.question_id, required);
    field("date", asked.on, required);
    field("interaction", asked.interaction_uuid, null_if_empty);
    field("created_at", asked.created_at, utc_time);
    field("updated_at", asked.updated_at, utc_time);
}

template <either<LabeledText> L, class Field>
void each_field(L& item, Field& field) {
    field("label", item.label);
    field("value", item.value);
}

template <either<PostalAddress> A, class Field>
void each_field(A& address, Field& field) {
    field("label", address.label);
    field("po_box", address.parts[0]);
    field("extended", address.parts[1]);
    field("street", address.parts[2]);
    field("locality", address.parts[3]);
    field("region", address.parts[4]);
    field("postal_code", address.parts[5]);
    field("country", address.parts[6]);
}

template <either<DatedEvent> E, class Field>
void each_field(E& event, Field& field) {
    field("label", event.label);
    field("date", event.date);
}

// What a card says beyond kith's own fields (model.h), beside them in the person's object.
template <bool exported, either<ContactCard> C, class Field>
void each_card_field(C& card, Field& field) {
    field("title", card.title);
    field("role", card.role);
    field("department", card.department);
    field("name_prefix", card.name_prefix);
    field("name_suffix", card.name_suffix);
    field("addresses", card.addresses);
    field("urls", card.urls);
    field("related", card.related);
    field("dates", card.events);
    field("other_vcard_properties", card.other_properties);
    if constexpr (exported) {
        field("vcard_version", card.version);
        field("vcard_lines", card.as_written);
    }
}

// A person with what is recorded about them: ContactDetail for `show`, ContactRecord for export.
template <class P>
concept whole_person = either<P, ContactDetail> || either<P, ContactRecord>;

template <whole_person P, class Field>
void each_field(P& person, Field& field) {
    each_field(person.contact, field);
    // When each field last changed, for a merge with another machine's copy: files only.
    if constexpr (either<P, ContactRecord>) field("changed", person.contact.changed);
    each_card_field<either<P, ContactRecord>>(person.card, field);
    if constexpr (either<P, ContactRecord>)
        field("photo", person.photo);
    else
        field("photo", person.has_photo);
    field("notes", person.notes);
    field("interactions", person.interactions);
    field("reminders", person.reminders);
    if constexpr (either<P, ContactRecord>) field("asked", person.asked);
}

// A deletion kith's files carry (Tombstone).
template <either<Tombstone> T, class Field>
void each_field(T& tombstone, Field& field) {
    field("kind", tombstone.kind, required);
    field("uuid", tombstone.uuid, required);
    field("deleted_at", tombstone.deleted_at, utc_time);
}

std::string as_text(Date date) { return format_iso(date); }
std::string as_text(const Birthday& birthday) { return format_birthday(birthday); }
std::string as_text(const Cadence& cadence) { return format_cadence(cadence); }
std::string as_text(const Interval& interval) { return format_interval(interval); }
// A photo as a data: URI (RFC 2397), as vCard 4.0 writes one.
std::string as_text(const Photo& photo) { return fmt::format("data:{};base64,{}", photo.media_type, encode_base64(photo.data)); }

// ---- to a document ---------------------------------------------------------------------------

template <class Record>
Json document(const Record& record, bool with_readings);

// Fills an object member by member.
struct ToDocument {
    Json& out;
    bool with_readings;  // `show`: notes carry what kith understood of them

    void operator()(const char* key, std::int64_t value, Rule rule = {}) {
        out[key] = rule.kind == Rule::record_id ? Json(format_record_id(rule.record, value)) : Json(value);
    }
    void operator()(const char* key, bool value, Rule = {}) { out[key] = value; }
    void operator()(const char* key, const std::string& value, Rule rule = {}) {
        out[key] = rule.kind == Rule::null_if_empty && value.empty() ? Json(nullptr) : Json(value);
    }
    void operator()(const char* key, const std::vector<std::string>& values, Rule = {}) { out[key] = values; }
    void operator()(const char* key, const std::map<std::string, std::string>& values, Rule = {}) {
        auto& object = out[key] = Json::object();
        for (const auto& [name, value] : values) object[name] = value;
    }
    void operator()(const char* key, Date date, Rule = {}) { out[key] = as_text(date); }
    void operator()(const char* key, const Birthday& date, Rule = {}) { out[key] = as_text(date); }
    template <class Value>
    void operator()(const char* key, const std::optional<Value>& value, Rule = {}) {
        out[key] = value ? Json(as_text(*value)) : Json(nullptr);
    }
    template <class Record>
    void operator()(const char* key, const std::vector<Record>& records, Rule = {}) {
        auto& list = out[key] = Json::array();
        for (const auto& record : records) list.push_back(document(record, with_readings));
    }
};

template <class Record>
Json document(const Record& record, bool with_readings) {
    Json out;
    ToDocument fields{out, with_readings};
    each_field(record, fields);
    if constexpr (std::same_as<Record, Note>) {
        // Derived, so never exported nor read back.
        if (with_readings && !record.reading.empty()) {
            auto reading = Json::parse(record.reading, nullptr, false);
            if (!reading.is_discarded()) out["reading"] = std::move(reading);
        }
    }
    return out;
}

// ---- to a line -------------------------------------------------------------------------------

template <class Record>
void append_object(std::string& out, const Record& record);

// Appends the bytes the document's dump(-1) would have, member by member.
struct ToLine {
    std::string& out;
    bool first = true;

    void key(std::string_view name) {
        if (!first) out += ',';
        first = false;
        out += '"';
        out += name;  // the code's own ASCII names: nothing to escape
        out += "\":";
    }
    void operator()(const char* name, std::int64_t value, Rule rule = {}) {
        key(name);
        fmt::format_int digits(value);
        if (rule.kind != Rule::record_id) {
            out.append(digits.data(), digits.size());
            return;
        }
        out += '"';  // "n12": a letter and digits, nothing to escape
        out += record_letter(rule.record);
        out.append(digits.data(), digits.size());
        out += '"';
    }
    void operator()(const char* name, bool value, Rule = {}) {
        key(name);
        out += value ? "true" : "false";
    }
    void operator()(const char* name, const std::string& value, Rule rule = {}) {
        key(name);
        if (rule.kind == Rule::null_if_empty && value.empty())
            out += "null";
        else
            append_json_string(out, value);
    }
    void operator()(const char* name, const std::vector<std::string>& values, Rule = {}) {
        key(name);
        out += '[';
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i > 0) out += ',';
            append_json_string(out, values[i]);
        }
        out += ']';
    }
    void operator()(const char* name, const std::map<std::string, std::string>& values, Rule = {}) {
        key(name);
        out += '{';
        bool first_member = true;
        for (const auto& [member, value] : values) {
            if (!first_member) out += ',';
            first_member = false;
            append_json_string(out, member);
            out += ':';
            append_json_string(out, value);
        }
        out += '}';
    }
    void operator()(const char* name, Date date, Rule = {}) {
        key(name);
        append_date(date);
    }
    void operator()(const char* name, const Birthday& date, Rule = {}) {
        key(name);
        append_json_string(out, as_text(date));
    }
    void operator()(const char* name, const std::optional<Date>& date, Rule = {}) {
        key(name);
        if (date)
            append_date(*date);
        else
            out += "null";
    }
    template <class Value>
    void operator()(const char* name, const std::optional<Value>& value, Rule = {}) {
        key(name);
        if (value)
            append_json_string(out, as_text(*value));
        else
            out += "null";
    }
    void append_date(Date date) {  // digits and dashes: nothing to escape
        out += '"';
        out += as_text(date);
        out += '"';
    }
    template <class Record>
    void operator()(const char* name, const std::vector<Record>& records, Rule = {}) {
        key(name);
        out += '[';
        for (std::size_t i = 0; i < records.size(); ++i) {
            if (i > 0) out += ',';
            append_object(out, records[i]);
        }
        out += ']';
    }
};

template <class Record>
void append_object(std::string& out, const Record& record) {
    out += '{';
    ToLine fields{out};
    each_field(record, fields);
    out += '}';
}

// ---- from a document -------------------------------------------------------------------------

// Reads one object's members into a record; a wrong type is a FormatError naming the field.
class FromJson {
public:
    FromJson(const Json& object, std::size_t line, std::string what)
        : object_(object), line_(line), what_(std::move(what)) {
        if (!object_.is_object()) throw FormatError(line_, fmt::format("{} must be an object", what_));
    }

    template <class Value>
    void operator()(const char* key, Value& value, Rule rule = {}) const {
        if (rule.kind != Rule::derived) read(key, value, rule);
    }

private:
    [[noreturn]] void fail(const char* key, const std::string& problem) const {
        throw FormatError(line_, fmt::format("{} field \"{}\": {}", what_, key, problem));
    }

    const Json* find(const char* key) const {
        auto found = object_.find(key);
        if (found == object_.end() || found->is_null()) return nullptr;
        return &*found;
    }

    std::string text(const char* key) const {
        const auto* value = find(key);
        if (!value) return {};
        if (!value->is_string()) fail(key, "expected a string");
        auto out = value->get<std::string>();
        if (!is_valid_utf8(out)) fail(key, "not valid UTF-8");
        return out;
    }

    std::optional<Date> date(const char* key) const {
        auto value = text(key);
        if (value.empty()) return std::nullopt;
        auto parsed = parse_iso_date(value);
        if (!parsed) fail(key, fmt::format("not a YYYY-MM-DD date: \"{}\"", escape_control_characters(value)));
        return *parsed;
    }

    template <class Parsed, class Parse>
    std::optional<Parsed> parsed(const char* key, Parse parse) const {
        auto value = text(key);
        if (value.empty()) return std::nullopt;
        auto result = parse(value);
        if (!result) fail(key, result.error());
        return *result;
    }

    void read(const char* key, std::int64_t& number, Rule rule) const {
        const auto* value = find(key);
        number = 0;
        if (!value) return;
        if (rule.kind == Rule::record_id && value->is_string()) {
            auto id = parse_record_number(rule.record, value->get<std::string>());
            if (!id)
                fail(key, fmt::format("expected {} id such as \"{}\"", record_kind_with_article(rule.record),
                                      format_record_id(rule.record, 12)));
            number = *id;
            return;
        }
        if (!value->is_number_integer()) fail(key, "expected a whole number");
        number = value->get<std::int64_t>();
    }

    void read(const char* key, bool& flag, Rule) const {
        const auto* value = find(key);
        flag = false;
        if (!value) return;
        if (!value->is_boolean()) fail(key, "expected true or false");
        flag = value->get<bool>();
    }

    void read(const char* key, std::string& out, Rule rule) const {
        out = text(key);
        if (rule.kind == Rule::required && out.empty()) fail(key, "missing");
        if (rule.kind == Rule::utc_time && !out.empty() && !is_utc_timestamp(out))
            fail(key, fmt::format("expected a UTC time like 2026-11-22T09:30:00Z, got \"{}\"",
                                  escape_control_characters(out)));
    }

    void read(const char* key, std::vector<std::string>& out, Rule) const {
        out.clear();
        const auto* value = find(key);
        if (!value) return;
        if (!value->is_array()) fail(key, "expected a list of strings");
        for (const auto& item : *value) {
            if (!item.is_string()) fail(key, "expected a list of strings");
            out.push_back(item.get<std::string>());
            if (!is_valid_utf8(out.back())) fail(key, "not valid UTF-8");
        }
    }

    // Field name → UTC time (Contact::changed); which names count is the importer's to say.
    void read(const char* key, std::map<std::string, std::string>& out, Rule) const {
        out.clear();
        const auto* value = find(key);
        if (!value) return;
        if (!value->is_object()) fail(key, "expected an object of UTC times");
        for (const auto& [member, at] : value->items()) {
            if (!at.is_string() || !is_utc_timestamp(at.get<std::string>()) || !is_valid_utf8(member))
                fail(key, fmt::format("expected a UTC time like 2026-11-22T09:30:00Z for \"{}\"",
                                      escape_control_characters(member)));
            out[member] = at.get<std::string>();
        }
    }

    void read(const char* key, Date& out, Rule rule) const {
        if (auto on = date(key))
            out = *on;
        else if (rule.kind == Rule::required)
            fail(key, "missing");
        else if (rule.kind == Rule::defaults_to)
            out = *rule.fallback;
        // else: left at its default, which the importer fills in (ImportRecord)
    }

    void read(const char* key, std::optional<Date>& out, Rule) const { out = date(key); }
    void read(const char* key, std::optional<Birthday>& out, Rule) const {
        out = parsed<Birthday>(key, parse_birthday);
    }
    void read(const char* key, Birthday& out, Rule) const {
        auto date = parsed<Birthday>(key, parse_birthday);
        if (!date) fail(key, "missing");
        out = *date;
    }
    void read(const char* key, std::optional<Photo>& out, Rule) const {
        out.reset();
        auto value = text(key);
        if (value.empty()) return;
        const auto comma = value.find(',');
        const auto meta = std::string_view(value).substr(0, comma == std::string::npos ? 0 : comma);
        std::optional<std::string> data;
        if (meta.starts_with("data:") && meta.ends_with(";base64") && meta.size() > 12)
            data = decode_base64(std::string_view(value).substr(comma + 1));
        if (!data) fail(key, "expected a data:TYPE;base64,… URI");
        out = Photo{std::string(meta.substr(5, meta.size() - 12)), std::move(*data)};
    }
    void read(const char* key, std::optional<Cadence>& out, Rule) const { out = parsed<Cadence>(key, parse_cadence); }
    void read(const char* key, std::optional<Interval>& out, Rule) const {
        out = parsed<Interval>(key, parse_interval);
    }

    template <class Record>
    void read(const char* key, std::vector<Record>& records, Rule) const {
        const auto* list = find(key);
        if (!list) return;
        if (!list->is_array()) fail(key, "expected a list");
        for (const auto& item : *list) {
            FromJson fields(item, line_, what_ + " " + key);
            Record record;
            each_field(record, fields);
            records.push_back(std::move(record));
        }
    }

    const Json& object_;
    std::size_t line_;
    std::string what_;
};

}  // namespace

Json to_json(const Contact& contact) { return document(contact, false); }

Json to_json(const Question& question) {
    Json out{{"id", question.id}, {"text", question.text}, {"source", question.source}};
    if (question.note_id) out["note"] = question.note_id;
    return out;
}

Json to_json(const SearchHit& hit) {
    static const char* const kinds[] = {"note", "interaction", "reminder"};
    std::string snippet;
    for (const auto& run : hit.snippet) snippet += run.text;
    return Json{{"id", search_hit_id(hit)},
                {"kind", kinds[static_cast<int>(hit.kind)]},
                {"date", format_iso(hit.date)},
                {"contact", Json{{"id", hit.contact_id}, {"name", hit.contact_name}, {"archived", hit.contact_archived}}},
                {"snippet", snippet},
                {"text", hit.text}};
}

Json to_json(const ContactDetail& detail) { return document(detail, true); }

Json to_json(const ContactRecord& record) { return document(record, false); }

void append_line(std::string& out, const Contact& contact) { append_object(out, contact); }

void append_line(std::string& out, const ContactRecord& record) { append_object(out, record); }

Json to_json(const Tombstone& tombstone) { return document(tombstone, false); }

void append_line(std::string& out, const Tombstone& tombstone) { append_object(out, tombstone); }

Tombstone tombstone_from_json(const Json& object, std::size_t line) {
    Tombstone tombstone;
    FromJson fields(object, line, "tombstone");
    each_field(tombstone, fields);
    if (tombstone.deleted_at.empty())
        throw FormatError(line, "tombstone field \"deleted_at\": missing");
    const auto& kinds = tombstone_kinds();
    if (std::find(kinds.begin(), kinds.end(), tombstone.kind) == kinds.end())
        throw FormatError(line, fmt::format("tombstone field \"kind\": expected one of {}, got \"{}\"",
                                            join(kinds, ", "), escape_control_characters(tombstone.kind)));
    return tombstone;
}

ContactRecord record_from_json(const Json& object, std::size_t line) {
    ContactRecord record;
    const FromJson fields(object, line, "contact");
    each_field(record, fields);
    return record;
}

std::string dump_line(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string dump_document(const Json& value) { return value.dump(2, ' ', false, Json::error_handler_t::replace); }

}  // namespace kith::json_shape
