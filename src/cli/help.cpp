// How kith presents itself: commands grouped by purpose in --help, "did you mean …?" for a
// mistyped command, and what a bare `kith` does.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "kith/text.h"

namespace kith::cli {

namespace {

// The headings of `kith --help`, in the order a day with kith goes. A command missing here
// still shows, under "Other"; the docs test asks for every command to be placed.
const std::vector<std::pair<std::string, std::vector<std::string>>>& command_groups() {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> groups{
        {"Daily", {"due", "ask"}},
        {"Record", {"add", "note", "log", "remind", "done", "snooze"}},
        {"Browse", {"list", "show"}},
        {"Change", {"edit", "archive", "rm", "undo"}},
        {"Data", {"import", "export", "backup", "config", "date"}},
    };
    return groups;
}

bool is_hidden(const CLI::App& command) {
    return command.get_group().empty();
}

// Visible command names and their aliases: what a mistyped command may have meant.
std::vector<std::string> command_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const auto* command : app.get_subcommands([](const CLI::App* sub) { return !is_hidden(*sub); })) {
        names.push_back(command->get_name());
        for (const auto& alias : command->get_aliases()) names.push_back(alias);
    }
    return names;
}

}  // namespace

void organise_help(CLI::App& app) {
    for (auto* command : app.get_subcommands([](CLI::App* sub) { return !is_hidden(*sub); })) {
        std::string heading = "Other";
        for (const auto& [group, members] : command_groups())
            if (std::find(members.begin(), members.end(), command->get_name()) != members.end()) heading = group;
        command->group(heading);
    }
    app.footer(
        "Without a command, kith runs `kith due` when its output is a terminal.\n"
        "`kith COMMAND --help` shows a command's options and an example; `man kith` is the manual.");
}

std::optional<std::string> command_word(const CLI::App& app, const std::vector<std::string>& args) {
    // The first word that is neither a global option nor its value is where a command goes.
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& word = args[i];
        if (word == "--") return std::nullopt;
        if (word.size() > 1 && word.front() == '-') {
            const auto* option = app.get_option_no_throw(word.substr(0, word.find('=')));
            if (option && option->get_type_size() > 0 && word.find('=') == std::string::npos) ++i;
            continue;
        }
        return word;
    }
    return std::nullopt;
}

std::optional<std::string> unknown_command(const CLI::App& app, const std::vector<std::string>& args) {
    const auto word = command_word(app, args);
    if (!word) return std::nullopt;
    auto known = app.get_subcommands([&](const CLI::App* sub) { return sub->check_name(*word); });
    if (!known.empty()) return std::nullopt;  // a command (perhaps a hidden one) with a bad argument
    auto close = nearest(*word, command_names(app));
    if (close.empty()) return fmt::format("unknown command \"{}\" (see kith --help)", escape_control_characters(*word));
    for (auto& name : close) name = "\"" + name + "\"";
    return fmt::format("unknown command \"{}\": did you mean {}?", escape_control_characters(*word),
                       join(close, " or "));
}

void run_without_command(CLI::App& app, std::vector<std::string> args) {
    // On a terminal the daily list is what a bare `kith` is for. Anywhere else (a pipe, cron, a
    // script) it prints the help: a script should name the command it means.
    if (!stdout_is_terminal()) {
        std::cout << app.help();
        return;
    }
    app.clear();
    args.push_back("due");
    std::reverse(args.begin(), args.end());  // CLI11 takes a vector in reverse order
    app.parse(args);
}

}  // namespace kith::cli
