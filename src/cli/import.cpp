#include "kith/import.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unistd.h>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "kith/error.h"
#include "kith/text.h"

namespace kith::cli {

namespace {

// Standard input is first copied to a private temp file: the write lock is then held only
// while the import runs, not while a slow pipe (ssh laptop kith export | kith import) trickles
// in, and the format can be guessed from the first line and the file read from the start.
std::ifstream spooled_stdin(const Environment& env) {
    std::string path = env.get("TMPDIR").value_or("/tmp") + "/kith-import-XXXXXX";
    int fd = ::mkstemp(path.data());  // 0600
    if (fd < 0) throw runtime_error(fmt::format("cannot create a temp file {}: {}", path, std::strerror(errno)));
    ::unlink(path.c_str());  // nameless from now on: gone with the process, however it ends
    char buffer[1 << 16];
    for (;;) {
        auto count = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (count == 0) break;
        if (count < 0 && errno == EINTR) continue;
        bool written = count > 0 && ::write(fd, buffer, static_cast<std::size_t>(count)) == count;
        if (!written) {
            auto problem = std::strerror(errno);
            ::close(fd);
            throw runtime_error(fmt::format("cannot {} standard input: {}", count < 0 ? "read" : "keep", problem));
        }
    }
    std::ifstream in(fmt::format("/proc/self/fd/{}", fd), std::ios::binary);
    ::close(fd);
    if (!in) throw runtime_error("cannot read back standard input");
    return in;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

// Reads up to the first line with content and guesses the format from it.
std::string sniff_format(std::istream& in) {
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // a byte order mark
        auto start = line.find_first_not_of(" \t\r");
        if (start == std::string::npos) continue;
        line.erase(0, start);
        if (lower(line.substr(0, 11)) == "begin:vcard") return "vcard";
        if (line.front() == '{' || line.front() == '[') {
            // A whole object on the first line is JSONL, unless it is our document's header.
            auto object = nlohmann::json::parse(line, nullptr, false);
            bool one_record = object.is_object() && !object.contains("kith_version");
            return one_record ? "jsonl" : "json";
        }
        return "csv";
    }
    return "json";  // empty input: nothing to import in any format
}

using Reader = void (*)(std::istream&, const RecordSink&);

Reader reader_for(const std::string& format) {
    if (format == "vcard") return interchange::read_vcards;
    if (format == "csv") return interchange::read_csv;
    if (format == "jsonl") return interchange::read_jsonl;
    return interchange::read_json;
}

const char* action_word(MergeResult::Action action) {
    switch (action) {
        case MergeResult::Action::added: return "add";
        case MergeResult::Action::updated: return "update";
        case MergeResult::Action::unchanged: return "unchanged";
    }
    return "";
}

struct Options {
    std::string file;
    std::string format;
    bool dry_run = false;
};

void run_import(Session& session, const Options& options) {
    bool from_stdin = options.file.empty() || options.file == "-";
    if (from_stdin && options.file.empty() && stdin_is_terminal())
        throw usage_error("import: give a FILE, or pipe the data in (kith import - < contacts.vcf)");
    std::string label = from_stdin ? "stdin" : options.file;

    std::string format =
        options.format.empty() && !from_stdin ? interchange::format_for_path(options.file) : options.format;
    if (format == "ics") throw usage_error("import reads vCard, CSV, JSON and JSONL; iCalendar is export-only");
    std::ifstream in;
    if (from_stdin) {
        in = spooled_stdin(session.env);
    } else {
        in.open(options.file, std::ios::binary);
        if (!in) throw runtime_error(fmt::format("cannot open {}: {}", options.file, std::strerror(errno)));
    }
    if (format.empty()) {
        format = sniff_format(in);
        in.clear();
        in.seekg(0);
    }

    auto today = session.today();
    auto& store = session.store(Store::Access::write);
    Importer importer(store, today);
    std::size_t counts[3] = {0, 0, 0};
    std::string report;  // the dry run's lines, printed only once the whole file is known good
    auto body = [&] {
        reader_for(format)(in, [&](ImportRecord&& read) {
            MergeResult result;
            try {
                result = importer.merge(std::move(read.record));
            } catch (const FormatError&) {
                throw;
            } catch (const Error& e) {
                if (e.code() != ExitCode::usage) throw;
                throw FormatError(read.line, e.what());
            }
            ++counts[static_cast<int>(result.action)];
            if (!options.dry_run) return;
            auto who = result.action == MergeResult::Action::added
                           ? result.name
                           : fmt::format("{} (#{})", result.name, result.contact_id);
            report += fmt::format("{:<10} {}", action_word(result.action), escape_control_characters(who));
            if (!result.changes.empty()) report += ": " + join(result.changes, ", ");
            report += '\n';
        });
        if (in.bad()) throw runtime_error(fmt::format("cannot read {}", label));
    };
    try {
        if (options.dry_run)
            store.rehearse(body);
        else
            store.write(body);
    } catch (const FormatError& e) {
        throw usage_error(fmt::format("{}:{}: {}; nothing imported", label, e.line(), e.what()));
    }

    auto [added, updated, unchanged] = counts;
    if (options.dry_run) {
        std::cout << report
                  << fmt::format("Dry run: {} to add, {} to update, {} unchanged; nothing written.\n", added, updated,
                                 unchanged);
    } else {
        std::cout << fmt::format("Imported {} contact{} from {}: {} added, {} updated, {} unchanged.\n",
                                 added + updated + unchanged, added + updated + unchanged == 1 ? "" : "s", label, added,
                                 updated, unchanged);
    }
}

}  // namespace

void add_import_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("import", "Import contacts from vCard, CSV, JSON or JSONL");
    command->footer(
        "Example: kith import contacts.vcf --dry-run\n"
        "         kith import google.csv\n"
        "         ssh laptop kith export | kith import -\n"
        "People are matched by uuid, then email, then exact name. Without --format, the format\n"
        "comes from the file's extension or its first line. A broken record stops the import\n"
        "before anything is written.");
    auto options = std::make_shared<Options>();
    command->add_option("file", options->file, "The file to read; `-` or nothing reads standard input");
    command->add_option("--format,-f", options->format, "Input format: vcard, csv, json, jsonl")
        ->check(CLI::IsMember({"vcard", "csv", "json", "jsonl"}))
        ->option_text("FORMAT");
    command->add_flag("--dry-run,-n", options->dry_run, "Show what would be added, updated or left alone");
    command->callback([&session, options] { run_import(session, *options); });
}

}  // namespace kith::cli
