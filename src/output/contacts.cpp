// `list` and `show` in every format.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "json_shape/json_shape.h"
#include "kith/error.h"
#include "kith/output.h"
#include "kith/record_id.h"
#include "kith/text.h"
#include "output/table.h"

namespace kith {

using output::paint;
using output::Tone;

const std::vector<std::string>& format_names() {
    static const std::vector<std::string> names{"text", "plain", "md", "tsv", "json", "jsonl"};
    return names;
}

std::optional<Format> parse_format(const std::string& name) {
    const auto& names = format_names();
    auto found = std::find(names.begin(), names.end(), name);
    if (found == names.end()) return std::nullopt;
    return static_cast<Format>(found - names.begin());
}

const std::vector<std::string>& contact_field_names() {
    static const std::vector<std::string> names{"id",      "uuid",     "name",  "nicknames", "emails",
                                                "phones",  "company",  "tags",  "birthday",  "every",
                                                "last",    "archived", "created", "updated"};
    return names;
}

const std::vector<std::string>& default_list_fields() {
    static const std::vector<std::string> fields{"id", "name", "company", "tags", "last"};
    return fields;
}

std::vector<std::string> parse_fields(const std::string& text) {
    static const std::map<std::string, std::string> aliases{
        {"email", "emails"}, {"phone", "phones"}, {"tag", "tags"}, {"nickname", "nicknames"},
        {"last_contacted", "last"}, {"created_at", "created"}, {"updated_at", "updated"}};
    std::vector<std::string> fields;
    for (auto field : split(text, ',')) {
        field = trim(field);
        if (auto alias = aliases.find(field); alias != aliases.end()) field = alias->second;
        const auto& known = contact_field_names();
        if (std::find(known.begin(), known.end(), field) == known.end())
            throw usage_error(fmt::format("unknown field \"{}\": expected some of {}", field, join(known, ",")));
        fields.push_back(field);
    }
    return fields;
}

namespace {

using json = json_shape::Json;

// A field by its position in contact_field_names(), looked up once per list rather than
// compared name by name in every cell of 100,000 rows.
enum class Field { id, uuid, name, nicknames, emails, phones, company, tags, birthday, every, last, archived, created, updated };

Field field_named(const std::string& name) {
    const auto& names = contact_field_names();
    return static_cast<Field>(std::find(names.begin(), names.end(), name) - names.begin());
}

std::string field_text(const Contact& c, Field field, const std::string& list_separator) {
    switch (field) {
        case Field::id: return std::to_string(c.id);
        case Field::uuid: return c.uuid;
        case Field::name: return c.name;
        case Field::nicknames: return join(c.nicknames, list_separator);
        case Field::emails: return join(c.emails, list_separator);
        case Field::phones: return join(c.phones, list_separator);
        case Field::company: return c.company;
        case Field::tags: return join(c.tags, list_separator);
        case Field::birthday: return c.birthday ? format_birthday(*c.birthday) : "";
        case Field::every: return c.every ? format_cadence(*c.every) : "";
        case Field::last: return c.last_contacted ? format_iso(*c.last_contacted) : "";
        case Field::archived: return c.archived ? "yes" : "no";
        case Field::created: return c.created_at;
        case Field::updated: return c.updated_at;
    }
    return "";
}

// With explicit --fields, JSON carries just those keys; otherwise the whole record.
json selected_json(const Contact& contact, const std::vector<std::string>& fields, bool all_fields) {
    auto full = json_shape::to_json(contact);
    if (all_fields) return full;
    static const std::map<std::string, std::string> json_key{{"last", "last_contacted"},
                                                             {"created", "created_at"},
                                                             {"updated", "updated_at"}};
    json out;
    for (const auto& field : fields) {
        auto key = json_key.count(field) ? json_key.at(field) : field;
        out[key] = full[key];
    }
    return out;
}

std::string describe_birthday(const Birthday& birthday, Date today) {
    auto text = format_birthday(birthday);
    if (auto age = age_on(birthday, today)) text += fmt::format(" (age {})", *age);
    return text;
}

std::string days_ago(Date date, Date today) {
    auto days = days_between(date, today);
    if (days == 0) return "today";
    if (days == 1) return "yesterday";
    return fmt::format("{} days ago", days);
}

// The facts about a person, as label/value pairs, for text, md and tsv.
std::vector<std::pair<std::string, std::string>> contact_facts(const Contact& c, Date today, bool machine) {
    std::vector<std::pair<std::string, std::string>> facts;
    auto add = [&](const std::string& label, const std::string& value) {
        if (!value.empty() || machine) facts.emplace_back(label, value);
    };
    if (machine) {
        add("id", std::to_string(c.id));
        add("uuid", c.uuid);
        add("name", c.name);
    }
    add("nicknames", join(c.nicknames, machine ? "," : ", "));
    add("company", c.company);
    add("emails", join(c.emails, machine ? "," : ", "));
    add("phones", join(c.phones, machine ? "," : ", "));
    add("tags", join(c.tags, machine ? "," : ", "));
    add("birthday", c.birthday ? (machine ? format_birthday(*c.birthday) : describe_birthday(*c.birthday, today)) : "");
    add("every", c.every ? format_cadence(*c.every) : "");
    if (machine)
        add("last", c.last_contacted ? format_iso(*c.last_contacted) : "");
    else
        add("last spoke", c.last_contacted ? fmt::format("{} ({})", format_iso(*c.last_contacted),
                                                         days_ago(*c.last_contacted, today))
                                           : "never");
    if (machine || c.archived) add("archived", c.archived ? "yes" : "no");
    if (machine)
        add("snoozed_until", c.snoozed_until ? format_iso(*c.snoozed_until) : "");
    else if (c.snoozed_until && days_between(today, *c.snoozed_until) > 0)
        add("snoozed", fmt::format("until {} (left out of due)", format_iso(*c.snoozed_until)));
    return facts;
}

// An address on one line: its parts that are there, in ADR's order, comma-separated.
std::string joined_address(const PostalAddress& address) {
    std::vector<std::string> parts;
    for (const auto& part : address.parts)
        if (!part.empty()) parts.push_back(part);
    return join(parts, ", ");
}

std::string labelled(const std::string& value, const std::string& label) {
    return label.empty() ? value : fmt::format("{} ({})", value, label);
}

// What a card said beyond kith's own fields, as label/value pairs after the contact's facts:
// only what is there, for every format.
std::vector<std::pair<std::string, std::string>> card_facts(const ContactDetail& detail, Date today, bool machine) {
    std::vector<std::pair<std::string, std::string>> facts;
    const auto& card = detail.card;
    auto add = [&](const std::string& label, const std::string& value) {
        if (!value.empty()) facts.emplace_back(label, value);
    };
    if (!card.name_prefix.empty() || !card.name_suffix.empty()) {
        std::vector<std::string> words;
        for (const auto* word : {&card.name_prefix, &detail.contact.name, &card.name_suffix})
            if (!word->empty()) words.push_back(*word);
        add(machine ? "full_name" : "full name", join(words, " "));
    }
    add("title", card.title);
    add("role", card.role);
    add("department", card.department);
    for (const auto& address : card.addresses) add("address", labelled(joined_address(address), address.label));
    for (const auto& url : card.urls) add("url", labelled(url.value, url.label));
    for (const auto& related : card.related) add(related.label.empty() ? "related" : related.label, related.value);
    for (const auto& event : card.events) {
        auto text = format_birthday(event.date);
        if (!machine) {
            if (auto years = age_on(event.date, today)) text += fmt::format(" ({} years)", *years);
        }
        add(event.label.empty() ? "date" : event.label, text);
    }
    if (detail.has_photo) add("photo", "yes");
    if (!card.other_properties.empty())
        add(machine ? "other_vcard_properties" : "kept from card",
            machine ? std::to_string(card.other_properties.size())
                    : fmt::format("{} other propert{}", card.other_properties.size(),
                                  card.other_properties.size() == 1 ? "y" : "ies"));
    return facts;
}

// The contact's facts and then their card's.
std::vector<std::pair<std::string, std::string>> detail_facts(const ContactDetail& detail, Date today, bool machine) {
    auto facts = contact_facts(detail.contact, today, machine);
    auto card = card_facts(detail, today, machine);
    facts.insert(facts.end(), card.begin(), card.end());
    return facts;
}

std::string note_annotations(const Note& note) {
    std::string text;
    if (note.event) text += fmt::format(" (event {})", format_iso(*note.event));
    if (note.ask) text += " (to ask)";
    return text;
}

std::string reminder_annotations(const Reminder& reminder) {
    std::string text;
    if (reminder.every) text += fmt::format(" (every {})", format_interval(*reminder.every));
    if (reminder.snoozed_until) text += fmt::format(" (snoozed until {})", format_iso(*reminder.snoozed_until));
    return text;
}

// Continuation lines of multi-line text line up under the first.
std::string indent_continuations(const std::string& text, std::size_t indent) {
    std::string out;
    for (char c : text) {
        out += c;
        if (c == '\n') out += std::string(indent, ' ');
    }
    return out;
}

// The ids of a section's records, padded to the widest so the text after them lines up.
template <class Record>
std::size_t id_width(const std::vector<Record>& records, RecordKind kind) {
    std::size_t width = 0;
    for (const auto& record : records) width = std::max(width, format_record_id(kind, record.id).size());
    return width;
}

std::string padded_id(RecordKind kind, std::int64_t id, std::size_t width) {
    auto text = format_record_id(kind, id);
    return text + std::string(width - text.size(), ' ');
}

void render_detail_text(std::ostream& out, const ContactDetail& detail, const Style& style, Date today) {
    bool color = style.color;
    const auto& c = detail.contact;
    out << paint(c.name, Tone::bold, color) << "  " << paint(fmt::format("#{}", c.id), Tone::id, color) << '\n';
    auto facts = detail_facts(detail, today, false);
    std::size_t width = 0;
    for (const auto& fact : facts) width = std::max(width, fact.first.size());
    for (const auto& [label, value] : facts)
        out << "  " << paint(label, Tone::dim, color) << std::string(width - label.size() + 2, ' ') << value << '\n';
    // Each record: "  DATE  ID  text", continuation lines under the text.
    constexpr std::size_t date_columns = 2 + 10 + 2;
    if (!detail.notes.empty()) {
        out << '\n' << paint(fmt::format("Notes ({})", detail.notes.size()), Tone::heading, color) << '\n';
        auto ids = id_width(detail.notes, RecordKind::note);
        for (const auto& note : detail.notes)
            out << "  " << paint(format_iso(note.on), Tone::dim, color) << "  "
                << paint(padded_id(RecordKind::note, note.id, ids), Tone::id, color) << "  "
                << indent_continuations(note.text, date_columns + ids + 2)
                << paint(note_annotations(note), Tone::dim, color) << '\n';
    }
    if (!detail.reminders.empty()) {
        out << '\n' << paint(fmt::format("Reminders ({})", detail.reminders.size()), Tone::heading, color) << '\n';
        auto ids = id_width(detail.reminders, RecordKind::reminder);
        for (const auto& reminder : detail.reminders)
            out << "  " << paint(format_iso(reminder.due), Tone::dim, color) << "  "
                << paint(padded_id(RecordKind::reminder, reminder.id, ids), Tone::id, color) << "  "
                << indent_continuations(reminder.text, date_columns + ids + 2)
                << paint(reminder_annotations(reminder), Tone::dim, color) << '\n';
    }
    if (!detail.interactions.empty()) {
        out << '\n' << paint(fmt::format("Interactions ({})", detail.interactions.size()), Tone::heading, color) << '\n';
        auto ids = id_width(detail.interactions, RecordKind::interaction);
        for (const auto& interaction : detail.interactions) {
            std::string line = fmt::format("{:<8}", interaction.channel);
            if (!interaction.summary.empty())
                line += "  " + indent_continuations(interaction.summary, date_columns + ids + 2 + 10);
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out << "  " << paint(format_iso(interaction.on), Tone::dim, color) << "  "
                << paint(padded_id(RecordKind::interaction, interaction.id, ids), Tone::id, color) << "  " << line
                << '\n';
        }
    }
}

void render_detail_md(std::ostream& out, const ContactDetail& detail, Date today) {
    const auto& c = detail.contact;
    out << "# " << output::md_cell(c.name) << " (#" << c.id << ")\n\n";
    for (const auto& [label, value] : detail_facts(detail, today, false))
        out << "- **" << label << ":** " << output::md_cell(value) << '\n';
    if (!detail.notes.empty()) {
        out << "\n## Notes\n\n";
        for (const auto& note : detail.notes)
            out << "- **" << format_iso(note.on) << "** `" << format_record_id(RecordKind::note, note.id) << "` "
                << output::md_cell(note.text) << note_annotations(note) << '\n';
    }
    if (!detail.reminders.empty()) {
        out << "\n## Reminders\n\n";
        for (const auto& reminder : detail.reminders)
            out << "- **" << format_iso(reminder.due) << "** `" << format_record_id(RecordKind::reminder, reminder.id)
                << "` " << output::md_cell(reminder.text) << reminder_annotations(reminder) << '\n';
    }
    if (!detail.interactions.empty()) {
        out << "\n## Interactions\n\n";
        for (const auto& interaction : detail.interactions) {
            out << "- **" << format_iso(interaction.on) << "** `"
                << format_record_id(RecordKind::interaction, interaction.id) << "` " << interaction.channel;
            if (!interaction.summary.empty()) out << ": " << output::md_cell(interaction.summary);
            out << '\n';
        }
    }
}

// A row per record: kind, date, id, then the kind's own columns.
void render_detail_tsv(std::ostream& out, const ContactDetail& detail, Date today) {
    for (const auto& [label, value] : detail_facts(detail, today, true))
        out << label << '\t' << output::tsv_cell(value) << '\n';
    for (const auto& note : detail.notes)
        out << "note\t" << format_iso(note.on) << '\t' << format_record_id(RecordKind::note, note.id) << '\t'
            << (note.event ? format_iso(*note.event) : "") << '\t' << (note.ask ? "ask" : "") << '\t'
            << join(note.tags, ",") << '\t' << output::tsv_cell(note.text) << '\n';
    for (const auto& reminder : detail.reminders)
        out << "reminder\t" << format_iso(reminder.due) << '\t' << format_record_id(RecordKind::reminder, reminder.id)
            << '\t' << (reminder.every ? format_interval(*reminder.every) : "") << '\t'
            << output::tsv_cell(reminder.text) << '\n';
    for (const auto& interaction : detail.interactions)
        out << "interaction\t" << format_iso(interaction.on) << '\t'
            << format_record_id(RecordKind::interaction, interaction.id) << '\t' << interaction.channel << '\t'
            << output::tsv_cell(interaction.summary) << '\n';
}

}  // namespace

ContactListWriter::ContactListWriter(std::ostream& out, const std::vector<std::string>& fields, const Style& style)
    : out_(out), columns_(fields.empty() ? default_list_fields() : fields), all_fields_(fields.empty()), style_(style) {
    for (const auto& column : columns_) field_ids_.push_back(static_cast<int>(field_named(column)));
}

std::string_view ContactListWriter::keep(std::string_view bytes) {
    constexpr std::size_t block = 1 << 20;
    if (bytes.empty()) return {};
    if (blocks_.empty() || block_used_ + bytes.size() > block_size_) {
        block_size_ = std::max(block, bytes.size());
        blocks_.push_back(std::make_unique_for_overwrite<char[]>(block_size_));
        block_used_ = 0;
    }
    char* at = blocks_.back().get() + block_used_;
    std::copy(bytes.begin(), bytes.end(), at);
    block_used_ += bytes.size();
    return {at, bytes.size()};
}

void ContactListWriter::add(const Contact& contact, const std::string& sort_key) {
    std::string& text = scratch_;
    text.clear();
    Row row;
    switch (style_.format) {
        case Format::text:
        case Format::plain: {
            std::vector<std::string> cells;
            for (const int field : field_ids_) cells.push_back(field_text(contact, Field(field), ", "));
            row.cells = cells_.size();
            cells_.push_back(std::move(cells));
            break;
        }
        case Format::md:
            text = "|";
            for (const int field : field_ids_) text += ' ' + output::md_cell(field_text(contact, Field(field), ", ")) + " |";
            text += '\n';
            break;
        case Format::tsv:
            for (std::size_t i = 0; i < field_ids_.size(); ++i) {
                if (i > 0) text += '\t';
                output::append_tsv_cell(text, field_text(contact, Field(field_ids_[i]), ","));
            }
            text += '\n';
            break;
        case Format::json:
            // An element of the indented array: the object's own dump, every line two spaces in.
            text = "  ";
            for (char c : json_shape::dump_document(selected_json(contact, columns_, all_fields_))) {
                text += c;
                if (c == '\n') text += "  ";
            }
            break;
        case Format::jsonl:
            if (all_fields_)
                json_shape::append_line(text, contact);
            else
                text = json_shape::dump_line(selected_json(contact, columns_, all_fields_));
            text += '\n';
            break;
    }
    row.sort_key = keep(sort_key);
    row.text = keep(text);
    rows_.push_back(row);
}

void ContactListWriter::finish() {
    std::stable_sort(rows_.begin(), rows_.end(), [](const Row& a, const Row& b) { return a.sort_key < b.sort_key; });
    switch (style_.format) {
        case Format::text:
        case Format::plain: {
            if (rows_.empty()) return;
            std::vector<std::vector<std::string>> cells;
            cells.reserve(rows_.size());
            for (const auto& row : rows_) cells.push_back(std::move(cells_[row.cells]));
            output::write_table(out_, columns_, cells, style_.color);
            break;
        }
        case Format::md:
            if (rows_.empty()) return;
            out_ << "| " << join(columns_, " | ") << " |\n|";
            for (std::size_t i = 0; i < columns_.size(); ++i) out_ << " --- |";
            out_ << '\n';
            for (const auto& row : rows_) out_ << row.text;
            break;
        case Format::tsv:
        case Format::jsonl:
            for (const auto& row : rows_) out_ << row.text;
            break;
        case Format::json:
            if (rows_.empty()) {
                out_ << "[]\n";
                break;
            }
            out_ << "[\n";
            for (std::size_t i = 0; i < rows_.size(); ++i) out_ << (i == 0 ? "" : ",\n") << rows_[i].text;
            out_ << "\n]\n";
            break;
    }
    rows_.clear();
    cells_.clear();
    blocks_.clear();
    block_used_ = block_size_ = 0;
}

void render_contact_list(std::ostream& out, const std::vector<Contact>& contacts, const std::vector<std::string>& fields,
                         const Style& style, Date /*today*/) {
    ContactListWriter writer(out, fields, style);
    for (const auto& contact : contacts) writer.add(contact, "");
    writer.finish();
}

void render_contact_detail(std::ostream& out, const ContactDetail& detail, const Style& style, Date today) {
    switch (style.format) {
        case Format::text:
        case Format::plain: render_detail_text(out, detail, style, today); return;
        case Format::md: render_detail_md(out, detail, today); return;
        case Format::tsv: render_detail_tsv(out, detail, today); return;
        case Format::json: out << json_shape::dump_document(json_shape::to_json(detail)) << '\n'; return;
        case Format::jsonl: out << json_shape::dump_line(json_shape::to_json(detail)) << '\n'; return;
    }
}

}  // namespace kith
