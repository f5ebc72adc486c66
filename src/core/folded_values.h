// A list of values kept once each, compared by a key: folded by default (fold_key: "Golf",
// "golf" and "gölf" are one tag), a phone number's by phone_keys (kith/phone.h: "+44 7700
// 900123" and "07700 900123" are one number). The keys are kept in a set, so adding 10,000
// tags costs 10,000 lookups, not 50 million.
#pragma once

#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include "kith/phone.h"
#include "kith/text.h"

namespace kith {

using ValueKey = std::function<std::string(const std::string&)>;

inline std::string folded_key(const std::string& value) { return fold_key(value); }

// The key a phone number is kept once by, in `region` (Store::phone_region).
inline ValueKey phone_keys(std::string region) {
    return [region = std::move(region)](const std::string& number) { return phone_key(number, region); };
}

class FoldedValues {
public:
    // Adds to `values`, which must outlive this; what is there already counts.
    explicit FoldedValues(std::vector<std::string>& values, ValueKey key = folded_key)
        : values_(values), key_(std::move(key)) {
        for (const auto& value : values_) keys_.insert(key_(value));
    }
    bool contains(const std::string& value) const { return keys_.count(key_(value)) > 0; }
    // Appends `value` unless an equal one is there.
    void add(std::string value) {
        if (keys_.insert(key_(value)).second) values_.push_back(std::move(value));
    }

private:
    std::vector<std::string>& values_;
    ValueKey key_;
    std::unordered_set<std::string> keys_;
};

}  // namespace kith
