// A quantifier of a rule's pattern (* + ? {n} {n,} {n,m}, each optionally lazy), read the same
// way by both readers of patterns: literal_analysis.cpp and matcher.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kith::questions {

constexpr std::size_t unbounded = SIZE_MAX;

struct Quantifier {
    enum class Read { none, read, malformed };
    std::size_t min = 1, max = 1;
    bool greedy = true;
};

// Reads the quantifier at p[pos], if any, moving pos past it. A count of more than 6 digits,
// or {n,m} with m < n, is malformed (and pos is then anywhere).
inline Quantifier::Read read_quantifier(std::string_view p, std::size_t& pos, Quantifier& out) {
    auto peek = [&] { return pos < p.size() ? p[pos] : '\0'; };
    auto number = [&](std::size_t& value) {
        const std::size_t start = pos;
        while (pos < p.size() && p[pos] >= '0' && p[pos] <= '9') ++pos;
        if (pos == start || pos - start > 6) return false;
        value = std::stoul(std::string(p.substr(start, pos - start)));
        return true;
    };
    out = {};
    switch (peek()) {
        case '*': out.min = 0, out.max = unbounded; break;
        case '+': out.max = unbounded; break;
        case '?': out.min = 0; break;
        case '{':
            ++pos;
            if (!number(out.min)) return Quantifier::Read::malformed;
            out.max = out.min;
            if (peek() == ',') {
                ++pos;
                if (peek() == '}') out.max = unbounded;
                else if (!number(out.max) || out.max < out.min) return Quantifier::Read::malformed;
            }
            if (peek() != '}') return Quantifier::Read::malformed;
            break;
        default: return Quantifier::Read::none;
    }
    ++pos;
    if (peek() == '?') {
        out.greedy = false;
        ++pos;
    }
    return Quantifier::Read::read;
}

}  // namespace kith::questions
