#include <iostream>

#include "cli/commands.h"
#include "kith/ask.h"
#include "kith/core.h"
#include "kith/text.h"

namespace kith::cli {

void add_ask_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("ask", "Suggested questions for a person, from what they told you");
    command->footer(
        "Example: kith ask sam\n"
        "Then, after talking: kith log sam --via call --asked r12:college-first-year,b");
    auto contact = std::make_shared<std::vector<std::string>>();
    auto limit = std::make_shared<std::size_t>(5);
    auto format = std::make_shared<std::string>();
    add_contact_words(*command, *contact);
    command->add_option("--limit,-n", *limit, "At most this many questions (default 5)")
        ->check(CLI::Range(1, 1000))
        ->option_text("N");
    add_format_option(*command, *format);
    command->callback([&session, contact, limit, format] {
        auto style = session.style(*format);
        auto today = session.today();
        auto& store = session.store_for_questions();
        auto who = resolve_contact(store, join(*contact, " "));
        auto result = ask_questions(store, who.id, session.question_settings(), today, *limit);
        render_questions(std::cout, result.contact, result.questions, result.mind, style);
    });
}

}  // namespace kith::cli
