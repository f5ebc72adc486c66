// Turning a note's own words into the words of a question or a to-do: private to the
// questions module (reading.cpp).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "questions/when.h"

namespace kith::questions {

// A note meant as a question ("ask if her son Lou got the place", "how did her first week
// go?"), put to the person: "Did Lou get the place?", "How did your first week go?". "" when
// it cannot be put as a question.
std::string second_person(std::string_view text);

// A note with an event and no rule that reads it ("Running the Berlin marathon"), as the thing
// a question can name: "the Berlin marathon"; dates and chatter left out.
std::string event_phrase(std::string_view text, const TextDates& dates);

// The thing a dated clause speaks of, without the date or its verb: "Black Friday campaign goes
// live 28 Nov" → "the Black Friday campaign"; "" when there is no short noun phrase to say.
std::string dated_phrase(std::string_view sentence, std::size_t date_begin, std::size_t date_end);

// The event a clause names, when it says more than the event: the last event noun with the
// words that qualify it ("his girlfriend has her cello audition for the orchestra" → "the cello
// audition"; "Tybalt is entered in the Supreme Cat Show" → "the Supreme Cat Show"; "Captain's
// Day rained off" → "Captain's Day"). Empty when it names no event.
std::string event_named_in(std::string_view clause);

// A promise, mistake or feedback of a note, as our to-do says it: "intro to Sam at Globex",
// "we messed up the invoice", "said our report was too long".
std::string our_phrase(const std::string& kind, std::string_view text, const std::map<std::string, std::string>& groups);

// At most `limit` characters of one line, cut at a word, with "…" when anything was left out.
std::string excerpt(std::string_view text, std::size_t limit);

}  // namespace kith::questions
