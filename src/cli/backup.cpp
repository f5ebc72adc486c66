#include <fmt/format.h>
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "kith/core.h"
#include "kith/error.h"

namespace kith::cli {

namespace {

struct Options {
    std::string file;
    bool force = false;
};

}  // namespace

void add_backup_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("backup", "Copy the database to a backup file, safely while kith runs");
    command->footer(
        "Example: kith backup                      # kith.db.backup-2026-11-22 beside the database\n"
        "         kith backup ~/backups/kith.db\n"
        "         kith backup - | ssh nas 'cat > kith.db'\n"
        "The copy is one consistent snapshot taken with SQLite's online backup, so other kith\n"
        "commands may keep writing. It is created 0600 and appears whole or not at all. FILE may\n"
        "be an earlier backup, which is replaced; a directory gets the dated name inside it; a\n"
        "FIFO or device is written to; `-` is standard output. Prints the path of the file it\n"
        "writes.");
    auto options = std::make_shared<Options>();
    command->add_option("file", options->file, "Where to write the copy (default: beside the database, dated)")
        ->option_text("FILE");
    command->add_flag("--force", options->force,
                      "Replace FILE even when it is a symlink (the link itself) or not a kith database");
    command->callback([&session, options] {
        auto& store = session.store(Store::Access::read);
        auto temp_directory = session.temp_directory();
        if (options->file == "-") {
            if (stdout_is_terminal())
                throw usage_error("backup -: standard output is a terminal; redirect it to a file or a pipe");
            backup_to_stream(store, STDOUT_FILENO, "standard output", temp_directory);
            return;
        }
        BackupRequest request{options->file, options->force, session.today(), temp_directory};
        auto written = backup_database(store, request);
        if (!written.empty()) std::cout << written << '\n';
    });
}

}  // namespace kith::cli
