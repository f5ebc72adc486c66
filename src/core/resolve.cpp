#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "kith/core.h"
#include "kith/error.h"
#include "kith/phone.h"
#include "kith/text.h"

namespace kith {

namespace {

std::optional<std::int64_t> parse_id(std::string_view text) {
    if (!text.empty() && text.front() == '#') text.remove_prefix(1);
    if (text.empty() || text.size() > 18) return std::nullopt;
    std::int64_t id = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return id;
}

std::string describe(const std::vector<ContactRef>& candidates) {
    constexpr std::size_t shown = 5;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < candidates.size() && i < shown; ++i)
        names.push_back(fmt::format("{} (#{})", candidates[i].name, candidates[i].id));
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) text += i + 1 == names.size() && candidates.size() <= shown ? " or " : ", ";
        text += names[i];
    }
    if (candidates.size() > shown) text += fmt::format(" and {} more", candidates.size() - shown);
    return text;
}

// Active contacts hide archived ones: an old colleague never makes a current name ambiguous.
std::vector<ContactRef> narrow(std::vector<ContactRef> found) {
    std::vector<ContactRef> active;
    std::copy_if(found.begin(), found.end(), std::back_inserter(active), [](auto& c) { return !c.archived; });
    if (!active.empty()) found = std::move(active);
    return found;
}

// The one person with the phone number `query`, however either is written; nothing when the
// query is no number or nobody has it.
std::optional<ContactRef> with_phone(Store& store, const std::string& query) {
    if (!looks_like_phone_number(query)) return std::nullopt;
    auto found = narrow(store.contacts().with_phone(query));
    if (found.size() > 1)
        throw not_found_error(fmt::format("\"{}\" is ambiguous: did you mean {}? Use the #id", query, describe(found)));
    if (found.empty()) return std::nullopt;
    return found.front();
}

}  // namespace

ContactRef resolve_contact(Store& store, const std::string& raw_query) {
    auto query = trim(raw_query);
    if (query.empty()) throw usage_error("empty contact name");
    if (auto id = parse_id(query)) {
        if (auto ref = store.contacts().ref(*id)) return *ref;
        // 07700900123 is a phone number rather than contact #7700900123.
        if (auto ref = with_phone(store, query)) return *ref;
        throw not_found_error(fmt::format("no contact #{}", *id));
    }
    if (auto ref = with_phone(store, query)) return *ref;
    auto key = fold_key(query);
    auto exact = narrow(store.contacts().with_key(key));
    if (exact.size() > 1) {
        // "Renée" and "Renee" both fold to "renee": the one typed exactly, accents and all, wins.
        std::vector<ContactRef> same_case;
        for (const auto& candidate : exact)
            if (fold_case(candidate.name) == fold_case(query)) same_case.push_back(candidate);
        if (same_case.size() == 1) return same_case.front();
    }
    if (exact.size() == 1) return exact.front();
    if (exact.size() > 1)
        throw not_found_error(fmt::format("\"{}\" is ambiguous: did you mean {}? Use the #id", query, describe(exact)));

    using Lookup = std::vector<ContactRef> (ContactRepository::*)(const std::string&);
    for (Lookup lookup : {static_cast<Lookup>(&ContactRepository::with_key_prefix), &ContactRepository::with_key_substring}) {
        auto found = narrow((store.contacts().*lookup)(key));
        if (found.size() == 1) return found.front();
        if (found.size() > 1)
            throw not_found_error(
                fmt::format("\"{}\" is ambiguous: did you mean {}? Use more of the name or the #id", query,
                            describe(found)));
    }
    throw not_found_error(fmt::format("no contact matches \"{}\": see `kith list`", query));
}

}  // namespace kith
