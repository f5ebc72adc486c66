// A question rule's regular expression, on PCRE2: compiled once, matched case-insensitively,
// and with its work bounded, so a pattern that backtracks without end ((a+)+$ on a long note)
// gives up with an answer that says so instead of hanging `due` every morning.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/expected.h"

struct pcre2_real_code_8;  // pcre2_code, kept out of this header

namespace kith::questions {

// Where a group matched: [begin, end) offsets into the text, or -1 when it took no part.
struct Span {
    std::ptrdiff_t begin = -1, end = -1;
};
using Groups = std::vector<Span>;  // [0] is the whole match

class Pattern {
public:
    // The pattern, or why it does not compile ("missing ) at offset 7").
    static Expected<Pattern> compile(std::string_view pattern);

    std::size_t groups() const { return groups_; }  // capture groups, not counting [0]
    // The named groups, with the number of each: (?<topic>…) → {"topic", 1}.
    const std::vector<std::pair<std::string, std::size_t>>& named_groups() const { return names_; }
    std::vector<std::string> group_names() const;

    enum class Found { match, none, gave_up };
    // The first match in `text` from `from` (only one starting at `from` when `anchored`);
    // lookbehinds and \b see the text before `from`. gave_up: the match limit was reached.
    Found search(std::string_view text, std::size_t from, bool anchored, Groups& out) const;

    // Compiled patterns as bytes (PCRE2's own serialization) and back, so a rule book compiled
    // once need not be compiled by the next command. nullopt: bytes of another PCRE2 version,
    // or not a serialization of `count` patterns at all.
    static std::string serialize(const std::vector<const Pattern*>& patterns);
    static std::optional<std::vector<Pattern>> deserialize(std::string_view bytes, std::size_t count);

private:
    struct Code;
    static Expected<Pattern> adopt(::pcre2_real_code_8* code);  // takes ownership
    std::shared_ptr<const Code> code_;
    std::size_t groups_ = 0;
    std::vector<std::pair<std::string, std::size_t>> names_;
};

}  // namespace kith::questions
