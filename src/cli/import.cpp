#include "kith/import.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
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

// Standard input, a pipe (kith import <(cat contacts.vcf)) and anything else that is not a
// regular file are first copied to a private temp file: the write lock is then held only while
// the import runs, not while a slow pipe (ssh laptop kith export | kith import) trickles in,
// and the format can be guessed from the first line and the file read from the start.
std::ifstream spooled(int fd, const std::string& label, const Environment& env) {
    std::string path = env.get("TMPDIR").value_or("/tmp") + "/kith-import-XXXXXX";
    int spool = ::mkostemp(path.data(), O_CLOEXEC);  // 0600
    if (spool < 0) throw runtime_error(fmt::format("cannot create a temp file {}: {}", path, std::strerror(errno)));
    ::unlink(path.c_str());  // nameless from now on: gone with the process, however it ends
    char buffer[1 << 16];
    for (std::size_t offset = 0;;) {
        auto count = ::read(fd, buffer, sizeof buffer);
        if (count == 0) break;
        if (count < 0 && errno == EINTR) continue;
        // No text kith reads holds a NUL byte: an endless binary stream (/dev/zero) stops here,
        // at its first block, rather than filling the disk.
        const std::string_view block(buffer, count > 0 ? static_cast<std::size_t>(count) : 0);
        const bool utf16 = offset == 0 && (block.starts_with("\xFF\xFE") || block.starts_with("\xFE\xFF"));
        const auto nul = block.find('\0');
        if (utf16 || nul != std::string_view::npos) {
            ::close(spool);
            if (utf16) throw FormatError(1, "the file is UTF-16: save it as UTF-8 and import it again");
            throw usage_error(fmt::format("{} is not text: a NUL byte at offset {}; nothing imported", label, offset + nul));
        }
        offset += block.size();
        bool written = count > 0 && ::write(spool, buffer, static_cast<std::size_t>(count)) == count;
        if (!written) {
            auto problem = std::strerror(errno);
            ::close(spool);
            throw runtime_error(fmt::format("cannot {} {}: {}", count < 0 ? "read" : "keep", label, problem));
        }
    }
    std::ifstream in(fmt::format("/proc/self/fd/{}", spool), std::ios::binary);
    ::close(spool);
    if (!in) throw runtime_error(fmt::format("cannot read back {}", label));
    return in;
}

// The file to read: opened as it is when it is a regular file, else spooled.
std::ifstream open_input(const std::string& file, const Environment& env) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw runtime_error(fmt::format("cannot open {}: {}", file, std::strerror(errno)));
    struct stat st {};
    ::fstat(fd, &st);
    if (S_ISDIR(st.st_mode)) {
        ::close(fd);
        throw usage_error(fmt::format("{} is a directory: give the file to import", file));
    }
    if (!S_ISREG(st.st_mode)) {
        auto in = spooled(fd, file, env);
        ::close(fd);
        return in;
    }
    ::close(fd);
    std::ifstream in(file, std::ios::binary);
    if (!in) throw runtime_error(fmt::format("cannot open {}: {}", file, std::strerror(errno)));
    return in;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

// Guesses the format from the first line with content, reading at most 64 KiB (a file without
// line breaks is not read whole for this), then rewinds.
std::string sniff_format(std::istream& in) {
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
    try {
        in = from_stdin ? spooled(STDIN_FILENO, "standard input", session.env) : open_input(options.file, session.env);
        if (format.empty()) format = sniff_format(in);
    } catch (const FormatError& e) {
        throw usage_error(fmt::format("{}:{}: {}; nothing imported", label, e.line(), e.what()));
    }

    auto today = session.today();
    auto& store = session.store(Store::Access::write);
    Importer importer(store, today, *session.question_settings().rules);
    std::size_t counts[3] = {0, 0, 0};
    std::string report;  // the dry run's lines, printed only once the whole file is known good
    std::vector<std::string> warnings;  // likewise, for a real import
    auto body = [&] {
        reader_for(format)(in, [&](ImportRecord&& read) {
            MergeResult result;
            try {
                result = importer.merge(std::move(read.record), read.line);
            } catch (const FormatError&) {
                throw;
            } catch (const Error& e) {
                if (e.code() != ExitCode::usage) throw;
                throw FormatError(read.line, e.what());
            }
            ++counts[static_cast<int>(result.action)];
            std::string apart;
            if (!result.kept_apart.empty()) {
                std::vector<std::string> others;
                for (const auto& other : result.kept_apart)
                    others.push_back(fmt::format("#{}{}", other.id, other.archived ? " (archived)" : ""));
                apart = fmt::format("a new contact, not merged with {} of the same name", join(others, ", "));
            }
            if (!options.dry_run) {
                if (!apart.empty()) warnings.push_back(fmt::format("{}: {}", result.name, apart));
                return;
            }
            auto who = result.action == MergeResult::Action::added
                           ? result.name
                           : fmt::format("{} (#{})", result.name, result.contact_id);
            report += fmt::format("{:<10} {}", action_word(result.action), escape_control_characters(who));
            if (!result.changes.empty()) report += ": " + join(result.changes, ", ");
            if (!apart.empty()) report += (result.changes.empty() ? ": " : "; ") + apart;
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
        for (const auto& warning : warnings) session.warn(warning);
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
        "People are matched by uuid; records without one by email, then exact name. Without\n"
        "--format, the format comes from the file's extension or its first line. A broken record\n"
        "stops the import before anything is written.");
    auto options = std::make_shared<Options>();
    command->add_option("file", options->file, "The file to read; `-` or nothing reads standard input");
    command->add_option("--format,-f", options->format, "Input format: vcard, csv, json, jsonl")
        ->check(CLI::IsMember({"vcard", "csv", "json", "jsonl"}))
        ->option_text("FORMAT");
    command->add_flag("--dry-run,-n", options->dry_run, "Show what would be added, updated or left alone");
    command->callback([&session, options] { run_import(session, *options); });
}

}  // namespace kith::cli
