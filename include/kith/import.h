// Merging imported records into the database (SPEC §7): by uuid, then email, then exact name.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "kith/interchange.h"
#include "kith/store.h"

namespace kith {

struct MergeResult {
    enum class Action { added, updated, unchanged };
    Action action = Action::unchanged;
    std::int64_t contact_id = 0;
    std::string name;
    std::vector<std::string> changes;  // what an update changed: "emails", "+2 notes" …
};

// Merges records one at a time inside the caller's transaction, so a file is imported whole
// or not at all, and importing the same file twice changes nothing the second time.
//
// A person found by uuid whose record carries a newer updated_at than ours takes the file's
// fields; an older or equal one is left alone. A person found otherwise (a vCard or CSV from
// another address book) gains the emails, phones, nicknames and tags they lack, and a company,
// birthday or cadence only where ours is empty. Notes, interactions, reminders and asked
// questions are added when new: by uuid, or, without one, when no identical one exists.
class Importer {
public:
    Importer(Store& store, Date today) : store_(store), today_(today) {}

    // Usage error (exit 2) for a field kith would refuse from the command line.
    MergeResult merge(ContactRecord record);

private:
    void insert_children(ContactRecord& incoming, const ContactRecord& existing, MergeResult& result);

    Store& store_;
    Date today_;
};

}  // namespace kith
