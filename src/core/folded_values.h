// A list of values kept once each, compared folded (fold_key: "Golf", "golf" and "gölf" are one
// tag). The keys are kept in a set, so adding 10,000 tags costs 10,000 lookups, not 50 million.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "kith/text.h"

namespace kith {

class FoldedValues {
public:
    // Adds to `values`, which must outlive this; what is there already counts.
    explicit FoldedValues(std::vector<std::string>& values) : values_(values) {
        for (const auto& value : values_) keys_.insert(fold_key(value));
    }
    bool contains(const std::string& value) const { return keys_.count(fold_key(value)) > 0; }
    // Appends `value` unless an equal one is there.
    void add(std::string value) {
        if (keys_.insert(fold_key(value)).second) values_.push_back(std::move(value));
    }

private:
    std::vector<std::string>& values_;
    std::unordered_set<std::string> keys_;
};

}  // namespace kith
