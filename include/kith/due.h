// `kith due`: who to reach out to today, why, ranked (SPEC §4).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kith/model.h"
#include "kith/questions.h"
#include "kith/store.h"

namespace kith {

struct DueOptions {
    Date today{};
    std::size_t limit = 10;
    Interval within{7, Interval::Unit::days};      // birthdays and events ahead
    Interval follow_up{30, Interval::Unit::days};  // events passed, not yet followed up
    std::vector<std::string> tags;
    std::vector<std::pair<std::string, Cadence>> tag_cadences;  // default cadence by tag
};

// The ranked list: birthdays today; then the most days late (reminders, check-ins); then
// upcoming birthdays and events, soonest first; ties by shorter cadence, then name. `total`,
// when given, is how many are due in all, counted up to twice the limit (and at least
// `due_count_beyond` past it).
std::vector<DueEntry> due_list(Store& store, const DueOptions& options, DueTotal* total = nullptr);
// Counting further would read more of the book on every run, for a number nobody acts on.
inline constexpr std::size_t due_count_beyond = 10;

// What a line about a note may say: its reading's phrase, never a sensitive note's words. The
// phrase is written to them ("your knee surgery"); a due or agenda line is written to you.
std::string note_subject(const Note& note);

// The days `due` and `agenda` take from a note's reading, kept with the note as its happens_on:
// a promise's deadline ("I'll send it by Fri"), and for a loss or a hard time of theirs the day
// its gentle check-in opens (care_opens); nothing for one they asked you not to raise.
std::optional<Date> promise_deadline(const Note& note, const Reading& reading);
bool is_hard_time(const Reading& reading);
std::optional<Date> care_opens(const Reading& reading);

// A person's cadence: their own, else the shortest default of their tags.
std::optional<Cadence> effective_cadence(const Contact& contact,
                                         const std::vector<std::pair<std::string, Cadence>>& tag_cadences);

// Reminders (SPEC §2).
Reminder add_reminder(Store& store, std::int64_t contact_id, const std::string& when, const std::string& text,
                      const std::optional<std::string>& every, Date today);
// One-off: marked done. Recurring: moves on from its due date (not from today) to the first
// date after today.
Reminder complete_reminder(Store& store, std::int64_t reminder_id, Date today);

// A reminder id as users type it: r12, 12 or #12; nullopt for anything else.
std::optional<std::int64_t> parse_reminder_id(std::string_view text);

// `done`'s arguments: reminder ids (4, #4) and note ids (n12), each once, in the order given.
// Usage error for anything else.
struct DoneIds {
    std::vector<std::int64_t> reminders;
    std::vector<std::int64_t> notes;
};
DoneIds parse_done_ids(const std::vector<std::string>& ids);

// `kith done`: the reminders (see complete_reminder) and the promises or mistakes of ours
// (see complete_note, reading notes with `rules`), all of them or none.
struct Completed {
    std::vector<Reminder> reminders;
    std::vector<Note> notes;
};
Completed complete_reminders(Store& store, const DoneIds& ids, Date today, const RuleBook& rules);
Reminder snooze_reminder(Store& store, std::int64_t reminder_id, Date until);
Contact snooze_contact(Store& store, std::int64_t contact_id, Date until);
// The days a snooze until `until` does not hide, which still show in `due`: their birthday and
// the dated events of their card ("wedding anniversary") that come before it, soonest first.
std::vector<std::pair<std::string, Date>> shown_while_snoozed(Store& store, const Contact& contact, Date today,
                                                               Date until);
// `snooze`'s argument: an interval from today (2w) or a date (mon, 2026-12-01).
Date snooze_until(const std::string& text, Date today);

}  // namespace kith
