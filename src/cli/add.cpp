#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "kith/core.h"

namespace kith::cli {

void add_add_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("add", "Add a person");
    command->footer("Example: kith add \"Sam Smith\" --email sam@acme.com --tag client --every 30d --birthday 1986-03-15");
    auto input = std::make_shared<NewContact>();
    auto birthday = std::make_shared<std::string>();
    auto every = std::make_shared<std::string>();
    auto note = std::make_shared<std::string>();
    auto met = std::make_shared<std::string>();
    auto photo = std::make_shared<std::string>();
    command->add_option("name", input->name, "Full name")->required();
    add_repeatable(*command, "--email,-e", input->emails, "Email address (repeatable)")->option_text("EMAIL");
    add_repeatable(*command, "--phone,-p", input->phones, "Phone number (repeatable)")->option_text("PHONE");
    add_repeatable(*command, "--nickname", input->nicknames, "Another name they go by (repeatable)")->option_text("NAME");
    add_repeatable(*command, "--tag,-t", input->tags, "Tag (repeatable)")->option_text("TAG");
    command->add_option("--company,-c", input->company, "Company or organisation")->option_text("COMPANY");
    auto* birthday_option = command->add_option("--birthday,-b", *birthday, "Birthday: 1986-03-15, or 03-15 without a year")
                                ->option_text("DATE");
    auto* every_option = command->add_option("--every", *every, "Check-in cadence: 30d, 2w, monthly, or a window 3w..6w")
                             ->option_text("INTERVAL");
    auto* note_option = command->add_option("--note,-n", *note, "A first note about them")->option_text("TEXT");
    auto* met_option =
        command->add_option("--met", *met, "The day you met (for \"a year since we met\")")->option_text("DATE");
    auto* photo_option =
        command->add_option("--photo", *photo, "Their photo: a JPEG or PNG file of at most 256 KB")->option_text("FILE");
    command->callback([&session, input, birthday, every, note, met, photo, birthday_option, every_option, note_option,
                       met_option, photo_option] {
        if (*birthday_option) input->birthday = *birthday;
        if (*every_option) input->every = *every;
        if (*note_option) input->note = *note;
        if (*met_option) input->met = *met;
        if (*photo_option) input->photo = *photo;
        session.describe_writes(input->name);
        auto& store = session.store(Store::Access::write);
        auto result = add_contact(store, *input, session.today(), *session.question_settings().rules);
        for (const auto& other : result.same_name)
            session.warn(fmt::format("#{} is also called {}; use #{} to tell them apart", other.id, other.name,
                                     result.contact.id));
        std::cout << fmt::format("Added {} (#{})\n", result.contact.name, result.contact.id);
    });
}

}  // namespace kith::cli
