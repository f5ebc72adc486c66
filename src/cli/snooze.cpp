// `kith snooze`: a person or a reminder out of `due` for a while.
#include <fmt/format.h>

#include <cstdint>
#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "kith/core.h"
#include "kith/due.h"

namespace kith::cli {

void add_snooze_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("snooze", "Leave a person or a reminder out of `due` for a while");
    command->footer(
        "Example: kith snooze sam 2w      (a person: by name or #id)\n"
        "         kith snooze r12 3d      (a reminder, by its id; a bare 12 is one too)");
    auto target = std::make_shared<std::string>();
    auto length = std::make_shared<std::string>();
    command->add_option("target", *target, "A reminder id (r12, or a bare 12), or a person (#3, name)")->required();
    command->add_option("for", *length, "For how long (3d, 2w, 1mo) or until a date (mon, 2026-12-01)")->required();
    command->callback([&session, target, length] {
        auto today = session.today();
        auto until = snooze_until(*length, today);
        auto& store = session.store(Store::Access::write);
        std::optional<std::int64_t> reminder_id;  // a bare number; #3 is a person
        if (!target->empty() && target->front() != '#') reminder_id = parse_reminder_id(*target);
        if (reminder_id) {
            session.describe_writes(fmt::format("reminder r{} until {}", *reminder_id, format_iso(until)));
            auto reminder = snooze_reminder(store, *reminder_id, until);
            std::cout << fmt::format("Snoozed reminder r{} until {} {}\n", reminder.id, weekday_short(until),
                                     format_iso(until));
        } else {
            const auto ref = resolve_contact(store, *target);
            session.describe_writes(fmt::format("{} (#{}) until {}", ref.name, ref.id, format_iso(until)));
            const auto who = snooze_contact(store, ref.id, until);
            std::cout << fmt::format("Snoozed {} (#{}) until {} {}", who.name, who.id, weekday_short(until),
                                     format_iso(until));
            // Their birthday and anniversaries are not snoozed: say which come before it ends.
            const auto shown = shown_while_snoozed(store, who, today, until);
            for (std::size_t i = 0; i < shown.size(); ++i)
                std::cout << fmt::format("{}{} on {} {}", i == 0 ? " (their " : " and ", shown[i].first,
                                         weekday_short(shown[i].second), format_iso(shown[i].second));
            if (!shown.empty()) std::cout << (shown.size() == 1 ? " still shows in due)" : " still show in due)");
            std::cout << '\n';
        }
    });
}

}  // namespace kith::cli
