// Dates and intervals: parsing the user's date language (SPEC §3) and calendar arithmetic.
// Pure functions: "today" is always passed in, never read from the clock here.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "kith/expected.h"

namespace kith {

using Date = std::chrono::year_month_day;

// The years kith keeps a date in: any date outside them is a typo, and is refused or not read.
constexpr int min_year = 1900;
constexpr int max_year = 2200;
inline bool within_kiths_years(Date date) { return int{date.year()} >= min_year && int{date.year()} <= max_year; }

// A length of time in calendar units. Months and years step by calendar, clamping to the
// month's end (Jan 31 + 1mo = Feb 28/29); days and weeks step by days.
struct Interval {
    enum class Unit { days, weeks, months, years };
    int count = 0;
    Unit unit = Unit::days;
    friend bool operator==(const Interval&, const Interval&) = default;
};

// A birthday: month and day always, the year only when known.
struct Birthday {
    std::optional<int> year;
    unsigned month = 1;
    unsigned day = 1;
    friend bool operator==(const Birthday&, const Birthday&) = default;
};

// A check-in cadence: due after `due`, and when `overdue` is set ("3w..6w"), overdue only
// after that longer interval.
struct Cadence {
    Interval due;
    std::optional<Interval> overdue;
    friend bool operator==(const Cadence&, const Cadence&) = default;
};

// Strict YYYY-MM-DD with a real calendar date.
Expected<Date> parse_iso_date(std::string_view text);

// The records' timestamps as kith writes them, in UTC to the second: 2026-11-22T09:30:00Z.
bool is_utc_timestamp(std::string_view text);

// Every DATE form of SPEC §3, relative to `today`. Case-insensitive; surrounding whitespace
// ignored, plus `tmrw`, `next week` (its Monday) and `next month` (its 1st). The error
// message names the bad text, e.g. `bad date "soon"`, and suggests the date a misspelt word
// most likely meant: `bad date "next fridya": did you mean "next friday"?`.
Expected<Date> parse_date(std::string_view text, Date today);

// For dates in the past (--on): like parse_date, but a weekday or month-day names its most
// recent occurrence on or before today (`fri` on a Tuesday is last Friday, `nov 15` on Nov 20
// is five days ago).
// Forms that say "ahead" (tomorrow, 3d, next fri) are returned as they are.
Expected<Date> parse_past_date(std::string_view text, Date today);

// A birthday: a full ISO date, or month-day without a year (`--12-25`, `12-25`, `dec 25`,
// `25 dec`, `december 25`).
Expected<Birthday> parse_birthday(std::string_view text);

// `3d`, `2w`, `1mo`, `6mo`, `1y` (also `3 days`, `2 weeks`, ...) and the words
// `daily weekly monthly quarterly yearly`. Count must be positive.
Expected<Interval> parse_interval(std::string_view text);

// `30d` or a window `3w..6w` (the second must be longer than the first).
Expected<Cadence> parse_cadence(std::string_view text);

Date add(Date date, Interval interval, int times = 1);

// True for a date expression that means a month's end (`eom`): a recurring date given so keeps
// to month ends, which the date alone (Sep 30) cannot tell from "the 30th".
bool means_month_end(std::string_view text);

// What a recurring date that keeps to month ends counts from, so that every step lands on a
// month's last day: the latest month-end at or before `first`, whole steps of `every` back,
// with the longest day (a 31st; a Feb 29 for yearly steps). Sep 30 monthly counts from Aug 31
// (Oct 31, Nov 30, …). `first` itself for days and weeks, or when it is no month's end.
Date month_end_anchor(Date first, Interval every);
Date subtract(Date date, Interval interval);

// The next day on or after `from` on which the birthday falls; Feb 29 falls on Feb 28 in
// common years.
Date next_birthday(const Birthday& birthday, Date from);

// Age in whole years on `on`, when the birth year is known.
std::optional<int> age_on(const Birthday& birthday, Date on);

// An interval's length in days counted from a fixed day (2001-01-01), so intervals of
// different units compare: 4w < 1mo < 5w. For ranking, never for date arithmetic.
int nominal_days(const Interval& interval);
// When a check-in on `cadence` comes round after talking on `last_touch` (SPEC §4); the one
// rule the store's index and the ranking both use.
Date checkin_due(Date last_touch, const Cadence& cadence);

// Signed whole days from `from` to `to`.
int days_between(Date from, Date to);

// Next week, as `kith date` and a note's words both count it: its Monday is the first Monday
// strictly after `day` (weeks start on Monday), and "next tues" is that week's Tuesday ("next
// tues" written on a Monday is a week tomorrow; on a Saturday, three days on).
Date next_weeks_monday(Date day);
Date next_weeks(std::chrono::weekday wanted, Date day);

std::string format_iso(Date date);                       // 2026-12-01
std::string format_birthday(const Birthday& birthday);  // 1986-03-15 or --03-15
std::string format_interval(const Interval& interval);   // 30d, 2w, 1mo, 1y
std::string format_cadence(const Cadence& cadence);      // 30d or 3w..6w
std::string weekday_short(Date date);                    // Mon .. Sun

}  // namespace kith
