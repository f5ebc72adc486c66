#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "kith/interchange.h"
#include "kith/text.h"

using namespace kith;
using namespace std::chrono;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
    return Date{year{y}, month{m}, day{d}};
}

std::string events(const ContactRecord& record) {
    std::ostringstream out;
    interchange::write_ics_events(out, record);
    return out.str();
}

ContactRecord person(const std::string& name, const std::string& uuid) {
    ContactRecord record;
    record.contact.name = name;
    record.contact.uuid = uuid;
    record.contact.updated_at = "2026-11-22T09:30:00Z";
    return record;
}

Reminder reminder(const std::string& uuid, const std::string& text, Date starts_on, Date due,
                  std::optional<Interval> every = std::nullopt) {
    Reminder r;
    r.uuid = uuid;
    r.text = text;
    r.starts_on = starts_on;
    r.due = due;
    r.every = every;
    r.updated_at = "2026-11-20T08:00:00Z";
    return r;
}

// The physical lines, without their CRLF; every line must end in one.
std::vector<std::string> physical_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        lines.push_back(text.substr(start, end - start));
        start = end + 2;
    }
    return lines;
}

std::vector<std::string> rules(const std::string& text) {
    std::vector<std::string> found;
    for (const auto& line : physical_lines(text))
        if (line.rfind("RRULE:", 0) == 0) found.push_back(line.substr(6));
    return found;
}

}  // namespace

TEST_CASE("iCal: the calendar wrapper") {
    std::ostringstream out;
    interchange::write_ics_begin(out);
    interchange::write_ics_end(out);
    CHECK(out.str() ==
          "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kith//kith//EN\r\nCALSCALE:GREGORIAN\r\nEND:VCALENDAR\r\n");
}

TEST_CASE("iCal: a birthday is a yearly all-day event") {
    auto sam = person("Sam Smith", "0b7e6a3c-6a55-4b2e-9a57-2f4a1c1d9e01");
    sam.contact.birthday = Birthday{1986, 3, 15};
    CHECK(events(sam) ==
          "BEGIN:VEVENT\r\n"
          "UID:0b7e6a3c-6a55-4b2e-9a57-2f4a1c1d9e01-birthday@kith\r\n"
          "DTSTAMP:20261122T093000Z\r\n"
          "DTSTART;VALUE=DATE:19860315\r\n"
          "RRULE:FREQ=YEARLY\r\n"
          "SUMMARY:Sam Smith's birthday\r\n"
          "TRANSP:TRANSPARENT\r\n"
          "END:VEVENT\r\n");
}

TEST_CASE("iCal: birthdays without a year start in 2000, Feb 29 ones fall on February's last day") {
    auto ann = person("Ann", "c-2");
    ann.contact.birthday = Birthday{std::nullopt, 12, 25};
    CHECK(events(ann).find("DTSTART;VALUE=DATE:20001225\r\nRRULE:FREQ=YEARLY\r\n") != std::string::npos);

    ann.contact.birthday = Birthday{std::nullopt, 2, 29};
    CHECK(events(ann).find("DTSTART;VALUE=DATE:20000229\r\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r\n") !=
          std::string::npos);
    ann.contact.birthday = Birthday{1988, 2, 29};
    CHECK(events(ann).find("DTSTART;VALUE=DATE:19880229\r\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r\n") !=
          std::string::npos);
}

TEST_CASE("iCal: open reminders are events, done ones are left out") {
    auto ann = person("Ann Lee", "c-2");
    ann.reminders.push_back(reminder("r-1", "Send the photos", ymd(2026, 12, 1), ymd(2026, 12, 1)));
    auto done = reminder("r-2", "Call back", ymd(2026, 11, 1), ymd(2026, 11, 1));
    done.done_on = ymd(2026, 11, 2);
    ann.reminders.push_back(done);
    ann.reminders.push_back(
        reminder("r-3", "Water the plants", ymd(2026, 11, 5), ymd(2026, 12, 3), Interval{2, Interval::Unit::weeks}));
    CHECK(events(ann) ==
          "BEGIN:VEVENT\r\n"
          "UID:r-1@kith\r\n"
          "DTSTAMP:20261120T080000Z\r\n"
          "DTSTART;VALUE=DATE:20261201\r\n"
          "SUMMARY:Ann Lee: Send the photos\r\n"
          "TRANSP:TRANSPARENT\r\n"
          "END:VEVENT\r\n"
          "BEGIN:VEVENT\r\n"
          "UID:r-3@kith\r\n"
          "DTSTAMP:20261120T080000Z\r\n"
          "DTSTART;VALUE=DATE:20261203\r\n"
          "RRULE:FREQ=WEEKLY;INTERVAL=2\r\n"
          "SUMMARY:Ann Lee: Water the plants\r\n"
          "TRANSP:TRANSPARENT\r\n"
          "END:VEVENT\r\n");
}

TEST_CASE("iCal: recurrence rules, with month ends and Feb 29 clamped as kith does") {
    using Unit = Interval::Unit;
    auto ann = person("Ann", "c-2");
    const auto add = [&](Date starts_on, Date due, Interval every) {
        ann.reminders.push_back(reminder("r", "x", starts_on, due, every));
    };
    add(ymd(2026, 11, 5), ymd(2026, 11, 6), {1, Unit::days});
    add(ymd(2026, 11, 5), ymd(2026, 11, 8), {3, Unit::days});
    add(ymd(2026, 11, 5), ymd(2026, 11, 12), {1, Unit::weeks});
    add(ymd(2026, 1, 15), ymd(2026, 2, 15), {1, Unit::months});
    add(ymd(2026, 1, 31), ymd(2026, 2, 28), {1, Unit::months});  // Jan 31, Feb 28, Mar 31
    add(ymd(2026, 1, 30), ymd(2026, 4, 30), {3, Unit::months});
    add(ymd(2026, 1, 29), ymd(2026, 1, 29), {2, Unit::months});
    add(ymd(2026, 6, 1), ymd(2026, 6, 1), {1, Unit::years});
    add(ymd(2026, 6, 1), ymd(2028, 6, 1), {2, Unit::years});
    add(ymd(2028, 2, 29), ymd(2029, 2, 28), {1, Unit::years});  // Feb 29, then Feb 28 in common years
    CHECK(rules(events(ann)) == std::vector<std::string>{
                                    "FREQ=DAILY",
                                    "FREQ=DAILY;INTERVAL=3",
                                    "FREQ=WEEKLY",
                                    "FREQ=MONTHLY",
                                    "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
                                    "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=28,29,30;BYSETPOS=-1",
                                    "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=28,29;BYSETPOS=-1",
                                    "FREQ=YEARLY",
                                    "FREQ=YEARLY;INTERVAL=2",
                                    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1",
                                });
    CHECK(events(ann).find("DTSTART;VALUE=DATE:20260228\r\nRRULE:FREQ=MONTHLY;BYMONTHDAY=28,29,30,31") !=
          std::string::npos);
}

TEST_CASE("iCal: archived contacts export nothing") {
    auto gone = person("Gone", "c-9");
    gone.contact.birthday = Birthday{1970, 1, 1};
    gone.reminders.push_back(reminder("r-9", "x", ymd(2026, 1, 1), ymd(2026, 1, 1)));
    gone.contact.archived = true;
    CHECK(events(gone).empty());
}

TEST_CASE("iCal: TEXT values escape backslash, semicolon, comma and line breaks") {
    auto odd = person("Doe, Jane; \\o/", "c-3");
    odd.reminders.push_back(reminder("r-4", "one\ntwo\r\nthree\rfour\x1b[31m", ymd(2026, 1, 1), ymd(2026, 1, 1)));
    CHECK(events(odd).find("\r\nSUMMARY:Doe\\, Jane\\; \\\\o/: one\\ntwo\\nthree\\nfour[31m\r\n") != std::string::npos);
}

TEST_CASE("iCal: UIDs and DTSTAMP come from the records, so output is deterministic") {
    auto sam = person("Sam", "c-1");
    sam.contact.birthday = Birthday{1986, 3, 15};
    sam.contact.updated_at.clear();  // never saved: the epoch, not the clock
    sam.reminders.push_back(reminder("", "x", ymd(2026, 1, 1), ymd(2026, 1, 1)));
    sam.reminders.back().id = 12;
    sam.reminders.back().updated_at = "garbage";
    const std::string first = events(sam);
    CHECK(first == events(sam));
    CHECK(first.find("UID:c-1-birthday@kith\r\nDTSTAMP:19700101T000000Z\r\n") != std::string::npos);
    CHECK(first.find("UID:reminder-12@kith\r\nDTSTAMP:19700101T000000Z\r\n") != std::string::npos);
}

TEST_CASE("iCal: lines fold at 75 octets, never inside a UTF-8 character") {
    auto ann = person("Ann", "c-2");
    ann.reminders.push_back(reminder("r-5", std::string(147, 'x'), ymd(2026, 1, 1), ymd(2026, 1, 1)));
    const std::string summary = "SUMMARY:Ann: " + std::string(147, 'x');  // 160 octets
    CHECK(events(ann).find("\r\n" + summary.substr(0, 75) + "\r\n " + summary.substr(75, 74) + "\r\n " +
                           summary.substr(149) + "\r\nTRANSP") != std::string::npos);

    // Multibyte text at every offset: each physical line fits and is whole UTF-8.
    for (std::size_t pad = 0; pad < 4; ++pad) {
        CAPTURE(pad);
        auto wide = person(std::string(pad, 'a') + "Renée 東京 😀 Zoë", "c-4");
        std::string text;
        for (int i = 0; i < 12; ++i) text += "é東😀a";
        wide.reminders.push_back(reminder("r-6", text, ymd(2026, 1, 1), ymd(2026, 1, 1)));
        wide.contact.birthday = Birthday{1990, 5, 5};
        const std::string out = events(wide);
        std::string unfolded;
        for (const auto& line : physical_lines(out)) {
            CHECK(line.size() <= 75);
            CHECK(is_valid_utf8(line));
            if (line.front() == ' ') {
                unfolded += line.substr(1);
            } else {
                if (!unfolded.empty()) unfolded += '\n';
                unfolded += line;
            }
        }
        CHECK(unfolded.find("\nSUMMARY:" + std::string(pad, 'a') + "Renée 東京 😀 Zoë: " + text + "\n") !=
              std::string::npos);
    }
}
