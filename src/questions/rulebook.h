// What the reading and the engine share about the rules: private to the questions module.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kith/questions.h"
#include "questions/pattern.h"

namespace kith::questions {

// Changes with how kith reads notes (the C++, not the rules): stored readings made before are
// read again.
inline constexpr std::string_view reading_version = "reading-10";

// Rule `index`'s compiled pattern; a usage error naming the rule when it does not compile.
const Pattern& pattern_of(const RuleBook& book, std::size_t index);

// Hyperscan builds the rules' prefilter in about a second; PCRE2 alone reads a note in about a
// fifth of a millisecond, the prefilter and PCRE2 in a twentieth: a command that has read this
// many notes is an import or a change of rules, and will likely read many more.
inline constexpr std::size_t reads_before_prefilter = 5000;

// A prefilter kept from an earlier command (RuleBook::keep_prefilter_at) takes a few
// milliseconds to load: worth it once a command has read this many notes.
inline constexpr std::size_t reads_before_kept_prefilter = 50;

// The book kept in its cache folder (RuleBook::keep_in), taken back when it was saved for these
// rules by this kith; false when there is none, or it is not.
bool take_back_kept_rules(const RuleBook& book);
// Kept there for the next command, once its patterns are compiled.
void keep_rules(const RuleBook& book);

class Prefilter;
// The prefilter for the book's patterns, counting one more note read: nullptr until a command
// has read reads_before_kept_prefilter notes and one was kept for these rules, or
// reads_before_prefilter notes and it is built (and kept); nullptr when Hyperscan cannot run.
const Prefilter* prefilter_of(const RuleBook& book);

// The usage error for a pattern that hit PCRE2's match limit.
[[noreturn]] void runaway(const QuestionRule& rule);

// The {names} in a template, in order.
std::vector<std::string> placeholders_of(std::string_view text);

}  // namespace kith::questions
