#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "kith/core.h"
#include "kith/text.h"

namespace kith::cli {

void add_edit_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("edit", "Change a person's details");
    command->footer(
        "Example: kith edit sam --company \"Globex\" --add-tag golf --remove-email old@acme.com\n"
        "An empty value or \"none\" clears --birthday and --every.\n"
        "Without flags on a terminal, opens the whole record in $VISUAL/$EDITOR.");
    auto contact = std::make_shared<std::vector<std::string>>();
    auto changes = std::make_shared<ContactChanges>();
    auto name = std::make_shared<std::string>();
    auto company = std::make_shared<std::string>();
    auto birthday = std::make_shared<std::string>();
    auto every = std::make_shared<std::string>();
    auto met = std::make_shared<std::string>();
    add_contact_words(*command, *contact);
    auto* name_option = command->add_option("--name", *name, "New full name")->option_text("NAME");
    auto* company_option = command->add_option("--company,-c", *company, "Company (empty clears)")->option_text("COMPANY");
    auto* birthday_option = command->add_option("--birthday,-b", *birthday, "Birthday (none clears)")->option_text("DATE");
    auto* every_option = command->add_option("--every", *every, "Check-in cadence (none clears)")->option_text("INTERVAL");
    auto* met_option = command->add_option("--met", *met, "The day you met (none clears)")->option_text("DATE");
    add_repeatable(*command, "--add-email", changes->add_emails, "Add an email (repeatable)")->option_text("EMAIL");
    add_repeatable(*command, "--remove-email", changes->remove_emails, "Remove an email")->option_text("EMAIL");
    add_repeatable(*command, "--add-phone", changes->add_phones, "Add a phone number (repeatable)")->option_text("PHONE");
    add_repeatable(*command, "--remove-phone", changes->remove_phones, "Remove a phone number")->option_text("PHONE");
    add_repeatable(*command, "--add-tag", changes->add_tags, "Add a tag (repeatable)")->option_text("TAG");
    add_repeatable(*command, "--remove-tag", changes->remove_tags, "Remove a tag")->option_text("TAG");
    add_repeatable(*command, "--add-nickname", changes->add_nicknames, "Add a nickname")->option_text("NAME");
    add_repeatable(*command, "--remove-nickname", changes->remove_nicknames, "Remove a nickname")->option_text("NAME");
    command->callback([&session, contact, changes, name, company, birthday, every, met, name_option, company_option,
                       birthday_option, every_option, met_option] {
        if (*met_option) changes->met = *met;
        if (*name_option) changes->name = *name;
        if (*company_option) changes->company = *company;
        if (*birthday_option) changes->birthday = *birthday;
        if (*every_option) changes->every = *every;
        // No flags on a terminal: edit the whole record in $EDITOR (SPEC §2).
        bool use_editor = changes->empty() && stdin_is_terminal();
        if (!use_editor) require_changes(*changes);  // a usage error comes before looking anyone up
        auto& store = session.store(Store::Access::write);
        auto who = resolve_contact(store, join(*contact, " "));
        if (use_editor) {
            auto current = contact_detail(store, who.id).contact;
            auto edited = changes_from_form(current, edit_in_editor(contact_form(current), session.env));
            if (!edited || edited->empty()) {
                std::cout << fmt::format("No changes to {} (#{})\n", who.name, who.id);
                return;
            }
            *changes = *edited;
        }
        session.describe_writes(fmt::format("{} (#{})", who.name, who.id));
        auto updated = edit_contact(store, who.id, *changes, session.today());
        std::cout << fmt::format("Updated {} (#{})\n", updated.name, updated.id);
    });
}

}  // namespace kith::cli
