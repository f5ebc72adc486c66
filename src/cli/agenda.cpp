#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "kith/agenda.h"
#include "kith/error.h"

namespace kith::cli {

void add_agenda_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("agenda", "The days ahead, day by day: birthdays, anniversaries, reminders, promises, events, check-ins");
    command->footer(
        "Example: kith agenda --within 10d\n"
        "Cron:    0 7 * * 1  kith --db $HOME/.local/share/kith/kith.db agenda --within 1w --format md | mail -s \"kith: the week ahead\" me");
    struct Options {
        std::string within, format;
        std::size_t limit = 100;
    };
    auto options = std::make_shared<Options>();
    command->add_option("--within,-w", options->within, "How far ahead, today and its last day included (default 2w, at most 1y)")
        ->option_text("INTERVAL");
    command->add_option("--limit,-n", options->limit, "At most this many things, the soonest (default 100)")
        ->check(CLI::Range(1, 100000))
        ->option_text("N");
    add_format_option(*command, options->format);
    command->callback([&session, options] {
        const auto& config = session.config();
        AgendaOptions agenda_options;
        agenda_options.today = session.today();
        agenda_options.limit = options->limit;
        if (!options->within.empty()) {
            auto within = parse_interval(options->within);
            if (!within) throw usage_error("--within: " + within.error());
            agenda_options.within = *within;
        }
        agenda_options.tag_cadences = config.tag_cadences;
        agenda_options.follow_up = config.due_follow_up;
        agenda_options.birthday_window = config.due_birthday_window;
        auto style = session.style(options->format);
        // The store that re-reads notes read with other rules: promises and events come from readings.
        auto& store = session.store_for_questions();
        render_agenda(std::cout, agenda(store, agenda_options), style);
    });
}

}  // namespace kith::cli
