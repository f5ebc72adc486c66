// `kith due` in every format. Reason sentences are written here, from the core's facts.
#include <fmt/format.h>

#include <algorithm>

#include "json_shape/json_shape.h"
#include "kith/due.h"
#include "kith/output.h"
#include "kith/text.h"
#include "output/reasons.h"
#include "output/table.h"

namespace kith {

using output::paint;
using output::Tone;

using json = json_shape::Json;

namespace {

// "Wed" within the coming week, else "Sat Dec 5".
std::string when_ahead(Date date, Date today) {
    int days = days_between(today, date);
    if (days == 0) return "today";
    if (days == 1) return "tomorrow";
    if (days < 7) return weekday_short(date);
    return fmt::format("{} {}", weekday_short(date), format_iso(date));
}

}  // namespace

namespace output {

std::string plural(int n, const char* unit) { return fmt::format("{} {}{}", n, unit, n == 1 ? "" : "s"); }

// A note's text in one short line, for a reason.
std::string excerpt(const std::string& text) {
    std::string line = text.substr(0, text.find('\n'));
    constexpr std::size_t max_bytes = 60;
    if (line.size() <= max_bytes && line.size() == text.size()) return line;
    std::size_t cut = std::min(line.size(), max_bytes);
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
    return trim(line.substr(0, cut)) + "…";
}

// "today", "yesterday", "5 days ago", "3 weeks ago"
std::string since(Date noted, Date today) {
    const int days = days_between(noted, today);
    if (days <= 0) return "today";
    if (days == 1) return "yesterday";
    if (days < 21) return plural(days, "day") + " ago";
    return plural(days / 7, "week") + " ago";
}

std::string promise_when(const DueReason& reason, Date today) {
    if (!reason.deadline) return "noted " + since(reason.noted, today);
    const int late = days_between(*reason.deadline, today);
    if (late <= 0) return "due " + when_ahead(*reason.deadline, today);
    return fmt::format("{} late: due {}", plural(late, "day"), format_iso(*reason.deadline));
}

std::string care_line(const DueReason& reason) {
    return reason.loss ? std::string("check in after their loss") : "check in gently: " + excerpt(reason.text);
}

std::string anniversary_name(const DueReason& reason) { return event_name(reason.label); }

std::string anniversary_line(const DueReason& reason) {
    auto text = anniversary_name(reason);
    if (reason.years && *reason.years > 0) text += fmt::format(" ({})", plural(*reason.years, "year"));
    return text;
}

std::string last_spoke(const DueReason& reason) {
    return reason.last_spoke ? fmt::format("last spoke {}", format_iso(*reason.last_spoke))
                             : fmt::format("never logged, added {}", format_iso(reason.added_on));
}

}  // namespace output

using output::excerpt;
using output::last_spoke;
using output::plural;
using output::reason_json;
using output::since;

std::string describe_reason(const DueReason& reason, Date today) {
    switch (reason.kind) {
        case DueReason::Kind::birthday: {
            auto text = fmt::format("birthday {}", when_ahead(reason.date, today));
            if (reason.turning && *reason.turning > 0) text += fmt::format(" (turns {})", *reason.turning);
            return text;
        }
        case DueReason::Kind::anniversary: {
            // "wedding anniversary Tue (11 years)": the day goes after the name, before the years.
            auto text = fmt::format("{} {}", output::anniversary_name(reason), when_ahead(reason.date, today));
            if (reason.years && *reason.years > 0) text += fmt::format(" ({})", plural(*reason.years, "year"));
            return text;
        }
        case DueReason::Kind::reminder: {
            auto late = reason.days_late == 0  ? std::string("due today")
                        : reason.days_late < 0 ? "coming up " + when_ahead(reason.date, today)
                                               : plural(reason.days_late, "day") + " late";
            return fmt::format("reminder r{}: {} ({})", reason.source_id, excerpt(reason.text), late);
        }
        case DueReason::Kind::checkin: {
            auto detail = fmt::format("every {}, {}", format_cadence(*reason.cadence), last_spoke(reason));
            if (reason.days_late == 0) return fmt::format("check-in due today ({})", detail);
            if (!reason.overdue) return fmt::format("check-in due since {} ({})", format_iso(reason.date), detail);
            return fmt::format("check-in {} overdue ({})", plural(reason.days_overdue, "day"), detail);
        }
        case DueReason::Kind::event_ahead:
            return fmt::format("coming up {}: {}", when_ahead(reason.date, today), excerpt(reason.text));
        case DueReason::Kind::event_passed:
            return fmt::format("follow up: {} was {}", excerpt(reason.text), format_iso(reason.date));
        case DueReason::Kind::promise:
            return fmt::format("you promised: {} ({})", excerpt(reason.text), output::promise_when(reason, today));
        case DueReason::Kind::mistake:
            return fmt::format("check all is well again after: {} (noted {})", excerpt(reason.text),
                               since(reason.noted, today));
        case DueReason::Kind::care:
            return fmt::format("{} (noted {})", output::care_line(reason), since(reason.noted, today));
    }
    return {};
}

const char* output::kind_name(DueReason::Kind kind) {
    switch (kind) {
        case DueReason::Kind::birthday: return "birthday";
        case DueReason::Kind::anniversary: return "anniversary";
        case DueReason::Kind::reminder: return "reminder";
        case DueReason::Kind::checkin: return "checkin";
        case DueReason::Kind::event_ahead: return "event";
        case DueReason::Kind::event_passed: return "follow_up";
        case DueReason::Kind::promise: return "promise";
        case DueReason::Kind::mistake: return "mistake";
        case DueReason::Kind::care: return "care";
    }
    return "";
}

namespace {

json entry_json(const DueEntry& entry, Date today) {
    json out;
    out["id"] = entry.contact.id;
    out["uuid"] = entry.contact.uuid;
    out["name"] = entry.contact.name;
    out["company"] = entry.contact.company;
    out["tags"] = entry.contact.tags;
    out["reasons"] = json::array();
    for (const auto& reason : entry.reasons) out["reasons"].push_back(reason_json(reason, today));
    out["questions"] = json::array();
    for (const auto& question : entry.questions) out["questions"].push_back(json_shape::to_json(question));
    out["feedback"] = entry.feedback;
    return out;
}

// "8 people to reach out to (showing 5)" when the limit cut the list.
std::string heading(std::size_t shown, DueTotal total, Date today) {
    const std::size_t count = std::max(shown, total.people);
    auto people = count == 1 ? std::string("1 person") : fmt::format("{}{} people", count, total.at_least ? "+" : "");
    auto text = fmt::format("{} {}: {} to reach out to", weekday_short(today), format_iso(today), people);
    if (count > shown) text += fmt::format(" (showing {})", shown);
    return text;
}

std::string nobody(Date today) { return fmt::format("Nobody is due today ({}).", format_iso(today)); }

void render_text(std::ostream& out, const std::vector<DueEntry>& entries, DueTotal total, const Style& style,
                 Date today) {
    bool color = style.color;
    out << paint(heading(entries.size(), total, today), Tone::dim, color) << '\n';
    for (const auto& entry : entries) {
        out << '\n' << paint(entry.contact.name, Tone::bold, color) << "  "
            << paint(fmt::format("#{}", entry.contact.id), Tone::id, color);
        if (!entry.contact.company.empty()) out << "  " << paint(entry.contact.company, Tone::dim, color);
        out << '\n';
        for (const auto& reason : entry.reasons) {
            bool late = reason.days_late > 0 && reason.kind != DueReason::Kind::event_passed;
            out << "  " << paint(describe_reason(reason, today), late ? Tone::warn : Tone::none, color) << '\n';
        }
        for (const auto& said : entry.feedback)
            out << "  " << paint("last time:", Tone::dim, color) << ' ' << said << '\n';
        for (const auto& question : entry.questions)
            out << "  " << paint("ask:", Tone::dim, color) << ' ' << question.text << ' '
                << paint(fmt::format("[{}]", question.id), Tone::dim, color) << '\n';
    }
}

void render_md(std::ostream& out, const std::vector<DueEntry>& entries, DueTotal total, Date today) {
    out << "# " << heading(entries.size(), total, today) << '\n';
    for (const auto& entry : entries) {
        out << "\n## " << output::md_cell(entry.contact.name) << " (#" << entry.contact.id << ")\n\n";
        for (const auto& reason : entry.reasons) out << "- " << output::md_cell(describe_reason(reason, today)) << '\n';
        for (const auto& said : entry.feedback) out << "- Last time: " << output::md_cell(said) << '\n';
        for (const auto& question : entry.questions)
            out << "- **Ask:** " << output::md_cell(question.text) << " `" << question.id << "`\n";
    }
}

}  // namespace

json output::reason_json(const DueReason& reason, Date today) {
    json out;
    out["kind"] = output::kind_name(reason.kind);
    out["date"] = format_iso(reason.date);
    out["days_late"] = reason.days_late;
    out["summary"] = describe_reason(reason, today);
    if (reason.kind == DueReason::Kind::reminder) out["reminder_id"] = reason.source_id;
    if (reason.kind == DueReason::Kind::event_ahead || reason.kind == DueReason::Kind::event_passed ||
        reason.kind == DueReason::Kind::promise || reason.kind == DueReason::Kind::mistake ||
        reason.kind == DueReason::Kind::care)
        out["note_id"] = reason.source_id;
    if (reason.deadline) out["deadline"] = format_iso(*reason.deadline);
    if (!reason.text.empty()) out["text"] = reason.text;
    if (reason.turning) out["turning"] = *reason.turning;
    if (reason.kind == DueReason::Kind::anniversary) {
        out["label"] = reason.label;  // as the card has it; "summary" says it in words
        out["years"] = reason.years && *reason.years > 0 ? json(*reason.years) : json(nullptr);
    }
    if (reason.cadence) out["every"] = format_cadence(*reason.cadence);
    if (reason.kind == DueReason::Kind::checkin)
        out["last_spoke"] = reason.last_spoke ? json(format_iso(*reason.last_spoke)) : json(nullptr);
    if (reason.every) out["recurs"] = format_interval(*reason.every);
    return out;
}

void render_due(std::ostream& out, const std::vector<DueEntry>& entries, const Style& style, Date today, bool quiet,
                DueTotal total) {
    if (entries.empty() && quiet) return;  // cron mails only non-empty output
    switch (style.format) {
        case Format::text:
        case Format::plain:
            if (entries.empty()) {
                out << nobody(today) << '\n';
                return;
            }
            render_text(out, entries, total, style, today);
            return;
        case Format::md:
            if (entries.empty()) {
                out << nobody(today) << '\n';
                return;
            }
            render_md(out, entries, total, today);
            return;
        case Format::tsv:
            for (const auto& entry : entries) {
                std::vector<std::string> reasons;
                for (const auto& reason : entry.reasons) reasons.push_back(describe_reason(reason, today));
                out << entry.contact.id << '\t' << output::tsv_cell(entry.contact.name) << '\t'
                    << output::tsv_cell(join(reasons, "; ")) << '\t'
                    << (entry.questions.empty() ? "" : output::tsv_cell(entry.questions.front().text)) << '\n';
            }
            return;
        case Format::json: {
            json document;
            document["today"] = format_iso(today);
            document["people"] = json::array();
            for (const auto& entry : entries) document["people"].push_back(entry_json(entry, today));
            document["total"] = std::max(entries.size(), total.people);
            out << json_shape::dump_document(document) << '\n';
            return;
        }
        case Format::jsonl:
            for (const auto& entry : entries) out << json_shape::dump_line(entry_json(entry, today)) << '\n';
            return;
    }
}

}  // namespace kith
