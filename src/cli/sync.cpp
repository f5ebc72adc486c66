#include "kith/sync.h"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "kith/error.h"
#include "kith/paths.h"
#include "kith/text.h"

namespace kith::cli {

namespace {

namespace fs = std::filesystem;

struct Options {
    std::string vdir;
    int vcard_version = 0;  // 0: the config's
    bool dry_run = false;
};

const char* action_word(SyncChange::Action action) {
    switch (action) {
        case SyncChange::Action::added: return "added";
        case SyncChange::Action::updated: return "updated";
        case SyncChange::Action::archived: return "archived";
        case SyncChange::Action::removed: return "removed";
    }
    return "";
}

// `in:  updated Sam Lee (#3): phones; company "Initech" replaced "Acme" (the card's change is later)`
std::string change_line(const SyncChange& change) {
    const auto who = escape_control_characters(
        change.contact_id ? fmt::format("{} (#{})", change.name, change.contact_id) : change.name);
    auto line = fmt::format("{:<4} {:<8} {}",
                            change.way == SyncChange::Way::in ? "in:" : "out:", action_word(change.action), who);
    std::vector<std::string> said;
    if (!change.fields.empty()) said.push_back(join(change.fields, ", "));
    for (const auto& conflict : change.conflicts)
        said.push_back(escape_control_characters(fmt::format("{} \"{}\" replaced \"{}\" ({} change is later)",
                                                             conflict.field, conflict.kept, conflict.replaced,
                                                             conflict.card_kept ? "the card's" : "kith's")));
    if (change.action == SyncChange::Action::archived) said.emplace_back("their card was deleted; notes kept");
    if (change.action == SyncChange::Action::removed)
        said.emplace_back(change.removed_in_kith ? "removed in kith" : "archived in kith");
    if (!said.empty()) line += ": " + join(said, "; ");
    return line + '\n';
}

std::size_t count(const SyncResult& result, SyncChange::Way way, SyncChange::Action action) {
    std::size_t n = 0;
    for (const auto& change : result.changes) n += change.way == way && change.action == action;
    return n;
}

void run_sync(Session& session, const Options& options) {
    const auto& config = session.config();
    SyncOptions sync;
    sync.vdir = expand_home(!options.vdir.empty() ? options.vdir : config.sync_vdir, session.env);
    sync.vcard_version = options.vcard_version ? options.vcard_version : config.sync_vcard_version;
    sync.dry_run = options.dry_run;
    if (sync.vdir.empty()) throw usage_error("sync: give the folder with --vdir DIR, or set sync.vdir in the config");
    auto today = session.today();
    session.describe_writes(fmt::format("with {}", fs::absolute(sync.vdir).lexically_normal().string()));
    auto& store = session.store(Store::Access::write);
    auto result = sync_vdir(store, sync, today);
    for (const auto& skipped : result.unreadable)
        std::cerr << escape_control_characters(fmt::format("kith: left {} alone: {}", skipped.file, skipped.why))
                  << '\n';
    std::string out;
    for (const auto& change : result.changes) out += change_line(change);
    const auto folder = escape_control_characters(result.folder);
    using Way = SyncChange::Way;
    using Action = SyncChange::Action;
    if (result.changes.empty()) {
        out += fmt::format("{}Nothing to sync: kith and {} agree.\n", options.dry_run ? "Dry run: " : "", folder);
    } else {
        out += fmt::format(
            "{} {}: from the folder {} added, {} updated, {} archived; to the folder {} added, {} "
            "updated, {} removed{}.\n",
            options.dry_run ? "Dry run, would sync" : "Synced with", folder, count(result, Way::in, Action::added),
            count(result, Way::in, Action::updated), count(result, Way::in, Action::archived),
            count(result, Way::out, Action::added), count(result, Way::out, Action::updated),
            count(result, Way::out, Action::removed), options.dry_run ? "; nothing written" : "");
    }
    std::cout << out;
}

}  // namespace

void add_sync_command(CLI::App& app, Session& session) {
    auto* command =
        app.add_subcommand("sync", "Keep kith and a vdir of vCards (a phone's, through vdirsyncer) in step");
    command->footer(
        "Example: kith sync --vdir ~/.local/share/contacts/kith\n"
        "         vdirsyncer sync && kith sync        # with sync.vdir in the config\n"
        "         kith sync --dry-run\n"
        "Cards new or changed in the folder come in, merged field by field with what kith has (the\n"
        "later change wins when both changed a field; notes are never touched); people added or\n"
        "changed in kith go out as cards. A deleted card archives its person; a person archived\n"
        "or removed in kith has their card removed. Files kith cannot read are left alone.");
    auto options = std::make_shared<Options>();
    command->add_option("--vdir", options->vdir, "The folder, one .vcf per person; default: sync.vdir in the config")
        ->option_text("DIR");
    command
        ->add_option("--vcard-version", options->vcard_version,
                     "vCard version of the cards kith writes: 3 (default, sync.vcard_version) or 4")
        ->check(CLI::IsMember({3, 4}))
        ->option_text("3|4");
    command->add_flag("--dry-run,-n", options->dry_run, "Show what would change both ways, and write nothing");
    command->callback([&session, options] { run_sync(session, *options); });
}

}  // namespace kith::cli
