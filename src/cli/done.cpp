// `kith done`: reminders done, promises of ours kept, mistakes put right.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "kith/due.h"
#include "kith/text.h"

namespace kith::cli {

void add_done_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("done", "Mark reminders, or promises of yours, done");
    command->footer(
        "Example: kith done r4 r7        (reminders: recurring ones move to their next date)\n"
        "         kith done n12          (a note of yours: a promise kept, a mistake put right)");
    auto ids = std::make_shared<std::vector<std::string>>();
    command->add_option("ids", *ids, "Reminder ids (r4; a bare 4 too) or note ids (n12), as `kith due` shows them")->required();
    command->callback([&session, ids] {
        auto parsed = parse_done_ids(*ids);
        auto today = session.today();
        auto& store = session.store(Store::Access::write);
        auto completed = complete_reminders(store, parsed, today, *session.question_settings().rules);
        for (const auto& reminder : completed.reminders) {
            if (reminder.every)
                std::cout << fmt::format("Done r{}: {}; next on {} {}\n", reminder.id, reminder.text,
                                         weekday_short(reminder.due), format_iso(reminder.due));
            else
                std::cout << fmt::format("Done r{}: {}\n", reminder.id, reminder.text);
        }
        for (const auto& note : completed.notes) {
            auto reading = reading_from_json(note.reading);
            std::cout << fmt::format(
                "Done n{}: {}\n", note.id,
                escape_control_characters(reading && !reading->phrase.empty() ? reading->phrase : note.text));
        }
    });
}

}  // namespace kith::cli
