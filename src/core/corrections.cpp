// Correcting and removing notes, interactions and reminders by the ids `show` prints (n12, i7, r3).
#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "core/validate.h"
#include "kith/core.h"
#include "kith/error.h"
#include "kith/text.h"

namespace kith {

namespace {

Error no_such(RecordId id) {
    return not_found_error(
        fmt::format("no {} {}: `kith show CONTACT` lists a person's notes, interactions and reminders "
                    "with their ids",
                    record_kind_name(id.kind), format_record_id(id)));
}

ContactRef owner(Store& store, std::int64_t contact_id) {
    auto contact = store.contacts().ref(contact_id);
    if (!contact)
        throw runtime_error(fmt::format("the database holds a record of contact #{}, who is not there", contact_id));
    return *contact;
}

Note load_note(Store& store, std::int64_t id) {
    auto note = store.notes().find(id);
    if (!note) throw no_such({RecordKind::note, id});
    return *note;
}

Interaction load_interaction(Store& store, std::int64_t id) {
    auto interaction = store.interactions().find(id);
    if (!interaction) throw no_such({RecordKind::interaction, id});
    return *interaction;
}

Reminder load_reminder(Store& store, std::int64_t id) {
    auto reminder = store.reminders().find(id);
    if (!reminder) throw no_such({RecordKind::reminder, id});
    return *reminder;
}

// The text a correction asks for, checked as a new record's would be.
std::string new_text(const std::string& value, const char* field) {
    return trim(validate::text(value, field));
}

void change_note(Note& note, const RecordChanges& changes, Date today, const RuleBook& rules, const Circle& circle) {
    if (changes.text) {
        auto text = new_text(*changes.text, "note");
        if (text.empty())
            throw usage_error(fmt::format("empty note: nothing changed (`kith rm n{}` removes it)", note.id));
        // Tags given with --tag stay; those the old text's #hashtags gave make way for the new text's.
        const auto old_hashtags = hashtags(note.text);
        std::vector<std::string> given;
        for (const auto& tag : note.tags)
            if (std::find(old_hashtags.begin(), old_hashtags.end(), tag) == old_hashtags.end()) given.push_back(tag);
        note.text = std::move(text);
        note.tags = note_tags(given, note.text);
    }
    if (changes.on) note.on = validate::past_date(*changes.on, today, "--on");
    if (validate::is_clear(changes.event))
        note.event.reset();
    else if (changes.event)
        note.event = validate::date(*changes.event, today, "--event");
    if (changes.ask) note.ask = *changes.ask;
    attach_reading(note, rules, circle);  // what it says, when it happens, whether it is ours to do: all read again
}

void change_interaction(Interaction& interaction, const RecordChanges& changes, Date today) {
    if (changes.text) interaction.summary = new_text(*changes.text, "summary");
    if (changes.via) interaction.channel = validate::channel(*changes.via);
    if (changes.on) interaction.on = validate::past_date(*changes.on, today, "--on");
}

void change_reminder(Reminder& reminder, const RecordChanges& changes, Date today) {
    if (changes.text) {
        auto text = new_text(*changes.text, "reminder");
        if (text.empty())
            throw usage_error(fmt::format("empty reminder: nothing changed (`kith rm r{}` removes it)", reminder.id));
        reminder.text = std::move(text);
    }
    if (changes.when) {
        reminder.due = validate::date(*changes.when, today, "--when");
        reminder.starts_on = reminder.due;  // a recurring one now counts from its new day
        reminder.snoozed_until.reset();     // a snooze was for the old day
    }
    if (validate::is_clear(changes.every)) {
        reminder.every.reset();
    } else if (changes.every) {
        reminder.every = validate::interval(*changes.every, "--every");
        reminder.starts_on = reminder.due;  // the new interval counts from the next due day
    }
    // Moved to `eom`: every month's end from now on, as `remind … eom` does.
    if (changes.when && reminder.every && means_month_end(*changes.when))
        reminder.starts_on = month_end_anchor(reminder.due, *reminder.every);
}

}  // namespace

bool RecordChanges::empty() const {
    return !text && !on && !event && !ask && !via && !when && !every;
}

void check_record_changes(RecordId id, const RecordChanges& changes) {
    struct Applies {
        const char* option;
        bool given;
        std::vector<RecordKind> kinds;
        const char* for_whom;
    };
    const Applies options[] = {
        {"--on", changes.on.has_value(), {RecordKind::note, RecordKind::interaction}, "notes and interactions"},
        {"--event", changes.event.has_value(), {RecordKind::note}, "notes"},
        {changes.ask.value_or(true) ? "--ask" : "--no-ask", changes.ask.has_value(), {RecordKind::note}, "notes"},
        {"--via", changes.via.has_value(), {RecordKind::interaction}, "interactions"},
        {"--when", changes.when.has_value(), {RecordKind::reminder}, "reminders"},
        {"--every", changes.every.has_value(), {RecordKind::reminder}, "reminders and people"},
    };
    for (const auto& option : options)
        if (option.given && std::find(option.kinds.begin(), option.kinds.end(), id.kind) == option.kinds.end())
            throw usage_error(fmt::format("{} is for {}; {} is {}", option.option, option.for_whom,
                                          format_record_id(id), record_kind_with_article(id.kind)));
}

EditedRecord edit_record(Store& store, RecordId id, const RecordChanges& changes, Date today, const RuleBook& rules) {
    check_record_changes(id, changes);
    if (changes.empty())
        throw usage_error(fmt::format("nothing to change in {}: give new text or an option", format_record_id(id)));
    EditedRecord edited{id, {}, std::nullopt};
    store.write([&] {
        switch (id.kind) {
            case RecordKind::note: {
                auto note = load_note(store, id.id);
                edited.contact = owner(store, note.contact_id);
                change_note(note, changes, today, rules, circle_in(store, note.contact_id));
                store.notes().update(note);
                edited.note = std::move(note);
                break;
            }
            case RecordKind::interaction: {
                auto interaction = load_interaction(store, id.id);
                change_interaction(interaction, changes, today);
                store.interactions().update(interaction);  // their last contact and check-in follow
                if (changes.on) store.asked().redate(interaction);
                edited.contact = owner(store, interaction.contact_id);
                break;
            }
            case RecordKind::reminder: {
                auto reminder = load_reminder(store, id.id);
                change_reminder(reminder, changes, today);
                store.reminders().update(reminder);
                edited.contact = owner(store, reminder.contact_id);
                break;
            }
        }
    });
    return edited;
}

std::vector<RecordSummary> describe_records(Store& store, const std::vector<RecordId>& ids) {
    std::vector<RecordSummary> summaries;
    store.read([&] {
        for (const auto& id : ids) {
            if (std::any_of(summaries.begin(), summaries.end(), [&](const auto& s) { return s.id == id; })) continue;
            RecordSummary summary{id, {}, {}, {}, {}};
            std::int64_t contact_id = 0;
            switch (id.kind) {
                case RecordKind::note: {
                    auto note = load_note(store, id.id);
                    contact_id = note.contact_id;
                    summary.on = note.on;
                    summary.text = note.text;
                    break;
                }
                case RecordKind::interaction: {
                    auto interaction = load_interaction(store, id.id);
                    contact_id = interaction.contact_id;
                    summary.on = interaction.on;
                    summary.text = interaction.summary;
                    summary.channel = interaction.channel;
                    break;
                }
                case RecordKind::reminder: {
                    auto reminder = load_reminder(store, id.id);
                    contact_id = reminder.contact_id;
                    summary.on = reminder.due;
                    summary.text = reminder.text;
                    break;
                }
            }
            summary.contact = owner(store, contact_id);
            summaries.push_back(std::move(summary));
        }
    });
    return summaries;
}

void remove_records(Store& store, const std::vector<RecordId>& ids) {
    store.write([&] {
        std::vector<RecordId> removed;
        for (const auto& id : ids) {
            if (std::find(removed.begin(), removed.end(), id) != removed.end()) continue;  // named twice
            bool found = false;
            switch (id.kind) {
                case RecordKind::note: found = store.notes().remove(id.id); break;
                case RecordKind::interaction: found = store.interactions().remove(id.id); break;
                case RecordKind::reminder: found = store.reminders().remove(id.id); break;
            }
            if (!found) throw no_such(id);  // the whole transaction rolls back: nothing removed
            removed.push_back(id);
        }
    });
}

}  // namespace kith
