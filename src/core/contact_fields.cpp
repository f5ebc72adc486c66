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

// A field of the card, one text: title, role …
template <std::string ContactCard::*Text>
ContactField card_text(const char* name) {
    ContactField field{name};
    field.record_equal = [](const ContactRecord& a, const ContactRecord& b) { return a.card.*Text == b.card.*Text; };
    field.record_copy = [](const ContactRecord& from, ContactRecord& to) { to.card.*Text = from.card.*Text; };
    field.record_shown = [](const ContactRecord& r) {
        return (r.card.*Text).empty() ? std::string("(none)") : r.card.*Text;
    };
    return field;
}

std::string shown_item(const PostalAddress& address) {
    std::vector<std::string> parts;
    for (const auto& part : address.parts)
        if (!part.empty()) parts.push_back(part);
    return join(parts, ", ");
}
std::string shown_item(const LabeledText& item) {
    return item.label.empty() ? item.value : fmt::format("{}: {}", item.label, item.value);
}
std::string shown_item(const DatedEvent& event) {
    return fmt::format("{} {}", event.label.empty() ? std::string("anniversary") : event.label,
                       format_birthday(event.date));
}
std::string shown_item(const std::string& line) { return line; }

// A list of the card (addresses, URLs …), merged between kith databases as one value.
template <class Item, std::vector<Item> ContactCard::*List>
ContactField card_list(const char* name) {
    ContactField field{name};
    field.record_equal = [](const ContactRecord& a, const ContactRecord& b) { return a.card.*List == b.card.*List; };
    field.record_copy = [](const ContactRecord& from, ContactRecord& to) { to.card.*List = from.card.*List; };
    field.record_shown = [](const ContactRecord& r) {
        std::vector<std::string> items;
        for (const auto& item : r.card.*List) items.push_back(shown_item(item));
        return items.empty() ? std::string("(none)") : join(items, "; ");
    };
    return field;
}

// One value of Contact that a card does not carry.
template <class Value, Value Contact::*Member>
ContactField kith_only(const char* name, std::string (*shown)(const Contact&)) {
    ContactField field{name, nullptr, [](const Contact& a, const Contact& b) { return a.*Member == b.*Member; },
                       [](const Contact& from, Contact& to) { to.*Member = from.*Member; }, shown};
    field.on_card = false;
    return field;
}

std::string shown_date(const std::optional<Date>& date) { return date ? format_iso(*date) : std::string("(none)"); }

}  // namespace

bool ContactField::same(const ContactRecord& a, const ContactRecord& b) const {
    return equal ? equal(a.contact, b.contact) : record_equal(a, b);
}

void ContactField::take(const ContactRecord& from, ContactRecord& to) const {
    if (copy)
        copy(from.contact, to.contact);
    else
        record_copy(from, to);
}

std::string ContactField::show(const ContactRecord& record) const {
    return shown ? shown(record.contact) : record_shown(record);
}

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
        kith_only<bool, &Contact::archived>("archived",
                                            [](const Contact& c) { return std::string(c.archived ? "yes" : "no"); }),
        kith_only<std::optional<Date>, &Contact::snoozed_until>(
            "snoozed", [](const Contact& c) { return shown_date(c.snoozed_until); }),
        kith_only<std::optional<Date>, &Contact::met_on>("met", [](const Contact& c) { return shown_date(c.met_on); }),
        card_text<&ContactCard::title>("title"),
        card_text<&ContactCard::role>("role"),
        card_text<&ContactCard::department>("department"),
        card_text<&ContactCard::name_prefix>("prefix"),
        card_text<&ContactCard::name_suffix>("suffix"),
        card_list<PostalAddress, &ContactCard::addresses>("addresses"),
        card_list<LabeledText, &ContactCard::urls>("urls"),
        card_list<LabeledText, &ContactCard::related>("related"),
        card_list<DatedEvent, &ContactCard::events>("events"),
        card_list<std::string, &ContactCard::other_properties>("other properties"),
        [] {
            ContactField photo{"photo"};
            photo.record_equal = [](const ContactRecord& a, const ContactRecord& b) { return a.photo == b.photo; };
            photo.record_copy = [](const ContactRecord& from, ContactRecord& to) { to.photo = from.photo; };
            photo.record_shown = [](const ContactRecord& r) {
                return r.photo ? fmt::format("a photo ({} KB)", (r.photo->data.size() + 1023) / 1024)
                               : std::string("(none)");
            };
            return photo;
        }(),
    };
    return fields;
}

FieldMerge merge_fields(const Contact& base, const Contact& ours, const Contact& theirs, bool theirs_later) {
    FieldMerge result;
    result.merged = ours;
    for (const auto& field : contact_fields()) {
        if (!field.of_contact() || !field.on_card) continue;  // the card's rest and kith's own: not here
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

std::vector<std::string> differing_fields(const Contact& a, const Contact& b, bool card_fields_only) {
    std::vector<std::string> out;
    for (const auto& field : contact_fields())
        if (field.of_contact() && (field.on_card || !card_fields_only) && !field.equal(a, b))
            out.emplace_back(field.name);
    return out;
}

std::vector<std::string> differing_card_fields(const ContactRecord& a, const ContactRecord& b) {
    std::vector<std::string> out;
    for (const auto& field : contact_fields())
        if (!field.of_contact() && !field.record_equal(a, b)) out.emplace_back(field.name);
    return out;
}

FieldStamps restamped(const FieldStamps& stored, const FieldStamps& given, const std::vector<std::string>& differing,
                      const std::string& at) {
    FieldStamps out = stored;
    const auto later_given = [&](const std::string& field) {
        auto theirs = given.find(field);
        if (theirs == given.end()) return false;
        auto ours = stored.find(field);
        return ours == stored.end() || theirs->second > ours->second;
    };
    for (const auto& [field, stamp] : given)
        if (later_given(field)) out[field] = stamp;
    for (const auto& field : differing)
        if (!later_given(field)) out[field] = at;
    return out;
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
