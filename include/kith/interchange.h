// Import and export (SPEC §7): the file formats kith reads and writes, as pure functions over
// streams. They know nothing of the database: readers hand each record to a sink as soon as it
// is read (so a 100k-contact file is never held whole), writers take one record at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/error.h"
#include "kith/model.h"

namespace kith {

// A record as a reader found it. Fields a format does not carry stay at their defaults:
// empty uuid and timestamps, id 0, and a default (not ok()) Date for a note's `on` or a
// contact's `added_on`, which the importer fills with today.
struct ImportRecord {
    ContactRecord record;
    std::size_t line = 0;  // 1-based line of the input where the record starts
    // What the import should tell of the record: how one without a name was named ("its
    // organisation", "its e-mail", "its number"), and the values the reader
    // set aside, each with why ("the Exchange address /o=…, which is no e-mail address").
    std::string named_from;
    std::vector<std::string> set_aside;
    // Instead of a person: a deletion kith's own files carry (JSON, JSONL), for the import to
    // apply; `record` is then empty.
    std::optional<Tombstone> tombstone;
};

using RecordSink = std::function<void(ImportRecord&&)>;

// A malformed record: what is wrong and the 1-based line it is on. Exit code 2 (usage).
class FormatError : public Error {
public:
    FormatError(std::size_t line, const std::string& message) : Error(ExitCode::usage, message), line_(line) {}
    std::size_t line() const { return line_; }

private:
    std::size_t line_;
};

// Told of each malformed record a reader skipped when the caller asked it to go on (import
// --skip-invalid); without one, the first malformed record ends the reading. Damage that leaves
// nothing to go on with (a CSV without a name column, a line over 16 MiB) always ends it.
using SkipSink = std::function<void(const FormatError&)>;

}  // namespace kith

namespace kith::interchange {

// Text encodings (src/interchange/encoding.cpp, through iconv): an imported file is converted
// to UTF-8 once, before its reader, so the readers only ever see UTF-8.
//
// The encoding a byte order mark at the start names: "UTF-8", "UTF-16LE", "UTF-16BE", or "".
std::string byte_order_mark_encoding(std::string_view start);
// UTF-8 or UTF8, in any case: the encoding the readers take as it is.
bool is_utf8_name(std::string_view name);
// Usage error naming `name` when iconv knows no such encoding.
void check_encoding(const std::string& name);
// True when the whole stream is UTF-8 (a NUL byte aside: the readers name its line); rewinds.
bool is_utf8_stream(std::istream& in);
// Converts the stream from `encoding` to UTF-8, handing the text to `write` piece by piece,
// without a byte order mark. A byte the encoding does not define becomes U+FFFD with
// `replace`, else it is a FormatError naming its line.
void convert_to_utf8(std::istream& in, const std::function<void(std::string_view)>& write,
                     const std::string& encoding, bool replace);

// vCard 2.1, 3.0 and 4.0: unfolds lines, decodes quoted-printable (with CHARSET) and the
// \, \; \\ \n escapes, accepts CRLF or LF, TYPE= or bare parameters, grouped properties
// (item1.EMAIL). FN (else N) is the name, else one made from the ORG, EMAIL or TEL (and said
// in named_from); an Exchange address in EMAIL is set aside. NICKNAME, EMAIL, TEL, ORG, BDAY (every
// common form, X-APPLE-OMIT-YEAR), CATEGORIES (tags), NOTE (one note each), UID (uuid, without
// "urn:uuid:") and kith's own X-KITH-* properties are read, and into the record's ContactCard
// TITLE, ROLE, ORG's units, N's prefix and suffix, ADR, URL, related people (RELATED,
// X-ABRELATEDNAMES, X-EVOLUTION-SPOUSE …), dated events (ANNIVERSARY, X-ABDATE …) and PHOTO;
// every other property is kept verbatim. A NOTE is dated by X-KITH-NOTED, else the card's REV.
// Throws FormatError for a malformed card, or tells `skip` and goes on at the next card.
void read_vcards(std::istream& in, const RecordSink& sink, const SkipSink& skip = {});
// One card, version 3 or 4, CRLF line ends, folded at 75 octets: what read_vcards reads back
// as the same contact. kith's cadence and archived flag travel as X-KITH-EVERY and
// X-KITH-ARCHIVED, each note's day as NOTE;X-KITH-NOTED. What kith read from a card of this
// version is written as the card had it while unchanged (ContactCard::as_written), and the
// card's other properties as they came. Another version is a usage error.
void write_vcard(std::ostream& out, const ContactRecord& record, int version);

// CSV (RFC 4180) with a header row: kith's own columns (those write_csv_header writes; a file
// whose header has only these, in any order, counts as kith's), Google Contacts' and Outlook's
// export headers. Multi-valued cells are joined with " ::: ". In other files' rows, a missing
// name is made as read_vcards makes it, and Exchange addresses are set aside. Throws FormatError
// naming the line for a malformed row (rows read before it have already gone to the sink), or
// tells `skip` and goes on at the next line.
void read_csv(std::istream& in, const RecordSink& sink, const SkipSink& skip = {});
void write_csv_header(std::ostream& out);
// Cells starting with = or @ (or a tab, CR, or the ' used to mark them), and those starting
// with + or - that are not a number or date ("+44 20 7946 0000", "--03-15" are left as they
// are), get a leading ', which read_csv removes again for kith's own header: no spreadsheet
// runs them as formulas.
void write_csv_row(std::ostream& out, const ContactRecord& record);

// iCalendar (RFC 5545): birthdays as yearly all-day VEVENTs and open reminders as VEVENTs
// (RRULE for recurring ones), stable UIDs, CRLF, folded at 75 octets.
void write_ics_begin(std::ostream& out);
void write_ics_events(std::ostream& out, const ContactRecord& record);
void write_ics_end(std::ostream& out);

// kith's own shape (version 1, documented in kith.1): the JSON document
// {"kith_version": 1, "contacts": [...], "tombstones": [...]} or JSONL with one contact object a
// line, and a line {"tombstone": {...}} for each deletion; readers hand a deletion to the sink
// as an ImportRecord with its `tombstone` set.
void read_json(std::istream& in, const RecordSink& sink, const SkipSink& skip = {});
void read_jsonl(std::istream& in, const RecordSink& sink, const SkipSink& skip = {});
void write_json_begin(std::ostream& out);
void write_json_contact(std::ostream& out, const ContactRecord& record, bool first);
void write_json_end(std::ostream& out, const std::vector<Tombstone>& tombstones = {});
void write_jsonl_contact(std::ostream& out, const ContactRecord& record);
void write_jsonl_tombstones(std::ostream& out, const std::vector<Tombstone>& tombstones);

}  // namespace kith::interchange
