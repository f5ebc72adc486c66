// One function per subcommand, each in the file named after it (show.cpp, done.cpp …): binds its
// options, calls into the core and renders. app.cpp registers them all.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/session.h"

namespace kith::cli {

void add_add_command(CLI::App& app, Session& session);
void add_note_command(CLI::App& app, Session& session);
void add_log_command(CLI::App& app, Session& session);
void add_list_command(CLI::App& app, Session& session);
void add_show_command(CLI::App& app, Session& session);
void add_edit_command(CLI::App& app, Session& session);
void add_archive_command(CLI::App& app, Session& session);
void add_rm_command(CLI::App& app, Session& session);
void add_config_command(CLI::App& app, Session& session);
void add_due_command(CLI::App& app, Session& session);
void add_agenda_command(CLI::App& app, Session& session);
void add_remind_command(CLI::App& app, Session& session);
void add_done_command(CLI::App& app, Session& session);
void add_snooze_command(CLI::App& app, Session& session);
void add_date_command(CLI::App& app, Session& session);
void add_ask_command(CLI::App& app, Session& session);
void add_import_command(CLI::App& app, Session& session);
void add_export_command(CLI::App& app, Session& session);
void add_backup_command(CLI::App& app, Session& session);
void add_search_command(CLI::App& app, Session& session);
void add_undo_command(CLI::App& app, Session& session);
void add_sync_command(CLI::App& app, Session& session);

// Shared option sets.
CLI::Option* add_format_option(CLI::App& command, std::string& format);
// CONTACT for commands that take nothing else, so `kith show sam smith` needs no quotes.
CLI::Option* add_contact_words(CLI::App& command, std::vector<std::string>& words);
// A repeatable option taking one value per occurrence (--tag a --tag b).
CLI::Option* add_repeatable(CLI::App& command, const std::string& name, std::vector<std::string>& values,
                            const std::string& description);

// Hidden: for the shell completion scripts and the docs tests.
void add_complete_command(CLI::App& app, Session& session);
void add_dump_command(CLI::App& app, Session& session);

// help.cpp: commands grouped by purpose in --help, and a footer for kith --help.
void organise_help(CLI::App& app);
// The word of `args` (argv without the program name) where a command goes: the first that is
// neither one of `app`'s options nor its value; nullopt when there is none (or it follows --).
std::optional<std::string> command_word(const CLI::App& app, const std::vector<std::string>& args);
// `unknown command "nto": did you mean "note"?` when the command word of `args` (argv without
// the program name) names no command; nullopt when it does or there is none.
std::optional<std::string> unknown_command(const CLI::App& app, const std::vector<std::string>& args);
// `unknown option --limt for due (did you mean --limit?)` for the first option in `args` that
// neither the command nor the global options know; nullopt when there is none.
std::optional<std::string> unknown_option(const CLI::App& app, const std::vector<std::string>& args);
// After CLI11's RequiredError: `snooze needs how long, e.g. kith snooze priya 2w`, built from
// the arguments given; nullopt when the missing one has no words here.
std::optional<std::string> missing_argument(const CLI::App& app, const std::vector<std::string>& args);
// A bare `kith`: `kith due` on a terminal, the help elsewhere. `args` as for unknown_command.
void run_without_command(CLI::App& app, std::vector<std::string> args);

}  // namespace kith::cli
