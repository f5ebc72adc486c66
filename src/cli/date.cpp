// `kith date`: what a date expression means, before you use it.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "kith/dates.h"
#include "kith/error.h"
#include "kith/text.h"

namespace kith::cli {

void add_date_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("date", "Show what a date expression means, before you use it");
    command->footer("Example: kith date next friday     kith date \"in 3 weeks\"     kith date eom");
    auto words = std::make_shared<std::vector<std::string>>();
    command->add_option("expression", *words, "A date: today, tmrw, fri, next friday, next week, next month, in 3 days, 2w, dec 25, eom …")
        ->required();
    command->callback([&session, words] {
        auto today = session.today();
        auto text = join(*words, " ");
        auto date = parse_date(text, today);
        if (!date) throw usage_error(date.error());
        int days = days_between(today, *date);
        std::string relative = days == 0    ? "today"
                               : days == 1  ? "tomorrow"
                               : days == -1 ? "yesterday"
                               : days > 0   ? fmt::format("in {} days", days)
                                            : fmt::format("{} days ago", -days);
        std::cout << fmt::format("{} {} ({})\n", format_iso(*date), weekday_short(*date), relative);
    });
}

}  // namespace kith::cli
