// The literal analysis of a question rule's pattern (see literal_analysis.cpp). Used by the
// question engine at run time for the user's own rules, and at build time by
// rule_index_gen.cpp, which analyses the built-in rules once so that no run has to.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kith::questions {

using LiteralSet = std::vector<std::string>;

struct PatternLiterals {
    std::vector<LiteralSet> required;  // a string of each set occurs in any match
    std::optional<LiteralSet> prefix;  // any match starts with one of these

    bool operator==(const PatternLiterals&) const = default;
};

// The lower-case literals of an ECMAScript pattern; nothing known when unsure.
PatternLiterals analyse_literals(std::string_view pattern);

// analyse_literals(builtin_question_rules()[rule].match), worked out when kith was built
// (builtin_literals.cpp, written by rule_index_gen.cpp): analysing the eighty built-in
// patterns took half of `kith due`'s time.
std::size_t builtin_literals_count();
PatternLiterals builtin_literals(std::size_t rule);

}  // namespace kith::questions
