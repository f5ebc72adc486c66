// `kith remind`: a reminder for a person on a date, maybe recurring.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "kith/core.h"
#include "kith/due.h"
#include "kith/text.h"

namespace kith::cli {

void add_remind_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("remind", "Remind yourself to do something for a person on a date");
    command->footer(
        "Example: kith remind sam fri \"Send the proposal\"\n"
        "         kith remind priya 2026-12-01 \"Quarterly review\" --every quarterly");
    auto contact = std::make_shared<std::string>();
    auto when = std::make_shared<std::string>();
    auto words = std::make_shared<std::vector<std::string>>();
    auto every = std::make_shared<std::string>();
    command->add_option("contact", *contact, "Who: #id, name, nickname or a unique part of it")->required();
    command->add_option("when", *when, "When: a date such as fri, 2026-12-01, 3d, dec 25")->required();
    command->add_option("text", *words, "What to do")->required();
    auto* every_option = command->add_option("--every", *every, "Repeat: 2w, monthly, quarterly, yearly …")
                             ->option_text("INTERVAL");
    command->callback([&session, contact, when, words, every, every_option] {
        auto today = session.today();
        auto& store = session.store(Store::Access::write);
        auto who = resolve_contact(store, *contact);
        session.describe_writes(fmt::format("{} (#{}): \"{}\"", who.name, who.id, shorten(join(*words, " "), 40)));
        auto reminder = add_reminder(store, who.id, *when, join(*words, " "),
                                     *every_option ? std::optional(*every) : std::nullopt, today);
        std::cout << fmt::format("Reminder r{} for {} (#{}) on {} {}{}\n", reminder.id, who.name, who.id,
                                 weekday_short(reminder.due), format_iso(reminder.due),
                                 reminder.every ? ", every " + format_interval(*reminder.every) : "");
    });
}

}  // namespace kith::cli
