// `kith undo --list` in every format.
#include <fmt/format.h>

#include <ctime>

#include "json_shape/json_shape.h"
#include "kith/output.h"
#include "kith/text.h"
#include "output/table.h"

namespace kith {

namespace {

using json = json_shape::Json;

// "2026-11-22T09:30:00Z" as the local time a person reads: "2026-11-22 10:30".
std::string local_time(const std::string& utc) {
    std::tm parts{};
    if (!::strptime(utc.c_str(), "%Y-%m-%dT%H:%M:%SZ", &parts)) return utc;
    std::time_t seconds = ::timegm(&parts);
    std::tm local{};
    if (!::localtime_r(&seconds, &local)) return utc;
    char text[32];
    if (std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local) == 0) return utc;
    return text;
}

json to_json(const UndoEntry& entry) {
    json object;
    object["at"] = entry.at;
    object["command"] = entry.command;
    object["summary"] = entry.summary;
    object["bytes"] = entry.bytes;
    return object;
}

}  // namespace

void render_undo_history(std::ostream& out, const std::vector<UndoEntry>& entries, const Style& style) {
    switch (style.format) {
        case Format::text:
        case Format::plain: {
            if (entries.empty()) {
                out << "Nothing to undo.\n";
                return;
            }
            std::vector<std::vector<std::string>> rows;
            for (const auto& entry : entries)
                rows.push_back({local_time(entry.at), entry.command, escape_control_characters(entry.summary)});
            output::write_table(out, {"WHEN", "COMMAND", "WHAT"}, rows, style.color);
            return;
        }
        case Format::md:
            out << "| When | Command | What |\n| --- | --- | --- |\n";
            for (const auto& entry : entries)
                out << "| " << local_time(entry.at) << " | " << output::md_cell(entry.command) << " | "
                    << output::md_cell(entry.summary) << " |\n";
            return;
        case Format::tsv:
            for (const auto& entry : entries)
                out << entry.at << '\t' << output::tsv_cell(entry.command) << '\t' << output::tsv_cell(entry.summary)
                    << '\n';
            return;
        case Format::json: {
            json document = json::array();
            for (const auto& entry : entries) document.push_back(to_json(entry));
            out << json_shape::dump_document(document) << '\n';
            return;
        }
        case Format::jsonl:
            for (const auto& entry : entries) out << json_shape::dump_line(to_json(entry)) << '\n';
            return;
    }
}

}  // namespace kith
