// The use cases behind the commands: validation and rules, no terminal I/O, no formatting.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "kith/model.h"
#include "kith/questions.h"
#include "kith/record_id.h"
#include "kith/store.h"

namespace kith {

struct Config;

// SPEC §2: `#12` or `12` (id), then a phone number however written ("07700 900123" finds
// "+44 7700 900123": kith/phone.h; digits that are no one's id may be one), then exact name or
// nickname, unique prefix, unique substring, all case-insensitive (accents folded). Active
// contacts win over archived ones at each step.
// Unknown or ambiguous: a not-found error naming the candidates.
ContactRef resolve_contact(Store& store, const std::string& query);

// Fields of a new contact as the user typed them; validated by add_contact.
struct NewContact {
    std::string name;
    std::vector<std::string> nicknames;
    std::vector<std::string> emails;
    std::vector<std::string> phones;
    std::vector<std::string> tags;
    std::string company;
    std::optional<std::string> birthday;
    std::optional<std::string> every;
    std::optional<std::string> note;
    std::optional<std::string> met;  // the day you met
    std::optional<std::string> photo;  // a JPEG or PNG file's path (read_photo_file)
};

struct AddResult {
    Contact contact;
    std::vector<ContactRef> same_name;  // others already called that, worth a warning
};

// The built-in rules alone: what a note is read with when no config says otherwise (tests).
const RuleBook& builtin_rulebook();
// The built-in question rules and banks with the user's from `config`: a user's rule replaces
// ours of the same id, a user's bank ours of the same tag.
QuestionSettings question_settings(const Config& config);

AddResult add_contact(Store& store, const NewContact& input, Date today, const RuleBook& rules = builtin_rulebook());

// The photo in the file at `path`: a JPEG or PNG (by its bytes, not its name) that kith can
// decode, at most max_photo_bytes. Usage error for anything else; runtime error when the file
// cannot be read.
Photo read_photo_file(const std::string& path);
// The person's photo, if kith keeps one.
std::optional<Photo> contact_photo(Store& store, std::int64_t contact_id);

struct NewNote {
    std::string text;
    std::optional<std::string> on;
    std::optional<std::string> event;
    bool ask = false;
    std::vector<std::string> tags;
};

// Saves the note with what kith understood of it (its reading, SPEC §5a); a note that says a
// promise of ours was kept marks it done (`kept`, when given, lists them).
Note add_note(Store& store, std::int64_t contact_id, const NewNote& input, Date today,
              const RuleBook& rules = builtin_rulebook(), std::vector<Note>* kept = nullptr);
// Inside a write: the promises of ours to the note's person, noted before it and not done, that
// the note says were kept ("sent Gareth the Q2 report ✅"), marked done on the note's day. For a
// note that may_keep_a_promise (the callers ask that first, the cheap test).
std::vector<Note> keep_promises(Store& store, const Note& note, const RuleBook& rules);

// Reads `note` with `rules` and keeps the reading with it, with the dates `due` looks for: the
// day it happens, and from when a promise or a mistake is ours to do.
// `circle`: whom the person's notes may name (circle_of(contact, card)).
void attach_reading(Note& note, const RuleBook& rules, const Circle& circle);
// A person's circle as the database has it, for attach_reading (none when there is no such person).
Circle circle_in(Store& store, std::int64_t contact_id);
// Inside a write: a person's notes are read again when whom they may name has changed (a new
// name or nickname, a spouse added to the card).
void reread_if_circle_changed(Store& store, std::int64_t contact_id, const Circle& before, const Circle& after);

// A promise of yours kept, or a mistake put right: out of `due` from now. Not-found for no such
// note; usage error for a note that is neither.
Note complete_note(Store& store, std::int64_t note_id, Date today, const RuleBook& rules);

// Reads again every note read with other rules (after an upgrade, or when the config's rules
// change), so what `due` finds by date agrees with the rules; once, then it is a lookup. A file
// kith may not write is left alone: its questions are read afresh each time instead.
std::size_t refresh_readings(Store& store, const RuleBook& rules);

struct NewInteraction {
    std::string summary;
    std::string channel = "other";
    std::optional<std::string> on;
    std::vector<std::string> asked;  // suggested question ids asked in it (see parse_question_ids)
};

Interaction log_interaction(Store& store, std::int64_t contact_id, const NewInteraction& input, Date today);

// Corrections to a note, interaction or reminder (`kith edit n12 …`); unset members leave the
// record as it is. Which apply depends on the kind: see check_record_changes.
struct RecordChanges {
    std::optional<std::string> text;   // a note's text, an interaction's summary, a reminder's text
    std::optional<std::string> on;     // notes, interactions: the day (not in the future)
    std::optional<std::string> event;  // notes: the event's day; "" or "none" clears it
    std::optional<bool> ask;           // notes: a question to ask next time
    std::optional<std::string> via;    // interactions: the channel
    std::optional<std::string> when;   // reminders: the due day (the schedule restarts from it)
    std::optional<std::string> every;  // reminders: the interval; "" or "none" makes it a one-off
    bool empty() const;
};

// Usage error for an option that does not apply to `id`'s kind:
// "--event is for notes; i7 is an interaction".
void check_record_changes(RecordId id, const RecordChanges& changes);

struct EditedRecord {
    RecordId id;
    ContactRef contact;       // whose it is
    std::optional<Note> note;  // a note as saved, with its new reading
};

// Applies `changes` in one transaction and re-derives what comes from the record: a note's
// #tags and reading (read with `rules`, as add_note does), an interaction's person's last
// contact and check-in. Not-found for an unknown id ("no note n99"); usage error for a bad
// value or a change that does not apply, nothing written.
EditedRecord edit_record(Store& store, RecordId id, const RecordChanges& changes, Date today,
                         const RuleBook& rules = builtin_rulebook());

// A record as `rm` lists it before asking: whose it is, its day and its text.
struct RecordSummary {
    RecordId id;
    ContactRef contact;
    Date on{};
    std::string text;     // a note's or reminder's text, an interaction's summary
    std::string channel;  // an interaction's
};
// The records `ids` name, in that order (repeats once); not-found naming the first unknown
// ("no note n99").
std::vector<RecordSummary> describe_records(Store& store, const std::vector<RecordId>& ids);
// Removes them all in one transaction, or nothing when any is unknown (not-found naming it).
// An interaction goes with the questions recorded as asked in it, and its person's last
// contact and check-in are worked out again.
void remove_records(Store& store, const std::vector<RecordId>& ids);

// Field changes for `edit`; unset members leave the field as it is. An empty birthday or
// every (or "none") clears it.
struct ContactChanges {
    std::optional<std::string> name;
    std::optional<std::string> met;  // "" or "none" clears it
    std::optional<std::string> company;
    std::optional<std::string> birthday;
    std::optional<std::string> every;
    std::vector<std::string> add_emails, remove_emails;
    std::vector<std::string> add_phones, remove_phones;
    std::vector<std::string> add_tags, remove_tags;
    std::vector<std::string> add_nicknames, remove_nicknames;
    std::optional<std::string> photo;  // a JPEG or PNG file's path; "" or "none" removes the photo
    bool empty() const;
};

// Usage error when `changes` changes nothing.
void require_changes(const ContactChanges& changes);
Contact edit_contact(Store& store, std::int64_t contact_id, const ContactChanges& changes, Date today);
// The editable form of a contact for $EDITOR, and what an edited form changes (nullopt when
// the user emptied it to cancel; usage error on a line that is not `field: value`).
std::string contact_form(const Contact& contact);
std::optional<ContactChanges> changes_from_form(const Contact& contact, const std::string& form);

// Loads a contact, applies `change` and saves it, in one transaction; not-found when absent.
Contact change_contact(Store& store, std::int64_t contact_id, const std::function<void(Contact&)>& change);
Contact set_archived(Store& store, std::int64_t contact_id, bool archived);
void remove_contact(Store& store, std::int64_t contact_id);

ContactDetail contact_detail(Store& store, std::int64_t contact_id);

// `kith undo`: reverts the newest command of the undo history, in one transaction, and returns
// it. Nothing to undo, or a command whose records another program changed since, is an error
// (and then nothing changes).
UndoEntry undo_last(Store& store);
std::vector<UndoEntry> undo_history(Store& store);  // newest first

// `list [QUERY]`: contacts whose name, nickname, company, email, phone or tag contains QUERY
// (folded), or who have the phone number QUERY however written, one at a time in storage order, each with the key that sorts them into name order
// (ties by id).
void for_each_listed_contact(Store& store, const std::string& query, const ContactFilter& filter,
                             const std::function<void(const Contact&, const std::string& sort_key)>& each);

// `kith search TEXT`: notes, interaction summaries and reminders holding every word of TEXT
// (case and accents folded; a word ending in `*` also finds longer words it begins), most
// relevant first. Usage error for TEXT without a letter or digit, or a bad --since.
struct SearchRequest {
    std::string text;
    std::vector<std::string> tags;  // people with all of these tags
    std::string since;              // a DATE, or an INTERVAL meaning that long ago; "" for any day
    std::size_t limit = 20;
};
SearchResult search_records(Store& store, const SearchRequest& request, Date today);

// `kith backup`: copies the database to `destination` ("" or a directory: a dated name,
// kith.db.backup-2026-11-22, there or beside the database) and returns the file written, or ""
// when it was a FIFO or device, which is written to. A symlink, or a file that is not a kith
// database, is replaced only with `force`; the database itself never is.
struct BackupRequest {
    std::string destination;
    bool force = false;
    Date today{};
    std::string temp_directory;  // where a copy bound for a FIFO or device is made first
};
std::string backup_database(Store& store, const BackupRequest& request);
// The copy written to an open file descriptor (standard output, a FIFO); `name` for messages.
void backup_to_stream(Store& store, int fd, const std::string& name, const std::string& temp_directory);

// `kith export`: everyone in one read transaction (a consistent snapshot while other kith
// processes write), to `standard_output` or to the file `output` names, which appears whole or
// not at all. The format is `format`, else the output file's extension, else JSON.
struct ExportRequest {
    std::string format;
    std::string output;  // "" or "-": standard output
    int vcard_version = 3;
};
void export_all(Store& store, const ExportRequest& request, std::ostream& standard_output);

// Shell completion (kith __complete), at most `limit` candidates each. A contact's name goes word
// by word: with "sam" typed before and "sm" being typed, Sam Smith offers "Smith".
struct NameCompletion {
    std::string rest;  // the words of the name from the one being typed on
    std::int64_t contact_id = 0;
    bool archived = false;
};
std::vector<NameCompletion> name_completions(Store& store, const std::vector<std::string>& before,
                                             const std::string& current, std::size_t limit);
// Open reminders whose id starts with `prefix`, but those already `taken` on the command line
// (`done 4 7`), with the name of whom each is for (nullopt: not found).
struct ReminderCompletion {
    Reminder reminder;
    std::optional<std::string> contact_name;
};
std::vector<ReminderCompletion> reminder_completions(Store& store, const std::string& prefix,
                                                     const std::vector<std::string>& taken, std::size_t limit);

// `#hashtags` in note text: words after '#' that are not only digits, lower-cased.
std::vector<std::string> hashtags(const std::string& text);

// A note's tags: `given` (--tag) then the #hashtags of `text`, normalized, each once.
std::vector<std::string> note_tags(const std::vector<std::string>& given, const std::string& text);

// A tag as stored: without a leading '#', lower-case; usage error when it has spaces or commas.
std::string normalize_tag(const std::string& tag);

}  // namespace kith
