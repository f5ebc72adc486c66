#include <iostream>
#include <string>

#include "cli/commands.h"
#include "kith/core.h"

namespace kith::cli {

void add_export_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("export", "Export everyone as JSON, JSONL, vCard, CSV or iCalendar");
    command->footer(
        "Example: kith export -o backup.json\n"
        "         kith export --format vcard -o contacts.vcf\n"
        "         kith export --format ics -o birthdays.ics   # birthdays and reminders for a calendar\n"
        "JSON and JSONL carry everything (notes, interactions, reminders, asked questions);\n"
        "vCard and CSV carry the contact fields (vCard also the notes). Without --format, the\n"
        "format comes from the -o file's extension, else JSON.");
    auto request = std::make_shared<ExportRequest>();
    command->add_option("--format,-f", request->format, "Output format: json, jsonl, vcard, csv, ics")
        ->check(CLI::IsMember({"json", "jsonl", "vcard", "csv", "ics"}))
        ->option_text("FORMAT");
    command->add_option("--output,-o", request->output, "Write to FILE (created 0600) instead of standard output")
        ->option_text("FILE");
    command->add_option("--vcard-version", request->vcard_version, "vCard version to write: 3 (default) or 4")
        ->check(CLI::IsMember({3, 4}))
        ->option_text("3|4");
    command->callback([&session, request] { export_all(session.store(Store::Access::read), *request, std::cout); });
}

}  // namespace kith::cli
