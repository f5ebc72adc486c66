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
#include <string_view>
#include <vector>

namespace kith::questions {

class Matcher {
public:
    // Where group n matched: [begin, end) offsets into the text, or -1 when it took no part.
    struct Span {
        std::ptrdiff_t begin = -1, end = -1;
    };
    using Groups = std::vector<Span>;  // [0] is the whole match

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
    };

private:
    std::vector<Instruction> program_;
    std::vector<std::array<std::uint64_t, 4>> sets_;
    std::size_t groups_ = 0;

    friend class MatcherCompiler;
    bool run(std::string_view text, std::size_t start, std::size_t pc, bool blind, std::vector<std::ptrdiff_t>& slots,
             std::size_t& budget) const;
};

}  // namespace kith::questions
