// `kith undo`: the last command that changed something, taken back; `--list`: what can be.
#include <iostream>

#include "cli/commands.h"
#include "kith/core.h"
#include "kith/output.h"
#include "kith/text.h"

namespace kith::cli {

void add_undo_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("undo", "Take back the last command that changed something");
    command->footer(
        "Example: kith undo          (again to go further back)\n"
        "         kith undo --list   (what undo can take back, newest first)");
    auto list = std::make_shared<bool>(false);
    auto format = std::make_shared<std::string>();
    auto* list_option = command->add_flag("--list,-l", *list, "Show what undo can take back, newest first");
    add_format_option(*command, *format)->needs(list_option);
    command->callback([&session, list, format] {
        // Like any command that reads, it says so when there is no database at all.
        auto& store = session.store(Store::Access::read);
        if (*list) {
            render_undo_history(std::cout, undo_history(store), session.style(*format));
            return;
        }
        auto undone = undo_last(store);
        std::cout << "Undid: " << escape_control_characters(undone.what()) << '\n';
    });
}

}  // namespace kith::cli
