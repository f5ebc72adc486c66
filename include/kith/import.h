// Merging imported records into the database (SPEC §7): by uuid, then email, then phone number,
// then exact name.
#pragma once

#include <cstdint>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kith/core.h"
#include "kith/file_formats.h"
#include "kith/interchange.h"
#include "kith/store.h"

namespace kith {

// How labels from other address books (Google labels, Outlook categories, vCard CATEGORIES)
// become tags: through `aliases` first (config [import.labels], keys folded: clients =
// "client"), else a plural label whose singular is one of the `known` tags (those with a
// cadence or a question bank) becomes that tag, so it gets its cadence and bank.
struct LabelTags {
    std::map<std::string, std::string> aliases;
    std::set<std::string> known;
};

// The tag a label becomes: single lower-case words, spaces and commas as '-' ("Work Friends":
// work-friends). Usage error for a label that is no tag.
std::string tag_for_label(const std::string& label, const LabelTags& labels);

// A value of ours an import from another kith database replaced, its own change being later.
struct ReplacedValue {
    std::string field;     // "company"
    std::string value;     // the file's, now ours: "Globex"
    std::string replaced;  // ours before: "Acme"
};

struct MergeResult {
    // removed, kept: a deletion from the other side (a tombstone in the file), applied to a
    // record we held unchanged since, or not, ours being changed after it. not_brought_back:
    // a record of the file deleted here after its last change, left out.
    enum class Action { added, updated, unchanged, removed, kept, not_brought_back };
    Action action = Action::unchanged;
    std::int64_t contact_id = 0;
    std::string name;
    std::vector<std::string> changes;  // what an update changed: "emails", "+2 notes" …
    // A person matched by uuid in a kith file merges field by field by when each changed
    // (Contact::changed): what that replaced of ours, with the file's later change.
    bool by_stamps = false;
    std::vector<ReplacedValue> replaced;
    // removed, kept, not_brought_back: the record when not the person ("note n12"), and when it
    // was deleted (UTC, as updated_at).
    std::string record;
    std::string deleted_at;
    std::vector<ContactRef> kept_apart;  // others of the same name an added person was not merged into
    // What the file's reader said of the record, for the report (import_file fills these).
    std::size_t line = 0;
    std::string named_from;              // how a record without a name was named: "its e-mail"
    std::vector<std::string> set_aside;  // values not imported, each with why
};

// Merges records one at a time inside the caller's transaction, so a file is imported whole
// or not at all, and importing the same file twice changes nothing the second time.
//
// A record with a uuid is matched by that uuid alone: found, it is that person; not found, it
// is someone new (kith's own exports carry one for everyone, so a restore never merges two
// people who share a name). A record without one is matched by email, then by phone number
// however written (phone_key), then by exact name (an archived person only by email or number),
// never to a person this import added. A person found by uuid whose record carries a newer
// updated_at than ours takes the file's fields; an older or equal one is left alone. A person
// found otherwise (a CSV from another address book) gains the emails, phones, nicknames and
// tags they lack, and a company, birthday or cadence only where ours is empty; a number both
// hold, written two ways, stays as we wrote it. Notes, interactions, reminders and asked
// questions are added when new: by uuid, or, without one, when no identical one exists.
//
// Between kith databases (a person matched by uuid whose record carries its stamps), each field
// is merged on its own (merge_by_stamps, core/contact_fields.h): the side that changed it later
// wins, so a number added on one machine and a company changed on the other both survive.
// Deletions travel as tombstones: one in the file removes the record we hold when nothing of it
// changed here after the deletion (a person with their notes, as `rm`), and is kept here either
// way; a record of the file that was deleted here after its last change is not brought back.
class Importer {
public:
    // Each new or changed note is read with `rules` (SPEC §5a). With `labels`, the record's
    // tags are another address book's labels, mapped onto kith's tags.
    Importer(Store& store, Date today, const RuleBook& rules = builtin_rulebook(), const LabelTags* labels = nullptr)
        : store_(store), today_(today), rules_(rules), labels_(labels) {}

    // Usage error (exit 2) for a field kith would refuse from the command line; FormatError
    // for a uuid already on an earlier `line` of the same file.
    MergeResult merge(ContactRecord record, std::size_t line = 0);
    // Applies a deletion from the other side; `unchanged` when we hold no such record.
    MergeResult apply(const Tombstone& tombstone, std::size_t line = 0);

private:
    // A person matched by uuid in a kith file, merged field by field by stamps; whom their
    // notes may name, as merged.
    Circle merge_stamped(const ContactRecord& existing, const ContactRecord& record, bool photo_set_aside,
                         MergeResult& result);
    void insert_children(ContactRecord& incoming, const ContactRecord& existing, const Circle& circle,
                         MergeResult& result);

    Store& store_;
    Date today_;
    const RuleBook& rules_;
    const LabelTags* labels_;
    std::unordered_set<std::int64_t> added_;                     // contacts this import added
    std::unordered_map<std::string, std::size_t> uuid_lines_;  // uuids met so far, and their lines
};

// `kith import`, in two steps so that nothing touches the database until the file is open:
// first the file and its format, then the merge.
struct ImportSource {
    std::string label;  // the file's name, or "stdin": what messages call it
    const interchange::FileFormat* format = nullptr;
    std::ifstream in;    // UTF-8 (or, for JSON, what the file holds)
    std::string read_as;  // the encoding it was converted from ("Windows-1252"); "" when none
};

// Opens `file` ("" or "-": standard input) and chooses its format: `format` when given, else
// the file's extension, else its first line. Standard input, pipes and devices are first copied
// to a nameless private file in `temp_directory`, so the write lock is later held only while
// the import runs. The text is converted to UTF-8 (into another nameless file) from `encoding`
// when given (any name iconv knows), else from what a byte order mark says (UTF-16), else from
// Windows-1252 when a vCard or CSV file is not UTF-8. Usage error for a directory, a format kith
// only writes, an unknown encoding, or input that is not text in it.
ImportSource open_import_source(const std::string& file, const std::string& format, const std::string& temp_directory,
                                const std::string& encoding = "");

struct ImportCounts {
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t skipped = 0;
    std::size_t removed = 0;           // records deleted on the other side, removed here
    std::size_t kept = 0;              // ... kept here, changed since
    std::size_t not_brought_back = 0;  // records of the file deleted here, left out
};

struct ImportOptions {
    bool dry_run = false;  // everything done, then rolled back
    // A broken record is told to `skipped` and left out, and every good one imported; without
    // it, the first broken record stops the import with nothing written.
    bool skip_invalid = false;
    LabelTags labels;  // for the formats other address books write
};

// Merges every record of `source` in one transaction (for a dry run, one rolled back at the
// end), so a file is imported whole or not at all; `each` sees every merge as it is made, and
// what it saw counts only once this returns. A broken record is a usage error naming
// `label:line`, with nothing written; with skip_invalid it is told to `skipped`, and only when
// records were skipped and none could be imported is that a usage error, with nothing written.
// New and changed notes are read with `rules`.
ImportCounts import_file(Store& store, ImportSource& source, const ImportOptions& options, Date today,
                         const RuleBook& rules, const std::function<void(const MergeResult&)>& each,
                         const std::function<void(const FormatError&)>& skipped = {});

}  // namespace kith
