#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "kith/core.h"
#include "kith/text.h"

namespace kith::cli {

void add_archive_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("archive", "Archive a person: kept, but out of lists and due");
    command->footer("Example: kith archive \"Old Colleague\"   (undo: kith archive --undo \"Old Colleague\")");
    auto contact = std::make_shared<std::vector<std::string>>();
    auto undo = std::make_shared<bool>(false);
    add_contact_words(*command, *contact);
    command->add_flag("--undo", *undo, "Bring an archived person back");
    command->callback([&session, contact, undo] {
        auto& store = session.store(Store::Access::write);
        auto who = resolve_contact(store, join(*contact, " "));
        session.describe_writes(fmt::format("{}{} (#{})", *undo ? "--undo " : "", who.name, who.id));
        auto updated = set_archived(store, who.id, !*undo);
        std::cout << fmt::format("{} {} (#{})\n", *undo ? "Restored" : "Archived", updated.name, updated.id);
    });
}

}  // namespace kith::cli
