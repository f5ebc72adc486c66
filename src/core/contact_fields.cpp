#include "core/contact_fields.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "kith/dates.h"
#include "kith/text.h"

namespace kith {

namespace {

std::unordered_set<std::string> keys_of(const std::vector<std::string>& items, const ValueKey& key_of = folded_key) {
    std::unordered_set<std::string> keys;
    for (const auto& item : items) keys.insert(key_of(item));
    return keys;
}

// Ours, less what theirs removed from the base, plus what theirs added to it, in our order
// then theirs; items compared by `key_of` (folded, or a phone number's key).
std::vector<std::string> merged_items(const std::vector<std::string>& base, const std::vector<std::string>& ours,
                                      const std::vector<std::string>& theirs, const ValueKey& key_of) {
    const auto in_base = keys_of(base, key_of);
    const auto in_theirs = keys_of(theirs, key_of);
    std::vector<std::string> out;
    std::unordered_set<std::string> kept;
    for (const auto& item : ours) {
        auto key = key_of(item);
        if (in_base.count(key) && !in_theirs.count(key)) continue;  // they removed it
        if (kept.insert(key).second) out.push_back(item);
    }
    for (const auto& item : theirs) {
        auto key = key_of(item);
        if (in_base.count(key)) continue;  // not theirs to add: we kept or removed it
        if (kept.insert(key).second) out.push_back(item);
    }
    return out;
}

}  // namespace

FieldMerge merge_fields(const Contact& base, const Contact& ours, const Contact& theirs, bool theirs_later,
                        const ValueKey& phone_key_of) {
    FieldMerge result;
    result.merged = ours;
    for (const auto& field : contact_fields()) {
        if (!field.of_contact() || !field.on_card) continue;  // the card's rest and kith's own: not here
        if (field.equal(base, theirs) || field.equal(ours, theirs)) continue;  // nothing of theirs to take
        if (field.items) {
            const auto& key_of = field.items == &Contact::phones ? phone_key_of : ValueKey(folded_key);
            auto items = merged_items(base.*field.items, ours.*field.items, theirs.*field.items, key_of);
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


namespace {

// When one side last changed a field: its stamp, else when the person was created there.
const std::string& stamp_of(const ContactRecord& side, const std::string& field) {
    auto found = side.contact.changed.find(field);
    return found != side.contact.changed.end() ? found->second : side.contact.created_at;
}

// Whether taking theirs loses something of ours: a value, or an item of a list (one that only
// gains items replaces nothing).
bool replaces(const ContactField& field, const ContactRecord& ours, const ContactRecord& theirs) {
    if (field.items) {
        const auto in_theirs = keys_of(theirs.contact.*field.items);
        for (const auto& item : ours.contact.*field.items)
            if (!in_theirs.count(fold_key(item))) return true;
        return false;
    }
    if (field.of_contact()) return !field.equal(ours.contact, Contact{});
    return !field.record_equal(ours, ContactRecord{});
}

}  // namespace

StampedMerge merge_by_stamps(const ContactRecord& ours, const ContactRecord& theirs) {
    StampedMerge result;
    result.merged.contact = ours.contact;
    result.merged.card = ours.card;
    result.merged.photo = ours.photo;
    auto& stamps = result.merged.contact.changed;
    for (const auto& field : contact_fields()) {
        const std::string name = field.name;
        const auto& ours_at = stamp_of(ours, name);
        const auto& theirs_at = stamp_of(theirs, name);
        const bool stamped_there = theirs.contact.changed.count(name) > 0;
        if (field.same(ours, theirs)) {
            if (stamped_there && theirs_at > stamps[name]) stamps[name] = theirs_at;
            else if (stamps[name].empty()) stamps.erase(name);
            continue;
        }
        const bool theirs_later =
            theirs_at > ours_at || (theirs_at == ours_at && theirs.contact.updated_at > ours.contact.updated_at);
        if (!theirs_later) continue;
        field.take(theirs, result.merged);
        result.from_theirs.push_back(name);
        stamps[name] = theirs_at;
        if (replaces(field, ours, theirs))
            result.replaced.push_back({name, field.show(theirs), field.show(ours), true});
    }
    // The card's own lines, to write back as a card had them, serve a card of one version.
    auto& card = result.merged.card;
    if (card.version.empty()) {
        card.version = theirs.card.version;
        card.as_written = theirs.card.as_written;
    } else if (card.version == theirs.card.version) {
        for (const auto& lines : theirs.card.as_written)
            if (std::find(card.as_written.begin(), card.as_written.end(), lines) == card.as_written.end())
                card.as_written.push_back(lines);
    }
    return result;
}

}  // namespace kith
