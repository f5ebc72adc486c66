#include "core/contact_fields.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "kith/dates.h"
#include "kith/text.h"

namespace kith {

namespace {

template <std::vector<std::string> Contact::*Items>
ContactField list_field(const char* name) {
    return {name, Items, [](const Contact& a, const Contact& b) { return a.*Items == b.*Items; },
            [](const Contact& from, Contact& to) { to.*Items = from.*Items; },
            [](const Contact& c) { return (c.*Items).empty() ? std::string("(none)") : join(c.*Items, ", "); }};
}

std::unordered_set<std::string> keys_of(const std::vector<std::string>& items) {
    std::unordered_set<std::string> keys;
    for (const auto& item : items) keys.insert(fold_key(item));
    return keys;
}

// Ours, less what theirs removed from the base, plus what theirs added to it, in our order
// then theirs.
std::vector<std::string> merged_items(const std::vector<std::string>& base, const std::vector<std::string>& ours,
                                      const std::vector<std::string>& theirs) {
    const auto in_base = keys_of(base);
    const auto in_theirs = keys_of(theirs);
    std::vector<std::string> out;
    std::unordered_set<std::string> kept;
    for (const auto& item : ours) {
        auto key = fold_key(item);
        if (in_base.count(key) && !in_theirs.count(key)) continue;  // they removed it
        if (kept.insert(key).second) out.push_back(item);
    }
    for (const auto& item : theirs) {
        auto key = fold_key(item);
        if (in_base.count(key)) continue;  // not theirs to add: we kept or removed it
        if (kept.insert(key).second) out.push_back(item);
    }
    return out;
}

}  // namespace

const std::vector<ContactField>& contact_fields() {
    static const std::vector<ContactField> fields{
        {"name", nullptr, [](const Contact& a, const Contact& b) { return a.name == b.name; },
         [](const Contact& from, Contact& to) { to.name = from.name; }, [](const Contact& c) { return c.name; }},
        list_field<&Contact::nicknames>("nicknames"),
        list_field<&Contact::emails>("emails"),
        list_field<&Contact::phones>("phones"),
        {"company", nullptr, [](const Contact& a, const Contact& b) { return a.company == b.company; },
         [](const Contact& from, Contact& to) { to.company = from.company; },
         [](const Contact& c) { return c.company.empty() ? std::string("(none)") : c.company; }},
        {"birthday", nullptr, [](const Contact& a, const Contact& b) { return a.birthday == b.birthday; },
         [](const Contact& from, Contact& to) { to.birthday = from.birthday; },
         [](const Contact& c) { return c.birthday ? format_birthday(*c.birthday) : std::string("(none)"); }},
        list_field<&Contact::tags>("tags"),
        {"every", nullptr, [](const Contact& a, const Contact& b) { return a.every == b.every; },
         [](const Contact& from, Contact& to) { to.every = from.every; },
         [](const Contact& c) { return c.every ? format_cadence(*c.every) : std::string("(none)"); }},
    };
    return fields;
}

FieldMerge merge_fields(const Contact& base, const Contact& ours, const Contact& theirs, bool theirs_later) {
    FieldMerge result;
    result.merged = ours;
    for (const auto& field : contact_fields()) {
        if (field.equal(base, theirs) || field.equal(ours, theirs)) continue;  // nothing of theirs to take
        if (field.items) {
            auto items = merged_items(base.*field.items, ours.*field.items, theirs.*field.items);
            if (items != ours.*field.items) {
                result.merged.*field.items = std::move(items);
                result.from_theirs.emplace_back(field.name);
            }
        } else if (field.equal(base, ours)) {
            field.copy(theirs, result.merged);
            result.from_theirs.emplace_back(field.name);
        } else {
            FieldConflict conflict{field.name, "", "", theirs_later};
            if (theirs_later) {
                field.copy(theirs, result.merged);
                result.from_theirs.emplace_back(field.name);
                conflict.kept = field.shown(theirs);
                conflict.replaced = field.shown(ours);
            } else {
                conflict.kept = field.shown(ours);
                conflict.replaced = field.shown(theirs);
            }
            result.conflicts.push_back(std::move(conflict));
        }
    }
    return result;
}

std::vector<std::string> differing_fields(const Contact& a, const Contact& b) {
    std::vector<std::string> out;
    for (const auto& field : contact_fields())
        if (!field.equal(a, b)) out.emplace_back(field.name);
    return out;
}

}  // namespace kith
