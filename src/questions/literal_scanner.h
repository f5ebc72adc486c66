// Finds, in one pass over a text, which of many literals occur in it (Aho–Corasick): one scan
// per note instead of a search per literal per rule.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kith::questions {

class LiteralScanner {
public:
    // The automaton as flat arrays: node n's edges are edge_bytes/edge_targets[edge_first[n]
    // .. edge_first[n + 1]), sorted by byte.
    struct Tables {
        std::size_t literals = 0;
        std::span<const std::int32_t> edge_first;
        std::span<const unsigned char> edge_bytes;
        std::span<const std::int32_t> edge_targets;
        std::span<const std::int32_t> fallback;  // the longest proper suffix that is a node
        std::span<const std::int32_t> literal;   // the literal ending at the node, or -1
        std::span<const std::int32_t> also;      // the nearest fallback where a literal ends, or -1
        std::span<const std::int32_t> root;      // the root's edges for all 256 bytes
    };

    // A literal's id is its position in `literals`.
    explicit LiteralScanner(const std::vector<std::string>& literals);
    // Tables that live elsewhere, e.g. compiled into kith (builtin_literals.cpp).
    explicit LiteralScanner(const Tables& tables) : t_(tables) {}
    LiteralScanner(const LiteralScanner&) = delete;  // t_ may point into this scanner's own arrays
    LiteralScanner& operator=(const LiteralScanner&) = delete;

    std::size_t size() const { return t_.literals; }
    const Tables& tables() const { return t_; }

    // found[id] is set for every literal that occurs in the text.
    void scan(std::string_view text, std::vector<char>& found) const;

private:
    std::vector<std::int32_t> edge_first_, edge_targets_, fallback_, literal_, also_;
    std::vector<unsigned char> edge_bytes_;
    std::array<std::int32_t, 256> root_{};
    Tables t_;

    std::int32_t edge(std::int32_t node, unsigned char byte) const;
    std::int32_t step(std::int32_t state, unsigned char byte) const;
};

}  // namespace kith::questions
