#include "kith/import.h"

#include <fmt/format.h>

#include <algorithm>
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
        case MergeResult::Action::removed: return "remove";
        case MergeResult::Action::kept: return "keep";
        case MergeResult::Action::not_brought_back: return "leave out";
    }
    return "";
}

// The day of a UTC time: "2026-11-22" of "2026-11-22T09:30:00Z".
std::string day_of(const std::string& utc_time) { return utc_time.substr(0, 10); }

// What a deletion from the other side, or one here, did: "deleted on the other side on 2026-11-22".
std::string deletion_said(const MergeResult& result) {
    const auto day = day_of(result.deleted_at);
    switch (result.action) {
        case MergeResult::Action::removed: return fmt::format("deleted on the other side on {}", day);
        case MergeResult::Action::kept:
            return fmt::format("changed here since it was deleted on the other side on {}", day);
        case MergeResult::Action::not_brought_back: return fmt::format("not brought back: deleted here on {}", day);
        default: return "";
    }
}

// `company "Globex" replaced "Acme" (the file's change is later)`, as `kith sync` says it.
std::vector<std::string> replaced_said(const MergeResult& result) {
    std::vector<std::string> said;
    for (const auto& value : result.replaced)
        said.push_back(fmt::format("{} \"{}\" replaced \"{}\" (the file's change is later)", value.field, value.value,
                                   value.replaced));
    return said;
}

// What an update changed: the fields, each with the value it replaced, if it replaced one.
std::vector<std::string> changes_said(const MergeResult& result) {
    std::vector<std::string> plain;
    for (const auto& change : result.changes)
        if (std::none_of(result.replaced.begin(), result.replaced.end(),
                         [&](const ReplacedValue& value) { return value.field == change; }))
            plain.push_back(change);
    std::vector<std::string> said;
    if (!plain.empty()) said.push_back(join(plain, ", "));
    for (auto& value : replaced_said(result)) said.push_back(std::move(value));
    return said;
}

// Who a result is about: "Ann Lee (#3)", "note n12 of Ann Lee (#3)", "Ann Lee" (not here, or,
// after a real import, no longer).
std::string who(const MergeResult& result, bool dry_run) {
    const bool here = result.contact_id && result.action != MergeResult::Action::added &&
                      !(result.action == MergeResult::Action::removed && result.record.empty() && !dry_run);
    auto person = here ? fmt::format("{} (#{})", result.name, result.contact_id) : result.name;
    return result.record.empty() ? person : fmt::format("{} of {}", result.record, person);
}

bool tells_deletion(const MergeResult& result) {
    return result.action == MergeResult::Action::removed || result.action == MergeResult::Action::kept ||
           result.action == MergeResult::Action::not_brought_back;
}

// A real import's line for what came in from another kith database, field by field, and for
// each deletion; nothing for the rest, which the summary counts.
std::string merge_line(const MergeResult& result) {
    std::string line;
    switch (result.action) {
        case MergeResult::Action::removed:
            line = fmt::format("\u2212 {} ({})", who(result, false), deletion_said(result));
            break;
        case MergeResult::Action::kept:
            line = fmt::format("kept {}: {}", who(result, false), deletion_said(result));
            break;
        case MergeResult::Action::not_brought_back:
            line = fmt::format("{}: {}", who(result, false), deletion_said(result));
            break;
        case MergeResult::Action::updated:
            if (result.by_stamps) line = fmt::format("~ {}: {}", who(result, false), join(changes_said(result), "; "));
            break;
        default: break;
    }
    return line.empty() ? line : escape_control_characters(line) + '\n';
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
    auto line = fmt::format("{:<10} {}", action_word(result.action), escape_control_characters(who(result, true)));
    std::vector<std::string> said;
    if (tells_deletion(result)) said.push_back(deletion_said(result));
    for (auto& change : changes_said(result)) said.push_back(escape_control_characters(change));
    if (!result.named_from.empty()) said.push_back("named from " + result.named_from);
    if (auto apart = kept_apart(result); !apart.empty()) said.push_back(apart);
    if (!said.empty()) line += ": " + join(said, "; ");
    return line + '\n';
}

// "Ann Lee (line 4)": a record in a message.
std::string record_named(const MergeResult& result) {
    return fmt::format("{} (line {})", result.name, result.line);
}

// Label aliases from the config, and the tags a plural label may be the plural of: those with
// a cadence or a question bank.
LabelTags label_tags(Session& session) {
    LabelTags labels;
    const auto& config = session.config();
    labels.aliases = config.import_labels;
    for (const auto& [tag, cadence] : config.tag_cadences) labels.known.insert(tag);
    for (const auto& [tag, bank] : session.question_settings().banks) labels.known.insert(fold_case(tag));
    return labels;
}

struct Options {
    std::string file;
    std::string format;
    std::string encoding;
    bool dry_run = false;
    bool skip_invalid = false;
};

void run_import(Session& session, const Options& options) {
    if (options.file.empty() && stdin_is_terminal())
        throw usage_error("import: give a FILE, or pipe the data in (kith import - < contacts.vcf)");
    auto source = open_import_source(options.file, options.format, session.temp_directory(), options.encoding);
    auto today = session.today();
    session.describe_writes(source.label);
    auto& store = session.store(Store::Access::write);
    std::string report;                 // the dry run's lines, printed only once the whole file is known good
    std::vector<std::string> warnings;  // likewise, for a real import
    std::vector<std::string> named;     // the records named from what they had, for the summary
    std::string merged;                 // what came in from another kith database, and deletions
    ImportOptions import_options;
    import_options.dry_run = options.dry_run;
    import_options.skip_invalid = options.skip_invalid;
    import_options.labels = label_tags(session);
    auto counts = import_file(
        store, source, import_options, today, *session.question_settings().rules,
        [&](const MergeResult& result) {
            for (const auto& value : result.set_aside)
                warnings.push_back(fmt::format("{}: set aside {}", record_named(result), value));
            if (options.dry_run) {
                report += report_line(result);
                return;
            }
            merged += merge_line(result);
            if (auto apart = kept_apart(result); !apart.empty())
                warnings.push_back(fmt::format("{}: {}", result.name, apart));
            if (!result.named_from.empty())
                named.push_back(fmt::format("named from {}: {}\n", result.named_from,
                                            escape_control_characters(record_named(result))));
        },
        [&](const FormatError& skipped) {
            std::cerr << fmt::format("kith: skipped line {}: {}\n", skipped.line(),
                                     escape_control_characters(skipped.what()));
        });
    for (const auto& warning : warnings) session.warn(warning);

    const auto skipped = counts.skipped ? fmt::format(", {} skipped", counts.skipped) : std::string();
    const auto removed = counts.removed ? fmt::format(", {} {}removed", counts.removed, options.dry_run ? "to be " : "")
                                        : std::string();
    const auto read_as = source.read_as.empty()
                             ? std::string()
                             : fmt::format(" (read as {})", escape_control_characters(source.read_as));
    if (options.dry_run) {
        std::cout << report
                  << fmt::format("Dry run{}: {} to add, {} to update, {} unchanged{}{}; nothing written.\n", read_as,
                                 counts.added, counts.updated, counts.unchanged, removed, skipped);
    } else {
        if (auto dropped = store.undo_dropped())
            session.warn(fmt::format("this import changed too much to be undone (over {} MB of changes); the undo "
                                     "history was emptied",
                                     *dropped / (1024 * 1024)));
        auto total = counts.added + counts.updated + counts.unchanged;
        std::cout << merged
                  << fmt::format("Imported {} contact{} from {}{}: {} added, {} updated, {} unchanged{}{}.\n", total,
                                 total == 1 ? "" : "s", source.label, read_as, counts.added, counts.updated,
                                 counts.unchanged, removed, skipped);
        for (const auto& line : named) std::cout << line;
    }
}

}  // namespace

void add_import_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("import", "Import contacts from vCard, CSV, JSON or JSONL");
    command->footer(
        "Example: kith import contacts.vcf --dry-run\n"
        "         kith import google.csv\n"
        "         kith import outlook.csv --encoding WINDOWS-1252\n"
        "         ssh laptop kith export | kith import -\n"
        "         kith import android.vcf --skip-invalid\n"
        "People are matched by uuid; records without one by email, then phone number (however\n"
        "written), then exact name. Without --format, the format comes from the file's extension\n"
        "or its first line; without --encoding, a file that is not UTF-8 is read as Windows-1252.\n"
        "A broken record stops the import before anything is written, unless --skip-invalid.");
    auto options = std::make_shared<Options>();
    command->add_option("file", options->file, "The file to read; `-` or nothing reads standard input");
    command->add_option("--format,-f", options->format, "Input format: vcard, csv, json, jsonl")
        ->check(CLI::IsMember({"vcard", "csv", "json", "jsonl"}))
        ->option_text("FORMAT");
    command->add_option("--encoding", options->encoding,
                        "The file's text encoding, any name iconv knows (WINDOWS-1252, LATIN1, UTF-16); without "
                        "it: UTF-8, UTF-16 with a byte order mark, else Windows-1252")
        ->option_text("NAME");
    command->add_flag("--dry-run,-n", options->dry_run, "Show what would be added, updated or left alone");
    command->add_flag("--skip-invalid", options->skip_invalid,
                      "Import every good record and list each broken one on stderr (skipped line N: why); "
                      "exit 0 when any was imported");
    command->callback([&session, options] { run_import(session, *options); });
}

}  // namespace kith::cli
