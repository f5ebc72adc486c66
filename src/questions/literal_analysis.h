// The literal analysis of a question rule's pattern (see literal_analysis.cpp). Used by the
// question engine at run time for the user's own rules, and at build time by
// rule_index_gen.cpp, which analyses the built-in rules once so that no run has to.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "questions/literal_scanner.h"

namespace kith::questions {

using LiteralSet = std::vector<std::string>;

struct PatternLiterals {
    std::vector<LiteralSet> required;  // a string of each set occurs in any match
    std::optional<LiteralSet> prefix;  // any match starts with one of these

    bool operator==(const PatternLiterals&) const = default;
};

// The lower-case literals of an ECMAScript pattern; nothing known when unsure.
PatternLiterals analyse_literals(std::string_view pattern);

// The built-in rules, analysed when kith was built (builtin_literals.cpp, written by
// rule_index_gen.cpp): analysing the eighty patterns and building their scanner took 40% of
// `kith due`'s time. Literal ids are positions in builtin_literal_strings(), every literal
// a built-in rule requires, in the order the rules first require them.
std::size_t builtin_literals_count();                  // the number of built-in rules
PatternLiterals builtin_literals(std::size_t rule);    // analyse_literals() of its pattern
// The same, as views of the generated tables: the ids of each set of literals it requires,
// and the strings every match starts with, if known.
std::vector<std::span<const std::size_t>> builtin_required_sets(std::size_t rule);
std::optional<std::vector<std::string_view>> builtin_prefix_strings(std::size_t rule);
std::span<const std::string_view> builtin_literal_strings();
LiteralScanner::Tables builtin_scanner_tables();        // over builtin_literal_strings()

}  // namespace kith::questions
