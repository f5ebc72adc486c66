// The table of a person's fields (kith/contact_fields.h): what two versions of a person are
// compared, stamped and merged by. The merges over it are the core's (core/contact_fields.cpp).
#include "kith/contact_fields.h"

#include <fmt/format.h>

#include <string>
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


}  // namespace kith
