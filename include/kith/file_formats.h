// The file formats of import and export in one table: each one's name, file extensions, reader
// and writer, so choosing a format is a lookup, not a comparison of strings in every command.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "kith/interchange.h"

namespace kith::interchange {

// What a writer needs besides the record: JSON puts commas between contacts, vCard has versions.
struct WriteContext {
    bool first = true;      // the first contact of the file
    int vcard_version = 3;  // 3 or 4
};

struct FileFormat {
    std::string_view name;                           // as --format takes it: "vcard"
    std::vector<std::string_view> extensions;        // lower case, with the dot: ".vcf", ".vcard"
    void (*read)(std::istream&, const RecordSink&, const SkipSink&);  // null: kith writes it but never reads it
    void (*begin)(std::ostream&);                    // before the first contact
    void (*write)(std::ostream&, const ContactRecord&, const WriteContext&);
    // After the last one, with the deletions to carry: kith's own formats (JSON, JSONL) write
    // them, the others have no place for them.
    void (*end)(std::ostream&, const std::vector<Tombstone>&);
    // Written by other address books (phones, Google, Outlook) too, not only by kith: read in
    // their legacy encodings when not UTF-8, and their labels mapped onto kith's tags.
    bool foreign = false;
};

// json, jsonl, vcard, csv, ics.
const std::vector<FileFormat>& file_formats();

// The format called `name`; nullptr for none.
const FileFormat* find_file_format(std::string_view name);

// The format a file's extension names (.vcf and .vcard, .csv, .json, .jsonl and .ndjson, .ics,
// in any case); nullptr for any other name.
const FileFormat* format_for_path(const std::string& path);

// Guesses the format of a file from its first line with content (a vCard's BEGIN, a JSON
// object or array, else CSV), reading at most 64 KiB, then rewinds. Empty input is JSON: nothing
// to import in any format. FormatError for UTF-16.
const FileFormat& sniff_format(std::istream& in);

}  // namespace kith::interchange
