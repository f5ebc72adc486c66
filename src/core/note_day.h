// What a note's day brings to `due` and `agenda` alike, read once from its stored reading: a
// promise of ours on its deadline, a gentle check-in after a hard time of theirs, or an event
// of theirs, with what the line about it may say. Private to the core.
#pragma once

#include <optional>
#include <string>

#include "kith/due.h"
#include "kith/model.h"
#include "kith/questions.h"

namespace kith {

struct NoteDay {
    DueReason::Kind kind = DueReason::Kind::event_ahead;  // promise, care, or an event (ahead or passed)
    std::string text;   // the promise as ours, else note_subject's words
    bool loss = false;  // a check-in after a loss, not another hard time
};
NoteDay note_day(const Note& note, const std::optional<Reading>& reading);

// note_subject, from a reading already read.
std::string note_subject(const Note& note, const std::optional<Reading>& reading);

}  // namespace kith
