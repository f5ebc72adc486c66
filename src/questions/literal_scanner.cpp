#include "questions/literal_scanner.h"

#include <algorithm>
#include <map>

namespace kith::questions {

LiteralScanner::LiteralScanner(const std::vector<std::string>& literals) {
    // The trie, node by node, then flattened.
    std::vector<std::map<unsigned char, std::int32_t>> children(1);
    literal_.assign(1, -1);
    for (std::size_t id = 0; id < literals.size(); ++id) {
        std::int32_t node = 0;
        for (const char c : literals[id]) {
            const auto byte = static_cast<unsigned char>(c);
            auto [at, added] = children[static_cast<std::size_t>(node)].emplace(byte, 0);
            if (added) {
                at->second = static_cast<std::int32_t>(children.size());
                children.emplace_back();
                literal_.push_back(-1);
            }
            node = at->second;
        }
        literal_[static_cast<std::size_t>(node)] = static_cast<std::int32_t>(id);
    }
    const std::size_t nodes = children.size();
    edge_first_.reserve(nodes + 1);
    for (const auto& edges : children) {
        edge_first_.push_back(static_cast<std::int32_t>(edge_targets_.size()));
        for (const auto& [byte, child] : edges) {
            edge_bytes_.push_back(byte);
            edge_targets_.push_back(child);
        }
    }
    edge_first_.push_back(static_cast<std::int32_t>(edge_targets_.size()));
    for (const auto& [byte, child] : children[0]) root_[byte] = child;

    fallback_.assign(nodes, 0);
    also_.assign(nodes, -1);
    t_ = {literals.size(), edge_first_, edge_bytes_, edge_targets_, fallback_, literal_, also_, root_};
    // Breadth first: each node's fallback is the longest proper suffix that is a node.
    std::vector<std::int32_t> queue;
    for (const auto& [byte, child] : children[0]) queue.push_back(child);
    for (std::size_t i = 0; i < queue.size(); ++i) {
        const auto u = static_cast<std::size_t>(queue[i]);
        for (const auto& [byte, v] : children[u]) {
            const std::int32_t f = step(fallback_[u], byte);
            const auto child = static_cast<std::size_t>(v);
            fallback_[child] = f;
            also_[child] = literal_[static_cast<std::size_t>(f)] >= 0 ? f : also_[static_cast<std::size_t>(f)];
            queue.push_back(v);
        }
    }
}

void LiteralScanner::scan(std::string_view text, std::vector<char>& found) const {
    found.assign(t_.literals, 0);
    std::int32_t state = 0;
    for (const char c : text) {
        state = step(state, static_cast<unsigned char>(c));
        const auto at = static_cast<std::size_t>(state);
        for (std::int32_t n = t_.literal[at] >= 0 ? state : t_.also[at]; n > 0; n = t_.also[static_cast<std::size_t>(n)])
            found[static_cast<std::size_t>(t_.literal[static_cast<std::size_t>(n)])] = 1;
    }
}

std::int32_t LiteralScanner::edge(std::int32_t node, unsigned char byte) const {
    const auto n = static_cast<std::size_t>(node);
    const auto first = t_.edge_bytes.begin() + t_.edge_first[n];
    const auto last = t_.edge_bytes.begin() + t_.edge_first[n + 1];
    const auto it = std::lower_bound(first, last, byte);
    return it != last && *it == byte ? t_.edge_targets[static_cast<std::size_t>(it - t_.edge_bytes.begin())] : -1;
}

std::int32_t LiteralScanner::step(std::int32_t state, unsigned char byte) const {
    while (state > 0) {
        const std::int32_t next = edge(state, byte);
        if (next >= 0) return next;
        state = t_.fallback[static_cast<std::size_t>(state)];
    }
    return t_.root[byte];
}

}  // namespace kith::questions
