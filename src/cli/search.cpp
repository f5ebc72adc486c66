#include <iostream>

#include "cli/commands.h"
#include "kith/core.h"
#include "kith/text.h"

namespace kith::cli {

void add_search_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("search", "Find notes, interactions and reminders by their words");
    command->footer(
        "Example: kith search beagle\n"
        "         kith search renee caf* --tag friend --since 3mo --format md\n"
        "Every word must be there; case and accents do not matter; a word ending in * also\n"
        "finds longer words it begins. Archived people's records are found too, marked.");
    auto words = std::make_shared<std::vector<std::string>>();
    auto request = std::make_shared<SearchRequest>();
    auto format = std::make_shared<std::string>();
    command->add_option("text", *words, "The words to look for")->required();
    add_repeatable(*command, "--tag,-t", request->tags, "Only people with this tag (repeatable: all must match)")
        ->option_text("TAG");
    command->add_option("--since,-s", request->since, "Only records dated on or after this day (notes: noted; "
                                                       "interactions: happened; reminders: due); an INTERVAL counts back")
        ->option_text("DATE");
    command->add_option("--limit,-n", request->limit, "At most this many hits, the most relevant (default 20)")
        ->check(CLI::Range(1, 10000))
        ->option_text("N");
    add_format_option(*command, *format);
    command->callback([&session, words, request, format] {
        request->text = join(*words, " ");
        auto style = session.style(*format);
        auto result = search_records(session.store(Store::Access::read), *request, session.today());
        render_search(std::cout, request->text, result, style);
    });
}

}  // namespace kith::cli
