// Reminders and snoozing.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "core/validate.h"
#include "kith/core.h"
#include "kith/due.h"
#include "kith/error.h"
#include "kith/text.h"

namespace kith {

namespace {

Reminder load_reminder(Store& store, std::int64_t id) {
    auto reminder = store.reminders().find(id);
    if (!reminder) throw not_found_error(fmt::format("no reminder r{}: see `kith show CONTACT`", id));
    return *reminder;
}

}  // namespace

Reminder add_reminder(Store& store, std::int64_t contact_id, const std::string& when, const std::string& text,
                      const std::optional<std::string>& every, Date today) {
    Reminder reminder;
    reminder.contact_id = contact_id;
    reminder.due = validate::date(when, today, "WHEN");
    reminder.starts_on = reminder.due;
    reminder.text = trim(validate::text(text, "reminder"));
    if (reminder.text.empty()) throw usage_error("empty reminder: say what to do");
    if (every) {
        reminder.every = validate::interval(*every, "--every");
        // `eom` means every month's end, not "the 30th" when said on Sep 30.
        if (means_month_end(when)) reminder.starts_on = month_end_anchor(reminder.due, *reminder.every);
    }
    store.write([&] { store.reminders().insert(reminder); });
    return reminder;
}

Reminder complete_reminder(Store& store, std::int64_t reminder_id, Date today) {
    Reminder reminder;
    store.write([&] {
        reminder = load_reminder(store, reminder_id);
        if (reminder.done_on)
            throw usage_error(fmt::format("reminder r{} was already done on {}", reminder_id, format_iso(*reminder.done_on)));
        if (reminder.every) {
            // Keep the schedule: the next occurrence after this one and after today, counted from
            // the first due date so month ends do not drift (Jan 31, Feb 28, Mar 31).
            int steps = 1;
            while (days_between(add(reminder.starts_on, *reminder.every, steps), reminder.due) >= 0 ||
                   days_between(add(reminder.starts_on, *reminder.every, steps), today) >= 0)
                ++steps;
            reminder.due = add(reminder.starts_on, *reminder.every, steps);
        } else {
            reminder.done_on = today;
        }
        reminder.snoozed_until.reset();
        store.reminders().update(reminder);
    });
    return reminder;
}

std::optional<std::int64_t> parse_reminder_id(std::string_view text) {
    if (auto id = parse_record_number(RecordKind::reminder, text)) return id;  // r12, as `show` writes it
    if (!text.empty() && text.front() == '#') text.remove_prefix(1);
    std::int64_t id = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return id;
}

DoneIds parse_done_ids(const std::vector<std::string>& ids) {
    DoneIds parsed;
    auto add_once = [](std::vector<std::int64_t>& list, std::int64_t id) {
        if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
    };
    for (const auto& text : ids) {
        if (text.size() > 1 && text[0] == 'n') {
            auto id = parse_reminder_id(std::string_view(text).substr(1));
            if (!id) throw usage_error(fmt::format("bad note id \"{}\": expected n and a number, such as n12", text));
            add_once(parsed.notes, *id);
            continue;
        }
        auto id = parse_reminder_id(text);
        if (!id)
            throw usage_error(
                fmt::format("bad id \"{}\": expected a reminder id such as r12, or a note id such as n12", text));
        add_once(parsed.reminders, *id);
    }
    return parsed;
}

Completed complete_reminders(Store& store, const DoneIds& ids, Date today, const RuleBook& rules) {
    Completed completed;
    store.write([&] {
        for (auto id : ids.reminders) completed.reminders.push_back(complete_reminder(store, id, today));
        for (auto id : ids.notes) completed.notes.push_back(complete_note(store, id, today, rules));
    });
    return completed;
}

Reminder snooze_reminder(Store& store, std::int64_t reminder_id, Date until) {
    Reminder reminder;
    store.write([&] {
        reminder = load_reminder(store, reminder_id);
        if (reminder.done_on) throw usage_error(fmt::format("reminder r{} is already done", reminder_id));
        reminder.snoozed_until = until;
        store.reminders().update(reminder);
    });
    return reminder;
}

Contact snooze_contact(Store& store, std::int64_t contact_id, Date until) {
    return change_contact(store, contact_id, [&](Contact& contact) { contact.snoozed_until = until; });
}

std::vector<std::pair<std::string, Date>> shown_while_snoozed(Store& store, const Contact& contact, Date today,
                                                               Date until) {
    std::vector<std::pair<std::string, Date>> days;
    const auto add_day = [&](std::string what, const Birthday& date) {
        if (auto next = next_birthday(date, today); days_between(next, until) > 0) days.emplace_back(std::move(what), next);
    };
    if (contact.birthday) add_day("birthday", *contact.birthday);
    ContactCard card;
    store.read([&] { card = store.contacts().card(contact.id); });
    for (const auto& event : card.events) add_day(event_name(event.label), event.date);
    std::stable_sort(days.begin(), days.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    return days;
}

Date snooze_until(const std::string& text, Date today) {
    if (auto interval = parse_interval(text)) return add(today, *interval);
    auto date = parse_date(text, today);
    if (!date) throw usage_error(fmt::format("bad snooze \"{}\": expected an interval (3d, 2w, 1mo) or a date", trim(text)));
    if (days_between(today, *date) <= 0)
        throw usage_error(fmt::format("snooze until {}? That is not after today", format_iso(*date)));
    return *date;
}

}  // namespace kith
