#include "kith/file_formats.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>

namespace kith::interchange {

namespace {

void nothing(std::ostream&) {}
void no_tombstones(std::ostream&, const std::vector<Tombstone>&) {}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

const FileFormat& format_named(std::string_view name) {
    return *find_file_format(name);
}

}  // namespace

const std::vector<FileFormat>& file_formats() {
    static const std::vector<FileFormat> formats{
        {"json",
         {".json"},
         read_json,
         write_json_begin,
         [](std::ostream& out, const ContactRecord& record, const WriteContext& context) {
             write_json_contact(out, record, context.first);
         },
         write_json_end},
        {"jsonl",
         {".jsonl", ".ndjson"},
         read_jsonl,
         nothing,
         [](std::ostream& out, const ContactRecord& record, const WriteContext&) { write_jsonl_contact(out, record); },
         write_jsonl_tombstones},
        {"vcard",
         {".vcf", ".vcard"},
         read_vcards,
         nothing,
         [](std::ostream& out, const ContactRecord& record, const WriteContext& context) {
             write_vcard(out, record, context.vcard_version);
         },
         no_tombstones,
         true},
        {"csv",
         {".csv"},
         read_csv,
         write_csv_header,
         [](std::ostream& out, const ContactRecord& record, const WriteContext&) { write_csv_row(out, record); },
         no_tombstones,
         true},
        {"ics",
         {".ics"},
         nullptr,
         write_ics_begin,
         [](std::ostream& out, const ContactRecord& record, const WriteContext&) { write_ics_events(out, record); },
         [](std::ostream& out, const std::vector<Tombstone>&) { write_ics_end(out); }},
    };
    return formats;
}

const FileFormat* find_file_format(std::string_view name) {
    const auto& formats = file_formats();
    auto found =
        std::find_if(formats.begin(), formats.end(), [&](const FileFormat& format) { return format.name == name; });
    return found == formats.end() ? nullptr : &*found;
}

const FileFormat* format_for_path(const std::string& path) {
    const auto extension = lower(std::filesystem::path(path).extension().string());
    for (const auto& format : file_formats())
        if (std::find(format.extensions.begin(), format.extensions.end(), extension) != format.extensions.end())
            return &format;
    return nullptr;
}

const FileFormat& sniff_format(std::istream& in) {
    std::string start(std::size_t{1} << 16, '\0');
    in.read(start.data(), static_cast<std::streamsize>(start.size()));
    start.resize(static_cast<std::size_t>(in.gcount()));
    in.clear();
    in.seekg(0);
    if (start.starts_with("\xFF\xFE") || start.starts_with("\xFE\xFF"))
        throw FormatError(1, "the file is UTF-16: save it as UTF-8 and import it again");
    if (start.starts_with("\xEF\xBB\xBF")) start.erase(0, 3);  // a byte order mark
    std::size_t at = 0;
    while (at < start.size()) {
        auto end = start.find_first_of("\r\n", at);
        std::string line = start.substr(at, end == std::string::npos ? std::string::npos : end - at);
        at = end == std::string::npos ? start.size() : end + 1;
        auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos) continue;
        line.erase(0, first);
        if (lower(line.substr(0, 11)) == "begin:vcard") return format_named("vcard");
        if (line.front() == '{' || line.front() == '[') {
            // A whole object on the first line is JSONL, unless it is our document's header.
            auto object = nlohmann::json::parse(line, nullptr, false);
            bool one_record = object.is_object() && !object.contains("kith_version");
            return format_named(one_record ? "jsonl" : "json");
        }
        return format_named("csv");
    }
    return format_named("json");
}

}  // namespace kith::interchange
