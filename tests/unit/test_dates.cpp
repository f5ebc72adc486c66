// Unit tests for the date language (SPEC §3) and calendar arithmetic in kith/dates.h.
#include <doctest/doctest.h>

#include <array>
#include <string>
#include <string_view>

#include "kith/dates.h"

using kith::Birthday;
using kith::Cadence;
using kith::Date;
using kith::Interval;
using Unit = kith::Interval::Unit;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// A Monday; the week 2026-06-01 (Mon) .. 2026-06-07 (Sun) is used for weekday tables.
const Date monday = ymd(2026, 6, 1);

// The parsed date as YYYY-MM-DD, or "error: <message>", so a failing CHECK shows both sides.
std::string on(std::string_view text, Date today) {
    const auto r = kith::parse_date(text, today);
    return r ? kith::format_iso(*r) : "error: " + r.error();
}

std::string date_error(std::string_view text, Date today = monday) {
    const auto r = kith::parse_date(text, today);
    return r ? "parsed as " + kith::format_iso(*r) : r.error();
}

std::string interval(std::string_view text) {
    const auto r = kith::parse_interval(text);
    return r ? kith::format_interval(*r) : "error: " + r.error();
}

std::string interval_error(std::string_view text) {
    const auto r = kith::parse_interval(text);
    return r ? "parsed as " + kith::format_interval(*r) : r.error();
}

std::string birthday(std::string_view text) {
    const auto r = kith::parse_birthday(text);
    return r ? kith::format_birthday(*r) : "error: " + r.error();
}

std::string birthday_error(std::string_view text) {
    const auto r = kith::parse_birthday(text);
    return r ? "parsed as " + kith::format_birthday(*r) : r.error();
}

std::string cadence(std::string_view text) {
    const auto r = kith::parse_cadence(text);
    return r ? kith::format_cadence(*r) : "error: " + r.error();
}

std::string cadence_error(std::string_view text) {
    const auto r = kith::parse_cadence(text);
    return r ? "parsed as " + kith::format_cadence(*r) : r.error();
}

std::string iso(Date d) { return kith::format_iso(d); }

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) return "";
    return std::string(s.substr(first, s.find_last_not_of(" \t") - first + 1));
}

bool one_line(const std::string& s) { return s.find('\n') == std::string::npos; }

}  // namespace

// ---- ISO dates --------------------------------------------------------------------------

TEST_CASE("parse_iso_date accepts real calendar dates") {
    CHECK(iso(*kith::parse_iso_date("2026-12-01")) == "2026-12-01");
    CHECK(iso(*kith::parse_iso_date("  2026-12-01\t")) == "2026-12-01");
    CHECK(iso(*kith::parse_iso_date("2028-02-29")) == "2028-02-29");
    CHECK(iso(*kith::parse_iso_date("2000-02-29")) == "2000-02-29");
    CHECK(iso(*kith::parse_iso_date("1900-01-01")) == "1900-01-01");
    CHECK(iso(*kith::parse_iso_date("2200-12-31")) == "2200-12-31");
    CHECK(iso(*kith::parse_iso_date("2026-04-30")) == "2026-04-30");
}

TEST_CASE("parse_iso_date rejects impossible and malformed dates, naming them") {
    const auto no_day = kith::parse_iso_date("2026-02-30");
    REQUIRE_FALSE(no_day);
    CHECK(no_day.error() == "bad date \"2026-02-30\": no such day");
    CHECK(kith::parse_iso_date("2026-02-29").error() == "bad date \"2026-02-29\": no such day");
    CHECK(kith::parse_iso_date("2100-02-29").error() == "bad date \"2100-02-29\": no such day");
    CHECK(kith::parse_iso_date("2026-04-31").error() == "bad date \"2026-04-31\": no such day");
    CHECK(kith::parse_iso_date("2026-01-00").error() == "bad date \"2026-01-00\": no such day");
    CHECK(kith::parse_iso_date("2026-13-01").error() == "bad date \"2026-13-01\": no such month");
    CHECK(kith::parse_iso_date("2026-00-10").error() == "bad date \"2026-00-10\": no such month");
    CHECK(contains(kith::parse_iso_date("1899-12-31").error(), "\"1899-12-31\": year"));
    CHECK(contains(kith::parse_iso_date("2201-01-01").error(), "\"2201-01-01\": year"));
    CHECK(kith::parse_iso_date("2026-1-5").error() == "bad date \"2026-1-5\": expected YYYY-MM-DD");
    CHECK(kith::parse_iso_date("today").error() == "bad date \"today\": expected YYYY-MM-DD");
    CHECK(kith::parse_iso_date("").error() == "bad date \"\": expected YYYY-MM-DD");
    CHECK(contains(kith::parse_iso_date("20261201").error(), "\"20261201\""));
    CHECK(contains(kith::parse_iso_date("2026/12/01").error(), "\"2026/12/01\""));
    CHECK(contains(kith::parse_iso_date("2026-12-01x").error(), "\"2026-12-01x\""));
}

// ---- DATE: keywords -----------------------------------------------------------------------

TEST_CASE("today, tomorrow, yesterday") {
    CHECK(on("today", monday) == "2026-06-01");
    CHECK(on("tomorrow", monday) == "2026-06-02");
    CHECK(on("yesterday", monday) == "2026-05-31");
    CHECK(on("  TODAY  ", monday) == "2026-06-01");
    CHECK(on("Tomorrow", monday) == "2026-06-02");
    SUBCASE("across year and month boundaries") {
        CHECK(on("tomorrow", ymd(2026, 12, 31)) == "2027-01-01");
        CHECK(on("yesterday", ymd(2027, 1, 1)) == "2026-12-31");
        CHECK(on("tomorrow", ymd(2028, 2, 28)) == "2028-02-29");
        CHECK(on("tomorrow", ymd(2026, 2, 28)) == "2026-03-01");
        CHECK(on("yesterday", ymd(2028, 3, 1)) == "2028-02-29");
    }
}

TEST_CASE("a full ISO date is taken as is") {
    CHECK(on("2026-12-01", monday) == "2026-12-01");
    CHECK(on("2020-01-15", monday) == "2020-01-15");  // the past is fine, e.g. --on
    CHECK(on(" 2028-02-29 ", monday) == "2028-02-29");
}

TEST_CASE("eom is the last day of this month") {
    CHECK(on("eom", ymd(2026, 1, 1)) == "2026-01-31");
    CHECK(on("eom", ymd(2026, 1, 31)) == "2026-01-31");
    CHECK(on("eom", ymd(2026, 2, 10)) == "2026-02-28");
    CHECK(on("eom", ymd(2028, 2, 10)) == "2028-02-29");
    CHECK(on("eom", ymd(2100, 2, 1)) == "2100-02-28");
    CHECK(on("eom", ymd(2000, 2, 1)) == "2000-02-29");
    CHECK(on("eom", ymd(2026, 4, 15)) == "2026-04-30");
    CHECK(on("EOM", ymd(2026, 12, 31)) == "2026-12-31");
}

TEST_CASE("eow is the coming Sunday, today on a Sunday") {
    // Monday 2026-06-01 .. Sunday 2026-06-07: every day of the week ends on the 7th.
    for (unsigned d = 1; d <= 7; ++d) {
        CAPTURE(d);
        CHECK(on("eow", ymd(2026, 6, d)) == "2026-06-07");
    }
    CHECK(on("eow", ymd(2026, 6, 8)) == "2026-06-14");
    CHECK(on("eow", ymd(2026, 12, 30)) == "2027-01-03");  // Wednesday, crosses the year
}

// ---- DATE: weekdays -----------------------------------------------------------------------

TEST_CASE("weekday names mean the next such day strictly after today, with next that day of next week") {
    // Index 0 = Monday. Today is 2026-06-(1+i); the answer is 2026-06-(1+i+ahead), ahead 1..7;
    // with "next", that day of the week of Monday 2026-06-08.
    const std::array<std::array<std::string_view, 2>, 7> names{{
        {"mon", "monday"}, {"tue", "tuesday"}, {"wed", "wednesday"}, {"thu", "thursday"},
        {"fri", "friday"}, {"sat", "saturday"}, {"sun", "sunday"},
    }};
    for (unsigned i = 0; i < 7; ++i) {
        const Date today = ymd(2026, 6, 1 + i);
        for (unsigned j = 0; j < 7; ++j) {
            unsigned ahead = (j + 7 - i) % 7;
            if (ahead == 0) ahead = 7;
            const std::string expected = iso(ymd(2026, 6, 1 + i + ahead));
            for (const auto name : names[j]) {
                CAPTURE(i);
                CAPTURE(name);
                CHECK(on(name, today) == expected);
                CHECK(on("next " + std::string(name), today) == iso(ymd(2026, 6, 8 + j)));
            }
        }
    }
}

TEST_CASE("next friday on a friday is a week later, case and spacing do not matter") {
    const Date friday = ymd(2026, 6, 5);
    CHECK(on("next friday", friday) == "2026-06-12");
    CHECK(on("friday", friday) == "2026-06-12");
    CHECK(on("fri", friday) == "2026-06-12");
    CHECK(on("  Next   FRIDAY ", friday) == "2026-06-12");
    CHECK(on("Fri", monday) == "2026-06-05");
    CHECK(on("tues", monday) == "2026-06-02");
    CHECK(on("thurs", monday) == "2026-06-04");
    CHECK(on("sun", ymd(2026, 12, 30)) == "2027-01-03");
}

TEST_CASE("next tues is that day of next week, as a note reads it: not tomorrow on a Monday") {
    const Date monday_23 = ymd(2026, 11, 23);
    CHECK(on("next tues", monday_23) == "2026-12-01");
    CHECK(on("tues", monday_23) == "2026-11-24");
    CHECK(on("next friday", ymd(2026, 11, 25)) == "2026-12-04");  // a Wednesday: not this Friday
    CHECK(on("next mon", ymd(2026, 11, 28)) == "2026-11-30");     // a Saturday: the coming Monday
    CHECK(on("next sun", ymd(2026, 11, 29)) == "2026-12-06");     // a Sunday: a week on
}

TEST_CASE("next september is the 1st of the next September, next month's name as a note reads it") {
    CHECK(on("next sept", ymd(2026, 11, 23)) == "2027-09-01");
    CHECK(on("next september", ymd(2026, 8, 10)) == "2026-09-01");
    CHECK(on("next dec", ymd(2026, 12, 5)) == "2027-12-01");
    CHECK(on("Next  Jan", ymd(2026, 12, 5)) == "2027-01-01");
}

TEST_CASE("next week is its Monday and next month its first day, tmrw is tomorrow") {
    CHECK(on("next week", monday) == "2026-06-08");  // a week ahead on a Monday, as `next monday`
    CHECK(on("next week", ymd(2026, 6, 3)) == "2026-06-08");
    CHECK(on("next week", ymd(2026, 6, 7)) == "2026-06-08");  // on a Sunday, tomorrow
    CHECK(on("Next  Week", ymd(2026, 12, 30)) == "2027-01-04");
    for (int day = 1; day <= 7; ++day) {
        CAPTURE(day);
        CHECK(on("next week", ymd(2026, 6, static_cast<unsigned>(day))) == on("next monday", ymd(2026, 6, static_cast<unsigned>(day))));
    }
    CHECK(on("next month", monday) == "2026-07-01");
    CHECK(on("next month", ymd(2026, 1, 31)) == "2026-02-01");
    CHECK(on("next month", ymd(2026, 12, 1)) == "2027-01-01");
    CHECK(on("NEXT MONTH", ymd(2026, 12, 31)) == "2027-01-01");
    CHECK(on("tmrw", monday) == "2026-06-02");
    CHECK(on("Tmrw", ymd(2026, 12, 31)) == "2027-01-01");
    // --on looks back, so these forms that say "ahead" are left for the caller to refuse.
    CHECK(kith::format_iso(*kith::parse_past_date("next week", monday)) == "2026-06-08");
    CHECK(kith::format_iso(*kith::parse_past_date("tmrw", monday)) == "2026-06-02");
}

// ---- DATE: relative -----------------------------------------------------------------------

TEST_CASE("in N units and bare N-unit forms count from today") {
    CHECK(on("in 3 days", monday) == "2026-06-04");
    CHECK(on("in 1 day", monday) == "2026-06-02");
    CHECK(on("in 3d", monday) == "2026-06-04");
    CHECK(on("in 3days", monday) == "2026-06-04");
    CHECK(on("in 2 weeks", monday) == "2026-06-15");
    CHECK(on("in 1 week", monday) == "2026-06-08");
    CHECK(on("in 1 month", monday) == "2026-07-01");
    CHECK(on("in 2 months", monday) == "2026-08-01");
    CHECK(on("in 2 years", monday) == "2028-06-01");
    CHECK(on("in 1 year", monday) == "2027-06-01");
    CHECK(on("IN 3 DAYS", monday) == "2026-06-04");
    CHECK(on("3d", monday) == "2026-06-04");
    CHECK(on("2w", monday) == "2026-06-15");
    CHECK(on("1mo", monday) == "2026-07-01");
    CHECK(on("1y", monday) == "2027-06-01");
    CHECK(on("32d", monday) == "2026-07-03");
    CHECK(on("3 days", monday) == "2026-06-04");
    SUBCASE("crossing the year and clamping to month ends") {
        CHECK(on("1d", ymd(2026, 12, 31)) == "2027-01-01");
        CHECK(on("in 2 days", ymd(2026, 12, 30)) == "2027-01-01");
        CHECK(on("1mo", ymd(2026, 1, 31)) == "2026-02-28");
        CHECK(on("1mo", ymd(2028, 1, 31)) == "2028-02-29");
        CHECK(on("1mo", ymd(2026, 12, 15)) == "2027-01-15");
        CHECK(on("1y", ymd(2028, 2, 29)) == "2029-02-28");
        CHECK(on("4y", ymd(2028, 2, 29)) == "2032-02-29");
    }
}

// ---- DATE: month and day ------------------------------------------------------------------

TEST_CASE("month-day forms mean the next occurrence on or after today") {
    const Date june = monday;
    CHECK(on("12-25", june) == "2026-12-25");
    CHECK(on("dec 25", june) == "2026-12-25");
    CHECK(on("25 dec", june) == "2026-12-25");
    CHECK(on("december 25", june) == "2026-12-25");
    CHECK(on("25 December", june) == "2026-12-25");
    CHECK(on("DEC 25", june) == "2026-12-25");
    CHECK(on("sept 9", june) == "2026-09-09");
    CHECK(on("sep 9", june) == "2026-09-09");
    CHECK(on("may 5", june) == "2027-05-05");  // already past this year
    CHECK(on("6-1", june) == "2026-06-01");    // today counts
    CHECK(on("05-31", june) == "2027-05-31");  // yesterday: next year
    SUBCASE("the same day is today") {
        CHECK(on("12-25", ymd(2026, 12, 25)) == "2026-12-25");
        CHECK(on("dec 25", ymd(2026, 12, 25)) == "2026-12-25");
        CHECK(on("12-25", ymd(2026, 12, 26)) == "2027-12-25");
    }
    SUBCASE("across the year boundary") {
        CHECK(on("jan 5", ymd(2026, 12, 30)) == "2027-01-05");
        CHECK(on("1-1", ymd(2026, 12, 31)) == "2027-01-01");
        CHECK(on("dec 31", ymd(2026, 12, 31)) == "2026-12-31");
    }
    SUBCASE("feb 29 waits for a leap year") {
        CHECK(on("feb 29", ymd(2026, 6, 1)) == "2028-02-29");
        CHECK(on("feb 29", ymd(2028, 1, 1)) == "2028-02-29");
        CHECK(on("feb 29", ymd(2028, 3, 1)) == "2032-02-29");
        CHECK(on("02-29", ymd(2097, 1, 1)) == "2104-02-29");  // 2100 is not a leap year
    }
}

// ---- DATE: errors -------------------------------------------------------------------------

TEST_CASE("bad dates are one-line errors naming the text in quotes") {
    const char* const bad[] = {
        "",         "   ",        "frday",     "garbage",       "next",       "next year",
        "in x days", "in",        "in 3",      "in three days", "2026-13-01", "2026-02-30",
        "feb 30",   "13-01",      "dec 32",    "0d",            "-3d",        "in -3 days",
        "3",        "3x",         "1m",        "99999999999d",  "10001d",     "in 99999999999 days",
        "dec",      "25",         "2026-1-5",  "next fri day",  "tomorrow!",  "weekly",
        "1899-01-01", "eow eom",  "daily",     "04-31",         "00-10",      "--12-25",
    };
    for (const char* text : bad) {
        CAPTURE(text);
        const std::string message = date_error(text);
        CHECK(message.rfind("bad date " + quoted(trimmed(text)), 0) == 0);
        CHECK(one_line(message));
    }
    CHECK(date_error("soon") ==
          "bad date \"soon\": expected YYYY-MM-DD, today, a weekday, 3d/2w/1mo, 12-25 or dec 25");
    CHECK(date_error("2026-02-30") == "bad date \"2026-02-30\": no such day");
    CHECK(date_error("2026-13-01") == "bad date \"2026-13-01\": no such month");
    CHECK(date_error("feb 30") == "bad date \"feb 30\": no such day");
    CHECK(date_error("Feb 30") == "bad date \"Feb 30\": no such day");  // as typed
    CHECK(date_error("30 feb") == "bad date \"30 feb\": no such day");
    CHECK(date_error("13-01") == "bad date \"13-01\": no such month");
    CHECK(date_error("  frday  ") == date_error("frday"));  // trimmed in the message
    CHECK(contains(date_error(""), quoted("")));
    CHECK(contains(date_error("next"), quoted("next")));
    CHECK(contains(date_error("in x days"), quoted("in x days")));
    CHECK(contains(date_error("0d"), "\"0d\": count must be positive"));
    CHECK(contains(date_error("-3d"), "\"-3d\": count must be positive"));
    CHECK(contains(date_error("in -3 days"), "\"in -3 days\": count must be positive"));
    CHECK(contains(date_error("99999999999d"), "\"99999999999d\": count must be at most"));
    CHECK(contains(date_error("in 10001 days"), "\"in 10001 days\": count must be at most"));
    CHECK(contains(date_error("Garbage"), quoted("Garbage")));
    CHECK(contains(date_error("1m"), quoted("1m")));
}

TEST_CASE("a misspelt word gets the date it most likely meant, and only a suggestion that is a date") {
    CHECK(date_error("next fridya") == "bad date \"next fridya\": did you mean \"next friday\"?");
    CHECK(date_error("frday") == "bad date \"frday\": did you mean \"friday\"?");
    CHECK(date_error("Tommorow") == "bad date \"Tommorow\": did you mean \"tomorrow\"?");
    CHECK(date_error("nxt week") == "bad date \"nxt week\": did you mean \"next week\"?");
    CHECK(date_error("in 3 dyas") == "bad date \"in 3 dyas\": did you mean \"in 3 days\"?");
    CHECK(date_error("decmber 25") == "bad date \"decmber 25\": did you mean \"december 25\"?");
    CHECK(date_error("yesteday") == "bad date \"yesteday\": did you mean \"yesterday\"?");
    // Words that are right but do not make a date, words far from any, numbers: no guess.
    CHECK(contains(date_error("next fri day"), "expected YYYY-MM-DD"));
    CHECK(contains(date_error("garbage"), "expected YYYY-MM-DD"));
    CHECK(contains(date_error("weekly"), "expected YYYY-MM-DD"));  // "week" alone is no date
    CHECK(contains(date_error("3x"), "expected YYYY-MM-DD"));
    CHECK(date_error("feb 30") == "bad date \"feb 30\": no such day");  // the reason, not a guess
}

TEST_CASE("the largest relative count stays a valid date, and one past 2200 is refused") {
    CHECK(on("10000y", monday) == "error: bad date \"10000y\": 12026-06-01 is outside 1900..2200");
    CHECK(on("174y", monday) == "2200-06-01");
    CHECK(on("10000d", monday) == "2053-10-17");
}

// ---- INTERVAL -----------------------------------------------------------------------------

TEST_CASE("parse_interval: short and long forms") {
    CHECK(interval("3d") == "3d");
    CHECK(interval("32d") == "32d");
    CHECK(interval("2w") == "2w");
    CHECK(interval("1mo") == "1mo");
    CHECK(interval("6mo") == "6mo");
    CHECK(interval("1y") == "1y");
    CHECK(interval("3 days") == "3d");
    CHECK(interval("1 day") == "1d");
    CHECK(interval("3days") == "3d");
    CHECK(interval("2 weeks") == "2w");
    CHECK(interval("1 week") == "1w");
    CHECK(interval("1 month") == "1mo");
    CHECK(interval("18 months") == "18mo");
    CHECK(interval("1 year") == "1y");
    CHECK(interval("2 years") == "2y");
    CHECK(interval("  2W ") == "2w");
    CHECK(interval("6MO") == "6mo");
    CHECK(interval("10000d") == "10000d");
    CHECK(interval("007d") == "7d");
    const auto r = kith::parse_interval("6mo");
    REQUIRE(r);
    CHECK(*r == Interval{6, Unit::months});
}

TEST_CASE("parse_interval: words") {
    CHECK(*kith::parse_interval("daily") == Interval{1, Unit::days});
    CHECK(*kith::parse_interval("weekly") == Interval{1, Unit::weeks});
    CHECK(*kith::parse_interval("monthly") == Interval{1, Unit::months});
    CHECK(*kith::parse_interval("quarterly") == Interval{3, Unit::months});
    CHECK(*kith::parse_interval("yearly") == Interval{1, Unit::years});
    CHECK(*kith::parse_interval("annually") == Interval{1, Unit::years});
    CHECK(*kith::parse_interval("Weekly") == Interval{1, Unit::weeks});
    CHECK(interval("quarterly") == "3mo");
}

TEST_CASE("parse_interval: errors name the text") {
    const char* const bad[] = {"",    "0d",   "-3d",  "3",     "d",     "x",  "1m",
                               "3 x", "3.5d", "1e3d", "+3d",   "3d4",   "in 3 days",
                               "99999999999d", "10001d",  "2147483648d", "0 weeks"};
    for (const char* text : bad) {
        CAPTURE(text);
        const std::string message = interval_error(text);
        CHECK(message.rfind("bad interval " + quoted(text), 0) == 0);
        CHECK(one_line(message));
    }
    CHECK(interval_error("0d") == "bad interval \"0d\": count must be positive");
    CHECK(interval_error("-3d") == "bad interval \"-3d\": count must be positive");
    CHECK(interval_error("99999999999d") == "bad interval \"99999999999d\": count must be at most 10000");
    CHECK(interval_error("10001y") == "bad interval \"10001y\": count must be at most 10000");
    CHECK(contains(interval_error("fortnight"), "\"fortnight\": expected 3d, 2w, 1mo, 1y"));
}

TEST_CASE("format_interval prints canonical short forms") {
    CHECK(kith::format_interval({30, Unit::days}) == "30d");
    CHECK(kith::format_interval({2, Unit::weeks}) == "2w");
    CHECK(kith::format_interval({1, Unit::months}) == "1mo");
    CHECK(kith::format_interval({1, Unit::years}) == "1y");
}

// ---- arithmetic -----------------------------------------------------------------------------

TEST_CASE("add steps days and weeks by days") {
    CHECK(iso(kith::add(ymd(2026, 12, 31), {1, Unit::days})) == "2027-01-01");
    CHECK(iso(kith::add(ymd(2028, 2, 28), {1, Unit::days})) == "2028-02-29");
    CHECK(iso(kith::add(ymd(2100, 2, 28), {1, Unit::days})) == "2100-03-01");
    CHECK(iso(kith::add(ymd(2026, 6, 1), {2, Unit::weeks})) == "2026-06-15");
    CHECK(iso(kith::add(ymd(2026, 6, 1), {3, Unit::days}, 0)) == "2026-06-01");
    CHECK(iso(kith::add(ymd(2026, 6, 1), {3, Unit::days}, -1)) == "2026-05-29");
    CHECK(iso(kith::add(ymd(2026, 6, 1), {1, Unit::weeks}, 4)) == "2026-06-29");
}

TEST_CASE("month and year steps clamp to the month's end") {
    CHECK(iso(kith::add(ymd(2026, 1, 31), {1, Unit::months})) == "2026-02-28");
    CHECK(iso(kith::add(ymd(2028, 1, 31), {1, Unit::months})) == "2028-02-29");
    CHECK(iso(kith::add(ymd(2026, 3, 31), {1, Unit::months})) == "2026-04-30");
    CHECK(iso(kith::add(ymd(2026, 12, 31), {1, Unit::months})) == "2027-01-31");
    CHECK(iso(kith::add(ymd(2026, 11, 30), {3, Unit::months})) == "2027-02-28");
    CHECK(iso(kith::add(ymd(2028, 2, 29), {1, Unit::years})) == "2029-02-28");
    CHECK(iso(kith::add(ymd(2028, 2, 29), {4, Unit::years})) == "2032-02-29");
    CHECK(iso(kith::add(ymd(2096, 2, 29), {4, Unit::years})) == "2100-02-28");
    CHECK(iso(kith::subtract(ymd(2026, 3, 31), {1, Unit::months})) == "2026-02-28");
    CHECK(iso(kith::subtract(ymd(2028, 3, 31), {1, Unit::months})) == "2028-02-29");
    CHECK(iso(kith::subtract(ymd(2026, 1, 15), {1, Unit::months})) == "2025-12-15");
    CHECK(iso(kith::subtract(ymd(2028, 2, 29), {1, Unit::years})) == "2027-02-28");
    CHECK(iso(kith::subtract(ymd(2027, 1, 1), {1, Unit::days})) == "2026-12-31");
    CHECK(iso(kith::subtract(ymd(2026, 6, 15), {2, Unit::weeks})) == "2026-06-01");
}

TEST_CASE("add with times steps from the original date") {
    const Date jan31 = ymd(2026, 1, 31);
    CHECK(iso(kith::add(jan31, {1, Unit::months}, 2)) == "2026-03-31");  // not Mar 28
    CHECK(iso(kith::add(jan31, {1, Unit::months}, 3)) == "2026-04-30");
    CHECK(iso(kith::add(jan31, {1, Unit::months}, 12)) == "2027-01-31");
    CHECK(iso(kith::add(jan31, {1, Unit::months}, 13)) == "2027-02-28");
    CHECK(iso(kith::add(jan31, {3, Unit::months}, 4)) == "2027-01-31");
    CHECK(iso(kith::add(ymd(2028, 2, 29), {1, Unit::years}, 4)) == "2032-02-29");
    CHECK(iso(kith::add(ymd(2028, 2, 29), {1, Unit::years}, 3)) == "2031-02-28");
    CHECK(iso(kith::add(jan31, {1, Unit::months}, -1)) == "2025-12-31");
    CHECK(iso(kith::add(ymd(2026, 3, 31), {1, Unit::months}, -1)) == "2026-02-28");
}

TEST_CASE("a month-end anchor keeps every step of a recurring date at the month's end") {
    // The dates a recurrence first due on `first` comes round on, counted as `done` does.
    auto steps = [](Date first, kith::Interval every, int count) {
        const Date anchor = kith::month_end_anchor(first, every);
        std::string out;
        int k = 0;
        while (kith::days_between(kith::add(anchor, every, k), first) > 0) ++k;
        for (int i = 0; i < count; ++i) out += (i ? " " : "") + iso(kith::add(anchor, every, k + i));
        return out;
    };
    CHECK(iso(kith::month_end_anchor(ymd(2026, 9, 30), {1, Unit::months})) == "2026-08-31");
    CHECK(steps(ymd(2026, 9, 30), {1, Unit::months}, 6) ==
          "2026-09-30 2026-10-31 2026-11-30 2026-12-31 2027-01-31 2027-02-28");
    CHECK(steps(ymd(2027, 2, 28), {1, Unit::months}, 3) == "2027-02-28 2027-03-31 2027-04-30");
    CHECK(steps(ymd(2027, 11, 30), {1, Unit::months}, 4) == "2027-11-30 2027-12-31 2028-01-31 2028-02-29");
    CHECK(steps(ymd(2026, 9, 30), {3, Unit::months}, 3) == "2026-09-30 2026-12-31 2027-03-31");
    CHECK(steps(ymd(2026, 6, 30), {2, Unit::months}, 3) == "2026-06-30 2026-08-31 2026-10-31");
    CHECK(steps(ymd(2027, 2, 28), {1, Unit::years}, 2) == "2027-02-28 2028-02-29");
    CHECK(iso(kith::month_end_anchor(ymd(2027, 2, 28), {1, Unit::years})) == "2024-02-29");
    CHECK(iso(kith::month_end_anchor(ymd(2103, 2, 28), {1, Unit::years})) == "2096-02-29");  // 2100: no Feb 29
    // A 31st is its own anchor; so is a day that is no month's end, and steps of days or weeks.
    CHECK(iso(kith::month_end_anchor(ymd(2026, 10, 31), {1, Unit::months})) == "2026-10-31");
    CHECK(iso(kith::month_end_anchor(ymd(2026, 9, 29), {1, Unit::months})) == "2026-09-29");
    CHECK(iso(kith::month_end_anchor(ymd(2026, 9, 30), {2, Unit::weeks})) == "2026-09-30");
    CHECK(iso(kith::month_end_anchor(ymd(2026, 9, 30), {1, Unit::years})) == "2026-09-30");  // every Sep 30
    CHECK(iso(kith::month_end_anchor(ymd(1900, 2, 28), {1, Unit::years})) == "1900-02-28");  // none before 1900
    CHECK(kith::means_month_end(" EOM "));
    CHECK_FALSE(kith::means_month_end("2026-11-30"));
    CHECK_FALSE(kith::means_month_end("eow"));
}

TEST_CASE("days_between is to minus from") {
    CHECK(kith::days_between(ymd(2026, 6, 1), ymd(2026, 6, 1)) == 0);
    CHECK(kith::days_between(ymd(2026, 6, 1), ymd(2026, 6, 8)) == 7);
    CHECK(kith::days_between(ymd(2026, 6, 8), ymd(2026, 6, 1)) == -7);
    CHECK(kith::days_between(ymd(2026, 12, 31), ymd(2027, 1, 1)) == 1);
    CHECK(kith::days_between(ymd(2026, 1, 1), ymd(2027, 1, 1)) == 365);
    CHECK(kith::days_between(ymd(2028, 1, 1), ymd(2029, 1, 1)) == 366);
    CHECK(kith::days_between(ymd(2100, 1, 1), ymd(2101, 1, 1)) == 365);
    CHECK(kith::days_between(ymd(2028, 2, 28), ymd(2028, 3, 1)) == 2);
}

// ---- birthdays ------------------------------------------------------------------------------

TEST_CASE("parse_birthday: full dates and month-day forms") {
    CHECK(birthday("1986-03-15") == "1986-03-15");
    CHECK(birthday("--12-25") == "--12-25");
    CHECK(birthday("--1225") == "--12-25");
    CHECK(birthday("12-25") == "--12-25");
    CHECK(birthday("dec 25") == "--12-25");
    CHECK(birthday("25 dec") == "--12-25");
    CHECK(birthday("december 25") == "--12-25");
    CHECK(birthday("  March 5 ") == "--03-05");
    CHECK(birthday("3-5") == "--03-05");
    CHECK(birthday("--02-29") == "--02-29");
    CHECK(birthday("feb 29") == "--02-29");
    CHECK(birthday("2000-02-29") == "2000-02-29");
    const auto full = kith::parse_birthday("1986-03-15");
    REQUIRE(full);
    CHECK(*full == Birthday{1986, 3, 15});
    const auto partial = kith::parse_birthday("--1225");
    REQUIRE(partial);
    CHECK(*partial == Birthday{std::nullopt, 12, 25});
}

TEST_CASE("parse_birthday: errors name the text") {
    const char* const bad[] = {"",        "feb 30",   "--02-30", "--0230",   "13-01",  "--13-01",
                               "1986-02-29", "1986-13-01", "garbage", "dec",   "--122",  "--12-5",
                               "today",   "1899-05-05", "04-31",  "dec 0",    "0-5",    "---12-25"};
    for (const char* text : bad) {
        CAPTURE(text);
        const std::string message = birthday_error(text);
        CHECK(message.rfind("bad birthday " + quoted(text), 0) == 0);
        CHECK(one_line(message));
    }
    CHECK(birthday_error("feb 30") == "bad birthday \"feb 30\": no such day");
    CHECK(birthday_error("--02-30") == "bad birthday \"--02-30\": no such day");
    CHECK(birthday_error("1986-02-29") == "bad birthday \"1986-02-29\": no such day");
    CHECK(birthday_error("13-01") == "bad birthday \"13-01\": no such month");
    CHECK(contains(birthday_error("garbage"), "\"garbage\": expected"));
}

TEST_CASE("format_birthday") {
    CHECK(kith::format_birthday(Birthday{1986, 3, 15}) == "1986-03-15");
    CHECK(kith::format_birthday(Birthday{std::nullopt, 3, 15}) == "--03-15");
    CHECK(kith::format_birthday(Birthday{std::nullopt, 12, 1}) == "--12-01");
}

TEST_CASE("next_birthday is on or after from") {
    const Birthday dec25{std::nullopt, 12, 25};
    CHECK(iso(kith::next_birthday(dec25, ymd(2026, 6, 1))) == "2026-12-25");
    CHECK(iso(kith::next_birthday(dec25, ymd(2026, 12, 25))) == "2026-12-25");
    CHECK(iso(kith::next_birthday(dec25, ymd(2026, 12, 26))) == "2027-12-25");
    const Birthday jan1{1990, 1, 1};
    CHECK(iso(kith::next_birthday(jan1, ymd(2026, 12, 31))) == "2027-01-01");
    CHECK(iso(kith::next_birthday(jan1, ymd(2027, 1, 1))) == "2027-01-01");
}

TEST_CASE("a Feb 29 birthday falls on Feb 28 in common years") {
    const Birthday leap{2000, 2, 29};
    CHECK(iso(kith::next_birthday(leap, ymd(2026, 1, 1))) == "2026-02-28");
    CHECK(iso(kith::next_birthday(leap, ymd(2026, 2, 28))) == "2026-02-28");
    CHECK(iso(kith::next_birthday(leap, ymd(2026, 3, 1))) == "2027-02-28");
    CHECK(iso(kith::next_birthday(leap, ymd(2027, 3, 1))) == "2028-02-29");
    CHECK(iso(kith::next_birthday(leap, ymd(2028, 2, 29))) == "2028-02-29");
    CHECK(iso(kith::next_birthday(leap, ymd(2028, 2, 28))) == "2028-02-29");
    CHECK(iso(kith::next_birthday(leap, ymd(2099, 3, 1))) == "2100-02-28");
    const Birthday no_year{std::nullopt, 2, 29};
    CHECK(iso(kith::next_birthday(no_year, ymd(2026, 2, 1))) == "2026-02-28");
}

TEST_CASE("age_on counts whole years") {
    const Birthday b{1986, 3, 15};
    CHECK(kith::age_on(b, ymd(2026, 3, 14)) == 39);  // the day before
    CHECK(kith::age_on(b, ymd(2026, 3, 15)) == 40);  // on the day
    CHECK(kith::age_on(b, ymd(2026, 12, 31)) == 40);
    CHECK(kith::age_on(b, ymd(1986, 3, 15)) == 0);
    CHECK(kith::age_on(b, ymd(1987, 3, 14)) == 0);
    CHECK(kith::age_on(b, ymd(1986, 3, 14)) == std::nullopt);  // not born yet
    CHECK(kith::age_on(Birthday{std::nullopt, 3, 15}, ymd(2026, 3, 15)) == std::nullopt);
    const Birthday leap{2000, 2, 29};
    CHECK(kith::age_on(leap, ymd(2026, 2, 27)) == 25);
    CHECK(kith::age_on(leap, ymd(2026, 2, 28)) == 26);  // celebrated on Feb 28
    CHECK(kith::age_on(leap, ymd(2028, 2, 28)) == 27);
    CHECK(kith::age_on(leap, ymd(2028, 2, 29)) == 28);
}

// ---- cadence --------------------------------------------------------------------------------

TEST_CASE("parse_cadence: a single interval or a window") {
    CHECK(cadence("30d") == "30d");
    CHECK(cadence("3w..6w") == "3w..6w");
    CHECK(cadence(" 3W .. 6W ") == "3w..6w");
    CHECK(cadence("1mo..2mo") == "1mo..2mo");
    CHECK(cadence("4w..1mo") == "4w..1mo");  // 28 < 31 days from the reference date
    CHECK(cadence("weekly") == "1w");
    CHECK(cadence("2 weeks..1 month") == "2w..1mo");
    const auto c = kith::parse_cadence("3w..6w");
    REQUIRE(c);
    CHECK(*c == Cadence{{3, Unit::weeks}, Interval{6, Unit::weeks}});
    const auto single = kith::parse_cadence("30d");
    REQUIRE(single);
    CHECK(*single == Cadence{{30, Unit::days}, std::nullopt});
}

TEST_CASE("parse_cadence: errors name the text") {
    const char* const bad[] = {"", "6w..3w", "3w..3w", "3w..21d", "3w..", "..6w", "x",
                               "0d", "3w..6w..9w", "1mo..30d", "3w...6w"};
    for (const char* text : bad) {
        CAPTURE(text);
        const std::string message = cadence_error(text);
        CHECK(message.rfind("bad cadence " + quoted(text), 0) == 0);
        CHECK(one_line(message));
    }
    CHECK(cadence_error("6w..3w") ==
          "bad cadence \"6w..3w\": the second interval must be longer than the first");
    CHECK(contains(cadence_error("3w..21d"), "longer"));  // equal lengths
    CHECK(contains(cadence_error("0d"), "\"0d\": count must be positive"));
    CHECK(contains(cadence_error("3w..x"), "expected"));
}

TEST_CASE("format_cadence") {
    CHECK(kith::format_cadence(Cadence{{30, Unit::days}, std::nullopt}) == "30d");
    CHECK(kith::format_cadence(Cadence{{3, Unit::weeks}, Interval{6, Unit::weeks}}) == "3w..6w");
}

// ---- formatting -----------------------------------------------------------------------------

TEST_CASE("format_iso pads fields") {
    CHECK(iso(ymd(2026, 1, 5)) == "2026-01-05");
    CHECK(iso(ymd(1900, 12, 31)) == "1900-12-31");
    CHECK(iso(ymd(5, 3, 7)) == "0005-03-07");
    CHECK(iso(ymd(10000, 1, 1)) == "10000-01-01");
}

TEST_CASE("weekday_short names Mon..Sun") {
    const std::array<std::string_view, 7> names{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    for (unsigned i = 0; i < 7; ++i) {
        CAPTURE(i);
        CHECK(kith::weekday_short(ymd(2026, 6, 1 + i)) == names[i]);
    }
    CHECK(kith::weekday_short(ymd(2028, 2, 29)) == "Tue");
    CHECK(kith::weekday_short(ymd(2026, 12, 25)) == "Fri");
    CHECK(kith::weekday_short(ymd(2000, 1, 1)) == "Sat");
}

TEST_CASE("parse_past_date: weekdays and month-days mean their latest occurrence") {
    const Date tuesday = kith::parse_iso_date("2026-11-24").value();
    auto past = [&](const char* text) { return kith::format_iso(kith::parse_past_date(text, tuesday).value()); };
    CHECK(past("fri") == "2026-11-20");
    CHECK(past("monday") == "2026-11-23");
    CHECK(past("tue") == "2026-11-24");  // on a Tuesday, today
    CHECK(past("nov 15") == "2026-11-15");
    CHECK(past("12-25") == "2025-12-25");
    CHECK(past("11-24") == "2026-11-24");
    CHECK(past("feb 29") == "2024-02-29");
    CHECK(past("yesterday") == "2026-11-23");
    CHECK(past("2026-01-05") == "2026-01-05");
    CHECK(past("3d") == "2026-11-27");  // plainly ahead: left for the caller to refuse
    CHECK_FALSE(kith::parse_past_date("frday", tuesday));
}
