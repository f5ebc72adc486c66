// `kith agenda` in every format: the days ahead, a heading per day. It decides nothing.
#include <fmt/format.h>

#include <ostream>
#include <string>
#include <vector>

#include "json_shape/json_shape.h"
#include "kith/output.h"
#include "kith/text.h"
#include "output/reasons.h"
#include "output/table.h"

namespace kith {

using output::paint;
using output::Tone;

namespace {

using json = json_shape::Json;

// "2 weeks", "10 days", "week" (as in "the next week")
std::string span(Interval within) {
    const char* unit = "day";
    switch (within.unit) {
        case Interval::Unit::days: unit = "day"; break;
        case Interval::Unit::weeks: unit = "week"; break;
        case Interval::Unit::months: unit = "month"; break;
        case Interval::Unit::years: unit = "year"; break;
    }
    return within.count == 1 ? std::string(unit) : output::plural(within.count, unit);
}

// What is on the day, said under the day's heading (so no date in it).
std::string describe_item(const DueReason& reason, Date today) {
    switch (reason.kind) {
        case DueReason::Kind::birthday:
            return reason.turning && *reason.turning > 0 ? fmt::format("birthday (turns {})", *reason.turning)
                                                         : std::string("birthday");
        case DueReason::Kind::anniversary:
            return output::anniversary_line(reason);
        case DueReason::Kind::reminder:
            return fmt::format("reminder r{}: {}{}", reason.source_id, output::excerpt(reason.text),
                               reason.every ? " (every " + format_interval(*reason.every) + ")" : "");
        case DueReason::Kind::promise:
            return fmt::format("you promised: {} ({})", output::excerpt(reason.text),
                               reason.deadline ? "deadline" : "noted " + output::since(reason.noted, today));
        case DueReason::Kind::care:
            return fmt::format("{} (noted {})", output::care_line(reason), output::since(reason.noted, today));
        case DueReason::Kind::mistake:
            return fmt::format("check all is well again after: {} (noted {})", output::excerpt(reason.text),
                               output::since(reason.noted, today));
        case DueReason::Kind::event_ahead:
        case DueReason::Kind::event_passed:
            return "coming up: " + output::excerpt(reason.text);
        case DueReason::Kind::checkin:
            return fmt::format("check-in due (every {}, {})", format_cadence(*reason.cadence), output::last_spoke(reason));
    }
    return {};
}

// "Sun 2026-11-22 (today)"
std::string day_heading(Date day, Date today) {
    auto text = fmt::format("{} {}", weekday_short(day), format_iso(day));
    const int ahead = days_between(today, day);
    if (ahead == 0) text += " (today)";
    if (ahead == 1) text += " (tomorrow)";
    return text;
}

std::string heading(const Agenda& agenda) {
    const auto count = agenda.items.size();
    return fmt::format("The next {}, {} to {}: {}{}", span(agenda.within), format_iso(agenda.today),
                       format_iso(agenda.until), count == 1 ? std::string("1 thing") : fmt::format("{} things", count),
                       agenda.more ? " (the first; --limit for more)" : "");
}

std::string nothing(const Agenda& agenda) { return fmt::format("Nothing in the next {}.", span(agenda.within)); }

// "3 people late: see kith due"; empty when nobody is.
std::string late_line(const Agenda& agenda, const std::string& command) {
    if (agenda.late.people == 0) return {};
    const auto people = agenda.late.people == 1 && !agenda.late.at_least
                            ? std::string("1 person")
                            : fmt::format("{}{} people", agenda.late.people, agenda.late.at_least ? "+" : "");
    return fmt::format("{} late: see {}", people, command);
}

// The items, split into days: [begin, end) of each day in order.
template <class Each>
void for_each_day(const Agenda& agenda, Each each) {
    std::size_t begin = 0;
    while (begin < agenda.items.size()) {
        std::size_t end = begin;
        while (end < agenda.items.size() && agenda.items[end].reason.date == agenda.items[begin].reason.date) ++end;
        each(agenda.items[begin].reason.date, begin, end);
        begin = end;
    }
}

json item_json(const AgendaItem& item, Date today) {
    json out = output::reason_json(item.reason, today);
    out["contact"] = {{"id", item.contact.id}, {"uuid", item.contact.uuid}, {"name", item.contact.name}};
    out["line"] = describe_item(item.reason, today);
    return out;
}

void render_text(std::ostream& out, const Agenda& agenda, bool color) {
    if (agenda.items.empty()) out << nothing(agenda) << '\n';
    else out << paint(heading(agenda), Tone::dim, color) << '\n';
    if (auto late = late_line(agenda, "kith due"); !late.empty()) out << paint(late, Tone::warn, color) << '\n';
    for_each_day(agenda, [&](Date day, std::size_t begin, std::size_t end) {
        out << '\n' << paint(day_heading(day, agenda.today), Tone::heading, color) << '\n';
        for (std::size_t i = begin; i < end; ++i) {
            const auto& item = agenda.items[i];
            out << "  " << paint(item.contact.name, Tone::bold, color) << ' '
                << paint(fmt::format("#{}", item.contact.id), Tone::id, color) << "  "
                << describe_item(item.reason, agenda.today) << '\n';
        }
    });
}

// Fit to mail: a heading per day and a bullet per item.
void render_md(std::ostream& out, const Agenda& agenda) {
    out << "# " << (agenda.items.empty() ? nothing(agenda) : heading(agenda)) << '\n';
    if (auto late = late_line(agenda, "`kith due`"); !late.empty()) out << '\n' << late << ".\n";
    for_each_day(agenda, [&](Date day, std::size_t begin, std::size_t end) {
        out << "\n## " << day_heading(day, agenda.today) << "\n\n";
        for (std::size_t i = begin; i < end; ++i) {
            const auto& item = agenda.items[i];
            out << "- **" << output::md_cell(item.contact.name) << "** (#" << item.contact.id
                << "): " << output::md_cell(describe_item(item.reason, agenda.today)) << '\n';
        }
    });
}

}  // namespace

void render_agenda(std::ostream& out, const Agenda& agenda, const Style& style) {
    const bool empty = agenda.items.empty() && agenda.late.people == 0;
    switch (style.format) {
        case Format::text:
            render_text(out, agenda, style.color);
            return;
        case Format::plain:
            if (!empty) render_text(out, agenda, false);  // a real empty result is silent, for cron
            return;
        case Format::md:
            render_md(out, agenda);
            return;
        case Format::tsv:
            for (const auto& item : agenda.items)
                out << format_iso(item.reason.date) << '\t' << output::kind_name(item.reason.kind)
                    << '\t' << item.contact.id << '\t' << output::tsv_cell(item.contact.name) << '\t'
                    << output::tsv_cell(describe_item(item.reason, agenda.today)) << '\n';
            return;
        case Format::json: {
            json document;
            document["today"] = format_iso(agenda.today);
            document["until"] = format_iso(agenda.until);
            document["late"] = agenda.late.people;
            document["late_at_least"] = agenda.late.at_least;
            document["more"] = agenda.more;
            document["days"] = json::array();
            for_each_day(agenda, [&](Date day, std::size_t begin, std::size_t end) {
                json items = json::array();
                for (std::size_t i = begin; i < end; ++i) items.push_back(item_json(agenda.items[i], agenda.today));
                document["days"].push_back({{"date", format_iso(day)}, {"weekday", weekday_short(day)}, {"items", items}});
            });
            out << json_shape::dump_document(document) << '\n';
            return;
        }
        case Format::jsonl:
            for (const auto& item : agenda.items) out << json_shape::dump_line(item_json(item, agenda.today)) << '\n';
            return;
    }
}

}  // namespace kith
