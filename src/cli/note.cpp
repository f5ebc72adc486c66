#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "kith/core.h"
#include "kith/error.h"
#include "kith/text.h"

namespace kith::cli {

namespace {

// TEXT arguments, `-` or piped stdin, or the editor on a terminal (SPEC §2).
std::string note_text(const std::vector<std::string>& words, Session& session) {
    if (words.size() == 1 && words.front() == "-") return read_all_stdin();
    if (!words.empty()) return join(words, " ");
    if (!stdin_is_terminal()) return read_all_stdin();
    return edit_in_editor("", session.env);
}

}  // namespace

void add_note_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("note", "Write down something a person told you");
    command->footer(
        "Example: kith note sam \"Daughter Emma just got into Boston College #family\"\n"
        "         kith note sam --event 2026-12-05 \"Running the Berlin marathon\"\n"
        "Without TEXT, reads standard input, or opens $VISUAL/$EDITOR on a terminal.");
    auto contact = std::make_shared<std::string>();
    auto words = std::make_shared<std::vector<std::string>>();
    auto input = std::make_shared<NewNote>();
    auto on = std::make_shared<std::string>();
    auto event = std::make_shared<std::string>();
    command->add_option("contact", *contact, "Who: #id, name, nickname or a unique part of it")->required();
    command->add_option("text", *words, "The note; `-` reads standard input");
    auto* on_option = command->add_option("--on", *on, "When it was said (default today)")->option_text("DATE");
    auto* event_option = command->add_option("--event", *event, "When the thing it talks about happens")->option_text("DATE");
    command->add_flag("--ask", input->ask, "The note is a question to ask next time");
    add_repeatable(*command, "--tag,-t", input->tags, "Tag the note (repeatable); #hashtags in the text count too")
        ->option_text("TAG");
    command->callback([&session, contact, words, input, on, event, on_option, event_option] {
        if (*on_option) input->on = *on;
        if (*event_option) input->event = *event;
        auto today = session.today();
        auto& store = session.store(Store::Access::write);
        auto who = resolve_contact(store, *contact);  // before reading stdin or opening an editor
        input->text = note_text(*words, session);
        session.describe_writes(fmt::format("for {} (#{}): \"{}\"", who.name, who.id, shorten(input->text, 40)));
        std::vector<Note> kept;
        auto note = add_note(store, who.id, *input, today, *session.question_settings().rules, &kept);
        std::cout << fmt::format("Noted for {} (#{}), note {}\n", who.name, who.id, note.id);
        // What kith understood, so a misreading can be put right at once (SPEC §5a).
        if (auto reading = reading_from_json(note.reading))
            std::cout << escape_control_characters(describe_reading(*reading, today, note.id)) << '\n';
        for (const auto& promise : kept)
            if (auto reading = reading_from_json(promise.reading))
                std::cout << escape_control_characters(fmt::format(
                                 "kept: you promised: {} (n{}) · done, out of `kith due`",
                                 reading->phrase, promise.id))
                          << '\n';
    });
}

}  // namespace kith::cli
