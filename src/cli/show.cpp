// `kith show`: everything about one person.
#include <iostream>

#include "cli/commands.h"
#include "kith/core.h"
#include "kith/output.h"
#include "kith/text.h"

namespace kith::cli {

void add_show_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("show", "Show everything about a person: details, notes, interactions");
    command->footer("Example: kith show sam --format json");
    auto contact = std::make_shared<std::vector<std::string>>();
    auto format = std::make_shared<std::string>();
    add_contact_words(*command, *contact);
    add_format_option(*command, *format);
    command->callback([&session, contact, format] {
        auto style = session.style(*format);
        auto today = session.today();
        auto& store = session.store(Store::Access::read);
        auto detail = contact_detail(store, resolve_contact(store, join(*contact, " ")).id);
        render_contact_detail(std::cout, detail, style, today);
    });
}

}  // namespace kith::cli
