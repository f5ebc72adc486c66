#include <fmt/format.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "kith/error.h"
#include "kith/interchange.h"

namespace kith::cli {

namespace {

struct Options {
    std::string format;
    std::string output;
    int vcard_version = 3;
};

// Writes every record in one format, one person at a time.
void write_all(Store& store, std::ostream& out, const std::string& format, int vcard_version) {
    if (format == "json") interchange::write_json_begin(out);
    if (format == "csv") interchange::write_csv_header(out);
    if (format == "ics") interchange::write_ics_begin(out);
    bool first = true;
    store.for_each_contact_record([&](ContactRecord&& record) {
        if (format == "json")
            interchange::write_json_contact(out, record, first);
        else if (format == "jsonl")
            interchange::write_jsonl_contact(out, record);
        else if (format == "csv")
            interchange::write_csv_row(out, record);
        else if (format == "vcard")
            interchange::write_vcard(out, record, vcard_version);
        else
            interchange::write_ics_events(out, record);
        first = false;
    });
    if (format == "json") interchange::write_json_end(out);
    if (format == "ics") interchange::write_ics_end(out);
}

[[noreturn]] void cannot_write(const std::string& path) {
    throw runtime_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
}

// Something that is not a regular file (a FIFO, /dev/stdout) is written to as it is.
void export_to_stream_file(Store& store, const std::string& path, const std::string& format, int vcard_version) {
    std::ofstream out(path, std::ios::binary);
    if (!out) cannot_write(path);
    write_all(store, out, format, vcard_version);
    out.flush();
    if (!out) cannot_write(path);
}

// A regular file appears whole or not at all: written to a private temp file beside it,
// flushed to disk, then renamed over it, so a full disk or a crash never leaves half an
// export behind. A symlink is followed: its target is replaced, the link stays.
void export_to_file(Store& store, const std::string& path, const std::string& format, int vcard_version) {
    namespace fs = std::filesystem;
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (fs::exists(status) && !fs::is_regular_file(status))
        return export_to_stream_file(store, path, format, vcard_version);
    fs::path target = fs::exists(status) ? fs::canonical(path, ec) : fs::path(path);
    if (ec) target = path;
    auto directory = target.parent_path();
    std::string temp_name = ((directory.empty() ? fs::path(".") : directory) / ".kith-export-XXXXXX").string();
    int fd = ::mkstemp(temp_name.data());  // 0600
    if (fd < 0) cannot_write(path);
    ::close(fd);
    try {
        std::ofstream out(temp_name, std::ios::binary | std::ios::trunc);
        write_all(store, out, format, vcard_version);
        out.close();
        if (!out) cannot_write(path);
        int sync_fd = ::open(temp_name.c_str(), O_RDONLY | O_CLOEXEC);
        if (sync_fd < 0 || ::fsync(sync_fd) != 0) {
            if (sync_fd >= 0) ::close(sync_fd);
            cannot_write(path);
        }
        ::close(sync_fd);
        if (std::rename(temp_name.c_str(), target.c_str()) != 0) cannot_write(path);
    } catch (...) {
        ::unlink(temp_name.c_str());
        throw;
    }
}

}  // namespace

void add_export_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("export", "Export everyone as JSON, JSONL, vCard, CSV or iCalendar");
    command->footer(
        "Example: kith export -o backup.json\n"
        "         kith export --format vcard -o contacts.vcf\n"
        "         kith export --format ics -o birthdays.ics   # birthdays and reminders for a calendar\n"
        "JSON and JSONL carry everything (notes, interactions, reminders, asked questions);\n"
        "vCard and CSV carry the contact fields (vCard also the notes). Without --format, the\n"
        "format comes from the -o file's extension, else JSON.");
    auto options = std::make_shared<Options>();
    command->add_option("--format,-f", options->format, "Output format: json, jsonl, vcard, csv, ics")
        ->check(CLI::IsMember({"json", "jsonl", "vcard", "csv", "ics"}))
        ->option_text("FORMAT");
    command->add_option("--output,-o", options->output, "Write to FILE (created 0600) instead of standard output")
        ->option_text("FILE");
    command->add_option("--vcard-version", options->vcard_version, "vCard version to write: 3 (default) or 4")
        ->check(CLI::IsMember({3, 4}))
        ->option_text("3|4");
    command->callback([&session, options] {
        bool to_stdout = options->output.empty() || options->output == "-";
        auto format = !options->format.empty() ? options->format
                      : to_stdout              ? std::string("json")
                                               : interchange::format_for_path(options->output);
        if (format.empty()) format = "json";
        auto& store = session.store(Store::Access::read);
        // One read transaction: a consistent snapshot while other kith processes write.
        store.read([&] {
            if (to_stdout) {
                write_all(store, std::cout, format, options->vcard_version);
                std::cout.flush();
                if (!std::cout) throw runtime_error("cannot write to standard output");
            } else {
                export_to_file(store, options->output, format, options->vcard_version);
            }
        });
    });
}

}  // namespace kith::cli
