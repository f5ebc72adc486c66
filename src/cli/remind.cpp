// remind, done and snooze: reminders and quiet periods.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <iostream>

#include "cli/commands.h"
#include "kith/core.h"
#include "kith/due.h"
#include "kith/error.h"
#include "kith/text.h"

namespace kith::cli {

namespace {

// A reminder id as users type it: 12 or #12.
std::optional<std::int64_t> reminder_id(std::string_view text) {
    if (!text.empty() && text.front() == '#') text.remove_prefix(1);
    std::int64_t id = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return id;
}

}  // namespace

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
        auto reminder = add_reminder(store, who.id, *when, join(*words, " "),
                                     *every_option ? std::optional(*every) : std::nullopt, today);
        std::cout << fmt::format("Reminder #{} for {} (#{}) on {} {}{}\n", reminder.id, who.name, who.id,
                                 weekday_short(reminder.due), format_iso(reminder.due),
                                 reminder.every ? ", every " + format_interval(*reminder.every) : "");
    });
}

void add_done_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("done", "Mark reminders, or promises of yours, done");
    command->footer(
        "Example: kith done 4 7          (reminders: recurring ones move to their next date)\n"
        "         kith done n12          (a note of yours: a promise kept, a mistake put right)");
    auto ids = std::make_shared<std::vector<std::string>>();
    command->add_option("ids", *ids, "Reminder ids (4) or note ids (n12), as `kith due` shows them")->required();
    command->callback([&session, ids] {
        std::vector<std::int64_t> reminders, notes;
        for (const auto& text : *ids) {
            if (text.size() > 1 && text[0] == 'n') {
                auto id = reminder_id(text.substr(1));
                if (!id) throw usage_error(fmt::format("bad note id \"{}\": expected n and a number, such as n12", text));
                if (std::find(notes.begin(), notes.end(), *id) == notes.end()) notes.push_back(*id);
                continue;
            }
            auto id = reminder_id(text);
            if (!id)
                throw usage_error(fmt::format("bad id \"{}\": expected a reminder id such as 12, or a note id such as n12",
                                              text));
            if (std::find(reminders.begin(), reminders.end(), *id) == reminders.end()) reminders.push_back(*id);
        }
        auto today = session.today();
        auto& store = session.store(Store::Access::write);
        std::vector<Reminder> done;
        std::vector<Note> kept;
        store.write([&] {  // all of them or none
            for (auto id : reminders) done.push_back(complete_reminder(store, id, today));
            for (auto id : notes) kept.push_back(complete_note(store, id, today, *session.question_settings().rules));
        });
        for (const auto& reminder : done) {
            if (reminder.every)
                std::cout << fmt::format("Done #{}: {}; next on {} {}\n", reminder.id, reminder.text,
                                         weekday_short(reminder.due), format_iso(reminder.due));
            else
                std::cout << fmt::format("Done #{}: {}\n", reminder.id, reminder.text);
        }
        for (const auto& note : kept) {
            auto reading = reading_from_json(note.reading);
            std::cout << fmt::format("Done n{}: {}\n", note.id,
                                     escape_control_characters(reading && !reading->phrase.empty() ? reading->phrase : note.text));
        }
    });
}

void add_snooze_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("snooze", "Leave a person or a reminder out of `due` for a while");
    command->footer(
        "Example: kith snooze sam 2w      (a person: by name or #id)\n"
        "         kith snooze 12 3d       (a bare number is a reminder id)");
    auto target = std::make_shared<std::string>();
    auto length = std::make_shared<std::string>();
    command->add_option("target", *target, "A reminder id (12), or a person (#3, name)")->required();
    command->add_option("for", *length, "For how long (3d, 2w, 1mo) or until a date (mon, 2026-12-01)")->required();
    command->callback([&session, target, length] {
        auto today = session.today();
        auto until = snooze_until(*length, today);
        auto& store = session.store(Store::Access::write);
        bool is_reminder = !target->empty() && target->front() != '#' && reminder_id(*target);
        if (is_reminder) {
            auto reminder = snooze_reminder(store, *reminder_id(*target), until);
            std::cout << fmt::format("Snoozed reminder #{} until {} {}\n", reminder.id, weekday_short(until),
                                     format_iso(until));
        } else {
            auto who = resolve_contact(store, *target);
            snooze_contact(store, who.id, until);
            std::cout << fmt::format("Snoozed {} (#{}) until {} {}\n", who.name, who.id, weekday_short(until),
                                     format_iso(until));
        }
    });
}

void add_date_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("date", "Show what a date expression means, before you use it");
    command->footer("Example: kith date next friday     kith date \"in 3 weeks\"     kith date eom");
    auto words = std::make_shared<std::vector<std::string>>();
    command->add_option("expression", *words, "A date: today, fri, next friday, in 3 days, 2w, dec 25, eom …")
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
