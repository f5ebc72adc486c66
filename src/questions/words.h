// The word lists the reading of a note needs (who a note is about, which words can be a name),
// as sets of lower-case words: private to the questions module.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kith::questions {

// Someone of the person's: how a note names them, and how a question speaks of them.
struct Relation {
    std::string_view word;  // as the note may write it: "mom", "husbnad", "gf"
    std::string_view says;  // as a question says it: "mom", "husband", "girlfriend"
    char gender;            // 'f', 'm' or 'n' (their / its)
    bool plural;            // "kids", "parents": "How are your kids?"
    bool animal;            // a pet
};

// The relation a word names (lower case, without a possessive 's), or nothing.
const Relation* relation_named(std::string_view word);

// A word too common to be a name in a note written in lower case ("son jake got …": jake
// may be a name; "son is …": is is not).
bool is_common_word(std::string_view word);

// Capitalised words that are not names even where a name could stand: sentence openers,
// days, months, titles ("Mum", "Monday", "The").
bool never_a_name(std::string_view word);

// Names of days and feasts that keep their capital even where a sentence starts with them.
bool is_proper_noun(std::string_view word);

// A word that says the thing is past (had, was, got, died, yesterday …), or to come (will,
// going, next, planning …).
bool is_past_marker(std::string_view word);
bool is_future_marker(std::string_view word);

// A noun that names something that happens on a day: review, beta, concert, appointment …
bool is_event_noun(std::string_view word);

// On an event's day: one they are judged at or perform in (an audition, a race, a pitch) is
// wished luck; one to enjoy (a party, a festival, a named Day) is wished a good time.
bool wishes_luck(std::string_view event_noun);
bool wishes_fun(std::string_view event_noun);

// A word as a question should spell it, for the misspellings notes are full of ("surgury").
std::string_view spelled(std::string_view word);

// A word a question starts with: how, what, did, is, any …
bool starts_a_question(std::string_view word);

// Negations that turn a note around ("not", "no longer", "never", "ex").
bool is_negation(std::string_view word);

// The words of a text: letters, digits, apostrophes and hyphens, lower-cased (ASCII), with
// their byte offsets in the text.
struct Word {
    std::string text;  // lower case
    std::size_t begin = 0, end = 0;
};
std::vector<Word> words_in(std::string_view text);

}  // namespace kith::questions
