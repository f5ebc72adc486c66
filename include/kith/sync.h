// `kith sync`: kith's people kept in step with a vdir, a folder with one vCard per person named
// by its UID (vdirsyncer's "filesystem" storage, fileext ".vcf"), both ways.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kith/dates.h"
#include "kith/store.h"

namespace kith {

struct SyncOptions {
    std::string vdir;       // the folder, as the user named it
    int vcard_version = 3;  // of the cards kith writes: 3 (what Google reads) or 4
    bool dry_run = false;   // everything decided, nothing written
};

// The same field changed in the card and in kith: the later change was kept.
struct SyncConflict {
    std::string field;
    std::string kept;
    std::string replaced;
    bool card_kept = false;  // the card's change was the later one
};

// One person changed one way.
struct SyncChange {
    enum class Way { in, out };  // in: from the folder into kith; out: from kith to the folder
    enum class Action { added, updated, archived, removed };
    Way way = Way::in;
    Action action = Action::added;
    std::int64_t contact_id = 0;  // 0 for a person no longer in kith
    std::string name;
    std::string file;
    std::vector<std::string> fields;  // updated: the fields that changed
    std::vector<SyncConflict> conflicts;
    bool removed_in_kith = false;  // out, removed: `kith rm` (else they were archived)
};

// A .vcf file that is no card kith can read: left alone, and told once (until it changes).
struct SyncUnreadable {
    std::string file;
    std::string why;
};

struct SyncResult {
    std::string folder;  // the folder's absolute path
    std::vector<SyncChange> changes;
    std::vector<SyncUnreadable> unreadable;
};

// Syncs the store with the folder in one transaction of the store (a rehearsal for a dry run),
// writing each card whole (a temp file renamed over it, 0600). A card new in the folder comes
// in as a person (by its UID when a person has it as uuid, else matched as `kith import`
// matches); a changed one is merged field by field against the card as kith last saw it; a
// deleted one archives its person. A person added or changed in kith goes out as a card; one
// archived or removed in kith has their card removed. A card never touches notes,
// interactions or reminders, and kith's cards carry none. With nothing changed on either side
// nothing is read but the folder's listing, and nothing is written.
// Usage error for a vCard version other than 3 or 4; not-found error for a missing folder.
SyncResult sync_vdir(Store& store, const SyncOptions& options, Date today);

}  // namespace kith
