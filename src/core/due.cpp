// Ranking who is due. The store finds candidates through indexes; this decides and orders.
#include "kith/due.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>

#include "core/note_day.h"
#include "kith/core.h"
#include "kith/questions.h"
#include "kith/text.h"

namespace kith {

namespace {

int cadence_days(const Cadence& cadence) { return nominal_days(cadence.due); }

std::optional<DueReason> checkin_reason(const Contact& contact, const std::optional<Cadence>& cadence, Date today) {
    if (!cadence) return std::nullopt;
    Date last_touch = contact.last_contacted.value_or(contact.added_on);
    Date due = checkin_due(last_touch, *cadence);
    if (days_between(due, today) < 0) return std::nullopt;
    DueReason reason;
    reason.kind = DueReason::Kind::checkin;
    reason.date = due;
    reason.days_late = days_between(due, today);
    reason.cadence = cadence;
    reason.last_spoke = contact.last_contacted;
    reason.added_on = contact.added_on;
    Date overdue_from = cadence->overdue ? add(last_touch, *cadence->overdue) : due;
    reason.days_overdue = days_between(overdue_from, today);
    reason.overdue = reason.days_overdue > 0;
    return reason;
}

std::optional<DueReason> birthday_reason(const Contact& contact, const DueOptions& options) {
    if (!contact.birthday) return std::nullopt;
    Date next = next_birthday(*contact.birthday, options.today);
    if (days_between(next, add(options.today, options.within)) < 0) return std::nullopt;
    DueReason reason;
    reason.kind = DueReason::Kind::birthday;
    reason.date = next;
    reason.days_late = days_between(next, options.today);
    reason.turning = age_on(*contact.birthday, next);
    return reason;
}

// A dated event of their card comes round as a birthday does, in the same window.
std::optional<DueReason> anniversary_reason(const DatedEvent& event, const DueOptions& options) {
    Date next = next_birthday(event.date, options.today);
    if (days_between(next, add(options.today, options.within)) < 0) return std::nullopt;
    DueReason reason;
    reason.kind = DueReason::Kind::anniversary;
    reason.date = next;
    reason.days_late = days_between(next, options.today);
    reason.label = event.label;
    reason.years = age_on(event.date, next);
    return reason;
}

// A birthday or an anniversary on the day itself: first of all.
bool is_today_date(const DueReason& reason) {
    return (reason.kind == DueReason::Kind::birthday || reason.kind == DueReason::Kind::anniversary) &&
           reason.days_late == 0;
}

DueReason reminder_reason(const Reminder& reminder, Date today) {
    DueReason reason;
    reason.kind = DueReason::Kind::reminder;
    // Snoozed past its date, it is back on the day the snooze ends, and late only from then.
    reason.date = reminder.snoozed_until && *reminder.snoozed_until > reminder.due ? *reminder.snoozed_until : reminder.due;
    reason.days_late = days_between(reason.date, today);
    reason.text = reminder.text;
    reason.source_id = reminder.id;
    reason.every = reminder.every;
    return reason;
}

std::optional<DueReason> event_reason(const Note& note, const Contact& contact, Date today) {
    if (!note.happens_on) return std::nullopt;
    const Date day = *note.happens_on;
    int days = days_between(day, today);
    // A passed event counts until you are in touch on or after its day.
    const bool spoke_since = contact.last_contacted && days_between(day, *contact.last_contacted) >= 0;
    const auto what = note_day(note, reading_from_json(note.reading));
    if (what.kind == DueReason::Kind::promise) return std::nullopt;  // its deadline: follow_up_reason says it
    DueReason reason;
    reason.date = day;
    reason.days_late = days;
    reason.text = what.text;
    reason.source_id = note.id;
    reason.noted = note.on;
    if (what.kind == DueReason::Kind::care) {
        // A hard time is not announced ahead; from its day, a gentle check-in until you are in touch.
        if (days < 0 || spoke_since) return std::nullopt;
        reason.kind = DueReason::Kind::care;
        reason.loss = what.loss;
        return reason;
    }
    if (days > 0 && spoke_since) return std::nullopt;
    reason.kind = days > 0 ? DueReason::Kind::event_passed : DueReason::Kind::event_ahead;
    return reason;
}

// A promise not kept, or a mistake of ours to check on: late from its day.
std::optional<DueReason> follow_up_reason(const Note& note, const Contact& contact, Date today) {
    auto reading = reading_from_json(note.reading);
    if (!reading || !note.follow_up_on || note.done_on) return std::nullopt;
    DueReason reason;
    reason.kind = reading->kind == "promise" ? DueReason::Kind::promise : DueReason::Kind::mistake;
    // A mistake is checked on once: the next time you are in touch after its week, it is over.
    if (reason.kind == DueReason::Kind::mistake && contact.last_contacted &&
        *contact.last_contacted >= *note.follow_up_on)
        return std::nullopt;
    reason.date = *note.follow_up_on;
    reason.days_late = days_between(*note.follow_up_on, today);
    reason.noted = note.on;
    reason.text = reading->phrase.empty() ? note.text : reading->phrase;
    reason.source_id = note.id;
    if (reason.kind == DueReason::Kind::promise) {
        // Late from the day it names, when it names one: "by Fri" is not late on Wednesday.
        reason.deadline = promise_deadline(note, *reading);
        if (reason.deadline) {
            reason.date = *reason.deadline;
            reason.days_late = days_between(*reason.deadline, today);
        }
    }
    return reason;
}

// Ours to act on from its day: ranked by days late. A reminder still ahead (`--within`) is
// coming up, like a birthday.
bool is_late_item(const DueReason& reason) {
    if (reason.kind == DueReason::Kind::reminder) return reason.days_late >= 0;
    return reason.kind == DueReason::Kind::checkin || reason.kind == DueReason::Kind::promise ||
           reason.kind == DueReason::Kind::mistake || reason.kind == DueReason::Kind::care;
}

// Sort key of a person (SPEC §4). Lower sorts first.
struct Rank {
    int tier;      // 0 birthday today, 1 late items, 2 upcoming
    int urgency;   // tier 1: minus days late; tier 2: days until (passed events negative)
    int cadence;   // shorter first; none last
    std::string name;
    std::int64_t id;
    bool operator<(const Rank& other) const {
        return std::tie(tier, urgency, cadence, name, id) <
               std::tie(other.tier, other.urgency, other.cadence, other.name, other.id);
    }
};

Rank rank_of(const DueEntry& entry) {
    Rank rank{2, 0, entry.cadence ? cadence_days(*entry.cadence) : 1 << 30, fold_key(entry.contact.name),
              entry.contact.id};
    bool any_late = false, any_upcoming = false;
    int most_late = 0, soonest = 0;
    for (const auto& reason : entry.reasons) {
        if (is_today_date(reason)) rank.tier = 0;
        if (is_late_item(reason)) {
            most_late = any_late ? std::max(most_late, reason.days_late) : reason.days_late;
            any_late = true;
        } else {
            soonest = any_upcoming ? std::min(soonest, -reason.days_late) : -reason.days_late;
            any_upcoming = true;
        }
    }
    if (rank.tier == 0) return rank;
    if (any_late) {
        rank.tier = 1;
        rank.urgency = -most_late;
    } else {
        rank.urgency = soonest;
    }
    return rank;
}

// The notes whose day no later note of theirs calls off ("the wedding's off", "launch pushed to
// June"); only the people with such a day have their notes read.
std::vector<Note> without_called_off(Store& store, std::vector<Note> notes) {
    if (notes.empty()) return notes;
    std::vector<std::int64_t> people;
    for (const auto& note : notes) people.push_back(note.contact_id);
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    std::map<std::int64_t, std::vector<Note>> theirs;
    for (auto& note : store.notes().for_contacts(people)) theirs[note.contact_id].push_back(std::move(note));
    std::erase_if(notes, [&](const Note& note) { return called_off(note, theirs[note.contact_id]); });
    return notes;
}

// Within a person: birthdays today, late items (most late first), then what is coming.
bool reason_before(const DueReason& a, const DueReason& b) {
    auto group = [](const DueReason& r) {
        if (is_today_date(r)) return 0;
        if (is_late_item(r)) return 1;
        return 2;
    };
    if (group(a) != group(b)) return group(a) < group(b);
    if (group(a) == 1) return a.days_late > b.days_late;
    return a.date < b.date;
}

}  // namespace

std::string note_subject(const Note& note) { return note_subject(note, reading_from_json(note.reading)); }

std::string note_subject(const Note& note, const std::optional<Reading>& reading) {
    if (reading && reading->sensitive) {
        // Whose hard time, never what it is: "a hard time for their wife Carmen".
        if (reading->relation.empty()) return "a hard time for them";
        return fmt::format("a hard time for their {}{}", reading->relation, reading->name.empty() ? "" : " " + reading->name);
    }
    if (!reading || reading->phrase.empty()) return note.text;
    std::string phrase = reading->phrase;
    if (phrase.starts_with("your ")) phrase.replace(0, 4, "their");
    return phrase;
}

NoteDay note_day(const Note& note, const std::optional<Reading>& reading) {
    NoteDay day;
    if (reading && reading->kind == "promise") {
        day.kind = DueReason::Kind::promise;
        day.text = reading->phrase.empty() ? note.text : reading->phrase;
    } else if (!note.event && reading && is_hard_time(*reading)) {
        day.kind = DueReason::Kind::care;
        day.loss = reading->kind == "loss";
        day.text = note_subject(note, reading);
    } else {
        day.text = note_subject(note, reading);
    }
    return day;
}

std::optional<Date> promise_deadline(const Note& note, const Reading& reading) {
    if (note.event) return note.event;
    if (!reading.when || reading.month_only || *reading.when < note.on) return std::nullopt;
    return reading.when;
}

bool is_hard_time(const Reading& reading) {
    return (reading.kind == "loss" || reading.sensitive) && !reading.history && !reading.negated && !reading.do_not_raise;
}

std::optional<Date> care_opens(const Reading& reading) {
    if (!is_hard_time(reading)) return std::nullopt;
    std::optional<Date> first;
    for (const auto& planned : reading.questions)
        if (planned.source == 'r' && (!first || planned.from < *first)) first = planned.from;
    return first;
}

std::optional<Cadence> effective_cadence(const Contact& contact,
                                         const std::vector<std::pair<std::string, Cadence>>& tag_cadences) {
    if (contact.every) return contact.every;
    std::optional<Cadence> best;
    for (const auto& [tag, cadence] : tag_cadences) {
        auto key = fold_key(tag);  // as the store matches tags: case and accents folded
        if (std::none_of(contact.tags.begin(), contact.tags.end(), [&](const auto& t) { return fold_key(t) == key; }))
            continue;
        if (!best || cadence_days(cadence) < cadence_days(*best)) best = cadence;
    }
    return best;
}

std::vector<DueEntry> due_list(Store& store, const DueOptions& options, DueTotal* total) {
    DueQuery query;
    query.today = options.today;
    // Further than the limit, to count who is due beyond it: the first `limit` are the same
    // either way, as more candidates only add people further down, and each candidate read
    // costs as much as one shown.
    query.limit = total ? options.limit + std::max(options.limit, due_count_beyond) : options.limit;
    for (const auto& tag : options.tags) query.tags.push_back(normalize_tag(tag));
    query.birthdays_until = add(options.today, options.within);
    query.events_from = subtract(options.today, options.follow_up);
    query.events_until = query.birthdays_until;
    for (const auto& [tag, cadence] : options.tag_cadences) query.tag_cadences.emplace_back(tag, cadence.due);

    auto ids = store.due().candidates(query);
    std::map<std::int64_t, DueEntry> entries;
    for (auto& contact : store.contacts().find_many(ids)) {
        DueEntry entry;
        entry.cadence = effective_cadence(contact, options.tag_cadences);
        entry.contact = std::move(contact);
        entries.emplace(entry.contact.id, std::move(entry));
    }
    for (const auto& reminder : store.reminders().due_for(ids, options.today, query.events_until))
        if (auto found = entries.find(reminder.contact_id); found != entries.end())
            found->second.reasons.push_back(reminder_reason(reminder, options.today));
    const auto events = without_called_off(store, store.notes().events_for(ids, query.events_from, query.events_until));
    for (const auto& note : events)
        if (auto found = entries.find(note.contact_id); found != entries.end())
            if (auto reason = event_reason(note, found->second.contact, options.today))
                found->second.reasons.push_back(*reason);
    for (const auto& note : store.notes().follow_ups_for(ids, options.today))
        if (auto found = entries.find(note.contact_id); found != entries.end())
            if (auto reason = follow_up_reason(note, found->second.contact, options.today))
                found->second.reasons.push_back(*reason);

    const auto birthday_asked = store.asked().last_asked(ids, "b");
    const auto dated = store.due().events_of(ids);
    std::vector<DueEntry> due;
    for (auto& [id, entry] : entries) {
        // Snoozing a person leaves out everything but their birthday and anniversaries, which
        // will not wait.
        const bool snoozed = entry.contact.snoozed_until && *entry.contact.snoozed_until > options.today;
        if (snoozed) entry.reasons.clear();
        if (auto reason = checkin_reason(entry.contact, entry.cadence, options.today); reason && !snoozed)
            entry.reasons.push_back(*reason);
        if (auto reason = birthday_reason(entry.contact, options)) {
            // `log --asked b` in the days before it takes the birthday off the list until the
            // day itself; on the day, off for the year.
            const auto asked = birthday_asked.find(id);
            const bool wished = asked != birthday_asked.end() && asked->second >= subtract(reason->date, options.within) &&
                                (reason->date > options.today || asked->second >= reason->date);
            if (!wished) entry.reasons.push_back(*reason);
        }
        if (auto found = dated.find(id); found != dated.end())
            for (const auto& event : found->second)
                if (auto reason = anniversary_reason(event, options)) entry.reasons.push_back(*reason);
        if (entry.reasons.empty()) continue;  // a candidate whose exact check says not yet
        std::stable_sort(entry.reasons.begin(), entry.reasons.end(), reason_before);
        // Two notes about one hard time ("passed on Sunday", "the funeral was lovely") are one check-in.
        bool cared = false;
        std::erase_if(entry.reasons, [&](const DueReason& r) {
            return r.kind == DueReason::Kind::care && std::exchange(cared, true);
        });
        due.push_back(std::move(entry));
    }
    if (total) *total = DueTotal{due.size(), due.size() >= query.limit};
    std::vector<std::pair<Rank, std::size_t>> order;
    for (std::size_t i = 0; i < due.size(); ++i) order.emplace_back(rank_of(due[i]), i);
    std::sort(order.begin(), order.end());
    std::vector<DueEntry> ranked;
    for (std::size_t i = 0; i < order.size() && i < options.limit; ++i) ranked.push_back(std::move(due[order[i].second]));
    return ranked;
}

}  // namespace kith
