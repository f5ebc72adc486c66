// `kith rm`: a person deleted with everything recorded about them, after asking.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "kith/core.h"
#include "kith/error.h"
#include "kith/text.h"

namespace kith::cli {

void add_rm_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("rm", "Delete a person and everything recorded about them");
    command->footer("Example: kith rm \"Sam Smith\" --yes   (asks first on a terminal; consider `kith archive`)");
    auto contact = std::make_shared<std::vector<std::string>>();
    auto yes = std::make_shared<bool>(false);
    add_contact_words(*command, *contact);
    command->add_flag("--yes,-y", *yes, "Do not ask for confirmation (needed when not on a terminal)");
    command->callback([&session, contact, yes] {
        auto& store = session.store(Store::Access::write);
        auto who = resolve_contact(store, join(*contact, " "));
        if (!*yes) {
            if (!stdin_is_terminal())
                throw usage_error(fmt::format("refusing to delete {} (#{}) without --yes", who.name, who.id));
            auto detail = contact_detail(store, who.id);
            if (!confirm(fmt::format("Delete {} (#{}) with {} notes, {} interactions and {} reminders?", who.name,
                                     who.id, detail.notes.size(), detail.interactions.size(),
                                     detail.reminders.size())))
                // Declined: exit 1 as the man page says, so `kith rm x && …` stops there.
                throw runtime_error("nothing deleted");
        }
        session.describe_writes(fmt::format("{} (#{})", who.name, who.id));
        remove_contact(store, who.id);
        std::cout << fmt::format("Deleted {} (#{})\n", who.name, who.id);
    });
}

}  // namespace kith::cli
