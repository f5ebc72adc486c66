#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "kith/ask.h"
#include "kith/core.h"
#include "kith/text.h"

namespace kith::cli {

void add_log_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("log", "Record that you were in touch with a person");
    command->footer("Example: kith log sam --via call \"Caught up about the Q4 budget\" --asked n12,b");
    auto contact = std::make_shared<std::string>();
    auto words = std::make_shared<std::vector<std::string>>();
    auto input = std::make_shared<NewInteraction>();
    auto on = std::make_shared<std::string>();
    command->add_option("contact", *contact, "Who: #id, name, nickname or a unique part of it")->required();
    command->add_option("summary", *words, "What you talked about");
    command->add_option("--via", input->channel, "How: call, email, meet, message, other (default other)")
        ->check(CLI::IsMember(interaction_channels()))
        ->option_text("CHANNEL");
    auto* on_option = command->add_option("--on", *on, "When (default today)")->option_text("DATE");
    auto asked = std::make_shared<std::string>();
    auto* asked_option = command->add_option("--asked", *asked, "Suggested questions you asked: ids from `kith ask`, "
                                                               "comma-separated (n42,b)")
                             ->option_text("QID,...");
    command->callback([&session, contact, words, input, on, on_option, asked, asked_option] {
        if (*on_option) input->on = *on;
        if (*asked_option) input->asked = parse_question_ids(*asked);
        input->summary = join(*words, " ");
        auto today = session.today();
        auto& store = session.store(Store::Access::write);
        auto who = resolve_contact(store, *contact);
        if (!input->asked.empty()) check_asked_ids(store, who.id, input->asked, session.question_settings(), today);
        session.describe_writes(fmt::format("{} with {} (#{})", input->channel, who.name, who.id));
        auto interaction = log_interaction(store, who.id, *input, today);
        std::cout << fmt::format("Logged {} with {} (#{}) on {}\n", interaction.channel, who.name, who.id,
                                 format_iso(interaction.on));
    });
}

}  // namespace kith::cli
