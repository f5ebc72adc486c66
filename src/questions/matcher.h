// A small backtracking matcher for the part of ECMAScript regular expressions that kith's
// built-in question rules use, matching case-insensitively (ASCII folding) exactly as
// libstdc++'s std::regex does, but compiled in microseconds: std::regex spent 2 million
// instructions compiling each built-in rule, more than half of `kith due`.
//
// Supported: literals and escapes (\xHH \n \t \r \f \v \0 and escaped punctuation), `.`,
// classes (ranges, negation, \w \s \d \W \S \D), \w \s \d \W \S \D, groups (capturing and
// (?:…)), alternation, ? * + {n} {n,} {n,m} and their lazy forms, ^ $ \b \B, (?=…) and (?!…).
// Anything else (back-references, \u, \c, [:classes:], a loop whose body can match nothing)
// is refused: the caller then uses std::regex.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "questions/pattern.h"

namespace kith::questions {

class Matcher {
public:
    using Span = questions::Span;
    using Groups = questions::Groups;

    // Nothing when the pattern uses something this matcher does not do, or is malformed.
    static std::optional<Matcher> compile(std::string_view pattern);

    std::size_t groups() const { return groups_; }  // capture groups, not counting [0]

    // As std::regex_search from `from` in `text`, the whole input (match_prev_avail when
    // from > 0): ^ matches only at offset 0, $ only at the end, \b sees the character before
    // `from`. `continuous`: only a match that starts at `from` (match_continuous).
    bool search(std::string_view text, std::size_t from, bool continuous, Groups& out) const;

    enum class Op : std::uint8_t { byte, set, any, split, jump, save, bol, eol, word, not_word, look, look_end, match };
    struct Instruction {
        Op op;
        bool negate = false;     // look: (?!…)
        std::uint32_t x = 0;     // byte: the folded byte; set: its index; split/jump: target; save: slot; look: past its end
        std::uint32_t y = 0;     // split: the second choice
        friend bool operator==(const Instruction&, const Instruction&) = default;
    };
    using ByteSet = std::array<std::uint64_t, 4>;  // bit b set: byte b is in the class

    // The compiled form, to be written out as tables and read back by from_tables(): the
    // built-in rules are compiled when kith is built (rule_index_gen.cpp).
    std::span<const Instruction> program() const { return code_; }
    std::span<const ByteSet> sets() const { return classes_; }
    static Matcher from_tables(std::span<const Instruction> program, std::span<const ByteSet> sets, std::size_t groups);

    // Moves keep the vectors' storage, which code_ and classes_ may point into; a copy would not.
    Matcher(Matcher&&) noexcept = default;
    Matcher& operator=(Matcher&&) noexcept = default;
    Matcher(const Matcher&) = delete;
    Matcher& operator=(const Matcher&) = delete;

private:
    Matcher() = default;
    std::vector<Instruction> program_;  // compile()'s own program and sets, which code_ and classes_ then view;
    std::vector<ByteSet> sets_;         // from_tables() views static tables instead
    std::span<const Instruction> code_;
    std::span<const ByteSet> classes_;
    std::size_t groups_ = 0;

    friend class MatcherCompiler;
    bool run(std::string_view text, std::size_t start, std::size_t pc, bool blind, std::vector<std::ptrdiff_t>& slots,
             std::size_t& budget) const;
};

// The built-in rule's pattern compiled when kith was built (builtin_literals.cpp), as
// Matcher::compile() gives it; nothing when compile() refuses it.
std::optional<Matcher> builtin_matcher(std::size_t rule);

}  // namespace kith::questions
