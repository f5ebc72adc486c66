// How kith presents itself: commands grouped by purpose in --help, "did you mean …?" for a
// mistyped command or option, a missing argument said in words, and what a bare `kith` does.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <iterator>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "kith/text.h"

namespace kith::cli {

namespace {

// The headings of `kith --help`, in the order a day with kith goes. A command missing here
// still shows, under "Other"; the docs test asks for every command to be placed.
const std::vector<std::pair<std::string, std::vector<std::string>>>& command_groups() {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> groups{
        {"Daily", {"due", "agenda", "ask"}},
        {"Record", {"add", "note", "log", "remind", "done", "snooze"}},
        {"Browse", {"list", "show", "search"}},
        {"Change", {"edit", "archive", "rm", "undo"}},
        {"Data", {"import", "export", "sync", "backup", "config", "date"}},
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

namespace {

// The option of `command` or, through fallthrough, of the commands above it, that `word`
// (--limit, --limit=3, -n) names.
const CLI::Option* known_option(const CLI::App& command, const std::string& word) {
    const auto name = word.substr(0, word.find('='));
    for (const auto* app = &command; app; app = app->get_parent())
        if (const auto* option = app->get_option_no_throw(word.rfind("--", 0) == 0 ? name : name.substr(0, 2));
            option && !option->get_positional())
            return option;
    return nullptr;
}

// --limit and -n look like options; -, -3d and a value after -- do not.
bool looks_like_option(const std::string& word) {
    if (word.size() > 2 && word.rfind("--", 0) == 0) return true;
    return word.size() >= 2 && word[0] == '-' && std::isalpha(static_cast<unsigned char>(word[1])) != 0;
}

// The long options `command` takes, its own and the global ones, without their dashes.
std::vector<std::string> long_options(const CLI::App& command) {
    std::vector<std::string> names;
    for (const auto* app = &command; app; app = app->get_parent())
        for (const auto* option : app->get_options([](const CLI::Option* o) { return !o->get_positional(); }))
            for (const auto& name : option->get_lnames()) names.push_back(name);
    return names;
}

// What a required positional stands for, and a value to show in an example.
struct Missing {
    std::string_view name, what, sample;
};
constexpr Missing missing_words[] = {
    {"contact", "a person", "sam"},      {"name", "a name", "\"Sam Smith\""},
    {"target", "a person or a reminder id", "sam"}, {"for", "how long", "2w"},
    {"when", "a date", "fri"},           {"text", "what to do", "\"Send the proposal\""},
    {"ids", "a reminder or note id", "4"}, {"expression", "a date", "\"next friday\""},
};

// A word of an example as the shell needs it: quoted when it has a blank.
std::string shell_word(const std::string& word) {
    return word.find_first_of(" \t'\"") == std::string::npos ? word : "\"" + word + "\"";
}

}  // namespace

std::optional<std::string> unknown_option(const CLI::App& app, const std::vector<std::string>& args) {
    const CLI::App* command = &app;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& word = args[i];
        if (word == "--") return std::nullopt;
        if (looks_like_option(word)) {
            if (const auto* option = known_option(*command, word)) {
                const bool inline_value = word.find('=') != std::string::npos || (word[1] != '-' && word.size() > 2);
                if (option->get_type_size() > 0 && !inline_value) ++i;  // its value
                continue;
            }
            const auto name = escape_control_characters(word.substr(0, word.find('=')));
            const auto where = command == &app ? std::string() : " for " + command->get_name();
            // Compared without the dashes, so "--xy" is as far from "--db" as "xy" from "db".
            auto close = name.rfind("--", 0) == 0 ? nearest(name.substr(2), long_options(*command))
                                                  : std::vector<std::string>{};
            if (close.empty())
                return fmt::format("unknown option {}{} (see kith{} --help)", name, where,
                                   command == &app ? "" : " " + command->get_name());
            for (auto& option : close) option = "--" + option;
            return fmt::format("unknown option {}{} (did you mean {}?)", name, where, join(close, " or "));
        }
        if (command == &app) {  // the command word; an unknown one is unknown_command's to say
            auto found = app.get_subcommands([&](const CLI::App* sub) { return sub->check_name(word); });
            if (found.empty()) return std::nullopt;
            command = found.front();
        }
    }
    return std::nullopt;
}

std::optional<std::string> missing_argument(const CLI::App& app, const std::vector<std::string>& args) {
    const auto word = command_word(app, args);
    if (!word) return std::nullopt;
    auto found = app.get_subcommands([&](const CLI::App* sub) { return sub->check_name(*word); });
    if (found.empty()) return std::nullopt;
    const CLI::App& command = *found.front();
    std::string example = "kith " + command.get_name();
    std::optional<std::string> what;
    for (const auto* option : command.get_options([](const CLI::Option* o) { return o->get_positional(); })) {
        if (option->count() > 0) {
            for (const auto& value : option->results()) example += " " + shell_word(value);
            continue;
        }
        if (!option->get_required()) break;
        const auto name = option->get_name(true);
        const auto* words = std::find_if(std::begin(missing_words), std::end(missing_words),
                                         [&](const Missing& m) { return m.name == name; });
        if (words == std::end(missing_words)) return std::nullopt;  // no words for it: CLI11's message
        if (!what) what = std::string(words->what);
        example += " " + std::string(words->sample);
    }
    if (!what) return std::nullopt;
    return fmt::format("{} needs {}, e.g. {}", command.get_name(), *what, example);
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
