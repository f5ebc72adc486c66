// `kith __complete WORD...`: what the shell completion scripts ask. It walks the real CLI11
// parser, so subcommands, options and option values cannot drift from the code, and asks the
// core for contact names and reminder ids, the store opened so that it never writes.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "cli/commands.h"
#include "kith/core.h"
#include "kith/text.h"

namespace kith::cli {

namespace {

// Beyond this many names or ids the shell's list is no help, and the time adds up.
constexpr std::size_t max_candidates = 500;

// What a positional argument stands for, by the name its command binds it under.
enum class Kind { other, contact, reminder, contact_or_reminder };

Kind positional_kind(const std::string& name) {
    if (name == "contact") return Kind::contact;
    if (name == "ids") return Kind::reminder;
    if (name == "target") return Kind::contact_or_reminder;
    return Kind::other;
}

// Printed alone where the value is a file name (--db PATH): the scripts let the shell complete it.
constexpr const char* files_directive = ":files";

bool names_file(const CLI::Option& option) {
    const auto& text = option.get_option_text();
    return text == "PATH" || text == "FILE" || (option.get_positional() && option.get_name(true) == "file");
}

// Hidden commands (kith __complete itself) have no help group.
bool is_visible(const CLI::App& command) {
    return !command.get_group().empty();
}

bool takes_value(const CLI::Option& option) {
    return option.get_type_size() > 0;
}

CLI::App* find_subcommand(CLI::App& command, const std::string& word) {
    for (auto* sub : command.get_subcommands([](CLI::App* candidate) { return is_visible(*candidate); }))
        if (sub->check_name(word)) return sub;
    return nullptr;
}

// Options of the command and, through fallthrough, of its parents (the global options).
CLI::Option* find_option(CLI::App& command, const std::string& name) {
    for (auto* app = &command; app; app = app->get_parent())
        if (auto* option = app->get_option_no_throw(name); option && !option->get_positional()) return option;
    return nullptr;
}

// Where the words typed so far leave the command line.
struct Walk {
    CLI::App* command = nullptr;
    std::vector<std::string> positionals;                      // words given to the command's positionals
    CLI::Option* pending = nullptr;                            // the current word is this option's value
    std::vector<std::pair<CLI::Option*, std::string>> values;  // options given, with their values
    bool options_ended = false;                                // after "--"
};

Walk walk(CLI::App& app, const std::vector<std::string>& words) {
    Walk state;
    state.command = &app;
    for (const auto& word : words) {
        if (state.pending) {
            state.values.emplace_back(state.pending, word);
            state.pending = nullptr;
        } else if (!state.options_ended && word == "--") {
            state.options_ended = true;
        } else if (!state.options_ended && word.size() > 1 && word.front() == '-') {
            auto equals = word.find('=');
            auto* option = find_option(*state.command, word.substr(0, equals));
            if (!option) continue;
            if (!takes_value(*option))
                state.values.emplace_back(option, "");
            else if (equals != std::string::npos)
                state.values.emplace_back(option, word.substr(equals + 1));
            else
                state.pending = option;
        } else if (auto* sub = state.positionals.empty() && !state.options_ended ? find_subcommand(*state.command, word)
                                                                                 : nullptr) {
            state.command = sub;
        } else {
            state.positionals.push_back(word);
        }
    }
    return state;
}

// The positional the next word goes to, and the words it already holds (CONTACT may be several).
std::pair<CLI::Option*, std::vector<std::string>> current_positional(const Walk& state) {
    std::size_t index = 0;
    for (auto* option : state.command->get_options([](CLI::Option* o) { return o->get_positional(); })) {
        auto room = static_cast<std::size_t>(std::max(option->get_items_expected_max(), 1));
        if (state.positionals.size() - index < room)
            return {option, {state.positionals.begin() + static_cast<std::ptrdiff_t>(index), state.positionals.end()}};
        index += room;
    }
    return {nullptr, {}};
}

// The values an option accepts, read from its CLI::IsMember check, whose description is
// the set written as {a,b,c}.
std::vector<std::string> option_choices(CLI::Option& option) {
    for (int index = 0;; ++index) {
        CLI::Validator* validator = nullptr;
        try {
            validator = option.get_validator(index);
        } catch (const CLI::OptionNotFound&) {
            return {};
        }
        auto set = validator->get_description();
        if (set.size() >= 2 && set.front() == '{' && set.back() == '}')
            return split(set.substr(1, set.size() - 2), ',');
    }
}

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

// One candidate a line; after a tab, what zsh and fish show beside it.
void print(const std::string& candidate, const std::string& description = "") {
    if (candidate.find_first_of("\t\n") != std::string::npos || has_control_characters(candidate)) return;
    std::cout << candidate;
    if (!description.empty()) std::cout << '\t' << escape_control_characters(description);
    std::cout << '\n';
}

void complete_options(const Walk& state, const std::string& current) {
    std::vector<std::string> printed;  // a command's --help hides the global one
    for (auto* app = state.command; app; app = app->get_parent()) {
        for (const auto* option : app->get_options([](CLI::Option* o) { return !o->get_positional(); })) {
            bool repeatable = option->get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
            bool given = std::any_of(state.values.begin(), state.values.end(),
                                     [&](const auto& value) { return value.first == option; });
            if (given && !repeatable) continue;
            for (const auto& name : option->get_lnames()) {
                if (!starts_with("--" + name, current) ||
                    std::find(printed.begin(), printed.end(), name) != printed.end())
                    continue;
                printed.push_back(name);
                print("--" + name, option->get_description());
            }
        }
    }
}

void print_contact_candidates(Session& session, const std::vector<std::string>& before, const std::string& current) {
    for (const auto& name : name_completions(session.store(Store::Access::read_only), before, current, max_candidates))
        print(name.rest, fmt::format("#{}{}", name.contact_id, name.archived ? " (archived)" : ""));
}

void print_reminder_candidates(Session& session, const std::vector<std::string>& before, const std::string& current) {
    for (const auto& [reminder, who] :
         reminder_completions(session.store(Store::Access::read_only), current, before, max_candidates))
        print(std::to_string(reminder.id),
              fmt::format("{} ({}, {})", reminder.text, who.value_or("?"), format_iso(reminder.due)));
}

void complete(CLI::App& app, Session& session, std::vector<std::string> words) {
    if (words.empty()) words.emplace_back();
    auto current = words.back();
    words.pop_back();
    auto state = walk(app, words);

    // --db, --config and the like, typed before the word, decide which database to read.
    auto globals = app.get_options();
    for (const auto& [option, value] : state.values) {
        if (std::find(globals.begin(), globals.end(), option) == globals.end() || !takes_value(*option)) continue;
        try {
            option->clear();
            option->add_result(value);
            option->run_callback();
        } catch (const CLI::Error&) {  // a bad --color value does not stop completion
        }
    }

    if (state.pending) {
        if (names_file(*state.pending)) print(files_directive);
        for (const auto& choice : option_choices(*state.pending))
            if (starts_with(choice, current)) print(choice);
        return;
    }
    if (!state.options_ended && starts_with(current, "-")) {
        if (auto equals = current.find('='); equals != std::string::npos) {  // --format=js
            auto name = current.substr(0, equals);
            auto* option = find_option(*state.command, name);
            if (option && names_file(*option)) print(files_directive);
            if (option)
                for (const auto& choice : option_choices(*option))
                    if (starts_with(name + "=" + choice, current)) print(name + "=" + choice);
            return;
        }
        complete_options(state, current);
        return;
    }
    if (state.positionals.empty() && !state.options_ended) {
        for (auto* sub : state.command->get_subcommands([](CLI::App* candidate) { return is_visible(*candidate); }))
            if (starts_with(sub->get_name(), current)) print(sub->get_name(), sub->get_description());
    }
    auto [positional, before] = current_positional(state);
    if (!positional) return;
    if (names_file(*positional)) print(files_directive);
    auto kind = positional_kind(positional->get_name(true));
    if (kind == Kind::reminder || kind == Kind::contact_or_reminder)
        print_reminder_candidates(session, kind == Kind::reminder ? before : std::vector<std::string>{}, current);
    if (kind == Kind::contact || kind == Kind::contact_or_reminder)
        print_contact_candidates(session, kind == Kind::contact ? before : std::vector<std::string>{}, current);
}

}  // namespace

void add_complete_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("__complete", "Completion candidates for the words typed (for shell scripts)");
    command->group("");  // hidden from --help
    auto words = std::make_shared<std::vector<std::string>>();
    command->add_option("words", *words, "The words after `kith`; the last is the one being completed");
    command->callback([&app, &session, words] {
        // Completion is best effort: a broken config or database means no candidates, never a message.
        session.quiet = true;
        try {
            complete(app, session, *words);
        } catch (const std::exception&) {
        }
        std::cout.flush();
    });
}

}  // namespace kith::cli
