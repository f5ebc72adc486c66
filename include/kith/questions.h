// The suggestion engine (SPEC §5): what to ask a person, from what they told you.
// Pure functions over a person's records and today's date; deterministic.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kith/model.h"

namespace kith {

// A pattern → question rule. `match` is a regular expression (PCRE2, as Perl writes them),
// matched case-insensitively against a note's text; `ask` is a template where {1}, {2} … are the
// match's capture groups (trimmed). The rule applies only while the note's age (today minus
// the note's date) is within [min_age, max_age] when those are set.
struct QuestionRule {
    std::string id;  // stable within its source, e.g. "college-first-year"
    std::string match;
    std::string ask;
    std::optional<Interval> min_age;
    std::optional<Interval> max_age;
    std::string source;  // where a user wrote it, for errors: "config ~/.config/kith/config.toml: line 12"
};

struct QuestionSettings {
    bool builtin_rules = false;                               // builtin_question_rules() first,
    std::vector<QuestionRule> rules;                          // then these (the user's)
    std::map<std::string, std::vector<std::string>> banks;    // tag → questions
    Interval birthday_window{7, Interval::Unit::days};        // "birthday near"
};

// Everything the engine may look at for one person.
struct QuestionInput {
    const Contact& contact;
    const std::vector<Note>& notes;                // any order
    const std::vector<Interaction>& interactions;  // any order
    // Question id → the last day it was asked (from `log --asked`).
    const std::map<std::string, Date>& asked;
    Date today;
};

// Ranked suggestions, best first, at most `limit`, never the same text twice.
std::vector<Question> suggest_questions(const QuestionInput& input, const QuestionSettings& settings,
                                        std::size_t limit);

// The rules that ship with kith (a data file compiled into the binary).
const std::vector<QuestionRule>& builtin_question_rules();
// The tag question banks that ship with kith (client, friend, family, mentor …).
const std::map<std::string, std::vector<std::string>>& builtin_question_banks();

// Usage error naming the rule when its regular expression does not compile.
void check_question_rule(const QuestionRule& rule);

}  // namespace kith
