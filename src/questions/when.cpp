#include "questions/when.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <string>
#include <utility>

#include "kith/text.h"
#include "questions/named_days.h"
#include "questions/words.h"

namespace kith::questions {

namespace {

using namespace std::chrono;

std::optional<unsigned> month_number(std::string_view word) {
    static constexpr std::array<std::string_view, 12> full{"january", "february", "march",     "april",
                                                           "may",     "june",     "july",      "august",
                                                           "september", "october", "november", "december"};
    for (unsigned m = 0; m < 12; ++m) {
        if (word == full[m]) return m + 1;
        // Abbreviations: "sept", "sep", "oct"; "mar", "jun", "jul" (three letters at least,
        // and "may"/"march" only in full, so "may" the verb is not May).
        if (word.size() >= 3 && word.size() < full[m].size() && full[m].starts_with(word) && m != 4 &&
            !(m == 2 && word.size() < 3))
            return m + 1;
    }
    if (word == "sept") return 9;
    return std::nullopt;
}

// A month in Spanish, French, German, Italian, Welsh, Portuguese, Polish, Turkish, Czech, Dutch,
// Romanian, Swahili, Catalan or a Nordic language ("17 de octubre", "am 12. Mai", "3 mars", "3
// Chwefror", "13 listopada", "26 Kasım", "14. listopadu", "7 maart", "3. marts", "11 decembrie",
// "19 Novemba", "31 de desembre"): read only after a day's number, since several are words or
// names too (Abril, mars, mai).
std::optional<unsigned> foreign_month(std::string_view word) {
    static constexpr std::array<std::array<std::string_view, 14>, 12> names{{
        {"enero", "janvier", "januar", "gennaio", "ionawr", "janeiro", "stycznia", "ocak", "ledna", "januari",
         "ianuarie", "gener"},
        {"febrero", "février", "februar", "febbraio", "chwefror", "fevereiro", "lutego", "şubat", "února",
         "februari", "februarie", "febrer"},
        {"marzo", "mars", "märz", "maerz", "mawrth", "março", "marca", "mart", "března", "maart", "marts", "martie",
         "machi", "març"},
        {"abril", "avril", "aprile", "ebrill", "kwietnia", "nisan", "dubna", "aprilie", "aprili"},
        {"mayo", "mai", "maggio", "maio", "maja", "mayıs", "května", "mei", "maj", "maig"},
        {"junio", "juin", "juni", "giugno", "mehefin", "junho", "czerwca", "haziran", "června", "iunie", "juny"},
        {"julio", "juillet", "juli", "luglio", "gorffennaf", "julho", "lipca", "temmuz", "července", "iulie",
         "julai", "juliol"},
        {"agosto", "août", "aout", "awst", "sierpnia", "ağustos", "srpna", "augustus", "augusti", "agosti", "agost"},
        {"septiembre", "setiembre", "septembre", "settembre", "medi", "setembro", "września", "eylül", "září",
         "septembrie", "septemba", "setembre"},
        {"octubre", "octobre", "oktober", "ottobre", "hydref", "outubro", "października", "ekim", "října",
         "octombrie", "oktoba"},
        {"noviembre", "novembre", "tachwedd", "novembro", "listopada", "kasım", "listopadu", "noiembrie", "novemba"},
        {"diciembre", "décembre", "dezember", "dicembre", "rhagfyr", "dezembro", "grudnia", "aralık", "prosince",
         "decembrie", "desemba", "desembre"},
    }};
    for (unsigned m = 0; m < 12; ++m)
        if (!word.empty() && std::ranges::find(names[m], word) != names[m].end()) return m + 1;
    return std::nullopt;
}

// "12", "12th", "1st", "22nd", "3rd"
std::optional<unsigned> day_number(std::string_view word) {
    unsigned value = 0;
    auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
    if (error != std::errc{} || value < 1 || value > 31) return std::nullopt;
    std::string_view rest(end, static_cast<std::size_t>(word.data() + word.size() - end));
    if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return std::nullopt;
    return value;
}

// "twenty-second", "third": a day of the month spelled out.
std::optional<unsigned> spelled_day(std::string_view word) {
    static constexpr std::array<std::string_view, 19> ones{
        "first",   "second",  "third",      "fourth",     "fifth",    "sixth",     "seventh",
        "eighth",  "ninth",   "tenth",      "eleventh",   "twelfth",  "thirteenth", "fourteenth",
        "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
    unsigned tens = 0;
    if (word.starts_with("twenty-")) tens = 20, word.remove_prefix(7);
    else if (word.starts_with("thirty-")) tens = 30, word.remove_prefix(7);
    else if (word == "twentieth") return 20;
    else if (word == "thirtieth") return 30;
    const auto found = std::ranges::find(ones, word);
    if (found == ones.end()) return std::nullopt;
    const auto value = tens + static_cast<unsigned>(found - ones.begin()) + 1;
    if ((tens > 0 && found - ones.begin() > 8) || value > 31) return std::nullopt;
    return value;
}

// A day number written with its suffix ("14th", "3rd"), which names a day even without a month.
bool ordinal(std::string_view word) { return day_number(word) && word.size() > 2 && !is_ascii_digit(word.back()); }

std::optional<int> count_word(std::string_view word) {
    static constexpr std::array<std::string_view, 13> numbers{"zero", "one", "two",   "three", "four",   "five", "six",
                                                              "seven", "eight", "nine", "ten", "eleven", "twelve"};
    for (int n = 0; n < 13; ++n)
        if (word == numbers[static_cast<std::size_t>(n)]) return n;
    if (word == "a" || word == "an") return 1;
    if (word == "couple") return 2;
    if (word == "few") return 3;
    int value = 0;
    auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
    if (error != std::errc{} || end != word.data() + word.size() || value < 1 || value > 60) return std::nullopt;
    return value;
}

std::optional<Interval::Unit> unit_word(std::string_view word) {
    if (word == "day" || word == "days" || word == "night" || word == "nights" || word == "sleeps")
        return Interval::Unit::days;
    if (word == "week" || word == "weeks" || word == "wk" || word == "wks") return Interval::Unit::weeks;
    if (word == "month" || word == "months" || word == "mo" || word == "mos" || word == "mths")
        return Interval::Unit::months;
    if (word == "year" || word == "years" || word == "yr" || word == "yrs") return Interval::Unit::years;
    return std::nullopt;
}

Date first_of(Date date) { return Date{date.year(), date.month(), day{1}}; }

// The Monday of ISO week n of year y (week 1 holds 4 January).
Date iso_week_monday(year y, int n) {
    const sys_days fourth{year_month_day{y, January, day{4}}};
    const sys_days week_one = fourth - (weekday{fourth} - Monday);
    return Date{week_one + days{7 * (n - 1)}};
}

day last_day_of(year y, month m) { return year_month_day_last{y, month_day_last{m}}.day(); }

Date day_of_month_in(year y, unsigned m, unsigned d) {
    Date date{y, month{m}, day{d}};
    return date.ok() ? date : Date{y, month{m}, last_day_of(y, month{m})};
}

// The day `d` of month `m` nearest to being meant: this year's, unless it is well past (then
// next year's); a past-tense note ("moved on 3 March") keeps a day earlier in the year. A later
// day stays ahead even then: "got into Stanford, starts 1 Sept".
Date resolve_day_month(unsigned m, unsigned d, Date noted, bool past_tense) {
    const Date candidate = day_of_month_in(noted.year(), m, d);
    const int behind = days_between(candidate, noted);
    if (behind <= 14 || (past_tense && behind > 0)) return candidate;
    return day_of_month_in(noted.year() + years{1}, m, d);
}

// Month `m`: this year's unless it is past (then next year's); a past-tense note keeps a month
// earlier in the year ("moved to Leeds in March", noted in November).
Date resolve_month(unsigned m, Date noted, bool past_tense) {
    const Date candidate{noted.year(), month{m}, day{1}};
    if (candidate.month() >= noted.month() || past_tense) return candidate;
    return Date{noted.year() + years{1}, month{m}, day{1}};
}

Date weekday_from(Date noted, weekday wanted, int direction) {
    sys_days day_point{noted};
    for (int i = 0; i < 8; ++i) {
        day_point += days{direction};
        if (weekday{day_point} == wanted) return Date{day_point};
    }
    return noted;
}

struct Scanner {
    std::string_view text;
    const std::vector<Word>& words;
    Date noted{};
    bool past_tense;
    TextDates out;

    // A string_view: compared with a literal, its length is checked before any byte.
    std::string_view at(std::size_t i) const { return i < words.size() ? std::string_view(words[i].text) : std::string_view(); }
    void add(Date date, bool month_only, std::size_t first, std::size_t last, bool deadline = false) {
        if (!within_kiths_years(date)) return;  // "3333/3/3" is no day kith can keep, nor ask on
        TextDate found;
        found.date = date;
        found.month_only = month_only;
        found.deadline = deadline;
        found.begin = words[first].begin;
        found.end = words[last].end;
        out.dates.push_back(found);
    }

    // Word i counts weekdays, and names no day of its own: "the second Tuesday of March", "last
    // Friday in May", "the 2nd sat of next month", "the first friday of the month".
    bool counts_weekdays(std::size_t i) const {
        return weekday_named(at(i + 1)) && (at(i + 2) == "of" || at(i + 2) == "in") &&
               (month_number(at(i + 3)) || ((at(i + 3) == "the" || at(i + 3) == "next") && at(i + 4) == "month"));
    }

    // The "since" a few words before word i that opens its clause ("since his knee went in 2017").
    std::optional<std::size_t> follows_since(std::size_t i) const {
        for (std::size_t k = i; k-- > 0 && i - k <= 6;) {
            if (ends_clause(k)) return std::nullopt;
            if (at(k) == "since") return k;
        }
        return std::nullopt;
    }

    // Word i opens a span of days written with their suffixes and a dash: "19th–23rd", "3rd - 5th"
    // (not "the 3rd-4th percentile", "5th-6th grade", "came 3rd-5th").
    bool opens_ordinal_span(std::size_t i) const {
        static constexpr std::array<std::string_view, 8> not_days{"percentile", "place", "places", "grade",
                                                                  "grades",     "year",  "century", "floor"};
        static constexpr std::array<std::string_view, 6> placed{"came",   "finished", "placed",
                                                                "ranked", "coming",   "finishing"};
        if (!ordinal(at(i)) || !ordinal(at(i + 1)) || *day_number(at(i)) >= *day_number(at(i + 1)) ||
            std::ranges::find(not_days, at(i + 2)) != not_days.end() ||
            (i > 0 && std::ranges::find(placed, at(i - 1)) != placed.end()))
            return false;
        const auto between = trim(text.substr(words[i].end, words[i + 1].begin - words[i].end));
        return between == "-" || between == "\xE2\x80\x93";
    }

    // Word i is the last of its clause: punctuation, an emoji or the end of the text follow it.
    bool ends_clause(std::size_t i) const {
        const auto rest = text.substr(words[i].end);
        const auto next = rest.find_first_not_of(' ');
        if (next == std::string_view::npos) return true;
        const unsigned char c = static_cast<unsigned char>(rest[next]);
        return c >= 0x80 || std::string_view(",.!?;:)-").find(rest[next]) != std::string_view::npos;
    }
    // A word before "sat", "wed" or "sun" that makes it the verb or the star ("we sat.", "got
    // wed!", "in the sun."), not the day ("party sat!!", "starts school mon,").
    static bool subject_or_article(std::string_view before) {
        static constexpr std::array<std::string_view, 24> words{
            "i",   "we",  "you", "he",   "she",  "they", "it",   "who", "the",  "a",   "in",    "to",
            "got", "get", "be",  "been", "just", "was",  "were", "is",  "are",  "and", "never", "getting"};
        return std::ranges::find(words, before) != words.end();
    }

    // "on the 14th", "mon 9th": day d of this month, or of next month when it has passed (not
    // ok() when that month has no such day).
    Date day_of_this_or_next_month(unsigned d) const {
        const Date this_month{noted.year(), noted.month(), day{d}};
        if (this_month.ok() && (days_between(noted, this_month) >= 0 || past_tense)) return this_month;
        const Date next = kith::add(first_of(noted), Interval{1, Interval::Unit::months});
        return Date{next.year(), next.month(), day{d}};
    }

    // Word k is only figures, at most `longest` of them: its value.
    std::optional<unsigned> figures(std::size_t k, std::size_t longest) const {
        const std::string_view w = at(k);
        if (w.empty() || w.size() > longest || !std::ranges::all_of(w, is_ascii_digit)) return std::nullopt;
        unsigned value = 0;
        std::from_chars(w.data(), w.data() + w.size(), value);
        return value;
    }
    // Words k and k + 1 are written with `separator` alone between them: "19.03", "3/19".
    bool joined(std::size_t k, char separator) const {
        return k + 1 < words.size() && words[k + 1].begin == words[k].end + 1 && text[words[k].end] == separator;
    }

    // Word k is a year written after a day: "2027", or "'27" with its apostrophe.
    std::optional<year> written_year(std::size_t k) const {
        const auto value = figures(k, 4);
        if (!value) return std::nullopt;
        if (unit_word(at(k + 1))) return std::nullopt;  // "starts 2 Nov. '10 yrs of graft": a span, not a year
        if (at(k).size() == 4 && *value >= 1900 && *value < 2200) return year{static_cast<int>(*value)};
        const auto begin = words[k].begin;
        const bool apostrophe = begin >= 1 && text[begin - 1] == '\'';
        if (at(k).size() == 2 && apostrophe) return year{2000 + static_cast<int>(*value)};
        return std::nullopt;
    }

    // "21-Jan-27", "3-mar-2027": a day, a month's name and a year, as one word.
    std::size_t dashed_date(std::size_t i, bool deadline) {
        const std::string_view w = at(i);
        const auto first = w.find('-'), second = w.rfind('-');
        if (first == std::string_view::npos || second == first) return 0;
        const auto d = day_number(w.substr(0, first));
        const auto m = month_number(w.substr(first + 1, second - first - 1));
        const auto y = w.substr(second + 1);
        if (!d || !m || (y.size() != 2 && y.size() != 4) || !std::ranges::all_of(y, is_ascii_digit)) return 0;
        unsigned value = 0;
        std::from_chars(y.data(), y.data() + y.size(), value);
        const Date date{year{static_cast<int>(y.size() == 2 ? 2000 + value : value)}, month{*m}, day{*d}};
        if (!date.ok()) return 0;
        add(date, false, i, i, deadline);
        return 1;
    }

    // "2026/05/04", "2026.05.04": a year, a month, a day (the ISO order, other separators).
    std::size_t year_first_date(std::size_t i, bool deadline) {
        const auto y = figures(i, 4);
        if (!y || at(i).size() != 4 || *y < 1900) return 0;
        const char separator = i + 1 < words.size() ? text[words[i].end] : ' ';
        if ((separator != '/' && separator != '.') || !joined(i, separator) || !joined(i + 1, separator)) return 0;
        const auto m = figures(i + 1, 2), d = figures(i + 2, 2);
        if (!m || !d) return 0;
        const Date date{year{static_cast<int>(*y)}, month{*m}, day{*d}};
        if (!date.ok()) return 0;
        add(date, false, i, i + 2, deadline);
        return 3;
    }

    // "12.XI.", "3.IV.2027": a day and the month in Roman figures, as written in central Europe.
    std::size_t roman_month_date(std::size_t i, bool deadline) {
        static constexpr std::array<std::string_view, 12> roman{"I",   "II", "III", "IV", "V",  "VI",
                                                                "VII", "VIII", "IX", "X", "XI", "XII"};
        const auto d = figures(i, 2);
        if (!d || !joined(i, '.')) return 0;
        const std::string_view written = text.substr(words[i + 1].begin, words[i + 1].end - words[i + 1].begin);
        const auto found = std::ranges::find(roman, written);  // as written: upper case
        if (found == roman.end()) return 0;
        const unsigned m = static_cast<unsigned>(found - roman.begin()) + 1;
        std::size_t last = i + 1;
        std::optional<Date> date;
        if (const auto y = figures(i + 2, 4); y && joined(i + 1, '.') && at(i + 2).size() == 4) {
            date = Date{year{static_cast<int>(*y)}, month{m}, day{*d}};
            last = i + 2;
        } else {
            date = resolve_day_month(m, *d, noted, past_tense);
        }
        if (!date->ok() || unsigned{date->day()} != *d) return 0;
        add(*date, false, i, last, deadline);
        return last - i + 1;
    }

    // A day and a month in figures, from word i: "19.03" (day first, as wherever dots are
    // written), "19/03" or "3/19" (with slashes only when one number cannot be a month: "9/11",
    // "10/10", "9/10" and "24/7" name no day), with a year or without ("19.03.26", "3/19/2026").
    // Decimals ("2.5 hrs", "$12.05"), versions ("1.10.2") and times ("at 10.05") are no days.
    std::size_t numeric_date(std::size_t i, bool deadline) {
        if (auto used = year_first_date(i, deadline)) return used;
        if (auto used = dashed_date(i, deadline)) return used;
        if (auto used = roman_month_date(i, deadline)) return used;
        const auto first = figures(i, 2);
        if (!first || i + 1 >= words.size()) return 0;
        const char separator = text[words[i].end];
        if ((separator != '.' && separator != '/') || !joined(i, separator)) return 0;
        const auto second = figures(i + 1, 2);
        if (!second || (separator == '.' && at(i + 1).size() != 2)) return 0;
        std::size_t last = i + 1;
        std::optional<unsigned> year_written;
        if (joined(last, separator)) {
            const auto year_word = figures(last + 1, 4);
            if (!year_word || (at(last + 1).size() != 2 && at(last + 1).size() != 4) || joined(last + 1, separator))
                return 0;
            year_written = at(last + 1).size() == 2 ? 2000 + *year_word : *year_word;
            ++last;
        }
        if (words[i].begin > 0 && std::string_view("$.,:#").find(text[words[i].begin - 1]) != std::string_view::npos)
            return 0;
        if (words[last].end < text.size() && text[words[last].end] == '%') return 0;
        static constexpr std::array<std::string_view, 14> not_after{
            "am", "pm", "h", "hr", "hrs", "hours", "mins", "k", "m", "km", "kg", "miles", "mi", "percent"};
        static constexpr std::array<std::string_view, 3> not_before{"at", "v", "version"};
        if (std::ranges::find(not_after, at(last + 1)) != not_after.end() ||
            (i > 0 && std::ranges::find(not_before, at(i - 1)) != not_before.end()))
            return 0;
        unsigned d = *first, m = *second;
        // "wed 3/2", "wed 11/11": after a weekday, the way round that falls on it.
        const auto named = i > 0 ? weekday_named(at(i - 1)) : std::nullopt;
        auto falls_on_it = [&](unsigned dd, unsigned mm) {
            if (mm < 1 || mm > 12) return false;
            const Date date = year_written ? Date{year{static_cast<int>(*year_written)}, month{mm}, day{dd}}
                                           : resolve_day_month(mm, dd, noted, past_tense);
            return date.ok() && weekday{sys_days{date}} == *named;
        };
        bool settled_by_weekday = false;
        if (separator == '/' && named && *first <= 12 && *second <= 12) {
            const bool day_first = falls_on_it(*first, *second), month_first = falls_on_it(*second, *first);
            if (day_first != month_first || *first == *second) {
                if (month_first && !day_first) std::swap(d, m);
                settled_by_weekday = day_first || month_first;
            }
        }
        if (separator == '/' && !settled_by_weekday) {
            const bool same_either_way = *first == *second && i > 0 && at(i - 1) == "on";  // "on 3/3"
            if (*second > 12 && *first <= 12) std::swap(d, m);  // 3/19: the month first
            else if ((*first <= 12 || *second > 12) && !same_either_way) return 0;  // 9/11, 10/10: either way round
            if (!year_written && *first == 24 && *second == 7) return 0;  // 24/7
        }
        if (m < 1 || m > 12 || d < 1) return 0;
        const Date date = year_written ? Date{year{static_cast<int>(*year_written)}, month{m}, day{d}}
                                       : resolve_day_month(m, d, noted, past_tense);
        if (!date.ok() || unsigned{date.day()} != d) return 0;
        add(date, false, i, last, deadline);
        return last - i + 1;
    }

    // "11月14日", "2026年11月14日": a month (月) and a day (日), a year (年) before them or not.
    std::size_t cjk_date(std::size_t i, bool deadline) {
        static constexpr std::string_view year_mark = "\xE5\xB9\xB4", month_mark = "\xE6\x9C\x88",
                                          day_mark = "\xE6\x97\xA5";
        std::string_view w = at(i);
        auto number = [&](std::string_view mark) -> std::optional<unsigned> {
            const auto end = w.find(mark);
            if (end == std::string_view::npos || end == 0 || end > 4 ||
                !std::ranges::all_of(w.substr(0, end), is_ascii_digit))
                return std::nullopt;
            unsigned value = 0;
            std::from_chars(w.data(), w.data() + end, value);
            w.remove_prefix(end + mark.size());
            return value;
        };
        std::optional<unsigned> y;
        if (w.find(year_mark) != std::string_view::npos) y = number(year_mark);
        const auto m = number(month_mark);
        const auto d = m ? number(day_mark) : std::nullopt;
        if (!m || !d || *m < 1 || *m > 12 || !w.empty()) return 0;
        const Date date = y ? Date{year{static_cast<int>(*y)}, month{*m}, day{*d}} : resolve_day_month(*m, *d, noted, past_tense);
        if (!date.ok()) return 0;
        add(date, false, i, i, deadline);
        return 1;
    }

    // "11월 19일": a month (월) and a day (일) in Korean, two words.
    std::size_t korean_date(std::size_t i, bool deadline) {
        static constexpr std::string_view month_mark = "\xEC\x9B\x94", day_mark = "\xEC\x9D\xBC";
        auto number_before = [](std::string_view word, std::string_view mark) -> std::optional<unsigned> {
            if (!word.ends_with(mark) || word.size() == mark.size() || word.size() > mark.size() + 2) return std::nullopt;
            const auto figures = word.substr(0, word.size() - mark.size());
            if (!std::ranges::all_of(figures, is_ascii_digit)) return std::nullopt;
            unsigned value = 0;
            std::from_chars(figures.data(), figures.data() + figures.size(), value);
            return value;
        };
        const auto m = number_before(at(i), month_mark);
        const auto d = m ? number_before(at(i + 1), day_mark) : std::nullopt;
        if (!m || !d || *m < 1 || *m > 12) return 0;
        const Date date = resolve_day_month(*m, *d, noted, past_tense);
        if (!date.ok()) return 0;
        add(date, false, i, i + 1, deadline);
        return 2;
    }

    // Tries the forms that start at word i; returns how many words were used (0: none).
    std::size_t at_word(std::size_t i) {
        const std::string_view w = at(i);
        const bool deadline = i > 0 && at(i - 1) == "by";
        // An ISO date, or the date of an ISO date and time ("2026-10-14T09:30").
        if (w.size() >= 10 && w[4] == '-' && w[7] == '-' && (w.size() == 10 || w[10] == 't')) {
            if (auto parsed = parse_iso_date(std::string_view(w).substr(0, 10))) {
                add(*parsed, false, i, i, deadline);
                return 1;
            }
        }
        // "wk 41", "in week 12": the Monday of that week of the year (ISO 8601), the nearest one
        // ("week 3 of chemo" is no week of the year).
        if ((w == "wk" || w == "week") && at(i + 2) != "of" && !(i > 0 && count_word(at(i - 1)))) {
            if (const auto n = figures(i + 1, 2); n && *n >= 1 && *n <= 53) {
                const int week = static_cast<int>(*n);
                Date date = iso_week_monday(noted.year(), week);
                if (days_between(date, noted) > 14 && !past_tense) date = iso_week_monday(noted.year() + years{1}, week);
                add(date, false, i, i + 1, deadline);
                return 2;
            }
        }
        // "tomorrow fortnight", "tuesday week": that day, a fortnight or a week later.
        if (at(i + 1) == "week" || at(i + 1) == "fortnight") {
            std::optional<Date> from;
            if (w == "tomorrow" || w == "tmrw") from = Date{sys_days{noted} + days{1}};
            else if (auto wanted = weekday_named(w); wanted && w.size() > 3) from = weekday_from(noted, *wanted, 1);
            if (from) {
                add(Date{sys_days{*from} + days{at(i + 1) == "week" ? 7 : 14}}, false, i, i + 1, deadline);
                return 2;
            }
        }
        // "a week tomorrow", "two weeks today", "a week on Friday": that day, weeks later.
        if (auto n = count_word(w); n && unit_word(at(i + 1)) == Interval::Unit::weeks) {
            std::size_t k = i + 2;
            if (at(k) == "on") ++k;
            std::optional<Date> from;
            if (at(k) == "tomorrow" || at(k) == "tmrw") from = Date{sys_days{noted} + days{1}};
            else if (at(k) == "today") from = noted;
            // "sat", "sun", "wed" are plain words too: a weekday only after "on", or ending its
            // clause ("first match a week sat —", not "a week sat on the sofa").
            else if (auto wanted = weekday_named(at(k));
                     wanted &&
                     (at(k - 1) == "on" || (at(k) != "sat" && at(k) != "sun" && at(k) != "wed") || ends_clause(k)))
                from = weekday_from(noted, *wanted, 1);
            if (from) {
                add(Date{sys_days{*from} + days{7 * *n}}, false, i, k, deadline);
                return k - i + 1;
            }
        }
        // "2026-W45-2": a day of an ISO week (its Monday when no day is given).
        if (w.size() >= 8 && w[4] == '-' && w[5] == 'w' && std::ranges::all_of(w.substr(0, 4), is_ascii_digit) &&
            is_ascii_digit(w[6]) && is_ascii_digit(w[7]) && (w.size() == 8 || (w.size() == 10 && w[8] == '-'))) {
            const int y = std::stoi(std::string(w.substr(0, 4))), n = std::stoi(std::string(w.substr(6, 2)));
            const int weekday_of = w.size() == 10 ? w[9] - '0' : 1;
            if (n >= 1 && n <= 53 && weekday_of >= 1 && weekday_of <= 7) {
                add(Date{sys_days{iso_week_monday(year{y}, n)} + days{weekday_of - 1}}, false, i, i, deadline);
                return 1;
            }
        }
        // "2026-310": a day of the year by its number (ISO 8601's ordinal date).
        if (w.size() == 8 && w[4] == '-' && std::ranges::all_of(w.substr(0, 4), is_ascii_digit) &&
            std::ranges::all_of(w.substr(5), is_ascii_digit)) {
            const int y = std::stoi(std::string(w.substr(0, 4))), n = std::stoi(std::string(w.substr(5)));
            const sys_days first_day{year{y} / January / 1};
            if (n >= 1 && n <= 366 && year_month_day{first_day + days{n - 1}}.year() == year{y}) {
                add(Date{first_day + days{n - 1}}, false, i, i, deadline);
                return 1;
            }
        }
        // "11月14日", "2026年11月14日": a date written in Chinese or Japanese; "11월 19일" in Korean.
        if (auto used = cjk_date(i, deadline)) return used;
        if (auto used = korean_date(i, deadline)) return used;
        // "20261102": a date in eight figures, as contracts write it.
        if (w.size() == 8 && std::ranges::all_of(w, is_ascii_digit) && (w.starts_with("19") || w.starts_with("20"))) {
            if (auto parsed = parse_iso_date(fmt::format("{}-{}-{}", w.substr(0, 4), w.substr(4, 2), w.substr(6, 2)))) {
                add(*parsed, false, i, i, deadline);
                return 1;
            }
        }
        // "05DEC", "23dec26": a day and a month's abbreviation in one word, as airlines write them.
        if ((w.size() == 5 || w.size() == 7) && is_ascii_digit(w[0]) && is_ascii_digit(w[1]) &&
            std::ranges::none_of(w.substr(2, 3), is_ascii_digit)) {
            const auto m = month_number(w.substr(2, 3));
            const unsigned d = static_cast<unsigned>((w[0] - '0') * 10 + (w[1] - '0'));
            const bool year_ok = w.size() == 5 || (is_ascii_digit(w[5]) && is_ascii_digit(w[6]));
            if (m && year_ok && d >= 1 && d <= 31) {
                const Date date = w.size() == 7 ? Date{year{2000 + (w[5] - '0') * 10 + (w[6] - '0')}, month{*m}, day{d}}
                                                : resolve_day_month(*m, d, noted, past_tense);
                if (date.ok()) {
                    add(date, false, i, i, deadline);
                    return 1;
                }
            }
        }
        // "this day week": a week from the note.
        if (w == "this" && at(i + 1) == "day" && (at(i + 2) == "week" || at(i + 2) == "wk")) {
            add(Date{sys_days{noted} + days{7}}, false, i, i + 2, deadline);
            return 3;
        }
        // "in 48 hrs": that many days on, rounded up.
        if ((w == "in" || w == "within") && (at(i + 2) == "hrs" || at(i + 2) == "hours" || at(i + 2) == "hr")) {
            if (const auto hours = figures(i + 1, 3); hours && *hours >= 12) {
                add(Date{sys_days{noted} + days{(*hours + 23) / 24}}, false, i, i + 2, deadline);
                return 3;
            }
        }
        // "the day after tmrw", "this time next week"
        if (w == "day" && at(i + 1) == "after" && (at(i + 2) == "tomorrow" || at(i + 2) == "tmrw")) {
            add(Date{sys_days{noted} + days{2}}, false, i, i + 2, deadline);
            return 3;
        }
        if (w == "this" && at(i + 1) == "time" && at(i + 2) == "next" && (at(i + 3) == "week" || at(i + 3) == "wk")) {
            add(Date{sys_days{noted} + days{7}}, false, i, i + 3, deadline);
            return 4;
        }
        // "10 days till her talk", "T-minus 3 wks until": counted from the note.
        if (auto n = count_word(w); n && (at(i + 2) == "till" || at(i + 2) == "until" || at(i + 2) == "til")) {
            if (auto unit = unit_word(at(i + 1)); unit && *unit != Interval::Unit::years) {
                add(kith::add(noted, Interval{*n, *unit}), false, i, i + 2, deadline);
                return 3;
            }
        }
        // Relative days.
        if (w == "tomorrow" || w == "tmrw" || w == "tmw" || w == "tmr") {
            add(Date{sys_days{noted} + days{1}}, false, i, i, deadline);
            return 1;
        }
        if (w == "today" || w == "tonight") {
            add(noted, false, i, i, deadline);
            return 1;
        }
        if (w == "yesterday") {
            add(Date{sys_days{noted} - days{1}}, false, i, i);
            return 1;
        }
        // this/next/last week(end), month, year; a weekday.
        // "the last working day of the month", "the last day of March": that day.
        if (w == "last" && i > 0 && at(i - 1) == "the") {
            std::size_t k = i + 1;
            const bool working = at(k) == "working" || at(k) == "business" || at(k) == "work";
            if (working) ++k;
            if (at(k) == "day" && at(k + 1) == "of") {
                k += 2;
                if (at(k) == "the") ++k;
                std::optional<Date> first;
                if (auto m = month_number(at(k))) first = resolve_month(*m, noted, past_tense);
                else if (at(k) == "month") first = first_of(noted);
                if (first) {
                    sys_days last{Date{first->year(), first->month(), last_day_of(first->year(), first->month())}};
                    while (working && (weekday{last} == Saturday || weekday{last} == Sunday)) last -= days{1};
                    add(Date{last}, false, i, k, deadline);
                    return k - i + 1;
                }
            }
        }
        if (w == "this" || w == "next" || w == "last" || w == "coming") {
            const std::string_view what = at(i + 1);
            const int step = w == "next" ? 1 : w == "last" ? -1 : 0;
            if (what == "weekend" || what == "wknd" || what == "wkend") {
                Date saturday = weekday_from(Date{sys_days{noted} - days{1}}, Saturday, 1);
                if (step == 1 && days_between(noted, saturday) < 5) saturday = Date{sys_days{saturday} + days{7}};
                if (step == -1) saturday = weekday_from(noted, Saturday, -1);
                add(saturday, false, i, i + 1, deadline);
                return 2;
            }
            if (what == "week" || what == "wk") {
                Date day_of = next_weeks_monday(noted);
                if (step == -1) day_of = Date{sys_days{day_of} - days{14}};  // last week's Monday
                if (step == 0) day_of = noted;
                add(day_of, false, i, i + 1, deadline);
                return 2;
            }
            if (what == "month") {
                Date first = first_of(step == 0 ? noted : kith::add(first_of(noted), Interval{step, Interval::Unit::months}));
                add(first, true, i, i + 1, deadline);
                return 2;
            }
            if (what == "year" || what == "yr") {
                if (step < 0) out.history = true;
                return 2;
            }
            if (auto wanted = weekday_named(what); wanted && !counts_weekdays(i)) {  // not "last Friday in May"
                Date day_of = step < 0 ? weekday_from(noted, *wanted, -1) : weekday_from(noted, *wanted, 1);
                if (w == "next") day_of = next_weeks(*wanted, noted);  // as `kith date next tues` gives it
                add(day_of, false, i, i + 1, deadline);
                return 2;
            }
            if (auto season = season_month(what)) {
                Date start = resolve_month(*season, noted, false);
                if (step == 1 && start.year() == noted.year() && start.month() <= noted.month())
                    start = Date{start.year() + years{1}, start.month(), day{1}};
                add(start, true, i, i + 1, deadline);
                return 2;
            }
            return 0;
        }
        // in N days/weeks/months ("in two weeks", "in a couple of weeks"); N years ago.
        if (w == "in" || w == "within") {
            if (at(i + 1) == "a" && at(i + 2) == "month" && at(i + 3) == "of" && at(i + 4) == "sundays") return 5;  // never
            // "The first lead in 20 yrs", "first time in months": how long since, not when.
            if (at(i - 1) == "first" || (i >= 2 && at(i - 2) == "first") || (i >= 3 && at(i - 3) == "first") ||
                at(i - 1) == "time")
                return 1;
            std::size_t k = i + 1;
            if (at(k) == "a" && (at(k + 1) == "couple" || at(k + 1) == "few")) ++k;
            if (auto n = count_word(at(k))) {
                std::size_t u = k + 1;
                if (at(u) == "of") ++u;
                if (at(u) == "fortnight" || at(u) == "fortnights") {  // "in a fortnight": two weeks
                    add(kith::add(noted, Interval{2 * *n, Interval::Unit::weeks}), false, i, u, deadline);
                    return u - i + 1;
                }
                if (auto unit = unit_word(at(u))) {
                    add(kith::add(noted, Interval{*n, *unit}), *unit == Interval::Unit::months, i, u, deadline);
                    return u - i + 1;
                }
            }
            // "in 2015": a year before the note's is history.
            int year_value = 0;
            const auto& y = at(i + 1);
            auto [end, error] = std::from_chars(y.data(), y.data() + y.size(), year_value);
            if (error == std::errc{} && end == y.data() + y.size() && y.size() == 4 && year_value >= 1900) {
                // "first race since his knee went in 2017": how long since, not when, but for the
                // since-clause itself ("since her ama passed in 2019").
                if (year_value < int{noted.year()}) {
                    if (const auto since = follows_since(i)) {
                        if (!out.past_since) out.past_since = words[*since].begin;
                    } else {
                        out.history = true;
                    }
                }
                return 2;
            }
            return 0;
        }
        // "a 4-month sabbatical", "a 6-wk secondment": how long it lasts (a "4-month-old" is an
        // age, a "20-wk scan" a point in a pregnancy, a "6-month review" a day).
        static constexpr std::array<std::string_view, 8> not_lengths{
            "old", "scan", "pregnant", "review", "check", "checkup", "appointment", "anniversary"};
        if (auto dash = w.find('-'); dash != std::string::npos && std::ranges::find(not_lengths, at(i + 1)) == not_lengths.end()) {
            if (auto n = count_word(std::string_view(w).substr(0, dash))) {
                if (auto unit = unit_word(std::string_view(w).substr(dash + 1))) {
                    out.lasting = Interval{*n, *unit};
                    return 1;
                }
            }
        }
        // "5 wks of fieldwork", "doing 3 months of physio": how long it lasts ("10 yrs of
        // marriage" is no stay: years are not read so).
        const bool from_a_day = at(i + 2) == "from" && at(i + 3) != "now" && at(i + 3) != "today" &&
                                at(i + 3) != "tomorrow" && at(i + 3) != "tmrw";  // "4 days from Tuesday 7th"
        // "3 wks in Patagonia from Good Friday": how long, then the place, then the day.
        // "14 days to John o' Groats": how long the way takes ("3 days to go" counts down).
        const bool to_a_place = at(i + 2) == "to" && i + 3 < words.size() && is_ascii_upper(text[words[i + 3].begin]);
        bool somewhere_from = to_a_place;
        if (at(i + 2) == "in")
            for (std::size_t k = i + 4; k <= i + 6 && !somewhere_from; ++k) somewhere_from = at(k) == "from";
        // "6 wks into the new role": it began that long ago.
        if (auto n = count_word(w); n && at(i + 2) == "into") {
            if (auto unit = unit_word(at(i + 1)); unit && *unit != Interval::Unit::years) {
                add(kith::add(noted, Interval{-*n, *unit}), false, i, i + 2);
                return 3;
            }
        }
        // "26 wks of basic done!!": how long it took, now over.
        // "another 2 wks of practising": time before the thing, not how long it lasts; "then 2
        // wks of hypercare": time after it.
        const bool done = at(i + 2) == "of" && (at(i + 4) == "done" || at(i + 4) == "finished" ||
                                                at(i + 4) == "complete" || at(i + 4) == "completed" ||
                                                (i > 0 && (at(i - 1) == "another" || at(i - 1) == "more" ||
                                                           at(i - 1) == "extra" || at(i - 1) == "then" ||
                                                           at(i - 1) == "by")));
        if (auto n = count_word(w); n && !done && (at(i + 2) == "of" || from_a_day || somewhere_from)) {
            if (auto unit = unit_word(at(i + 1)); unit && *unit != Interval::Unit::years) {
                out.lasting = Interval{*n, *unit};
                return 2;  // "from" goes on to its day
            }
        }
        // Days of the year called by name: "on Bonfire Night", "St Andrew's Day".
        if (auto named = named_day({at(i), at(i + 1), at(i + 2), at(i + 3), at(i + 4)}, noted, past_tense)) {
            // "the day after Boxing Day", "the day before Thanksgiving"
            const bool after = i >= 2 && at(i - 2) == "day" && at(i - 1) == "after";
            const bool before = i >= 2 && at(i - 2) == "day" && at(i - 1) == "before";
            const std::size_t first = after || before ? (i >= 3 && at(i - 3) == "the" ? i - 3 : i - 2) : i;
            add(Date{sys_days{named->date} + days{after ? 1 : before ? -1 : 0}}, false, first, i + named->words - 1,
                deadline);
            out.dates.back().named = !after && !before;
            return named->words;
        }
        // "for 3 wks": how long it lasts, not when.
        if (w == "for") {
            if (auto n = count_word(at(i + 1))) {
                if (auto unit = unit_word(at(i + 2))) {
                    out.lasting = Interval{*n, *unit};
                    return 3;
                }
            }
        }
        if (auto n = count_word(w)) {
            if (auto unit = unit_word(at(i + 1)); unit && (at(i + 2) == "ago")) {
                if (*unit == Interval::Unit::years || *n > 6) out.history = true;
                return 3;
            }
        }
        if (w == "years" && at(i + 1) == "ago") {
            out.history = true;
            return 2;
        }
        // back in 2009 / back in college / as a kid / growing up / when she was little
        if (w == "back" && at(i + 1) == "in") {
            const auto& what = at(i + 2);
            // "back in the day", "back in the 90s", not "back in the squad".
            const std::string_view then = at(i + 3);
            const bool the_past = what == "the" && (then == "day" || then == "days" || then == "noughties" ||
                                                    (!then.empty() && is_ascii_digit(then[0]) && then.ends_with("s")));
            if (what == "college" || what == "uni" || what == "school" || the_past || what == "day" ||
                (what.size() == 4 && what[0] >= '1' && what[0] <= '2')) {
                out.history = true;
                return 3;
            }
        }
        // pre-pandemic, before covid, before the kids: a time gone by
        if (w == "pre-pandemic" || w == "pre-covid" || w == "pre-kids" ||
            (w == "before" && (at(i + 1) == "covid" || at(i + 1) == "lockdown" ||
                               (at(i + 1) == "the" && (at(i + 2) == "pandemic" || at(i + 2) == "kids"))))) {
            out.history = true;
            return 1;
        }
        if ((w == "growing" && at(i + 1) == "up") || (w == "as" && at(i + 1) == "a" && (at(i + 2) == "kid" || at(i + 2) == "child" || at(i + 2) == "teen"))) {
            out.history = true;
            return 2;
        }
        if (w == "when" && (at(i + 2) == "was" || at(i + 2) == "were") &&
            (at(i + 3) == "young" || at(i + 3) == "little" || at(i + 3) == "small" || at(i + 3) == "a" ||
             count_word(at(i + 3)))) {
            out.history = true;
            return 4;
        }
        if (w == "since" && at(i + 1).size() == 4 && at(i + 1)[0] >= '1' && at(i + 1)[0] <= '2') {
            return 2;  // "since 2019": how long, not when
        }
        // end of June, early July, mid-March, late Oct
        if ((w == "end" || w == "beginning" || w == "start") && at(i + 1) == "of") {
            std::size_t k = i + 2;
            if (at(k) == "the") ++k;
            if (auto m = month_number(at(k))) {
                Date first = resolve_month(*m, noted, past_tense);
                Date date = w == "end" ? Date{first.year(), first.month(), last_day_of(first.year(), first.month())}
                                       : first;
                add(date, true, i, k, deadline);
                return k - i + 1;
            }
            if (at(k) == "month") {
                add(Date{noted.year(), noted.month(), last_day_of(noted.year(), noted.month())}, true, i, k, deadline);
                return k - i + 1;
            }
        }
        // A third of the month: early (1st–10th), mid (11th–20th), late (21st to the end).
        const auto part_of_month = [&](std::string_view part, Date first, std::size_t last_word) {
            const auto year = first.year();
            const auto month = first.month();
            const unsigned from = part == "early" ? 1 : part == "late" ? 21 : 11;
            const unsigned to = part == "early" ? 10 : part == "late" ? unsigned{last_day_of(year, month)} : 20;
            add(Date{year, month, day{from}}, true, i, last_word, deadline);
            out.dates.back().last = Date{year, month, day{to}};
        };
        if (w == "early" || w == "mid" || w == "late" || w == "mid-") {
            if (auto m = month_number(at(i + 1))) {
                part_of_month(w == "mid-" ? "mid" : w, resolve_month(*m, noted, past_tense), i + 1);
                return 2;
            }
        }
        if (w.starts_with("mid-")) {
            if (auto m = month_number(std::string_view(w).substr(4))) {
                part_of_month("mid", resolve_month(*m, noted, past_tense), i);
                return 1;
            }
        }
        if (auto used = numeric_date(i, deadline)) return used;
        // "the twenty-second of May", "on the third": a day spelled out ("the first time" is none).
        if (auto d = spelled_day(w)) {
            if (auto m = at(i + 1) == "of" ? month_number(at(i + 2)) : std::nullopt) {
                add(resolve_day_month(*m, *d, noted, past_tense), false, i, i + 2, deadline);
                return 3;
            }
            // "on the first" is a day; "on the first anniversary", "by the third attempt" are not.
            static constexpr std::array<std::string_view, 9> after_a_day{"at", "and", "or", "then", "so",
                                                                         "but", "pls", "please", "lol"};
            const bool stands_alone = ends_clause(i) || std::ranges::find(after_a_day, at(i + 1)) != after_a_day.end();
            if (i > 1 && at(i - 1) == "the" && !counts_weekdays(i) && stands_alone &&
                (at(i - 2) == "on" || at(i - 2) == "by" || w.find('-') != std::string::npos)) {
                const Date date = day_of_this_or_next_month(*d);
                if (date.ok()) add(date, false, i, i, deadline);
                return 1;
            }
        }
        // 12 Sept / 12th of September / Sept 21 / September 21st / the 14th; 5-7 Dec (a span)
        if (auto d = day_number(w)) {
            if (auto last = day_number(at(i + 1)); last && *last > *d) {
                if (auto m = month_number(at(i + 2))) {
                    add(resolve_day_month(*m, *d, noted, past_tense), false, i, i + 2, deadline);
                    out.lasting = Interval{static_cast<int>(*last - *d + 1), Interval::Unit::days};
                    return 3;
                }
            }
            std::size_t k = i + 1;
            if (at(k) == "of") ++k;
            const bool de = at(k) == "de" && k == i + 1;  // "17 de octubre"
            if (de) ++k;
            auto m = de ? foreign_month(at(k)) : month_number(at(k));
            if (!m && k == i + 1) m = foreign_month(at(k));  // "am 12. Mai", "le 3 mars"
            if (m) {
                if (auto y = written_year(k + 1)) {  // "7 Oct '26", "12 Sept 2027"
                    if (const Date date{*y, month{*m}, day{*d}}; date.ok()) {
                        add(date, false, i, k + 1, deadline);
                        return k - i + 2;
                    }
                }
                Date date = resolve_day_month(*m, *d, noted, past_tense);
                // "mon 1 Feb": the weekday says which year's, whatever the note's tense.
                if (auto wanted = i > 0 ? weekday_named(at(i - 1)) : std::nullopt;
                    wanted && date.ok() && weekday{sys_days{date}} != *wanted)
                    for (int step : {1, -1})
                        if (const Date other{date.year() + years{step}, date.month(), date.day()};
                            other.ok() && weekday{sys_days{other}} == *wanted) {
                            date = other;
                            break;
                        }
                add(date, false, i, k, deadline);
                return k - i + 1;
            }
            if (((i > 0 && (at(i - 1) == "the" || weekday_named(at(i - 1)) || opens_ordinal_span(i - 1))) ||
                 opens_ordinal_span(i)) &&
                ordinal(w) && !counts_weekdays(i)) {
                Date date = day_of_this_or_next_month(*d);
                // "mon 4th": the weekday says which month's 4th, whatever the tense ("qualified!!!
                // first shift mon 4th" is next month's Monday the 4th, not this month's Saturday).
                // "Sunday the 11th" as "sun 11th".
                const std::size_t named = i > 1 && at(i - 1) == "the" ? i - 2 : i - 1;
                if (auto wanted = i > 0 ? weekday_named(at(named)) : std::nullopt;
                    wanted && !(date.ok() && weekday{sys_days{date}} == *wanted)) {
                    const Date first{noted.year(), noted.month(), day{1}};
                    const int sign = past_tense ? -1 : 1;
                    for (int step : {0, sign, -sign, 2 * sign, -2 * sign}) {
                        const Date month_first = kith::add(first, Interval{step, Interval::Unit::months});
                        const Date candidate{month_first.year(), month_first.month(), day{*d}};
                        if (candidate.ok() && weekday{sys_days{candidate}} == *wanted) {
                            date = candidate;
                            break;
                        }
                    }
                }
                if (date.ok()) add(date, false, i, i, deadline);
                return 1;
            }
        }
        if (auto m = month_number(w)) {
            // A month word alone is read only where it is surely a month: "in Oct", "due in March",
            // "Sept 21", "March 3rd", "by May" (and not "march" the verb, "may" the verb).
            if (at(i + 1) == "the" && ordinal(at(i + 2))) {  // "March the 4th"
                add(resolve_day_month(*m, *day_number(at(i + 2)), noted, past_tense), false, i, i + 2, deadline);
                return 3;
            }
            if (auto d = day_number(at(i + 1))) {
                add(resolve_day_month(*m, *d, noted, past_tense), false, i, i + 1, deadline);
                if (auto last = day_number(at(i + 2)); last && *last > *d) {  // "Dec 1-5"
                    out.lasting = Interval{static_cast<int>(*last - *d + 1), Interval::Unit::days};
                    return 3;
                }
                return 2;
            }
            const std::string_view before = i > 0 ? at(i - 1) : std::string_view();
            // "pushed to June", "moved to Sept": a month a thing is moved to (not "to May" the name).
            const std::string_view verb = i > 1 ? at(i - 2) : std::string_view();
            const bool moved_to = before == "to" && *m != 5 &&
                                  (verb == "pushed" || verb == "moved" || verb == "postponed" || verb == "delayed" ||
                                   verb == "back" || verb == "bumped" || verb == "slipped" || verb == "rescheduled");
            if (before == "in" || before == "by" || before == "until" || before == "til" || before == "till" ||
                before == "from" || before == "this" || before == "next" || before == "since" || moved_to) {
                if (before == "since") return 1;
                // "got into Edinburgh, starts next September": a past-tense note, a month ahead.
                // "he GOT IT!!! starts in Feb": what starts or is due in a month is ahead.
                const bool ahead = before == "next" || before == "by" || before == "until" || before == "til" ||
                                   before == "till" || moved_to ||
                                   (before == "in" && (verb == "starts" || verb == "starting" || verb == "begins" ||
                                                       verb == "due" || verb == "back" || verb == "arrives"));
                // "diagnosed in Feb", "moved in March": a month a thing was done in, whatever
                // the rest of the note's tense ("has lupus, diagnosed in Feb"); not "getting
                // married in June", "to be launched in May".
                const std::string_view aux = i > 2 ? at(i - 3) : std::string_view();
                const bool done_in = before == "in" && verb.size() > 4 && verb.ends_with("ed") &&
                                     aux != "getting" && aux != "get" && aux != "be" && aux != "being" &&
                                     aux != "will" && aux != "to" && aux != "gets";
                Date first = resolve_month(*m, noted, (past_tense || done_in) && !ahead);
                if (before == "next" && first.year() == noted.year() && first.month() == noted.month())
                    first = Date{first.year() + years{1}, first.month(), day{1}};
                add(first, true, i, i, deadline);
                return 1;
            }
        }
        if (auto wanted = weekday_named(w)) {
            // "Tues 9 June", "Friday 5 June", "mon 9th": the date says which Tuesday.
            if ((day_number(at(i + 1)) && month_number(at(i + 2))) || (month_number(at(i + 1)) && day_number(at(i + 2))) ||
                ordinal(at(i + 1)) || (at(i + 1) == "the" && (ordinal(at(i + 2)) || spelled_day(at(i + 2)))) ||
                (figures(i + 1, 2) && (joined(i + 1, '/') || joined(i + 1, '.'))))  // "Thurs 26/11"
                return 1;
            // "the first sat of December", "last Friday in May", "the last friday of the month",
            // "the 2nd saturday of next month": that weekday of that month (this month's, or next
            // month's once it is past).
            const bool this_month = at(i + 2) == "the" && at(i + 3) == "month";
            const bool next_month = at(i + 2) == "next" && at(i + 3) == "month";
            const Date month_after =
                next_month ? kith::add(first_of(noted), Interval{1, Interval::Unit::months}) : Date{};
            auto m = this_month   ? std::optional<unsigned>(static_cast<unsigned>(noted.month()))
                     : next_month ? std::optional<unsigned>(static_cast<unsigned>(month_after.month()))
                                  : month_number(at(i + 2));
            if (m && (at(i + 1) == "of" || at(i + 1) == "in") && i > 0) {
                static constexpr std::array<std::string_view, 10> nth{"first", "1st",   "second", "2nd", "third",
                                                                      "3rd",   "fourth", "4th",   "last", "final"};
                const auto which = std::ranges::find(nth, at(i - 1));
                if (which != nth.end()) {
                    const int index = static_cast<int>(which - nth.begin()) / 2;  // 0-3, 4: the last
                    const int n = index < 4 ? index + 1 : -1;
                    const Date first = this_month   ? first_of(noted)
                                       : next_month ? month_after
                                                    : resolve_month(*m, noted, past_tense);
                    Date date = nth_weekday(first.year(), first.month(), *wanted, n);
                    if (this_month && date.ok() && date < noted && !past_tense) {
                        const Date next = kith::add(first, Interval{1, Interval::Unit::months});
                        date = nth_weekday(next.year(), next.month(), *wanted, n);
                    }
                    const bool two_words = this_month || next_month;  // "the month", "next month"
                    if (date.ok()) add(date, false, i - 1, two_words ? i + 3 : i + 2, deadline);
                    return two_words ? 4 : 3;
                }
            }
            // Part of a name, not a day: Black Friday, Good Friday, Cyber Monday.
            if (i > 0) {
                const std::string_view before = at(i - 1);
                if (before == "black" || before == "good" || before == "cyber" || before == "casual" ||
                    before == "blue" || before == "super" || before == "ash" || before == "palm" || before == "holy" ||
                    before == "maundy" || before == "shrove" || before == "easter")
                    return 1;
            }
            // A weekday alone: the next one, or for something past, the last one.
            if (w == "sat" || w == "sun" || w == "mon" || w == "wed") {  // also plain words
                const std::string_view before = i > 0 ? at(i - 1) : std::string_view();
                const bool named = before == "on" || before == "by" || before == "til" || before == "until";
                // "party sat at Bar Lupo": after the thing that happens, the day it happens.
                const bool after_event = is_event_noun(before);
                if (!named && !after_event && !(i > 0 && ends_clause(i) && !subject_or_article(before))) return 0;
            }
            Date date = past_tense ? weekday_from(noted, *wanted, -1) : weekday_from(noted, *wanted, 1);
            add(date, false, i, i, deadline);
            return 1;
        }
        // Q1 … Q4: the quarter's first month ("by end of Q1": its last).
        if (w.size() == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4') {
            const unsigned first = 3 * static_cast<unsigned>(w[1] - '1') + 1;
            const bool quarter_end = i >= 2 && at(i - 1) == "of" && at(i - 2) == "end";
            Date start = resolve_month(quarter_end ? first + 2 : first, noted, past_tense);
            add(start, true, i, i, deadline || quarter_end);
            return 1;
        }
        if (auto season = season_month(w)) {
            if (auto y = written_year(i + 1)) {  // "spring 2028", "autumn '27"
                add(Date{*y, month{*season}, day{1}}, true, i, i + 1, deadline);
                return 2;
            }
            const std::string_view before = i > 0 ? at(i - 1) : std::string_view();
            if (before == "the" || before == "in" || before == "this") {
                add(resolve_month(*season, noted, false), true, i, i, deadline);
                return 1;
            }
        }
        return 0;
    }

    static std::optional<unsigned> season_month(std::string_view word) {
        if (word == "spring") return 3u;
        if (word == "summer") return 6u;
        if (word == "autumn" || word == "fall") return 9u;
        if (word == "winter") return 12u;
        return std::nullopt;
    }
};

// "4-7 Sept", "Dec 1-5", "July 28-29", "19th–23rd": a span of days written with a hyphen is two
// day numbers.
std::vector<Word> split_day_spans(std::vector<Word> words) {
    std::vector<Word> out;
    out.reserve(words.size());
    auto day_digits = [](std::string_view part) {
        return (part.size() <= 2 && all_ascii_digits(part)) || ordinal(part);
    };
    for (auto& word : words) {
        auto dash = word.text.find('-');
        std::size_t dash_size = 1;
        if (dash == std::string::npos && (dash = word.text.find("\xE2\x80\x93")) != std::string::npos) dash_size = 3;  // "15–29"
        if (dash != std::string::npos && day_digits(std::string_view(word.text).substr(0, dash)) &&
            day_digits(std::string_view(word.text).substr(dash + dash_size))) {
            out.push_back({word.text.substr(0, dash), word.begin, word.begin + dash});
            out.push_back({word.text.substr(dash + dash_size), word.begin + dash + dash_size, word.end});
        } else {
            out.push_back(std::move(word));
        }
    }
    return out;
}

// Two days with only "→", "to", "till" or ", back" between them: a stay from the one to the
// other ("Sun 14 Mar → Sat 20 Mar", "flies out sat 17 Oct, back the 26th"), its first day kept.
void join_spans(std::string_view text, TextDates& found) {
    static constexpr std::array<std::string_view, 12> joins{
        "\xE2\x86\x92", "->", "-", "\xE2\x80\x93", "\xE2\x80\x94", "to", "till", "until", "til", "thru", "back", "back on"};
    for (std::size_t k = 1; k < found.dates.size(); ++k) {
        const auto& from = found.dates[k - 1];
        const auto& to = found.dates[k];
        if (to.begin < from.end || from.month_only || to.month_only) continue;
        std::string between(text.substr(from.end, to.begin - from.end));
        std::erase_if(between, [](char c) { return c == ',' || c == '(' || c == ')'; });
        for (auto& c : between) c = is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
        between = std::string(trim(between));
        if (between.ends_with(" the")) between.resize(between.size() - 4);
        // "→ Sat 20 Mar": the weekday the second day falls on is part of it.
        if (const auto space = between.rfind(' '); space != std::string::npos && weekday_named(between.substr(space + 1)))
            between.resize(space);
        if (std::ranges::find(joins, between) == joins.end()) continue;
        const int length = days_between(from.date, to.date);
        if (length <= 0 || length > 90) continue;
        if (!found.lasting) found.lasting = Interval{length + 1, Interval::Unit::days};
        found.dates.erase(found.dates.begin() + static_cast<std::ptrdiff_t>(k));
        return;
    }
}

}  // namespace

std::optional<weekday> weekday_named(std::string_view word) {
    static constexpr std::array<std::string_view, 7> full{"sunday",   "monday", "tuesday", "wednesday",
                                                          "thursday", "friday", "saturday"};
    static constexpr std::array<std::string_view, 7> shorter{"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    for (unsigned d = 0; d < 7; ++d) {
        if (word == full[d] || word == shorter[d]) return weekday{d};
        if (word.size() > 3 && full[d].starts_with(word)) return weekday{d};  // tues, thurs, weds
    }
    if (word == "weds" || word == "thur" || word == "thurs" || word == "tues") {
        if (word == "weds") return Wednesday;
        if (word == "tues") return Tuesday;
        return Thursday;
    }
    return std::nullopt;
}

TextDates find_dates(std::string_view text, Date noted, bool past_tense) {
    const auto words = split_day_spans(words_in(text));
    Scanner scanner{text, words, noted, past_tense, {}};
    for (std::size_t i = 0; i < words.size();) {
        const auto used = scanner.at_word(i);
        i += used ? used : 1;
    }
    join_spans(text, scanner.out);
    return scanner.out;
}

}  // namespace kith::questions
