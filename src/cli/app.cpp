#include <fmt/format.h>
#include <signal.h>
#include <sys/stat.h>

#include <algorithm>
#include <iostream>
#include <string_view>

#include "cli/commands.h"
#include "kith/cli.h"
#include "kith/error.h"
#include "kith/output.h"
#include "kith/text.h"

namespace kith::cli {

CLI::Option* add_format_option(CLI::App& command, std::string& format) {
    return command.add_option("--format,-f", format, "Output format: text, plain, md, tsv, json, jsonl")
        ->check(CLI::IsMember(format_names()))
        ->option_text("FORMAT");
}

CLI::Option* add_repeatable(CLI::App& command, const std::string& name, std::vector<std::string>& values,
                            const std::string& description) {
    return command.add_option(name, values, description)
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->allow_extra_args(false);
}

CLI::Option* add_contact_words(CLI::App& command, std::vector<std::string>& words) {
    return command.add_option("contact", words, "Who: #id, name, nickname or a unique part of it")->required();
}

namespace {

void add_global_options(CLI::App& app, Session& session) {
    auto& options = session.options;
    app.add_option("--db", options.db, "Database file (default $XDG_DATA_HOME/kith/kith.db; env KITH_DB)")
        ->option_text("PATH");
    app.add_option("--config", options.config, "Config file (default $XDG_CONFIG_HOME/kith/config.toml; env KITH_CONFIG)")
        ->option_text("PATH");
    app.add_option("--today", options.today, "Pretend today is DATE (env KITH_TODAY)")->option_text("DATE");
    app.add_option("--color", options.color, "Colour: auto, always, never (NO_COLOR is respected)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->option_text("WHEN");
    app.set_version_flag("--version", "kith " KITH_VERSION);
}

// The commands in the order `kith --help` lists them.
struct Command {
    std::string_view name, alias;
    void (*add)(CLI::App&, Session&);
};
constexpr Command commands[] = {
    {"due", "", add_due_command},         {"agenda", "", add_agenda_command},   {"add", "", add_add_command},
    {"note", "", add_note_command},
    {"ask", "", add_ask_command},         {"remind", "", add_remind_command},   {"log", "", add_log_command},
    {"done", "", add_done_command},       {"snooze", "", add_snooze_command},   {"list", "ls", add_list_command},
    {"show", "", add_show_command},       {"edit", "", add_edit_command},       {"archive", "", add_archive_command},
    {"rm", "", add_rm_command},           {"undo", "", add_undo_command},       {"import", "", add_import_command},
    {"export", "", add_export_command},   {"sync", "", add_sync_command},       {"backup", "", add_backup_command},   {"config", "", add_config_command},
    {"date", "", add_date_command},         {"search", "", add_search_command},
};

// The command the arguments name, when running it needs no other command in the table:
// building all twenty with their options would slow every run. Nothing when there
// is no command word, when it is not one of these, or when help is asked for, whose listing
// and "did you mean" need them all. (`app` holds only the global options yet.)
const Command* lone_command(const CLI::App& app, const std::vector<std::string>& args) {
    for (const auto& arg : args)
        if (arg == "-h" || arg == "--help" || arg == "--help-all") return nullptr;
    const auto word = command_word(app, args);
    if (!word) return nullptr;
    for (const auto& command : commands)
        if (*word == command.name || (!command.alias.empty() && *word == command.alias)) return &command;
    return nullptr;
}

// CLI11 messages end with a full stop and sometimes span lines.
std::string cli11_message(std::string message) {
    for (auto& c : message)
        if (c == '\n') c = ' ';
    while (!message.empty() && (message.back() == ' ' || message.back() == '.')) message.pop_back();
    return escape_control_characters(message);
}

}  // namespace

}  // namespace kith::cli

namespace kith {

int run_cli(int argc, char** argv) {
    // Scripts probe `kith --version` often: answer before building the command table, which
    // is most of what start-up costs (the same line CLI11's version flag prints).
    if (argc == 2 && std::string_view(argv[1]) == "--version") {
        std::cout << "kith " KITH_VERSION "\n" << std::flush;
        return std::cout ? 0 : static_cast<int>(ExitCode::runtime);
    }
    // Every file kith creates (database, WAL, backups, exports, temp files) is private.
    ::umask(077);
    // Past `ulimit -f` a write fails with EFBIG, which kith reports in one line, instead of the
    // signal ending it silently (perhaps after it has said "Noted").
    ::signal(SIGXFSZ, SIG_IGN);
    cli::Session session;
    CLI::App app{"kith: remember the people you work with, and whom to reach out to today", "kith"};
    app.fallthrough();
    app.require_subcommand(0, 1);
    cli::add_global_options(app, session);
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (const auto* lone = cli::lone_command(app, args)) {
        lone->add(app, session);
    } else {
        for (const auto& command : cli::commands) command.add(app, session);
        // Once every command is in: the hidden ones, and the groups of kith --help.
        cli::add_complete_command(app, session);
        cli::add_dump_command(app, session);
        cli::organise_help(app);
    }

    // The command's words as typed, for the undo history (see Session::describe_writes).
    if (auto word = cli::command_word(app, args)) {
        auto at = std::find(args.begin(), args.end(), *word);
        session.command = *word;
        session.arguments.assign(at + 1, args.end());
    }
    try {
        app.parse(argc, argv);
        if (app.get_subcommands().empty()) cli::run_without_command(app, args);
        std::cout.flush();
        if (!std::cout) throw runtime_error("cannot write to standard output");
        return 0;
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
        // In kith's words where it can: a mistyped option or command, a missing argument.
        auto message = cli::unknown_option(app, args);
        if (!message) message = cli::unknown_command(app, args);
        if (!message && dynamic_cast<const CLI::RequiredError*>(&e)) message = cli::missing_argument(app, args);
        std::cerr << "kith: " << (message ? *message : cli::cli11_message(e.what()) + " (see kith --help)") << '\n';
        return static_cast<int>(ExitCode::usage);
    } catch (const Error& e) {
        std::cerr << "kith: " << escape_control_characters(e.what()) << '\n';
        return static_cast<int>(e.code());
    } catch (const std::exception& e) {
        // A database error met outside the store's own wrapping still names the file.
        auto message = session.database_failure(e).value_or(e.what());
        std::cerr << "kith: " << escape_control_characters(message) << '\n';
        return static_cast<int>(ExitCode::runtime);
    }
}

}  // namespace kith
