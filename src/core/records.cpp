// Notes (what people told you) and interactions (when you were in touch).
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/validate.h"
#include "kith/config.h"
#include "kith/core.h"
#include "kith/due.h"
#include "kith/error.h"
#include "kith/text.h"

namespace kith {

namespace {

// Notes and interactions record what already happened; a future date is almost always a typo.
Date past_date(const std::optional<std::string>& value, Date today) {
    return value ? validate::past_date(*value, today, "--on") : today;
}

}  // namespace

namespace {

// The built-in rules with the user's, read from rules.toml only when a note is read.
std::shared_ptr<const RuleBook> lazy_rulebook(const std::vector<QuestionRule>& user) {
    return std::make_shared<const RuleBook>(rules_fingerprint(builtin_rules_toml(), user), rules_origin(user), [user] {
        const auto& builtin = builtin_questions();
        return RuleBook::Contents{merged_rules(builtin.rules, user), builtin.dates};
    });
}

}  // namespace

const RuleBook& builtin_rulebook() {
    static const auto rules = lazy_rulebook({});
    return *rules;
}

QuestionSettings question_settings(const Config& config) {
    QuestionSettings settings;
    settings.rules = lazy_rulebook(config.question_rules);
    settings.banks = builtin_question_banks();
    for (const auto& [tag, bank] : config.question_banks) settings.banks[tag] = bank;  // the user's replaces ours
    settings.birthday_window = config.due_birthday_window;
    return settings;
}

void attach_reading(Note& note, const RuleBook& rules, const Circle& circle) {
    const Reading reading = read_note(note, rules, circle);
    note.reading = reading_to_json(reading);
    note.read_with = rules.fingerprint();
    note.happens_on = note.event;
    note.follow_up_on.reset();
    const bool timed = !reading.history && !reading.negated && !reading.do_not_raise;
    if (!note.event && timed && reading.when && !reading.month_only &&
        (reading.kind == "event" || reading.kind == "milestone"))
        note.happens_on = reading.when;
    if (reading.kind == "promise") {
        note.follow_up_on = note.on;  // ours to do from the day we said it, until done
        note.happens_on = promise_deadline(note, reading);  // `agenda` files it on its deadline
    } else if (reading.kind == "mistake") {
        note.follow_up_on = add(note.on, Interval{1, Interval::Unit::weeks});  // then: is all well again?
    } else if (!note.event && is_hard_time(reading)) {
        note.happens_on = care_opens(reading);
    }
}

Circle circle_in(Store& store, std::int64_t contact_id) {
    auto contact = store.contacts().find(contact_id);
    return contact ? circle_of(*contact, store.contacts().card(contact_id)) : Circle{};
}

void reread_if_circle_changed(Store& store, std::int64_t contact_id, const Circle& before, const Circle& after) {
    if (before != after) store.notes().forget_readings(contact_id);  // read at the next command's refresh
}

Note complete_note(Store& store, std::int64_t note_id, Date today, const RuleBook& rules) {
    Note note;
    store.write([&] {
        auto found = store.notes().find(note_id);
        if (!found) throw not_found_error(fmt::format("no note n{}: see `kith show` for a person's notes", note_id));
        note = *found;
        const Reading reading = reading_of(note, rules);
        if (reading.kind != "promise" && reading.kind != "mistake")
            throw usage_error(fmt::format("note n{} is not a promise or a mistake of yours: nothing to mark done", note_id));
        if (note.done_on) throw usage_error(fmt::format("note n{} was done on {} already", note_id, format_iso(*note.done_on)));
        note.done_on = today;
        store.notes().update(note);
    });
    return note;
}

std::size_t refresh_readings(Store& store, const RuleBook& rules) {
    if (!store.can_write() || store.notes().readings_made_with() == rules.fingerprint()) return 0;
    std::size_t count = 0;
    store.write([&] {
        auto notes = store.notes().read_with_other(rules.fingerprint());
        std::vector<std::int64_t> ids;
        for (const auto& note : notes) ids.push_back(note.contact_id);
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        std::unordered_map<std::int64_t, Circle> circles;
        auto cards = store.contacts().cards(ids);
        for (const auto& contact : store.contacts().find_many(ids))
            circles[contact.id] = circle_of(contact, cards[contact.id]);
        for (auto& note : notes) {
            attach_reading(note, rules, circles[note.contact_id]);
            store.notes().update(note, Stamp::keep);
            ++count;
        }
        store.notes().set_readings_made_with(rules.fingerprint());
    });
    return count;
}

std::vector<std::string> note_tags(const std::vector<std::string>& given, const std::string& text) {
    std::vector<std::string> tags;
    std::unordered_set<std::string> seen;  // a set: a note may carry thousands of #hashtags
    auto add_tag = [&](std::string tag) {
        if (seen.insert(tag).second) tags.push_back(std::move(tag));
    };
    for (const auto& tag : given) add_tag(normalize_tag(tag));
    for (auto& tag : hashtags(text)) add_tag(std::move(tag));
    return tags;
}

Note add_note(Store& store, std::int64_t contact_id, const NewNote& input, Date today, const RuleBook& rules,
              std::vector<Note>* kept) {
    Note note;
    note.contact_id = contact_id;
    note.text = trim(validate::text(input.text, "note"));
    if (note.text.empty()) throw usage_error("empty note: nothing saved");
    note.on = past_date(input.on, today);
    if (input.event) note.event = validate::date(*input.event, today, "--event");
    note.ask = input.ask;
    note.tags = note_tags(input.tags, note.text);
    store.write([&] {
        attach_reading(note, rules, circle_in(store, contact_id));
        store.notes().insert(note);
        if (!may_keep_a_promise(note.text)) return;
        auto done = keep_promises(store, note, rules);
        if (kept) *kept = std::move(done);
    });
    return note;
}

std::vector<Note> keep_promises(Store& store, const Note& note, const RuleBook& rules) {
    std::vector<Note> kept;
    const auto reading = reading_from_json(note.reading);
    if (reading && (reading->kind == "promise" || reading->do_not_raise)) return kept;
    // A promise is ours to do from the day it was noted (follow_up_on): those up to this note's day.
    for (auto& promise : store.notes().follow_ups_for({note.contact_id}, note.on)) {
        const Reading promised = reading_of(promise, rules);
        if (promised.kind != "promise" || !keeps_promise(promised.phrase, note.text)) continue;
        promise.done_on = note.on;
        store.notes().update(promise);
        kept.push_back(std::move(promise));
    }
    return kept;
}

Interaction log_interaction(Store& store, std::int64_t contact_id, const NewInteraction& input, Date today) {
    Interaction interaction;
    interaction.contact_id = contact_id;
    interaction.summary = trim(validate::text(input.summary, "summary"));
    interaction.channel = validate::channel(input.channel);
    interaction.on = past_date(input.on, today);
    store.write([&] {
        store.interactions().insert(interaction);
        if (!input.asked.empty()) store.asked().record(contact_id, input.asked, interaction.on, interaction.id);
    });
    return interaction;
}

}  // namespace kith
