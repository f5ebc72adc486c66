// `list` and `show` in every format.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "kith/error.h"
#include "kith/output.h"
#include "kith/text.h"
#include "output/json_model.h"
#include "output/json_writer.h"
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

using json = nlohmann::ordered_json;

std::string field_text(const Contact& c, const std::string& field, const std::string& list_separator) {
    if (field == "id") return std::to_string(c.id);
    if (field == "uuid") return c.uuid;
    if (field == "name") return c.name;
    if (field == "nicknames") return join(c.nicknames, list_separator);
    if (field == "emails") return join(c.emails, list_separator);
    if (field == "phones") return join(c.phones, list_separator);
    if (field == "company") return c.company;
    if (field == "tags") return join(c.tags, list_separator);
    if (field == "birthday") return c.birthday ? format_birthday(*c.birthday) : "";
    if (field == "every") return c.every ? format_cadence(*c.every) : "";
    if (field == "last") return c.last_contacted ? format_iso(*c.last_contacted) : "";
    if (field == "archived") return c.archived ? "yes" : "no";
    if (field == "created") return c.created_at;
    if (field == "updated") return c.updated_at;
    return "";
}

// With explicit --fields, JSON carries just those keys; otherwise the whole record.
json selected_json(const Contact& contact, const std::vector<std::string>& fields, bool all_fields) {
    auto full = output::contact_json(contact);
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

void render_detail_text(std::ostream& out, const ContactDetail& detail, const Style& style, Date today) {
    bool color = style.color;
    const auto& c = detail.contact;
    out << paint(c.name, Tone::bold, color) << "  " << paint(fmt::format("#{}", c.id), Tone::id, color) << '\n';
    auto facts = contact_facts(c, today, false);
    std::size_t width = 0;
    for (const auto& fact : facts) width = std::max(width, fact.first.size());
    for (const auto& [label, value] : facts)
        out << "  " << paint(label, Tone::dim, color) << std::string(width - label.size() + 2, ' ') << value << '\n';
    if (!detail.notes.empty()) {
        out << '\n' << paint(fmt::format("Notes ({})", detail.notes.size()), Tone::heading, color) << '\n';
        for (const auto& note : detail.notes)
            out << "  " << paint(format_iso(note.on), Tone::dim, color) << "  " << indent_continuations(note.text, 14)
                << paint(note_annotations(note), Tone::dim, color) << '\n';
    }
    if (!detail.reminders.empty()) {
        out << '\n' << paint(fmt::format("Reminders ({})", detail.reminders.size()), Tone::heading, color) << '\n';
        for (const auto& reminder : detail.reminders)
            out << "  " << paint(format_iso(reminder.due), Tone::dim, color) << "  "
                << paint(fmt::format("#{}", reminder.id), Tone::id, color) << "  " << reminder.text
                << paint(reminder_annotations(reminder), Tone::dim, color) << '\n';
    }
    if (!detail.interactions.empty()) {
        out << '\n' << paint(fmt::format("Interactions ({})", detail.interactions.size()), Tone::heading, color) << '\n';
        for (const auto& interaction : detail.interactions) {
            std::string line = fmt::format("{:<8}", interaction.channel);
            if (!interaction.summary.empty()) line += "  " + indent_continuations(interaction.summary, 24);
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out << "  " << paint(format_iso(interaction.on), Tone::dim, color) << "  " << line << '\n';
        }
    }
}

void render_detail_md(std::ostream& out, const ContactDetail& detail, Date today) {
    const auto& c = detail.contact;
    out << "# " << output::md_cell(c.name) << " (#" << c.id << ")\n\n";
    for (const auto& [label, value] : contact_facts(c, today, false))
        out << "- **" << label << ":** " << output::md_cell(value) << '\n';
    if (!detail.notes.empty()) {
        out << "\n## Notes\n\n";
        for (const auto& note : detail.notes)
            out << "- **" << format_iso(note.on) << "** " << output::md_cell(note.text) << note_annotations(note) << '\n';
    }
    if (!detail.reminders.empty()) {
        out << "\n## Reminders\n\n";
        for (const auto& reminder : detail.reminders)
            out << "- **" << format_iso(reminder.due) << "** #" << reminder.id << ' ' << output::md_cell(reminder.text)
                << reminder_annotations(reminder) << '\n';
    }
    if (!detail.interactions.empty()) {
        out << "\n## Interactions\n\n";
        for (const auto& interaction : detail.interactions) {
            out << "- **" << format_iso(interaction.on) << "** " << interaction.channel;
            if (!interaction.summary.empty()) out << ": " << output::md_cell(interaction.summary);
            out << '\n';
        }
    }
}

void render_detail_tsv(std::ostream& out, const ContactDetail& detail, Date today) {
    for (const auto& [label, value] : contact_facts(detail.contact, today, true))
        out << label << '\t' << output::tsv_cell(value) << '\n';
    for (const auto& note : detail.notes)
        out << "note\t" << format_iso(note.on) << '\t' << (note.event ? format_iso(*note.event) : "") << '\t'
            << (note.ask ? "ask" : "") << '\t' << join(note.tags, ",") << '\t' << output::tsv_cell(note.text) << '\n';
    for (const auto& reminder : detail.reminders)
        out << "reminder\t" << format_iso(reminder.due) << '\t' << reminder.id << '\t'
            << (reminder.every ? format_interval(*reminder.every) : "") << '\t' << output::tsv_cell(reminder.text) << '\n';
    for (const auto& interaction : detail.interactions)
        out << "interaction\t" << format_iso(interaction.on) << '\t' << interaction.channel << '\t'
            << output::tsv_cell(interaction.summary) << '\n';
}

json detail_json(const ContactDetail& detail) {
    auto out = output::contact_json(detail.contact);
    out["notes"] = json::array();
    for (const auto& note : detail.notes) out["notes"].push_back(output::note_json(note));
    out["interactions"] = json::array();
    for (const auto& interaction : detail.interactions) out["interactions"].push_back(output::interaction_json(interaction));
    out["reminders"] = json::array();
    for (const auto& reminder : detail.reminders) out["reminders"].push_back(output::reminder_json(reminder));
    return out;
}

}  // namespace

ContactListWriter::ContactListWriter(std::ostream& out, const std::vector<std::string>& fields, const Style& style)
    : out_(out), columns_(fields.empty() ? default_list_fields() : fields), all_fields_(fields.empty()), style_(style) {}

void ContactListWriter::add(const Contact& contact, const std::string& sort_key) {
    Row row{sort_key, {}, {}};
    switch (style_.format) {
        case Format::text:
        case Format::plain:
            for (const auto& field : columns_) row.cells.push_back(field_text(contact, field, ", "));
            break;
        case Format::md:
            row.text = "|";
            for (const auto& field : columns_) row.text += ' ' + output::md_cell(field_text(contact, field, ", ")) + " |";
            row.text += '\n';
            break;
        case Format::tsv:
            for (const auto& field : columns_) {
                if (&field != &columns_.front()) row.text += '\t';
                row.text += output::tsv_cell(field_text(contact, field, ","));
            }
            row.text += '\n';
            break;
        case Format::json:
            // An element of the indented array: the object's own dump, every line two spaces in.
            row.text = "  ";
            for (char c : output::dump_document(selected_json(contact, columns_, all_fields_))) {
                row.text += c;
                if (c == '\n') row.text += "  ";
            }
            break;
        case Format::jsonl:
            if (all_fields_) {
                output::JsonWriter json(row.text);
                json.begin_object();
                output::write_contact_fields(json, contact);
                json.end_object();
            } else {
                row.text = output::dump_line(selected_json(contact, columns_, all_fields_));
            }
            row.text += '\n';
            break;
    }
    rows_.push_back(std::move(row));
}

void ContactListWriter::finish() {
    std::vector<std::size_t> order(rows_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return rows_[a].sort_key < rows_[b].sort_key; });
    switch (style_.format) {
        case Format::text:
        case Format::plain: {
            if (rows_.empty()) return;
            std::vector<std::vector<std::string>> cells;
            cells.reserve(rows_.size());
            for (auto i : order) cells.push_back(std::move(rows_[i].cells));
            output::write_table(out_, columns_, cells, style_.color);
            break;
        }
        case Format::md:
            if (rows_.empty()) return;
            out_ << "| " << join(columns_, " | ") << " |\n|";
            for (std::size_t i = 0; i < columns_.size(); ++i) out_ << " --- |";
            out_ << '\n';
            for (auto i : order) out_ << rows_[i].text;
            break;
        case Format::tsv:
        case Format::jsonl:
            for (auto i : order) out_ << rows_[i].text;
            break;
        case Format::json:
            if (rows_.empty()) {
                out_ << "[]\n";
                break;
            }
            out_ << "[\n";
            for (auto i : order) out_ << (i == order.front() ? "" : ",\n") << rows_[i].text;
            out_ << "\n]\n";
            break;
    }
    rows_.clear();
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
        case Format::json: out << output::dump_document(detail_json(detail)) << '\n'; return;
        case Format::jsonl: out << output::dump_line(detail_json(detail)) << '\n'; return;
    }
}

}  // namespace kith
