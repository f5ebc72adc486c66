#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "files/atomic_file.h"
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

void write_through(Store& store, int fd, const std::string& path, const std::string& format, int vcard_version) {
    files::FdOutBuf buffer(fd);
    std::ostream out(&buffer);
    write_all(store, out, format, vcard_version);
    out.flush();
    if (!out) cannot_write(path);
}

// A regular file appears whole or not at all (written to a private temp file beside it, synced,
// renamed over it), so a full disk or a crash never leaves half an export behind. A FIFO or a
// device (/dev/stdout) is written to as it is. A symlink is followed as a shell's `>` would,
// its target replaced, unless another user planted it in a shared directory such as /tmp.
void export_to_path(Store& store, const std::string& path, const std::string& format, int vcard_version) {
    namespace fs = std::filesystem;
    auto info = files::inspect(path);
    files::refuse_planted_symlink(path, info);
    const bool link = info.kind == files::Kind::symlink;
    if (info.points_to == files::Kind::directory)
        throw runtime_error(fmt::format("cannot write {}: it is a directory", path));
    if (info.points_to == files::Kind::stream) {
        int fd = files::open_stream(path, link);
        write_through(store, fd, path, format, vcard_version);
        if (::close(fd) != 0) cannot_write(path);
        return;
    }
    std::error_code ec;
    auto target = link ? fs::weakly_canonical(path, ec).string() : path;
    if (ec) target = path;
    files::AtomicFile file(target);
    write_through(store, file.fd(), path, format, vcard_version);
    file.commit();
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
                export_to_path(store, options->output, format, options->vcard_version);
            }
        });
    });
}

}  // namespace kith::cli
