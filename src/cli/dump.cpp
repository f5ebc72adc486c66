// `kith __dump commands|config-keys`: the parser's commands and options, and the config key
// table, as plain lines, so tests can hold the man page and the completions to them.
#include <iostream>

#include "cli/commands.h"
#include "kith/config.h"

namespace kith::cli {

namespace {

// "kith --db", then "kith due", "kith due --within" …: every visible command and long option.
void dump_commands(const CLI::App& command, const std::string& path) {
    for (const auto* option : command.get_options([](const CLI::Option* o) { return !o->get_positional(); }))
        for (const auto& name : option->get_lnames()) std::cout << path << " --" << name << '\n';
    for (const auto* sub : command.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
        std::cout << path << ' ' << sub->get_name() << '\n';
        dump_commands(*sub, path + " " + sub->get_name());
    }
}

}  // namespace

void add_dump_command(CLI::App& app, Session&) {
    auto* command = app.add_subcommand("__dump", "The commands and options, or the config keys (for tests)");
    command->group("");  // hidden from --help
    auto what = std::make_shared<std::string>();
    command->add_option("what", *what, "commands or config-keys")
        ->required()
        ->check(CLI::IsMember({"commands", "config-keys"}));
    command->callback([&app, what] {
        if (*what == "commands") {
            dump_commands(app, "kith");
        } else {
            for (const auto& key : config_keys())
                std::cout << key.key << '\t' << key.type << '\t' << key.default_value << '\t' << key.description
                          << '\n';
        }
    });
}

}  // namespace kith::cli
