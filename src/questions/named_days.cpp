#include "questions/named_days.h"

#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "kith/text.h"

namespace kith::questions {

namespace {

using namespace std::chrono;

using Words = std::array<std::string_view, 4>;  // a name's words, lower case

// Days on the same date every year.
struct Fixed {
    Words words;
    unsigned month, day;
};
constexpr Fixed fixed_days[] = {
    {{"bonfire", "night"}, 11, 5},          {{"guy", "fawkes", "night"}, 11, 5},
    {{"halloween"}, 10, 31},                {{"hallowe'en"}, 10, 31},
    {{"st", "andrew's", "day"}, 11, 30},    {{"st", "patrick's", "day"}, 3, 17},
    {{"st", "paddy's", "day"}, 3, 17},      {{"paddy's", "day"}, 3, 17},
    {{"st", "david's", "day"}, 3, 1},       {{"st", "george's", "day"}, 4, 23},
    {{"st", "swithin's", "day"}, 7, 15},    {{"st", "stephen's", "day"}, 12, 26},
    {{"st", "nicholas", "day"}, 12, 6},     {{"st", "lucia's", "day"}, 12, 13},
    {{"st", "lucy's", "day"}, 12, 13},      {{"lucia", "day"}, 12, 13},
    {{"syttende", "mai"}, 5, 17},           {{"bloomsday"}, 6, 16},
    {{"st", "john's", "day"}, 6, 24},       {{"st", "joseph's", "day"}, 3, 19},
    {{"burns", "night"}, 1, 25},            {{"valentine's", "day"}, 2, 14},
    {{"galentine's", "day"}, 2, 13},        {{"christmas", "eve"}, 12, 24},
    {{"christmas", "day"}, 12, 25},         {{"boxing", "day"}, 12, 26},
    {{"christmas", "eve", "eve"}, 12, 23},  {{"xmas", "eve", "eve"}, 12, 23},
    {{"xmas", "eve"}, 12, 24},              {{"xmas", "day"}, 12, 25},
    {{"new", "year's", "eve"}, 12, 31},     {{"hogmanay"}, 12, 31},
    {{"new", "year's", "day"}, 1, 1},       {{"twelfth", "night"}, 1, 5},
    {{"epiphany"}, 1, 6},                   {{"three", "kings", "day"}, 1, 6},
    {{"día", "de", "reyes"}, 1, 6},         {{"dia", "de", "reyes"}, 1, 6},
    {{"australia", "day"}, 1, 26},
    {{"groundhog", "day"}, 2, 2},           {{"candlemas"}, 2, 2},
    {{"candelaria"}, 2, 2},                 {{"waitangi", "day"}, 2, 6},
    {{"international", "women's", "day"}, 3, 8}, {{"pi", "day"}, 3, 14},
    {{"ides", "of", "march"}, 3, 15},       {{"nowruz"}, 3, 20},
    {{"vaisakhi"}, 4, 14},                  {{"baisakhi"}, 4, 14},
    {{"earth", "day"}, 4, 22},              {{"anzac", "day"}, 4, 25},
    {{"king's", "day"}, 4, 27},             {{"koningsdag"}, 4, 27},
    {{"walpurgis", "night"}, 4, 30},        {{"may", "day"}, 5, 1},
    {{"juneteenth"}, 6, 19},                {{"midsummer's", "day"}, 6, 24},
    {{"midsummer", "day"}, 6, 24},          {{"canada", "day"}, 7, 1},
    {{"independence", "day"}, 7, 4},        {{"fourth", "of", "july"}, 7, 4},
    {{"bastille", "day"}, 7, 14},           {{"lammas"}, 8, 1},
    {{"all", "saints", "day"}, 11, 1},      {{"all", "souls", "day"}, 11, 2},
    {{"day", "of", "the", "dead"}, 11, 2},  {{"día", "de", "muertos"}, 11, 2},
    {{"día", "de", "los", "muertos"}, 11, 2}, {{"dia", "de", "los", "muertos"}, 11, 2},
    {{"remembrance", "day"}, 11, 11},       {{"armistice", "day"}, 11, 11},
    {{"veterans", "day"}, 11, 11},          {{"thai", "pongal"}, 1, 14},
    {{"pongal"}, 1, 14},                    {{"makar", "sankranti"}, 1, 14},
    {{"lohri"}, 1, 13},                     {{"st", "martin's", "day"}, 11, 11},
    {{"martinmas"}, 11, 11},                {{"lady", "day"}, 3, 25},
    {{"michaelmas"}, 9, 29},                {{"michaelmas", "day"}, 9, 29},
    {{"nye"}, 12, 31},                      {{"shichi-go-san"}, 11, 15},
    {{"mikołajki"}, 12, 6},                 {{"yalda"}, 12, 21},
    {{"shab-e", "yalda"}, 12, 21},          {{"yalda", "night"}, 12, 21},
    {{"self-assessment", "deadline"}, 1, 31}, {{"glorious", "twelfth"}, 8, 12},
    {{"hinamatsuri"}, 3, 3},                {{"st", "brigid's", "day"}, 2, 1},
    {{"st", "piran's", "day"}, 3, 5},       {{"sankthansaften"}, 6, 23},
    {{"tag", "der", "deutschen", "einheit"}, 10, 3}, {{"oxi", "day"}, 10, 28},
    {{"tax", "day"}, 4, 15},                {{"st", "crispin's", "day"}, 10, 25},
    {{"tanabata"}, 7, 7},                   {{"hari", "merdeka"}, 8, 31},
    {{"ferragosto"}, 8, 15},                {{"vappu"}, 5, 1},
    {{"bodhi", "day"}, 12, 8},              {{"rohatsu"}, 12, 8},
    {{"orthodox", "christmas"}, 1, 7},      {{"božić"}, 1, 7},
    {{"badnjak"}, 1, 6},                    {{"mashujaa", "day"}, 10, 20},
    {{"madaraka", "day"}, 6, 1},            {{"double", "ten"}, 10, 10},
    {{"double", "tenth"}, 10, 10},          {{"krampusnacht"}, 12, 5},
    {{"theophany"}, 1, 6},                  {{"mandela", "day"}, 7, 18},
    {{"immacolata"}, 12, 8},                {{"immaculate", "conception"}, 12, 8},
    {{"fête", "de", "la", "musique"}, 6, 21}, {{"fete", "de", "la", "musique"}, 6, 21},
    {{"obon"}, 8, 13},                      {{"sankt", "hans"}, 6, 23},
    {{"sankt", "martin"}, 11, 11},          {{"martinstag"}, 11, 11},
    {{"pakjesavond"}, 12, 5},               {{"sinterklaasavond"}, 12, 5},
};

// Days that fall on the nth weekday of their month (nth -1: the last), as the UK's bank
// holidays and the US's public holidays do.
struct NthWeekday {
    Words words;
    unsigned month;
    weekday wanted;
    int nth;
};
const NthWeekday weekday_days[] = {
    {{"august", "bank", "holiday"}, 8, Monday, -1},      {{"late", "may", "bank", "holiday"}, 5, Monday, -1},
    {{"spring", "bank", "holiday"}, 5, Monday, -1},      {{"early", "may", "bank", "holiday"}, 5, Monday, 1},
    {{"may", "day", "bank", "holiday"}, 5, Monday, 1},   {{"thanksgiving"}, 11, Thursday, 4},
    {{"labor", "day"}, 9, Monday, 1},                    {{"labour", "day"}, 9, Monday, 1},
    {{"memorial", "day"}, 5, Monday, -1},                {{"mlk", "day"}, 1, Monday, 3},
    {{"martin", "luther", "king", "day"}, 1, Monday, 3}, {{"presidents'", "day"}, 2, Monday, 3},
    {{"patriots'", "day"}, 4, Monday, 3},                {{"father's", "day"}, 6, Sunday, 3},
    {{"remembrance", "sunday"}, 11, Sunday, 2},          {{"super", "bowl", "sunday"}, 2, Sunday, 2},
    {{"melbourne", "cup", "day"}, 11, Tuesday, 1},       {{"up", "helly", "aa"}, 1, Tuesday, -1},
    {{"columbus", "day"}, 10, Monday, 2},                {{"indigenous", "peoples'", "day"}, 10, Monday, 2},
    {{"clocks", "go", "forward"}, 3, Sunday, -1},        {{"clocks", "go", "back"}, 10, Sunday, -1},
    {{"clocks", "change"}, 10, Sunday, -1},              {{"world", "book", "day"}, 3, Thursday, 1},
};

// Days counted from the US's Thanksgiving (the fourth Thursday of November).
struct FromThanksgiving {
    Words words;
    int offset;
};
constexpr FromThanksgiving thanksgiving_days[] = {
    {{"black", "friday"}, 1},
    {{"small", "business", "saturday"}, 2},
    {{"cyber", "monday"}, 4},
    {{"giving", "tuesday"}, 5},
};

// Days counted from Easter Sunday (the Western churches' date).
struct FromEaster {
    Words words;
    int offset;
};
constexpr FromEaster easter_days[] = {
    {{"shrove", "tuesday"}, -47}, {{"pancake", "day"}, -47},    {{"mardi", "gras"}, -47},
    {{"ash", "wednesday"}, -46},  {{"mothering", "sunday"}, -21}, {{"palm", "sunday"}, -7},
    {{"maundy", "thursday"}, -3}, {{"good", "friday"}, -2},     {{"holy", "saturday"}, -1},
    {{"easter", "sunday"}, 0},    {{"easter", "day"}, 0},       {{"easter"}, 0},
    {{"easter", "monday"}, 1},    {{"ascension", "day"}, 39},   {{"whit", "sunday"}, 49},
    {{"whitsun"}, 49},            {{"pentecost"}, 49},          {{"whit", "monday"}, 50},
    {{"corpus", "christi"}, 60},  {{"rosenmontag"}, -48},        {{"weiberfastnacht"}, -52},
};

// Easter Sunday in the Gregorian calendar (the "anonymous Gregorian" computus).
Date easter_in(year y) {
    const int Y = int{y};
    const int a = Y % 19, b = Y / 100, c = Y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month_of = (h + l - 7 * m + 114) / 31, day_of = (h + l - 7 * m + 114) % 31 + 1;
    return Date{y, month{static_cast<unsigned>(month_of)}, day{static_cast<unsigned>(day_of)}};
}

// Easter Sunday of the Orthodox churches: the Julian computus (Meeus), 13 days on to the
// Gregorian calendar (right from 1900 to 2099).
Date orthodox_easter_in(year y) {
    const int Y = int{y};
    const int a = Y % 4, b = Y % 7, c = Y % 19, d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7;
    const int month_of = (d + e + 114) / 31, day_of = (d + e + 114) % 31 + 1;
    const Date julian{y, month{static_cast<unsigned>(month_of)}, day{static_cast<unsigned>(day_of)}};
    return Date{sys_days{julian} + days{13}};
}
constexpr Words orthodox_easter_names[] = {{"orthodox", "easter"}, {"pascha"}, {"orthodox", "easter", "sunday"}};

// A word as names are looked up: apostrophes (straight, curly or none) dropped, "saint" as "st".
std::string key_of(std::string_view word) {
    if (word == "saint") return "st";
    std::string key;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (word[i] == '\'') continue;
        if (word.substr(i, 3) == "\xE2\x80\x99") {
            i += 2;
            continue;
        }
        key += word[i];
    }
    return key;
}

struct Name {
    std::vector<std::string> words;
    std::function<std::optional<Date>(year)> date_in;
};

// Every name, by its first word.
const std::unordered_multimap<std::string, Name>& names_by_first_word() {
    static const auto table = [] {
        std::unordered_multimap<std::string, Name> by_first;
        auto add = [&](const Words& words, std::function<std::optional<Date>(year)> date_in) {
            Name name{{}, std::move(date_in)};
            for (auto word : words)
                if (!word.empty()) name.words.push_back(key_of(word));
            auto first = name.words.front();
            by_first.emplace(std::move(first), std::move(name));
        };
        for (const auto& f : fixed_days)
            add(f.words, [f](year y) -> std::optional<Date> { return Date{y, month{f.month}, day{f.day}}; });
        for (const auto& w : weekday_days)
            add(w.words, [w](year y) -> std::optional<Date> { return nth_weekday(y, month{w.month}, w.wanted, w.nth); });
        // Stir-up Sunday, the Sunday before Advent (Advent Sunday is the fourth before Christmas).
        add({"stir-up", "sunday"}, [](year y) -> std::optional<Date> {
            const sys_days christmas{year_month_day{y, December, day{25}}};
            const sys_days sunday_before = christmas - days{1} - (weekday{christmas - days{1}} - Sunday);
            return Date{sunday_before - days{28}};
        });
        // The Sundays of Advent, the first the fourth Sunday before Christmas.
        static constexpr std::array<std::array<std::string_view, 2>, 4> advent_ordinals{
            {{"first", "1st"}, {"second", "2nd"}, {"third", "3rd"}, {"fourth", "4th"}}};
        for (int n = 0; n < 4; ++n) {
            const auto advent_sunday = [n](year y) -> std::optional<Date> {
                const sys_days christmas{year_month_day{y, December, day{25}}};
                const sys_days sunday_before = christmas - days{1} - (weekday{christmas - days{1}} - Sunday);
                return Date{sunday_before - days{7 * (3 - n)}};
            };
            for (auto ordinal : advent_ordinals[static_cast<std::size_t>(n)])
                add({ordinal, "sunday", "of", "advent"}, advent_sunday);
            if (n == 0) add({"advent", "sunday"}, advent_sunday);
        }
        // Plough Monday: the first Monday after Twelfth Day (6 January).
        add({"plough", "monday"}, [](year y) -> std::optional<Date> {
            const sys_days twelfth{year_month_day{y, January, day{6}}};
            return Date{twelfth + days{1} + (Monday - weekday{twelfth + days{1}})};
        });
        // Juhannus (Finland's Midsummer): the Saturday from 20 to 26 June; its eve the Friday before.
        add({"juhannus"}, [](year y) -> std::optional<Date> {
            const sys_days the_20th{year_month_day{y, June, day{20}}};
            return Date{the_20th + (Saturday - weekday{the_20th})};
        });
        add({"juhannusaatto"}, [](year y) -> std::optional<Date> {
            const sys_days the_19th{year_month_day{y, June, day{19}}};
            return Date{the_19th + (Friday - weekday{the_19th})};
        });
        // Victoria Day (Canada): the last Monday before 25 May.
        add({"victoria", "day"}, [](year y) -> std::optional<Date> {
            const sys_days the_24th{year_month_day{y, May, day{24}}};
            return Date{the_24th - (weekday{the_24th} - Monday)};
        });
        for (const auto& t : thanksgiving_days)
            add(t.words, [t](year y) -> std::optional<Date> {
                return Date{sys_days{nth_weekday(y, November, Thursday, 4)} + days{t.offset}};
            });
        for (const auto& e : easter_days)
            add(e.words, [e](year y) -> std::optional<Date> { return Date{sys_days{easter_in(y)} + days{e.offset}}; });
        for (const auto& words : orthodox_easter_names)
            add(words, [](year y) -> std::optional<Date> { return orthodox_easter_in(y); });
        return by_first;
    }();
    return table;
}

}  // namespace

Date nth_weekday(year y, month m, weekday wanted, int nth) {
    if (nth < 0) return Date{sys_days{year_month_weekday_last{y, m, weekday_last{wanted}}}};
    return Date{sys_days{year_month_weekday{y, m, wanted[static_cast<unsigned>(nth)]}}};
}

bool is_solemn_day(std::string_view name) {
    static constexpr std::string_view solemn[] = {"remembrance", "armistice", "memorial", "souls", "dead",
                                                  "muertos",     "good friday", "ash wednesday", "maundy",
                                                  "holy saturday", "tisha", "yom kippur", "holocaust", "mourning"};
    const std::string folded = fold_case(name);
    return std::ranges::any_of(solemn, [&](std::string_view word) { return folded.find(word) != std::string::npos; });
}

std::optional<NamedDay> named_day(const std::array<std::string_view, 5>& words, Date noted, bool past_tense) {
    // The longest name found wins: "easter monday" over "easter", "may day bank holiday" over
    // "may day".
    const auto [first, last] = names_by_first_word().equal_range(key_of(words[0]));
    const Name* found = nullptr;
    for (auto it = first; it != last; ++it) {
        const Name& name = it->second;
        std::size_t k = 1;
        while (k < name.words.size() && key_of(words[k]) == name.words[k]) ++k;
        if (k == name.words.size() && (!found || k > found->words.size())) found = &name;
    }
    if (!found) return std::nullopt;
    if (auto this_year = found->date_in(noted.year())) {
        const int behind = days_between(*this_year, noted);
        if (behind <= 14 || (past_tense && behind > 0)) return NamedDay{*this_year, found->words.size()};
    }
    if (auto next_year = found->date_in(noted.year() + years{1})) return NamedDay{*next_year, found->words.size()};
    return std::nullopt;
}

}  // namespace kith::questions
