// Dates written in a note's text ("on 12 Sept", "next month", "due in Oct", "this weekend",
// "in two weeks", "last Thurs"), resolved against the day the note was written, and the
// anchors that make a note history ("in 2015", "years ago", "back in college").
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "kith/dates.h"

namespace kith::questions {

struct TextDate {
    Date date{};              // the day; for a month, its first day
    bool month_only = false;  // "in March", "next month": a month, not a day
    std::optional<Date> last; // part of a month, from `date` to this day: "mid-April" is the 11th to the 20th
    bool deadline = false;    // "by Friday": when it is due, not when it happens
    bool named = false;       // a day called by its name: "on Krampusnacht", "World Book Day"
    std::size_t begin = 0, end = 0;  // the words in the text, to keep them out of a phrase
};

struct TextDates {
    std::vector<TextDate> dates;  // in the order of the text
    bool history = false;         // a past anchor: nothing timed follows
    // Where a clause opened by "since" that names a past year begins ("first race since his knee
    // went in 2017"): history for what it says, not for what comes before it.
    std::optional<std::size_t> past_since;
    // Whether the thing at `offset` in the text read is history.
    bool history_at(std::size_t offset) const { return history || (past_since && offset >= *past_since); }
    std::optional<Interval> lasting;  // "for 3 wks", "2 weeks in Japan": how long it goes on
};

// The weekday a lower-case word names: "monday", "mon", "tues", "thurs", "weds".
std::optional<std::chrono::weekday> weekday_named(std::string_view word);

// `past_tense`: the note tells of something done ("passed on Tues"): a weekday or a date with
// no year is the last one, not the next.
TextDates find_dates(std::string_view text, Date noted, bool past_tense);

}  // namespace kith::questions
