// The user's date language (SPEC §3) and calendar arithmetic on std::chrono calendar types.
//
// Each textual form has its own small parser returning an Attempt: nullopt when the text is
// not in that form at all (so the next form gets a try), or an Expected holding either the
// value or the reason the text, although in that form, is wrong ("no such day"). The public
// parsers add the `bad date "..."` prefix, so every message names the offending text once.
#include "kith/dates.h"
#include "kith/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <fmt/format.h>
#include <vector>

namespace kith {
namespace {

using namespace std::chrono;

template <class T>
using Attempt = std::optional<Expected<T>>;

// Counts beyond this are typos, and keeping them small keeps every sum far from overflow.
constexpr int max_count = 10000;

constexpr std::string_view date_forms =
    "expected YYYY-MM-DD, today, a weekday, 3d/2w/1mo, 12-25 or dec 25";
constexpr std::string_view interval_forms =
    "expected 3d, 2w, 1mo, 1y or daily, weekly, monthly, quarterly, yearly";
constexpr std::string_view birthday_forms = "expected YYYY-MM-DD, --12-25, 12-25 or dec 25";
constexpr std::string_view cadence_forms = "expected an interval like 30d or a window like 3w..6w";

Unexpected bad(std::string_view kind, std::string_view text, std::string_view why) {
    return unexpected(fmt::format("bad {} \"{}\": {}", kind, text, why));
}

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
std::string lowercase(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    while (true) {
        while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
        if (s.empty()) return out;
        std::size_t end = 0;
        while (end < s.size() && !is_space(s[end])) ++end;
        out.push_back(s.substr(0, end));
        s.remove_prefix(end);
    }
}

// Digits only; nullopt when the number does not fit an int (the caller reports "too large").
std::optional<int> to_int(std::string_view digits) {
    int value = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc{} || ptr != digits.data() + digits.size()) return std::nullopt;
    return value;
}

// ---- calendar helpers ----------------------------------------------------------------

Date make_date(int y, unsigned m, unsigned d) { return Date{year{y}, month{m}, day{d}}; }

// The day in the given month, or the month's last day when it is shorter (Feb 29 -> Feb 28).
Date clamped(year_month ym, day d) {
    const day last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
    return Date{ym.year(), ym.month(), std::min(d, last)};
}

Date plus_days(Date date, long long n) { return Date{sys_days{date} + days{n}}; }

// Whether month/day exists in some year; Feb 29 counts.
bool month_day_exists(unsigned m, unsigned d) { return month_day{month{m}, day{d}}.ok(); }

// ---- ISO dates -------------------------------------------------------------------------

// YYYY-MM-DD; anything shaped like three dash-separated numbers counts as an ISO attempt, so
// "2026-1-5" gets the precise "expected YYYY-MM-DD" instead of the list of every form.
Attempt<Date> iso_date(std::string_view s) {
    const auto d1 = s.find('-');
    const auto d2 = d1 == std::string_view::npos ? d1 : s.find('-', d1 + 1);
    if (d1 == 0 || d2 == std::string_view::npos) return std::nullopt;
    const auto y = s.substr(0, d1), m = s.substr(d1 + 1, d2 - d1 - 1), d = s.substr(d2 + 1);
    if (!all_ascii_digits(y) || !all_ascii_digits(m) || !all_ascii_digits(d)) return std::nullopt;
    if (y.size() != 4 || m.size() != 2 || d.size() != 2) return unexpected("expected YYYY-MM-DD");
    const int yv = *to_int(y);
    const auto mv = static_cast<unsigned>(*to_int(m)), dv = static_cast<unsigned>(*to_int(d));
    if (yv < min_year || yv > max_year) return unexpected("year must be 1900..2200");
    if (!month{mv}.ok()) return unexpected("no such month");
    const Date date = make_date(yv, mv, dv);
    if (!date.ok()) return unexpected("no such day");
    return date;
}

// ---- names -----------------------------------------------------------------------------

std::optional<weekday> weekday_named(std::string_view w) {
    struct Name { std::string_view name; unsigned day; };  // day: 0 = Sunday, as chrono
    static constexpr std::array<Name, 18> names{{
        {"sun", 0}, {"sunday", 0}, {"mon", 1}, {"monday", 1}, {"tue", 2}, {"tues", 2},
        {"tuesday", 2}, {"wed", 3}, {"weds", 3}, {"wednesday", 3}, {"thu", 4}, {"thur", 4},
        {"thurs", 4}, {"thursday", 4}, {"fri", 5}, {"friday", 5}, {"sat", 6}, {"saturday", 6},
    }};
    for (const auto& n : names)
        if (n.name == w) return weekday{n.day};
    return std::nullopt;
}

std::optional<unsigned> month_named(std::string_view w) {
    static constexpr std::array<std::string_view, 12> full{
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    for (unsigned i = 0; i < full.size(); ++i) {
        if (w == full[i] || w == full[i].substr(0, 3)) return i + 1;
    }
    if (w == "sept") return 9u;
    return std::nullopt;
}

// ---- intervals -------------------------------------------------------------------------

std::optional<Interval::Unit> unit_named(std::string_view w) {
    using U = Interval::Unit;
    struct Name { std::string_view name; U unit; };
    static constexpr std::array<Name, 17> names{{
        {"d", U::days},      {"day", U::days},       {"days", U::days},
        {"w", U::weeks},     {"wk", U::weeks},       {"wks", U::weeks},
        {"week", U::weeks},  {"weeks", U::weeks},    {"mo", U::months},
        {"mos", U::months},  {"month", U::months},   {"months", U::months},
        {"y", U::years},     {"yr", U::years},       {"yrs", U::years},
        {"year", U::years},  {"years", U::years},
    }};
    for (const auto& n : names)
        if (n.name == w) return n.unit;
    return std::nullopt;
}

// A count and a unit: `3d`, `3days`, `3 days`. A minus sign is accepted into the form only so
// that `-3d` is told "count must be positive" rather than the list of forms.
Attempt<Interval> count_and_unit(const std::vector<std::string_view>& ws) {
    std::string_view number, unit;
    if (ws.size() == 1) {
        const auto w = ws[0];
        std::size_t split = (!w.empty() && w[0] == '-') ? 1 : 0;
        while (split < w.size() && is_ascii_digit(w[split])) ++split;
        number = w.substr(0, split);
        unit = w.substr(split);
    } else if (ws.size() == 2) {
        number = ws[0];
        unit = ws[1];
    } else {
        return std::nullopt;
    }
    const bool negative = !number.empty() && number[0] == '-';
    const auto digits = negative ? number.substr(1) : number;
    const auto u = unit_named(unit);
    if (!all_ascii_digits(digits) || !u) return std::nullopt;
    if (negative) return unexpected("count must be positive");
    const auto count = to_int(digits);
    if (count && *count == 0) return unexpected("count must be positive");
    if (!count || *count > max_count) return unexpected(fmt::format("count must be at most {}", max_count));
    return Interval{*count, *u};
}

std::optional<Interval> interval_word(std::string_view w) {
    using U = Interval::Unit;
    if (w == "daily") return Interval{1, U::days};
    if (w == "weekly") return Interval{1, U::weeks};
    if (w == "fortnightly") return Interval{2, U::weeks};
    if (w == "monthly") return Interval{1, U::months};
    if (w == "quarterly") return Interval{3, U::months};
    if (w == "yearly" || w == "annually") return Interval{1, U::years};
    return std::nullopt;
}

// Interval parsing on already lower-cased text, returning the bare reason on error.
Expected<Interval> interval_reason(std::string_view lower) {
    const auto ws = words(lower);
    if (ws.size() == 1)
        if (auto w = interval_word(ws[0])) return *w;
    if (auto a = count_and_unit(ws)) return *a;
    return unexpected(std::string(interval_forms));
}

// ---- DATE forms ------------------------------------------------------------------------

Attempt<Date> keyword_date(std::string_view w, Date today) {
    if (w == "today") return today;
    if (w == "tomorrow" || w == "tmrw") return plus_days(today, 1);
    if (w == "yesterday") return plus_days(today, -1);
    if (w == "eom") return Date{year_month_day_last{today.year(), month_day_last{today.month()}}};
    // The week ends on Sunday; weekday subtraction is modular, so Sunday itself gives 0.
    if (w == "eow") return Date{sys_days{today} + (Sunday - weekday{sys_days{today}})};
    return std::nullopt;
}

// `fri`, `friday`: the next one, strictly after today (a week ahead on that day). `next friday`:
// that day of next week, as a note reads it and as `next week` is its Monday ("next tues"
// written on a Monday is a week tomorrow; on a Saturday, three days on).
Attempt<Date> weekday_date(const std::vector<std::string_view>& ws, Date today) {
    const bool next = !ws.empty() && ws[0] == "next";
    if (ws.size() != (next ? 2u : 1u)) return std::nullopt;
    const auto wd = weekday_named(ws.back());
    if (!wd) return std::nullopt;
    if (next) return next_weeks(*wd, today);
    auto ahead = *wd - weekday{sys_days{today}};
    if (ahead == days{0}) ahead = days{7};
    return Date{sys_days{today} + ahead};
}

// `next week`: its Monday, the first one strictly after today. `next month`: its first day.
// `next september`: the 1st of the next September. The same days a note's words mean.
Attempt<Date> next_period_date(const std::vector<std::string_view>& ws, Date today) {
    if (ws.size() != 2 || ws[0] != "next") return std::nullopt;
    if (ws[1] == "week") return next_weeks_monday(today);
    if (ws[1] == "month") {
        const auto next = year_month{today.year(), today.month()} + months{1};
        return Date{next.year(), next.month(), day{1}};
    }
    // `next september`: its first day, the first such month after this one.
    if (auto m = month_named(ws[1])) {
        auto first = year_month{today.year(), month{*m}};
        if (first <= year_month{today.year(), today.month()}) first += years{1};
        return Date{first.year(), first.month(), day{1}};
    }
    return std::nullopt;
}

// `in 3 days`, `in 3d`, or bare `3d`: today plus an interval.
Attempt<Date> relative_date(std::vector<std::string_view> ws, Date today) {
    const bool in = !ws.empty() && ws[0] == "in";
    if (in) ws.erase(ws.begin());
    auto interval = count_and_unit(ws);
    if (!interval) {
        if (in) return unexpected(std::string(date_forms));
        return std::nullopt;
    }
    if (!*interval) return unexpected(interval->error());
    return add(today, interval->value());
}

// Month and day as written, not yet checked against the calendar (13-01 is still a MonthDay,
// so it can be told "no such month" rather than the list of forms).
struct MonthDay { unsigned month = 0; unsigned day = 0; };

// One or two digits: a month or day number.
std::optional<unsigned> day_number(std::string_view w) {
    if (!all_ascii_digits(w) || w.size() > 2) return std::nullopt;
    return static_cast<unsigned>(*to_int(w));
}

// `12-25`, `dec 25`, `25 dec`, `december 25`.
std::optional<MonthDay> month_day_words(const std::vector<std::string_view>& ws) {
    if (ws.size() == 1) {
        const auto w = ws[0];
        const auto dash = w.find('-');
        if (dash == std::string_view::npos || dash == 0 || dash > 2) return std::nullopt;
        const auto m = day_number(w.substr(0, dash)), d = day_number(w.substr(dash + 1));
        if (!m || !d) return std::nullopt;
        return MonthDay{*m, *d};
    }
    if (ws.size() != 2) return std::nullopt;
    if (auto m = month_named(ws[0]))
        if (auto d = day_number(ws[1])) return MonthDay{*m, *d};
    if (auto m = month_named(ws[1]))
        if (auto d = day_number(ws[0])) return MonthDay{*m, *d};
    return std::nullopt;
}

// The next occurrence on or after today; Feb 29 waits for the next leap year.
Attempt<Date> month_day_date(const std::vector<std::string_view>& ws, Date today) {
    const auto md = month_day_words(ws);
    if (!md) return std::nullopt;
    if (!month{md->month}.ok()) return unexpected("no such month");
    if (!month_day_exists(md->month, md->day)) return unexpected("no such day");
    // Leap years are at most 8 apart (e.g. 2096 -> 2104), so this always finds one.
    for (int y = int{today.year()}; y <= int{today.year()} + 8; ++y) {
        const Date date = make_date(y, md->month, md->day);
        if (date.ok() && sys_days{date} >= sys_days{today}) return date;
    }
    return unexpected("no such day");
}

Expected<Date> date_reason(std::string_view lower, Date today) {
    const auto ws = words(lower);
    if (ws.size() == 1) {
        if (auto a = iso_date(ws[0])) return *a;
        if (auto a = keyword_date(ws[0], today)) return *a;
    }
    if (auto a = weekday_date(ws, today)) return *a;
    if (auto a = next_period_date(ws, today)) return *a;
    if (auto a = month_day_date(ws, today)) return *a;
    if (auto a = relative_date(ws, today)) return *a;
    return unexpected(std::string(date_forms));
}

// The words of the date language, for "did you mean": a misspelt word is put right only into
// one of these.
const std::vector<std::string>& date_words() {
    static const std::vector<std::string> vocabulary{
        "today",   "tomorrow", "tmrw",     "yesterday", "next",     "week",      "month",    "in",
        "day",     "days",     "weeks",    "months",    "year",     "years",     "sunday",   "monday",
        "tuesday", "wednesday", "thursday", "friday",   "saturday", "sun",       "mon",      "tue",
        "wed",     "thu",      "fri",      "sat",       "january",  "february",  "march",    "april",
        "may",     "june",     "july",     "august",    "september", "october",  "november", "december",
        "jan",     "feb",      "mar",      "apr",       "jun",      "jul",       "aug",      "sep",
        "oct",     "nov",      "dec",      "eom",       "eow",
    };
    return vocabulary;
}

// The text with each misspelt word replaced by the one word it most likely meant, when that
// gives a date; nullopt when nothing was misspelt or no correction reads as a date.
std::optional<std::string> corrected_date(std::string_view lower, Date today) {
    const auto& vocabulary = date_words();
    std::vector<std::string> fixed;
    bool changed = false;
    for (const auto w : words(lower)) {
        const bool known = std::find(vocabulary.begin(), vocabulary.end(), w) != vocabulary.end();
        const bool letters = std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        if (known || !letters) {
            fixed.emplace_back(w);
            continue;
        }
        const auto close = nearest(w, vocabulary);
        if (close.size() != 1) return std::nullopt;
        fixed.push_back(close.front());
        changed = true;
    }
    if (!changed) return std::nullopt;
    auto text = join(fixed, " ");
    if (!date_reason(text, today)) return std::nullopt;
    return text;
}

// ---- birthdays -------------------------------------------------------------------------

// `--12-25` and `--1225` (the ISO 8601 forms for a date without a year).
std::optional<MonthDay> dashed_month_day(std::string_view w) {
    if (w.size() < 2 || w.substr(0, 2) != "--") return std::nullopt;
    w.remove_prefix(2);
    if (w.size() == 4 && all_ascii_digits(w))
        return MonthDay{*day_number(w.substr(0, 2)), *day_number(w.substr(2))};
    if (w.size() == 5 && w[2] == '-' && all_ascii_digits(w.substr(0, 2)) && all_ascii_digits(w.substr(3)))
        return MonthDay{*day_number(w.substr(0, 2)), *day_number(w.substr(3))};
    return std::nullopt;
}

Expected<Birthday> birthday_reason(std::string_view lower) {
    const auto ws = words(lower);
    if (ws.size() == 1) {
        if (auto a = iso_date(ws[0])) {
            if (!*a) return unexpected(a->error());
            const Date d = a->value();
            return Birthday{int{d.year()}, unsigned{d.month()}, unsigned{d.day()}};
        }
    }
    std::optional<MonthDay> md = ws.size() == 1 ? dashed_month_day(ws[0]) : std::nullopt;
    if (!md) md = month_day_words(ws);
    if (!md) return unexpected(std::string(birthday_forms));
    if (!month{md->month}.ok()) return unexpected("no such month");
    if (!month_day_exists(md->month, md->day)) return unexpected("no such day");
    return Birthday{std::nullopt, md->month, md->day};
}

// Exactly YYYY-MM-DD and valid, as kith itself writes dates and the database holds them, read
// back by the hundred thousand by `list` and `export`: the general parser's checks without its
// splitting and trimming. Nothing for anything else, which the general parser then judges.
std::optional<Date> canonical_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int digit[10] = {};
    for (std::size_t i = 0; i < 10; ++i) {
        if (i == 4 || i == 7) continue;
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        digit[i] = text[i] - '0';
    }
    const int y = digit[0] * 1000 + digit[1] * 100 + digit[2] * 10 + digit[3];
    const Date date =
        make_date(y, static_cast<unsigned>(digit[5] * 10 + digit[6]), static_cast<unsigned>(digit[8] * 10 + digit[9]));
    if (y < min_year || y > max_year || !date.ok()) return std::nullopt;
    return date;
}

// A part of a cadence that is no interval at all gets the cadence forms; a count problem
// ("count must be positive") is more useful as it is.
std::string cadence_reason(const std::string& interval_error) {
    return interval_error == interval_forms ? std::string(cadence_forms) : interval_error;
}

// Comparing two intervals needs a start date; any fixed one keeps the answer reproducible.
constexpr Date cadence_reference{year{2000}, January, day{1}};

}  // namespace

Date next_weeks_monday(Date day) {
    auto ahead = Monday - weekday{sys_days{day}};
    if (ahead == days{0}) ahead = days{7};
    return Date{sys_days{day} + ahead};
}

Date next_weeks(weekday wanted, Date day) { return Date{sys_days{next_weeks_monday(day)} + (wanted - Monday)}; }

// ---- public parsers --------------------------------------------------------------------

Expected<Date> parse_iso_date(std::string_view text) {
    if (auto date = canonical_iso_date(text)) return *date;
    const auto t = trim(text);
    if (auto a = iso_date(t)) {
        if (*a) return *a;
        return bad("date", t, a->error());
    }
    return bad("date", t, "expected YYYY-MM-DD");
}

bool is_utc_timestamp(std::string_view text) {
    auto two_digits_below = [&](std::size_t at, int limit) {
        return is_ascii_digit(text[at]) && is_ascii_digit(text[at + 1]) && (text[at] - '0') * 10 + (text[at + 1] - '0') < limit;
    };
    return text.size() == 20 && text[10] == 'T' && text[13] == ':' && text[16] == ':' && text[19] == 'Z' &&
           parse_iso_date(text.substr(0, 10)).has_value() && two_digits_below(11, 24) && two_digits_below(14, 60) &&
           two_digits_below(17, 60);
}

Expected<Date> parse_date(std::string_view text, Date today) {
    const auto t = trim(text);
    const auto lower = lowercase(t);
    auto result = date_reason(lower, today);
    if (!result) {
        if (result.error() == date_forms)
            if (auto meant = corrected_date(lower, today))
                return bad("date", t, fmt::format("did you mean \"{}\"?", *meant));
        return bad("date", t, result.error());
    }
    // The years an ISO date may name bound the relative forms too: "10000y" must not give a
    // date that kith could store but never read back.
    const int y{result->year()};
    if (y < min_year || y > max_year)
        return bad("date", t, fmt::format("{} is outside 1900..2200", format_iso(*result)));
    return result;
}

Expected<Date> parse_past_date(std::string_view text, Date today) {
    auto date = parse_date(text, today);
    if (!date || sys_days{*date} <= sys_days{today}) return date;
    // Names that repeat (a weekday, a month and day) mean their latest time, not their next.
    const auto lower = lowercase(trim(text));
    const auto ws = words(lower);
    if (ws.size() == 1 && weekday_named(ws[0])) return Date{sys_days{*date} - days{7}};
    if (month_day_words(ws)) {
        for (int y = int{today.year()}; y >= int{today.year()} - 8; --y) {
            const auto md = month_day_words(ws);
            const Date earlier = make_date(y, md->month, md->day);
            if (earlier.ok() && sys_days{earlier} <= sys_days{today}) return earlier;
        }
    }
    return date;  // plainly ahead (tomorrow, 3d, next fri): the caller decides
}

Expected<Birthday> parse_birthday(std::string_view text) {
    if (auto date = canonical_iso_date(text)) return Birthday{int{date->year()}, unsigned{date->month()}, unsigned{date->day()}};
    if (text.size() == 7 && text.substr(0, 2) == "--") {  // --MM-DD, as stored for a birthday without a year
        if (auto date = canonical_iso_date("2000" + std::string(text.substr(1))))  // 2000: Feb 29 exists
            return Birthday{std::nullopt, unsigned{date->month()}, unsigned{date->day()}};
    }
    const auto t = trim(text);
    auto result = birthday_reason(lowercase(t));
    if (!result) return bad("birthday", t, result.error());
    return result;
}

Expected<Interval> parse_interval(std::string_view text) {
    const auto t = trim(text);
    auto result = interval_reason(lowercase(t));
    if (!result) return bad("interval", t, result.error());
    return result;
}

Expected<Cadence> parse_cadence(std::string_view text) {
    const auto t = trim(text);
    const auto lower = lowercase(t);
    const auto dots = lower.find("..");
    const auto due = interval_reason(std::string_view(lower).substr(0, dots));
    if (!due) return bad("cadence", t, cadence_reason(due.error()));
    if (dots == std::string::npos) return Cadence{due.value(), std::nullopt};
    const auto overdue = interval_reason(std::string_view(lower).substr(dots + 2));
    if (!overdue) return bad("cadence", t, cadence_reason(overdue.error()));
    if (sys_days{add(cadence_reference, overdue.value())} <=
        sys_days{add(cadence_reference, due.value())})
        return bad("cadence", t, "the second interval must be longer than the first");
    return Cadence{due.value(), overdue.value()};
}

// ---- arithmetic ------------------------------------------------------------------------

// Always from the original date: Jan 31 + 2 x 1mo is Mar 31, not Feb 28 + 1mo = Mar 28.
Date add(Date date, Interval interval, int times) {
    // long long: count <= 10000 from the parser, but times is the caller's; avoid int overflow.
    const long long n = static_cast<long long>(interval.count) * times;
    switch (interval.unit) {
        case Interval::Unit::days: return plus_days(date, n);
        case Interval::Unit::weeks: return plus_days(date, 7 * n);
        case Interval::Unit::months:
            return clamped(year_month{date.year(), date.month()} + months{n}, date.day());
        case Interval::Unit::years:
            return clamped(year_month{date.year(), date.month()} + years{n}, date.day());
    }
    return date;
}

Date subtract(Date date, Interval interval) { return add(date, interval, -1); }

bool means_month_end(std::string_view text) { return lowercase(trim(text)) == "eom"; }

Date month_end_anchor(Date first, Interval every) {
    const bool by_calendar = every.unit == Interval::Unit::months || every.unit == Interval::Unit::years;
    const Date month_end{year_month_day_last{first.year(), month_day_last{first.month()}}};
    if (!by_calendar || every.count <= 0 || first != month_end) return first;
    // Months a step moves; the days of a month repeat every 4 years of months (48 steps at
    // most), so looking that far back finds the longest month-end there is.
    const long long step = static_cast<long long>(every.count) * (every.unit == Interval::Unit::years ? 12 : 1);
    Date best = first;
    for (long long k = 1; k <= 48; ++k) {
        const auto ym = year_month{first.year(), first.month()} - months{step * k};
        if (int{ym.year()} < min_year) break;
        const Date candidate{year_month_day_last{ym.year(), month_day_last{ym.month()}}};
        if (candidate.day() > best.day()) best = candidate;
        if (best.day() == day{31}) break;
    }
    return best;
}

Date next_birthday(const Birthday& birthday, Date from) {
    const auto on_in = [&](year y) {
        return clamped(year_month{y, month{birthday.month}}, day{birthday.day});
    };
    const Date this_year = on_in(from.year());
    if (sys_days{this_year} >= sys_days{from}) return this_year;
    return on_in(from.year() + years{1});
}

// The birthday counts as reached on the day next_birthday would celebrate it (Feb 28 for a
// Feb 29 birthday in a common year). Before the birth date there is no age.
std::optional<int> age_on(const Birthday& birthday, Date on) {
    if (!birthday.year) return std::nullopt;
    const Date born = make_date(*birthday.year, birthday.month, birthday.day);
    if (!born.ok() || sys_days{on} < sys_days{born}) return std::nullopt;
    const Date this_year = clamped(year_month{on.year(), month{birthday.month}}, day{birthday.day});
    const int age = int{on.year()} - *birthday.year;
    return sys_days{on} < sys_days{this_year} ? age - 1 : age;
}

int nominal_days(const Interval& interval) {
    const Date origin{year{2001}, January, day{1}};
    return days_between(origin, add(origin, interval));
}

Date checkin_due(Date last_touch, const Cadence& cadence) {
    return add(last_touch, cadence.due);
}

int days_between(Date from, Date to) {
    return static_cast<int>((sys_days{to} - sys_days{from}).count());
}

// ---- formatting ------------------------------------------------------------------------

std::string format_iso(Date date) {
    const int y = int{date.year()};
    const unsigned m = unsigned{date.month()}, d = unsigned{date.day()};
    if (y < 0 || y > 9999 || m > 99 || d > 99) return fmt::format("{:04}-{:02}-{:02}", y, m, d);
    // By hand: `list` and `export` write one or more dates for each of 100,000 people.
    std::string out = "0000-00-00";
    const auto digits = [&](std::size_t end, unsigned value, int count) {
        for (int i = 0; i < count; ++i, value /= 10) out[end - static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    };
    digits(3, static_cast<unsigned>(y), 4);
    digits(6, m, 2);
    digits(9, d, 2);
    return out;
}

std::string format_birthday(const Birthday& birthday) {
    if (birthday.year)
        return fmt::format("{:04}-{:02}-{:02}", *birthday.year, birthday.month, birthday.day);
    return fmt::format("--{:02}-{:02}", birthday.month, birthday.day);
}

std::string format_interval(const Interval& interval) {
    const char* suffix = "d";
    switch (interval.unit) {
        case Interval::Unit::days: suffix = "d"; break;
        case Interval::Unit::weeks: suffix = "w"; break;
        case Interval::Unit::months: suffix = "mo"; break;
        case Interval::Unit::years: suffix = "y"; break;
    }
    return fmt::format("{}{}", interval.count, suffix);
}

std::string format_cadence(const Cadence& cadence) {
    if (!cadence.overdue) return format_interval(cadence.due);
    return format_interval(cadence.due) + ".." + format_interval(*cadence.overdue);
}

std::string weekday_short(Date date) {
    static constexpr std::array<std::string_view, 7> names{"Sun", "Mon", "Tue", "Wed",
                                                           "Thu", "Fri", "Sat"};
    return std::string(names[weekday{sys_days{date}}.c_encoding()]);
}

}  // namespace kith
