#include "kith/import.h"

#include <fmt/format.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "kith/error.h"
#include "kith/text.h"

namespace kith::cli {

namespace {

const char* action_word(MergeResult::Action action) {
    switch (action) {
        case MergeResult::Action::added: return "add";
        case MergeResult::Action::updated: return "update";
        case MergeResult::Action::unchanged: return "unchanged";
    }
    return "";
}

// "a new contact, not merged with #3 (archived)", or "" when the merge kept no one apart.
std::string kept_apart(const MergeResult& result) {
    if (result.kept_apart.empty()) return "";
    std::vector<std::string> others;
    for (const auto& other : result.kept_apart)
        others.push_back(fmt::format("#{}{}", other.id, other.archived ? " (archived)" : ""));
    return fmt::format("a new contact, not merged with {} of the same name", join(others, ", "));
}

// A dry run's line for one record.
std::string report_line(const MergeResult& result) {
    auto who = result.action == MergeResult::Action::added ? result.name
                                                           : fmt::format("{} (#{})", result.name, result.contact_id);
    auto line = fmt::format("{:<10} {}", action_word(result.action), escape_control_characters(who));
    if (!result.changes.empty()) line += ": " + join(result.changes, ", ");
    if (auto apart = kept_apart(result); !apart.empty()) line += (result.changes.empty() ? ": " : "; ") + apart;
    return line + '\n';
}

struct Options {
    std::string file;
    std::string format;
    bool dry_run = false;
};

void run_import(Session& session, const Options& options) {
    if (options.file.empty() && stdin_is_terminal())
        throw usage_error("import: give a FILE, or pipe the data in (kith import - < contacts.vcf)");
    auto source = open_import_source(options.file, options.format, session.temp_directory());
    auto today = session.today();
    session.describe_writes(source.label);
    auto& store = session.store(Store::Access::write);
    std::string report;                 // the dry run's lines, printed only once the whole file is known good
    std::vector<std::string> warnings;  // likewise, for a real import
    auto counts = import_file(store, source, options.dry_run, today, *session.question_settings().rules,
                              [&](const MergeResult& result) {
                                  if (options.dry_run)
                                      report += report_line(result);
                                  else if (auto apart = kept_apart(result); !apart.empty())
                                      warnings.push_back(fmt::format("{}: {}", result.name, apart));
                              });

    if (options.dry_run) {
        std::cout << report
                  << fmt::format("Dry run: {} to add, {} to update, {} unchanged; nothing written.\n", counts.added,
                                 counts.updated, counts.unchanged);
    } else {
        for (const auto& warning : warnings) session.warn(warning);
        if (auto dropped = store.undo_dropped())
            session.warn(fmt::format("this import changed too much to be undone (over {} MB of changes); the undo "
                                     "history was emptied",
                                     *dropped / (1024 * 1024)));
        auto total = counts.added + counts.updated + counts.unchanged;
        std::cout << fmt::format("Imported {} contact{} from {}: {} added, {} updated, {} unchanged.\n", total,
                                 total == 1 ? "" : "s", source.label, counts.added, counts.updated, counts.unchanged);
    }
}

}  // namespace

void add_import_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("import", "Import contacts from vCard, CSV, JSON or JSONL");
    command->footer(
        "Example: kith import contacts.vcf --dry-run\n"
        "         kith import google.csv\n"
        "         ssh laptop kith export | kith import -\n"
        "People are matched by uuid; records without one by email, then phone number (however\n"
        "written), then exact name. Without --format, the format comes from the file's extension\n"
        "or its first line. A broken record stops the import before anything is written.");
    auto options = std::make_shared<Options>();
    command->add_option("file", options->file, "The file to read; `-` or nothing reads standard input");
    command->add_option("--format,-f", options->format, "Input format: vcard, csv, json, jsonl")
        ->check(CLI::IsMember({"vcard", "csv", "json", "jsonl"}))
        ->option_text("FORMAT");
    command->add_flag("--dry-run,-n", options->dry_run, "Show what would be added, updated or left alone");
    command->callback([&session, options] { run_import(session, *options); });
}

}  // namespace kith::cli
