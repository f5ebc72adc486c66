// The records kith keeps (SPEC §1). Plain data: no I/O, no formatting.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/dates.h"

namespace kith {

struct Contact {
    std::int64_t id = 0;
    std::string uuid;
    std::string name;
    std::vector<std::string> nicknames;
    std::vector<std::string> emails;
    std::vector<std::string> phones;
    std::vector<std::string> tags;
    std::string company;
    std::optional<Birthday> birthday;
    std::optional<Cadence> every;
    bool archived = false;
    Date added_on{};                     // kith's "today" when they were added
    std::optional<Date> snoozed_until;   // left out of `due` before this day
    std::optional<Date> met_on;          // the day you met (add/edit --met); else the first interaction
    std::string created_at;              // UTC, ISO 8601 with seconds
    std::string updated_at;
    std::optional<Date> last_contacted;  // derived: the latest interaction's date
    // When each field last changed (UTC, as updated_at), by its name in contact_fields(): what a
    // merge with another machine's copy of the person goes by. A field not named is as old as
    // created_at. Only whole records carry it (export, import); the store stamps it on update.
    std::map<std::string, std::string> changed;
};

// What an address book's card says of a person beyond kith's own fields (issue 21): kept so
// that a card comes in whole and goes out as it came. Held apart from Contact, so that `due`
// and `list` never read it.
struct LabeledText {
    std::string label;  // "work", "spouse", "" when none
    std::string value;
    bool operator==(const LabeledText&) const = default;
};

struct PostalAddress {
    std::string label;
    // vCard ADR's seven parts, in its order: post office box, extended address, street,
    // locality, region, postal code, country.
    std::array<std::string, 7> parts;
    bool operator==(const PostalAddress&) const = default;
};

// A day to remember that is not a birthday: anniversary, wedding … (the year may be unknown).
struct DatedEvent {
    std::string label;
    Birthday date;
    bool operator==(const DatedEvent&) const = default;
};

// What a dated event is called in `due`, `agenda` and the calendar: "anniversary" for a date
// with no label, Apple's "other" or "anniversary" itself; "wedding anniversary" for "wedding";
// else the label as the card has it ("first date").
inline std::string event_name(std::string_view label) {
    while (!label.empty() && label.front() == ' ') label.remove_prefix(1);
    while (!label.empty() && label.back() == ' ') label.remove_suffix(1);
    std::string lower;
    for (char c : label) lower += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower.empty() || lower == "other" || lower == "anniversary") return "anniversary";
    if (lower == "wedding") return "wedding anniversary";
    return std::string(label);
}

// A picture of the person: its media type (image/jpeg) and bytes, at most max_photo_bytes.
struct Photo {
    std::string media_type;
    std::string data;
    bool operator==(const Photo&) const = default;
};
inline constexpr std::size_t max_photo_bytes = 256 * 1024;

struct ContactCard {
    std::string title;
    std::string role;
    std::string department;  // ORG's units after the company: "Sales;EMEA" as "Sales, EMEA"
    std::string name_prefix;  // Dr.
    std::string name_suffix;  // Jr.
    std::vector<PostalAddress> addresses;
    std::vector<LabeledText> urls;
    std::vector<LabeledText> related;  // label: spouse, partner, child, assistant …; value: a name or URI
    std::vector<DatedEvent> events;
    // Content lines of the card that kith does not read (X-SOCIALPROFILE, IMPP, GEO, KEY …),
    // unfolded, with their group and parameters: written back as they came.
    std::vector<std::string> other_properties;
    // The card's own lines for what kith read from it, to write back as they were while what
    // kith read is unchanged (TYPE parameters, Apple's item groups …): `label` is what kith read
    // (vcard.cpp's key), `value` the lines, one a line. Only for a card of `version`.
    std::string version;  // "3.0", "4.0" …: the version those lines were written in
    std::vector<LabeledText> as_written;
    bool operator==(const ContactCard&) const = default;
    bool empty() const { return *this == ContactCard{}; }
};

struct Note {
    std::int64_t id = 0;
    std::string uuid;
    std::int64_t contact_id = 0;
    std::string text;
    Date on{};                  // when it was noted
    std::optional<Date> event;  // when the thing it talks about happens
    bool ask = false;           // the text is a question to ask next time
    std::vector<std::string> tags;
    std::optional<Date> done_on;  // a promise kept, a mistake put right (`kith done n12`)
    std::string created_at;
    std::string updated_at;
    // Derived, never exported: what kith understood of it (a Reading as JSON, questions.h)
    // and the fingerprint of the rules it was read with.
    std::string reading;
    std::string read_with;
    // Derived from the reading, for `due`: the day it happens (--event, or a day its text names),
    // and from when it is ours to do (a promise, a mistake to check on).
    std::optional<Date> happens_on;
    std::optional<Date> follow_up_on;
};

struct Interaction {
    std::int64_t id = 0;
    std::string uuid;
    std::int64_t contact_id = 0;
    Date on{};
    std::string channel;  // call, email, meet, message, other
    std::string summary;
    std::string created_at;
    std::string updated_at;
};

struct Reminder {
    std::int64_t id = 0;
    std::string uuid;
    std::int64_t contact_id = 0;
    std::string text;
    Date due{};
    std::optional<Interval> every;  // recurring
    // What recurrences count from (Jan 31, Feb 28, Mar 31): the first due date, or for one
    // given as `eom`, an earlier 31st (month_end_anchor), so that it keeps to month ends.
    Date starts_on{};
    std::optional<Date> done_on;    // one-off reminders only; recurring ones move on instead
    std::optional<Date> snoozed_until;
    std::string created_at;
    std::string updated_at;
};

inline const std::vector<std::string>& interaction_channels() {
    static const std::vector<std::string> channels{"call", "email", "meet", "message", "other"};
    return channels;
}

// A record deleted here (`rm`), kept for a while so that the deletion travels with an export
// and an older copy of the record does not come back with an import (SPEC §7).
struct Tombstone {
    std::string uuid;
    std::string kind;        // contact, note, interaction, reminder
    std::string deleted_at;  // UTC, as updated_at
    bool operator==(const Tombstone&) const = default;
};
inline const std::vector<std::string>& tombstone_kinds() {
    static const std::vector<std::string> kinds{"contact", "note", "interaction", "reminder"};
    return kinds;
}
// How long a tombstone is kept: a copy of the record older than that may come back.
inline constexpr int tombstone_days = 180;

// A suggested thing to ask (SPEC §5), with a stable id and where it came from.
struct Question {
    std::string id;  // n42, e42, r42:college-after, b, y, t:client:1
    std::string text;
    std::string source;        // e.g. "note 42 (2026-10-01)"
    std::int64_t note_id = 0;  // the note it came from, if any
};

// A contact with everything recorded about them, for `show`.
struct ContactDetail {
    Contact contact;
    std::vector<Note> notes;                // newest first
    std::vector<Interaction> interactions;  // newest first
    std::vector<Reminder> reminders;        // open ones, soonest first
    ContactCard card;
    bool has_photo = false;
};

// A suggested question recorded as asked (`log --asked`).
struct AskedQuestion {
    std::int64_t id = 0;
    std::string uuid;
    std::int64_t contact_id = 0;
    std::string question_id;       // n42, e42, r42:college, b, t:client:1 …
    Date on{};
    std::string interaction_uuid;  // the interaction it was asked in; empty when none
    std::string created_at;
    std::string updated_at;
};

// Everything kith keeps about one person: what export writes and import reads.
struct ContactRecord {
    Contact contact;
    std::vector<Note> notes;
    std::vector<Interaction> interactions;
    std::vector<Reminder> reminders;
    std::vector<AskedQuestion> asked;
    ContactCard card;
    std::optional<Photo> photo;
};

// What `kith search` found: a note, an interaction or a reminder whose text has every word.
struct SearchHit {
    enum class Kind { note, interaction, reminder };
    Kind kind = Kind::note;
    std::int64_t id = 0;  // the record's id: n12, i7, r3
    std::int64_t contact_id = 0;
    std::string contact_name;
    bool contact_archived = false;
    Date date{};  // noted, happened, or due
    std::string text;  // the whole text
    // The words around the match, in runs: each run is matched or not, so every renderer marks
    // the same words its own way.
    struct Run {
        std::string text;
        bool matched = false;
    };
    std::vector<Run> snippet;
    double score = 0;  // bm25: lower is more relevant
};

// The id a user types for the hit's record: "n12", "i7", "r3".
inline std::string search_hit_id(const SearchHit& hit) {
    const char letter = hit.kind == SearchHit::Kind::note ? 'n' : hit.kind == SearchHit::Kind::interaction ? 'i' : 'r';
    return letter + std::to_string(hit.id);
}

struct SearchResult {
    std::vector<SearchHit> hits;  // most relevant first
    bool more = false;            // more hits than the limit let through
};

// Why someone is due (SPEC §4), and the person with their reasons and questions: what `due`
// finds and the renderers print.
struct DueReason {
    // promise: ours, not kept yet; mistake: ours, a week on, to check all is well again; care: a
    // loss or a hard time of theirs, from the day its gentle check-in opens until you are in touch.
    // anniversary: a dated event of their card (an anniversary, a wedding …), as a birthday.
    enum class Kind { birthday, anniversary, reminder, checkin, event_ahead, event_passed, promise, mistake, care };
    Kind kind = Kind::checkin;
    Date date{};       // the birthday, reminder due day, check-in due day or event day
    int days_late = 0;  // today - date: positive when late or past, negative when ahead
    std::string text;   // the reminder's text, or what the note is about
    std::int64_t source_id = 0;  // reminder id or note id
    Date noted{};       // promise, mistake, care: when it was noted
    std::optional<Date> deadline;  // promise: the day it names ("by Fri"), when it names one
    bool loss = false;             // care: a death, not another hard time
    std::optional<int> turning;  // birthday with a known year: the age they turn
    std::string label;           // anniversary: the card's label for it ("anniversary", "wedding", as written)
    std::optional<int> years;    // anniversary with a known year: how many years it makes
    std::optional<Cadence> cadence;
    std::optional<Date> last_spoke;  // check-in: the latest interaction (none: never)
    Date added_on{};                 // check-in: the clock's start when never spoken to
    bool overdue = false;            // check-in: past the window's far end (or the plain cadence)
    int days_overdue = 0;            // check-in: days past that point
    std::optional<Interval> every;   // recurring reminder
};

// How many people are due in all, of whom `due --limit` shows the first: counted up to a
// cap, past which `at_least` is set.
struct DueTotal {
    std::size_t people = 0;
    bool at_least = false;
};

struct DueEntry {
    Contact contact;
    std::vector<DueReason> reasons;  // most urgent first
    std::optional<Cadence> cadence;  // their own, or their tags' default
    std::vector<Question> questions;  // filled by the question engine
    // Their feedback since you last spoke, to show you listened (SPEC §5b): "said our report was too long".
    std::vector<std::string> feedback;
};

// `kith agenda`: one thing on one day, the person and why (a DueReason whose date is the day),
// and the days ahead: what `agenda` finds and the renderers print.
struct AgendaItem {
    Contact contact;
    DueReason reason;
};

struct Agenda {
    Date today{};
    Date until{};
    Interval within;
    std::vector<AgendaItem> items;  // by day; within a day birthdays, reminders, promises, events, check-ins
    bool more = false;              // the limit left out later items
    DueTotal late;                  // people `due` has late (before today), counted as `due` counts
};

}  // namespace kith
