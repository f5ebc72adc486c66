// Days of the year called by name in a note: "on Bonfire Night", "Easter Sunday", "the August
// bank holiday", "Patriots' Day": which day each is in a given year. (Feasts of the moon's
// calendars, Diwali or Eid, have no rule to count them by: their days are data, in rules.toml's
// [questions.dates].)
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "kith/dates.h"

namespace kith::questions {

struct NamedDay {
    Date date;
    std::size_t words = 0;  // how many of the words given name it
};

// The nth `wanted` weekday of a month (nth 1 to 4), or its last (nth -1).
Date nth_weekday(std::chrono::year y, std::chrono::month m, std::chrono::weekday wanted, int nth);

// The day named by the words from here on (lower case; fewer than five when the note ends), in
// the year nearest the note's: this year's, unless it is more than two weeks past (then next
// year's); a past-tense note keeps this year's earlier day. Nothing when they name no day.
std::optional<NamedDay> named_day(const std::array<std::string_view, 5>& words, Date noted, bool past_tense);

// A day kept in mourning or remembrance (Remembrance Day, Good Friday, Tisha B'Av): never
// wished a good time. `name` as the note writes it.
bool is_solemn_day(std::string_view name);

}  // namespace kith::questions
