// A person's fields by name, in one table: what two versions of a person are compared and merged
// by. `kith sync` merges a card with kith's person field by field through it; the store stamps
// each field when it changes (Contact::changed); an import from another machine merges field by
// field by those stamps. A field added to Contact or ContactCard is merged by adding its row here.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "kith/model.h"

namespace kith {

struct ContactField {
    const char* name;  // as messages and stamps name it: "company", "phones", "addresses"
    // A list (emails, phones …): `kith sync` merges it item by item, so that an item added on
    // each side survives; any other field is one value, and the later change of it wins.
    std::vector<std::string> Contact::*items = nullptr;
    // A field of Contact: these three. Null for a part of the card or the photo, held apart.
    bool (*equal)(const Contact&, const Contact&) = nullptr;
    void (*copy)(const Contact& from, Contact& to) = nullptr;
    std::string (*shown)(const Contact&) = nullptr;  // the value in a message: "Acme", "(none)"
    // A part of the card (title, addresses …) or the photo: these, over the whole record.
    bool (*record_equal)(const ContactRecord&, const ContactRecord&) = nullptr;
    void (*record_copy)(const ContactRecord& from, ContactRecord& to) = nullptr;
    std::string (*record_shown)(const ContactRecord&) = nullptr;
    // Written on a card, so `kith sync` merges it with the card's; archived, snoozed and met are
    // kith's own, merged only between kith databases.
    bool on_card = true;

    bool of_contact() const { return equal != nullptr; }
    bool same(const ContactRecord& a, const ContactRecord& b) const;
    void take(const ContactRecord& from, ContactRecord& to) const;
    std::string show(const ContactRecord& record) const;
};

const std::vector<ContactField>& contact_fields();

// The names of the fields of Contact in which two versions differ (those a card carries, or all).
std::vector<std::string> differing_fields(const Contact& a, const Contact& b, bool card_fields_only = true);
// The names of the card's parts (and the photo) in which two versions differ.
std::vector<std::string> differing_card_fields(const ContactRecord& a, const ContactRecord& b);

using FieldStamps = std::map<std::string, std::string>;  // field name → UTC time it last changed

// The stamps after a change made at `at`: those `stored`, each replaced by a later one the
// caller `given` (an import's, from the other machine), and each field in `differing` stamped
// `at` unless the caller gave it a later stamp than the stored one.
FieldStamps restamped(const FieldStamps& stored, const FieldStamps& given, const std::vector<std::string>& differing,
                      const std::string& at);

}  // namespace kith
