// Import and export (SPEC §7): the file formats kith reads and writes, as pure functions over
// streams. They know nothing of the database: readers hand each record to a sink as soon as it
// is read (so a 100k-contact file is never held whole), writers take one record at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
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

}  // namespace kith

namespace kith::interchange {

// vCard 2.1, 3.0 and 4.0: unfolds lines, decodes quoted-printable (with CHARSET) and the
// \, \; \\ \n escapes, accepts CRLF or LF, TYPE= or bare parameters, grouped properties
// (item1.EMAIL). FN (else N, else ORG) is the name; NICKNAME, EMAIL, TEL, ORG, BDAY (every
// common form, X-APPLE-OMIT-YEAR), CATEGORIES (tags), NOTE (one note each), UID (uuid, without
// "urn:uuid:") and kith's own X-KITH-* properties are read; PHOTO and the rest are skipped.
// Throws FormatError for a malformed card.
void read_vcards(std::istream& in, const RecordSink& sink);
// One card, version 3 or 4, CRLF line ends, folded at 75 octets: what read_vcards reads back
// as the same contact. kith's cadence and archived flag travel as X-KITH-EVERY and
// X-KITH-ARCHIVED. Another version is a usage error.
void write_vcard(std::ostream& out, const ContactRecord& record, int version);

// CSV (RFC 4180) with a header row: kith's own columns (those write_csv_header writes; a file
// whose header has only these, in any order, counts as kith's), Google Contacts' and Outlook's
// export headers. Multi-valued cells are joined with " ::: ". Throws FormatError naming the
// line for a malformed row; rows read before it have already gone to the sink.
void read_csv(std::istream& in, const RecordSink& sink);
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
// {"kith_version": 1, "contacts": [...]} or JSONL with one contact object a line.
void read_json(std::istream& in, const RecordSink& sink);
void read_jsonl(std::istream& in, const RecordSink& sink);
void write_json_begin(std::ostream& out);
void write_json_contact(std::ostream& out, const ContactRecord& record, bool first);
void write_json_end(std::ostream& out);
void write_jsonl_contact(std::ostream& out, const ContactRecord& record);

}  // namespace kith::interchange
