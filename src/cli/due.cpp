#include <iostream>

#include "cli/commands.h"
#include "kith/ask.h"
#include "kith/due.h"
#include "kith/error.h"

namespace kith::cli {

void add_due_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("due", "Who to reach out to today, and why");
    command->footer(
        "Example: kith due --within 2w --tag client\n"
        "Cron:    0 8 * * 1-5  kith due -q --format plain   (mails only when someone is due)");
    struct Options {
        std::string within, format;
        std::size_t limit = 0;
        std::vector<std::string> tags;
        bool quiet = false;
    };
    auto options = std::make_shared<Options>();
    command->add_option("--within,-w", options->within, "How far ahead to look for birthdays, anniversaries, events and reminders (default: config due.birthday_window, 7d)")
        ->option_text("INTERVAL");
    command->add_option("--limit,-n", options->limit, "At most this many people (default: config due.limit, 10)")
        ->check(CLI::Range(1, 10000))
        ->option_text("N");
    add_repeatable(*command, "--tag,-t", options->tags, "Only people with this tag (repeatable: all must match)")
        ->option_text("TAG");
    add_format_option(*command, options->format);
    command->add_flag("--quiet,-q", options->quiet, "Print nothing at all when nobody is due");
    command->callback([&session, options] {
        const auto& config = session.config();
        DueOptions due;
        due.today = session.today();
        due.limit = options->limit ? options->limit : static_cast<std::size_t>(config.due_limit);
        due.within = config.due_birthday_window;
        if (!options->within.empty()) {
            auto within = parse_interval(options->within);
            if (!within) throw usage_error("--within: " + within.error());
            due.within = *within;
        }
        due.follow_up = config.due_follow_up;
        due.tags = options->tags;
        due.tag_cadences = config.tag_cadences;
        auto style = session.style(options->format);
        auto& store = session.store_for_questions();
        DueTotal total;
        auto entries = due_list(store, due, &total);
        // Questions only for the people printed: the engine never runs for the whole book.
        fill_questions(store, entries, session.question_settings(), due.today,
                       static_cast<std::size_t>(config.questions_per_contact));
        render_due(std::cout, entries, style, due.today, options->quiet, total);
    });
}

}  // namespace kith::cli
