// What the fuzzers check, one function per harness, shared with tests/unit/test_hardening.cpp,
// which replays every input once found to break them (tests/fixtures/fuzz/HARNESS/). A
// broken property throws Broken: uncaught in a fuzzer, that is a crash with the input saved.
//
// Readers: any bytes may give records or FormatError, nothing else; what kith imports from
// them exports in every format, the reader's own format reads the export back one record a
// person, and kith's JSONL round trip is exact. Dates: whatever parses formats and reads back
// as itself. Config: only a usage error may come out. Reading: any note reads into questions
// with a span of days, and the reading survives being stored.
#pragma once

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>
#include <sstream>
#include <stdexcept>
#include <string>

#include "kith/config.h"
#include "kith/dates.h"
#include "kith/error.h"
#include "kith/import.h"
#include "kith/interchange.h"
#include "kith/questions.h"
#include "kith/store.h"
#include "questions/rulebook.h"
#include "kith/text.h"

namespace kith::fuzzing {

struct Broken : std::logic_error {
    using std::logic_error::logic_error;
};

inline void require(bool condition, const char* what) {
    if (!condition) throw Broken(what);
}

using Reader = void (*)(std::istream&, const RecordSink&, const SkipSink&);
using Writer = void (*)(std::ostream&, const ContactRecord&);

inline const Date fixed_today{std::chrono::year{2026}, std::chrono::November, std::chrono::day{22}};

// ---- dates ---------------------------------------------------------------------------------

// The first two bytes choose today (1900 to 2187), the rest is the text.
inline void check_dates(const std::uint8_t* data, std::size_t size) {
    using namespace std::chrono;
    if (size < 2) return;
    Date today{sys_days{Date{year{1900}, January, day{1}}} + days{(data[0] << 8 | data[1]) * 8 / 5}};
    std::string text(reinterpret_cast<const char*>(data + 2), size - 2);
    if (auto date = parse_date(text, today)) {
        require(date->ok(), "parse_date gave an invalid date");
        require(parse_iso_date(format_iso(*date)).has_value(), "parse_date gave a date parse_iso_date refuses");
        weekday_short(*date);
        days_between(today, *date);
    }
    if (auto date = parse_past_date(text, today)) require(date->ok(), "parse_past_date gave an invalid date");
    if (auto date = parse_iso_date(text)) {
        auto first = text.find_first_not_of(" \t\n\v\f\r"), last = text.find_last_not_of(" \t\n\v\f\r");
        require(format_iso(*date) == text.substr(first, last - first + 1), "parse_iso_date took a non-ISO text");
    }
    if (auto birthday = parse_birthday(text)) {
        auto again = parse_birthday(format_birthday(*birthday));
        require(again && *again == *birthday, "a birthday does not read back as itself");
        require(next_birthday(*birthday, today) >= today, "next_birthday is in the past");
        age_on(*birthday, today);
    }
    if (auto interval = parse_interval(text)) {
        auto again = parse_interval(format_interval(*interval));
        require(again && *again == *interval, "an interval does not read back as itself");
        require(add(today, *interval).ok() && subtract(today, *interval).ok(), "interval arithmetic left the calendar");
        nominal_days(*interval);
    }
    if (auto cadence = parse_cadence(text)) {
        auto again = parse_cadence(format_cadence(*cadence));
        require(again && *again == *cadence, "a cadence does not read back as itself");
    }
}

// ---- readers -------------------------------------------------------------------------------

// How many records `read` finds in `text`, or -1 when it is malformed (FormatError).
inline long count_records(Reader read, const std::string& text) {
    std::istringstream in(text);
    long count = 0;
    try {
        read(
            in,
            [&](ImportRecord&& record) {
                require(record.line >= 1, "a record on line 0");
                ++count;
            },
            {});
    } catch (const FormatError& e) {
        require(e.line() >= 1, "a format error on line 0");
        return -1;
    }
    return count;
}

// Imports `text` as `kith import` would; false when kith refuses it (a malformed file, or a
// record it would not take from the command line: both usage errors).
inline bool import_into(Store& store, Reader read, const std::string& text) {
    std::istringstream in(text);
    Importer importer(store, fixed_today);
    try {
        store.write([&] { read(in, [&](ImportRecord&& record) { importer.merge(std::move(record.record)); }, {}); });
    } catch (const Error& e) {
        require(e.code() == ExitCode::usage, e.what());
        return false;
    }
    return true;
}

// The database's records as `write` writes them, after writing them in every format.
inline std::string export_all(Store& store, Writer write) {
    std::ostringstream others, out;
    interchange::write_ics_begin(others);
    interchange::write_json_begin(others);
    bool first = true;
    store.records().for_each([&](ContactRecord&& record) {
        interchange::write_vcard(others, record, 3);
        interchange::write_vcard(others, record, 4);
        interchange::write_csv_row(others, record);
        interchange::write_json_contact(others, record, first);
        interchange::write_ics_events(others, record);
        first = false;
        write(out, record);
    });
    interchange::write_json_end(others);
    interchange::write_ics_end(others);
    return out.str();
}

inline void write_vcard3(std::ostream& out, const ContactRecord& record) { interchange::write_vcard(out, record, 3); }
inline void write_vcard4(std::ostream& out, const ContactRecord& record) { interchange::write_vcard(out, record, 4); }

// Import, export in the reader's format, and read that back: one record a person.
inline void check_reader(const std::string& text, Reader read, Writer write, const std::string& header = "") {
    auto store = Store::open(":memory:", Store::Access::write);
    if (!import_into(*store, read, text)) return;
    auto exported = header + export_all(*store, write);
    long people = 0;
    store->records().for_each([&](ContactRecord&&) { ++people; });
    require(count_records(read, exported) == people, "the export does not read back one record a person");
}

inline void check_vcard(const std::uint8_t* data, std::size_t size) {
    // Written back as 3.0 or 4.0 by the input's length, so the seeds stay intact.
    check_reader(std::string(reinterpret_cast<const char*>(data), size), interchange::read_vcards,
                 size % 2 ? write_vcard4 : write_vcard3);
}

inline void check_csv(const std::uint8_t* data, std::size_t size) {
    std::ostringstream header;
    interchange::write_csv_header(header);
    check_reader(std::string(reinterpret_cast<const char*>(data), size), interchange::read_csv,
                 interchange::write_csv_row, header.str());
}

// JSON and JSONL: the export of an import imports into an empty database and exports to the
// same bytes (SPEC §7).
inline void check_json(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    for (Reader read : {interchange::read_json, interchange::read_jsonl}) {
        auto first = Store::open(":memory:", Store::Access::write);
        if (!import_into(*first, read, text)) continue;
        auto exported = export_all(*first, interchange::write_jsonl_contact);
        auto second = Store::open(":memory:", Store::Access::write);
        require(import_into(*second, interchange::read_jsonl, exported), "kith refuses its own export");
        require(export_all(*second, interchange::write_jsonl_contact) == exported, "the JSONL round trip changed it");
    }
}

// ---- config --------------------------------------------------------------------------------

inline void check_config(const std::uint8_t* data, std::size_t size) {
    // load_config reads a path: an in-memory file's, rewritten for each input.
    static const int fd = ::memfd_create("kith-fuzz-config", 0);
    static const std::string path = "/proc/self/fd/" + std::to_string(fd);
    require(::ftruncate(fd, 0) == 0 && ::pwrite(fd, data, size, 0) == static_cast<ssize_t>(size), "memfd");
    try {
        auto loaded = load_config(path);
        config_values(loaded.config);
    } catch (const Error& e) {
        require(e.code() == ExitCode::usage, e.what());
    }
}

// ---- reading notes ---------------------------------------------------------------------------

// The first two bytes choose the note's day, the third whether it has an event a few weeks on;
// the rest is the note. Reading it with the built-in rules gives questions that are questions,
// each for a span of days, and a reading that survives being stored.
inline const std::shared_ptr<const RuleBook>& reading_rules() {
    static const auto rules = make_rulebook(builtin_questions().rules, {}, builtin_questions().dates);
    return rules;
}

// The rules' prefilter is built once a process has read enough notes, in one Hyperscan compile
// that takes seconds under the sanitizers: the harness builds it before its first input, so that
// the one-off build is never mistaken for an input that hangs (libFuzzer's -timeout is per input).
inline void build_reading_prefilter() {
    for (std::size_t i = 0; i < questions::reads_before_prefilter; ++i) questions::prefilter_of(*reading_rules());
}

inline void check_reading(const std::uint8_t* data, std::size_t size) {
    using namespace std::chrono;
    if (size < 3) return;
    const auto& rules = reading_rules();
    Note note;
    note.id = 7;
    note.on = Date{sys_days{Date{year{2000}, January, day{1}}} + days{(data[0] << 8 | data[1]) % 20000}};
    if (data[2] % 4 == 0) note.event = Date{sys_days{note.on} + days{data[2] % 90}};
    note.text.assign(reinterpret_cast<const char*>(data + 3), size - 3);
    if (!is_valid_utf8(note.text)) return;  // refused before any note is read
    const Reading reading = read_note(note, *rules);
    for (const auto& planned : reading.questions) {
        require(!planned.text.empty(), "a planned question is empty");
        require(planned.from <= planned.until, "a planned question ends before it starts");
        require(is_valid_utf8(planned.text), "a planned question is not valid UTF-8");
    }
    const auto stored = reading_from_json(reading_to_json(reading));
    require(stored.has_value(), "a stored reading does not read back");
    require(stored->questions.size() == reading.questions.size() && stored->phrase == reading.phrase &&
                stored->kind == reading.kind && stored->when == reading.when,
            "a stored reading reads back as another");
    describe_reading(reading, note.on);
}

}  // namespace kith::fuzzing
