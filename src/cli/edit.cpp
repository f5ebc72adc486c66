// `kith edit`: a person's details, or a note, interaction or reminder put right (n12, i7, r3).
#include <fmt/format.h>

#include <iostream>
#include <tuple>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "kith/core.h"
#include "kith/error.h"
#include "kith/text.h"

namespace kith::cli {

namespace {

// A record's option, and the kinds of record it is for, to name when given for a person.
struct RecordOption {
    CLI::Option* option;
    const char* for_whom;
};

const CLI::Option* first_given(const std::vector<CLI::Option*>& options) {
    for (const auto* option : options)
        if (option->count() > 0) return option;
    return nullptr;
}

// The new text of a record: the words after its id, `-` for standard input; nullopt for none.
std::optional<std::string> record_text(const std::vector<std::string>& words) {
    if (words.size() < 2) return std::nullopt;
    if (words.size() == 2 && words[1] == "-") return read_all_stdin();
    return join(std::vector<std::string>(words.begin() + 1, words.end()), " ");
}

void edit_record_command(Session& session, RecordId id, RecordChanges changes) {
    auto today = session.today();
    auto& store = session.store(Store::Access::write);
    check_record_changes(id, changes);
    // Nothing asked on a terminal: the text in $EDITOR, as `note` writes a new one.
    if (changes.empty() && stdin_is_terminal()) {
        auto current = describe_records(store, {id}).front();
        auto edited = trim(edit_in_editor(current.text, session.env));
        if (edited.empty() || edited == current.text) {
            std::cout << fmt::format("No changes to {}\n", format_record_id(id));
            return;
        }
        changes.text = edited;
    }
    auto edited = edit_record(store, id, changes, today, *session.question_settings().rules);
    std::cout << fmt::format("Updated {} of {} (#{})\n", format_record_id(id), edited.contact.name, edited.contact.id);
    // What kith understands of it now, as `note` says of a new one.
    if (edited.note)
        if (auto reading = reading_from_json(edited.note->reading))
            std::cout << escape_control_characters(describe_reading(*reading, today, edited.note->id)) << '\n';
}

}  // namespace

void add_edit_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("edit", "Change a person's details, or correct a note, interaction or reminder");
    command->footer(
        "Example: kith edit sam --company \"Globex\" --add-tag golf --remove-email old@acme.com\n"
        "         kith edit n12 \"Her operation moved to the 20th\" --event 2026-12-20\n"
        "         kith edit i7 --via call --on yesterday\n"
        "         kith edit r3 --when fri --every none\n"
        "n12, i7 and r3 are a note, an interaction and a reminder, as `kith show` lists them; 12 or #12\n"
        "is a person (a person named like n12 is reached by their #id).\n"
        "An empty value or \"none\" clears --birthday, --met, --event, --every and --photo.\n"
        "Without flags on a terminal, opens the person's whole record, or the record's text, in $VISUAL/$EDITOR.");
    auto words = std::make_shared<std::vector<std::string>>();
    auto changes = std::make_shared<ContactChanges>();
    auto record = std::make_shared<RecordChanges>();
    auto name = std::make_shared<std::string>();
    auto company = std::make_shared<std::string>();
    auto birthday = std::make_shared<std::string>();
    auto every = std::make_shared<std::string>();
    auto met = std::make_shared<std::string>();
    auto on = std::make_shared<std::string>();
    auto event = std::make_shared<std::string>();
    auto ask = std::make_shared<bool>(false);
    auto no_ask = std::make_shared<bool>(false);
    auto via = std::make_shared<std::string>();
    auto when = std::make_shared<std::string>();
    command
        ->add_option("contact", *words,
                     "Who: #id, name, nickname or a unique part of it; or a record id (n12, i7, r3) and its new text")
        ->required();
    auto* name_option = command->add_option("--name", *name, "New full name")->option_text("NAME");
    auto* company_option =
        command->add_option("--company,-c", *company, "Company (empty clears)")->option_text("COMPANY");
    auto* birthday_option =
        command->add_option("--birthday,-b", *birthday, "Birthday (none clears)")->option_text("DATE");
    auto* every_option =
        command->add_option("--every", *every, "A person's check-in cadence, or a reminder's interval (none clears)")
            ->option_text("INTERVAL");
    auto* met_option = command->add_option("--met", *met, "The day you met (none clears)")->option_text("DATE");
    auto* photo_option =
        command->add_option("--photo", changes->photo, "Their photo: a JPEG or PNG file of at most 256 KB (none removes)")
            ->option_text("FILE");
    std::vector<CLI::Option*> person_only{name_option, company_option, birthday_option, met_option, photo_option};
    for (auto [flag, values, description, value_name] :
         {std::tuple{"--add-email", &changes->add_emails, "Add an email (repeatable)", "EMAIL"},
          std::tuple{"--remove-email", &changes->remove_emails, "Remove an email", "EMAIL"},
          std::tuple{"--add-phone", &changes->add_phones, "Add a phone number (repeatable)", "PHONE"},
          std::tuple{"--remove-phone", &changes->remove_phones, "Remove a phone number", "PHONE"},
          std::tuple{"--add-tag", &changes->add_tags, "Add a tag (repeatable)", "TAG"},
          std::tuple{"--remove-tag", &changes->remove_tags, "Remove a tag", "TAG"},
          std::tuple{"--add-nickname", &changes->add_nicknames, "Add a nickname", "NAME"},
          std::tuple{"--remove-nickname", &changes->remove_nicknames, "Remove a nickname", "NAME"}})
        person_only.push_back(add_repeatable(*command, flag, *values, description)->option_text(value_name));
    auto* on_option =
        command->add_option("--on", *on, "A note's or interaction's day (not in the future)")->option_text("DATE");
    auto* event_option =
        command->add_option("--event", *event, "A note's event day (none clears)")->option_text("DATE");
    auto* ask_option = command->add_flag("--ask", *ask, "A note is a question to ask next time");
    auto* no_ask_option =
        command->add_flag("--no-ask", *no_ask, "A note is not a question to ask (any more)")->excludes(ask_option);
    auto* via_option = command->add_option("--via", *via, "An interaction's channel: call, email, meet, message, other")
                           ->check(CLI::IsMember(interaction_channels()))
                           ->option_text("CHANNEL");
    auto* when_option =
        command->add_option("--when", *when, "A reminder's day (its schedule restarts from it)")->option_text("DATE");
    const std::vector<RecordOption> record_only{{on_option, "notes and interactions (n12, i7)"},
                                                {event_option, "notes (n12)"},
                                                {ask_option, "notes (n12)"},
                                                {no_ask_option, "notes (n12)"},
                                                {via_option, "interactions (i7)"},
                                                {when_option, "reminders (r3)"}};
    command->callback([&session, words, changes, record, name, company, birthday, every, met, on, event, ask, no_ask,
                       via, when, name_option, company_option, birthday_option, every_option, met_option, on_option,
                       event_option, ask_option, no_ask_option, via_option, when_option, person_only, record_only] {
        if (auto id = parse_record_id(words->front())) {
            if (const auto* option = first_given(person_only))
                throw usage_error(fmt::format("{} is for people; {} is {}", option->get_name(), words->front(),
                                              record_kind_with_article(id->kind)));
            record->text = record_text(*words);
            if (*on_option) record->on = *on;
            if (*event_option) record->event = *event;
            if (*ask_option) record->ask = true;
            if (*no_ask_option) record->ask = false;
            if (*via_option) record->via = *via;
            if (*when_option) record->when = *when;
            if (*every_option) record->every = *every;
            edit_record_command(session, *id, *record);
            return;
        }
        for (const auto& side : record_only)
            if (side.option->count() > 0)
                throw usage_error(fmt::format("{} is for {}; \"{}\" is a person", side.option->get_name(),
                                              side.for_whom, escape_control_characters(join(*words, " "))));
        if (*met_option) changes->met = *met;
        if (*name_option) changes->name = *name;
        if (*company_option) changes->company = *company;
        if (*birthday_option) changes->birthday = *birthday;
        if (*every_option) changes->every = *every;
        // No flags on a terminal: edit the whole record in $EDITOR (SPEC §2).
        bool use_editor = changes->empty() && stdin_is_terminal();
        if (!use_editor) require_changes(*changes);  // a usage error comes before looking anyone up
        auto& store = session.store(Store::Access::write);
        auto who = resolve_contact(store, join(*words, " "));
        if (use_editor) {
            auto current = contact_detail(store, who.id).contact;
            auto edited = changes_from_form(current, edit_in_editor(contact_form(current), session.env));
            if (!edited || edited->empty()) {
                std::cout << fmt::format("No changes to {} (#{})\n", who.name, who.id);
                return;
            }
            *changes = *edited;
        }
        session.describe_writes(fmt::format("{} (#{})", who.name, who.id));
        auto updated = edit_contact(store, who.id, *changes, session.today());
        std::cout << fmt::format("Updated {} (#{})\n", updated.name, updated.id);
    });
}

}  // namespace kith::cli
