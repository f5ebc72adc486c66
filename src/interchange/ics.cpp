// iCalendar export (RFC 5545, SPEC §7): birthdays, anniversaries and open reminders as all-day VEVENTs that
// calendar apps subscribe to. Output depends only on the records (UIDs from uuids, DTSTAMP from
// updated_at), so exporting twice gives identical files.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "interchange/content_line.h"
#include "kith/dates.h"
#include "kith/interchange.h"

namespace kith::interchange {
namespace {

using namespace std::chrono;

bool digits(std::string_view text) {
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return !text.empty();
}

// 2026-11-22T09:30:00Z -> 20261122T093000Z; anything else (a record never saved) -> the epoch,
// so the output stays reproducible.
std::string dtstamp(std::string_view updated_at) {
    const auto t = updated_at;
    if (t.size() == 20 && t[4] == '-' && t[7] == '-' && t[10] == 'T' && t[13] == ':' && t[16] == ':' && t[19] == 'Z' &&
        digits(t.substr(0, 4)) && digits(t.substr(5, 2)) && digits(t.substr(8, 2)) && digits(t.substr(11, 2)) &&
        digits(t.substr(14, 2)) && digits(t.substr(17, 2)))
        return fmt::format("{}{}{}T{}{}{}Z", t.substr(0, 4), t.substr(5, 2), t.substr(8, 2), t.substr(11, 2),
                           t.substr(14, 2), t.substr(17, 2));
    return "19700101T000000Z";
}

std::string ical_date(Date date) {
    return fmt::format("{:04}{:02}{:02}", int{date.year()}, unsigned{date.month()}, unsigned{date.day()});
}

// 28,29,30 for day 30: the last of these the month has is the day kith moves a reminder to
// (Jan 30, Feb 28, Mar 30).
std::string month_end_days(unsigned day) {
    std::string days = "28";
    for (unsigned d = 29; d <= day; ++d) days += fmt::format(",{}", d);
    return days;
}

// kith steps months and years from the first due date, clamping to the month's end; RRULE
// would skip the months without that day instead, so those cases pick the last of 28..day.
std::string reminder_rule(const Interval& every, Date starts_on) {
    const std::string interval = every.count > 1 ? fmt::format(";INTERVAL={}", every.count) : std::string();
    const unsigned day = unsigned{starts_on.day()};
    switch (every.unit) {
        case Interval::Unit::days: return fmt::format("FREQ=DAILY{}", interval);
        case Interval::Unit::weeks: return fmt::format("FREQ=WEEKLY{}", interval);
        case Interval::Unit::months:
            if (day > 28) return fmt::format("FREQ=MONTHLY{};BYMONTHDAY={};BYSETPOS=-1", interval, month_end_days(day));
            return fmt::format("FREQ=MONTHLY{}", interval);
        case Interval::Unit::years:
            if (starts_on.month() == February && day == 29)
                return fmt::format("FREQ=YEARLY{};BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1", interval);
            return fmt::format("FREQ=YEARLY{}", interval);
    }
    return "FREQ=YEARLY";
}

struct Event {
    std::string uid;
    std::string updated_at;
    Date start{};
    std::string rule;  // empty: once
    std::string summary;
};

void write_event(std::ostream& out, const Event& event) {
    write_content_line(out, "BEGIN:VEVENT");
    write_content_line(out, "UID:" + escape_text_value(event.uid));
    write_content_line(out, "DTSTAMP:" + dtstamp(event.updated_at));
    write_content_line(out, "DTSTART;VALUE=DATE:" + ical_date(event.start));
    if (!event.rule.empty()) write_content_line(out, "RRULE:" + event.rule);
    write_content_line(out, "SUMMARY:" + escape_text_value(event.summary));
    // A birthday or a reminder to call someone does not make the day busy.
    write_content_line(out, "TRANSP:TRANSPARENT");
    write_content_line(out, "END:VEVENT");
}

// A record never saved has no uuid; its id still keeps the UID stable.
std::string uid_base(const std::string& uuid, std::string_view kind, std::int64_t id) {
    return uuid.empty() ? fmt::format("{}-{}", kind, id) : uuid;
}

// A day that comes back every year (a birthday, an anniversary), from its first year.
void write_yearly(std::ostream& out, const Contact& contact, const Birthday& birthday, const std::string& uid,
                  const std::string& summary) {
    // With no known year, 2000: a leap year, so Feb 29 is a real first day.
    const year first_year{birthday.year.value_or(2000)};
    const month_day when{month{birthday.month}, day{birthday.day}};
    if (!when.ok()) return;
    const year_month_day_last month_end{first_year, month_day_last{when.month()}};
    const Date start{first_year, when.month(), std::min(when.day(), month_end.day())};
    const bool leap_day = when == month_day{February, day{29}};
    write_event(out, {uid, contact.updated_at, start, leap_day ? "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" : "FREQ=YEARLY",
                      summary});
}

void write_birthday(std::ostream& out, const Contact& contact, const Birthday& birthday) {
    write_yearly(out, contact, birthday, fmt::format("{}-birthday@kith", uid_base(contact.uuid, "contact", contact.id)),
                 fmt::format("{}'s birthday", contact.name));
}

// The card's n-th dated event: its UID keeps to its place on the card.
void write_anniversary(std::ostream& out, const Contact& contact, const DatedEvent& event, std::size_t n) {
    write_yearly(out, contact, event.date,
                 fmt::format("{}-event-{}@kith", uid_base(contact.uuid, "contact", contact.id), n),
                 fmt::format("{}'s {}", contact.name, event_name(event.label)));
}

void write_reminder(std::ostream& out, const Contact& contact, const Reminder& reminder) {
    if (!reminder.due.ok()) return;
    std::string rule;
    if (reminder.every && reminder.every->count > 0)
        rule = reminder_rule(*reminder.every, reminder.starts_on.ok() ? reminder.starts_on : reminder.due);
    write_event(out, {fmt::format("{}@kith", uid_base(reminder.uuid, "reminder", reminder.id)), reminder.updated_at,
                      reminder.due, rule, fmt::format("{}: {}", contact.name, reminder.text)});
}

}  // namespace

void write_ics_begin(std::ostream& out) {
    write_content_line(out, "BEGIN:VCALENDAR");
    write_content_line(out, "VERSION:2.0");
    write_content_line(out, "PRODID:-//kith//kith//EN");
    write_content_line(out, "CALSCALE:GREGORIAN");
}

void write_ics_events(std::ostream& out, const ContactRecord& record) {
    const Contact& contact = record.contact;
    if (contact.archived) return;
    if (contact.birthday) write_birthday(out, contact, *contact.birthday);
    for (std::size_t i = 0; i < record.card.events.size(); ++i) write_anniversary(out, contact, record.card.events[i], i);
    for (const auto& reminder : record.reminders)
        if (!reminder.done_on) write_reminder(out, contact, reminder);
}

void write_ics_end(std::ostream& out) {
    write_content_line(out, "END:VCALENDAR");
}

}  // namespace kith::interchange
