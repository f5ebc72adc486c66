// Merging two versions of a person field by field, over the table of their fields
// (kith/contact_fields.h): three-way for `kith sync`, by the fields' stamps for an import from
// another machine.
#pragma once

#include <string>
#include <vector>

#include "kith/contact_fields.h"
#include "core/folded_values.h"
#include "kith/model.h"

namespace kith {

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
// folded, phone numbers by `phone_key_of`, so a number the phone wrote another way is the
// same number): what either side added is in, what either removed is out. Only the fields a
// card carries.
FieldMerge merge_fields(const Contact& base, const Contact& ours, const Contact& theirs, bool theirs_later,
                        const ValueKey& phone_key_of = folded_key);

// Two kith databases' copies of one person (matched by uuid), with no base: each field (a list
// as a whole, a part of the card, the photo) is taken from the side whose stamp for it
// (Contact::changed, else that side's created_at) is later; on a tie, from the side whose record
// was updated later, else ours stays. The merged record keeps the later stamp of each field.
struct StampedMerge {
    ContactRecord merged;                  // ours (contact, card, photo), with their later fields
    std::vector<std::string> from_theirs;  // the fields taken from theirs
    // Of those, the ones whose value of ours was lost: a value replaced, or a list that lost
    // items of ours (a list that only gained items replaced nothing).
    std::vector<FieldConflict> replaced;
};
StampedMerge merge_by_stamps(const ContactRecord& ours, const ContactRecord& theirs);

}  // namespace kith
