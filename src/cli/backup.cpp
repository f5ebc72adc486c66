#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "kith/error.h"

namespace kith::cli {

namespace {

namespace fs = std::filesystem;

// kith.db.backup-2026-11-22 in `directory`; a second backup the same day gets .2, and so on,
// so a backup never replaces one the user did not name.
std::string dated_backup_path(const fs::path& directory, const std::string& db_name, Date today) {
    auto base = (directory / fmt::format("{}.backup-{}", db_name, format_iso(today))).string();
    std::error_code ec;
    auto path = base;
    for (int n = 2; fs::exists(fs::symlink_status(path, ec)); ++n) path = fmt::format("{}.{}", base, n);
    return path;
}

}  // namespace

void add_backup_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("backup", "Copy the database to a backup file, safely while kith runs");
    command->footer(
        "Example: kith backup                      # kith.db.backup-2026-11-22 beside the database\n"
        "         kith backup ~/backups/kith.db\n"
        "The copy is one consistent snapshot taken with SQLite's online backup, so other kith\n"
        "commands may keep writing. It is created 0600 and appears whole or not at all; FILE is\n"
        "replaced if it exists, and a directory gets the dated name inside it. Prints the path.");
    auto file = std::make_shared<std::string>();
    command->add_option("file", *file, "Where to write the copy (default: beside the database, dated)")
        ->option_text("FILE");
    command->callback([&session, file] {
        auto db_path = fs::path(session.db_path());
        auto today = session.today();
        std::error_code ec;
        std::string destination = *file;
        if (destination.empty())
            destination = dated_backup_path(db_path.parent_path(), db_path.filename().string(), today);
        else if (fs::is_directory(destination, ec))
            destination = dated_backup_path(destination, db_path.filename().string(), today);
        session.store(Store::Access::read).backup_to(destination);
        std::cout << destination << '\n';
    });
}

}  // namespace kith::cli
