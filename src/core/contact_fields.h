// A contact's fields that two versions of a person are merged by, in one table: `kith sync`
// merges a card with kith's person field by field through it, and a field added to Contact is
// merged by adding its row here.
#pragma once

#include <string>
#include <vector>

#include "kith/model.h"

namespace kith {

struct ContactField {
    const char* name;  // as messages name it: "company", "phones"
    // A list (emails, phones …) is merged item by item, so that an item added on each side
    // survives; any other field is one value, and the later change of it wins.
    std::vector<std::string> Contact::*items = nullptr;
    bool (*equal)(const Contact&, const Contact&) = nullptr;
    void (*copy)(const Contact& from, Contact& to) = nullptr;
    std::string (*shown)(const Contact&) = nullptr;  // the value in a message: "Acme", "(none)"
};

const std::vector<ContactField>& contact_fields();

// The same field changed on both sides to different values: the later change was kept.
struct FieldConflict {
    std::string field;
    std::string kept;      // the value kept, as shown
    std::string replaced;  // the value it replaced
    bool theirs_kept = false;
};

struct FieldMerge {
    Contact merged;                        // ours, with their changes in it
    std::vector<std::string> from_theirs;  // the fields that took (some of) their changes
    std::vector<FieldConflict> conflicts;
};

// Three-way: against `base`, the version both sides last agreed on, a field changed only in
// `theirs` takes their value, one changed only in `ours` keeps ours, and one changed on both to
// different values keeps the later change (`theirs_later`). Lists merge item by item (compared
// folded): what either side added is in, what either removed is out.
FieldMerge merge_fields(const Contact& base, const Contact& ours, const Contact& theirs, bool theirs_later);

// The names of the fields in which two versions differ.
std::vector<std::string> differing_fields(const Contact& a, const Contact& b);

}  // namespace kith
