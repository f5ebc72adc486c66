// The agenda: what falls on each day of a window, read from the store's date indexes.
#include "kith/agenda.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/note_day.h"
#include "kith/due.h"
#include "kith/error.h"
#include "kith/questions.h"
#include "kith/text.h"

namespace kith {

namespace {

// Within a day: what will not wait first (a birthday), then what is ours to do, then the rest.
int kind_order(DueReason::Kind kind) {
    switch (kind) {
        case DueReason::Kind::birthday: return 0;
        case DueReason::Kind::anniversary: return 0;
        case DueReason::Kind::reminder: return 1;
        case DueReason::Kind::promise: return 2;
        case DueReason::Kind::mistake: return 3;
        case DueReason::Kind::care: return 3;
        case DueReason::Kind::event_ahead: return 4;
        case DueReason::Kind::event_passed: return 5;
        case DueReason::Kind::checkin: return 6;
    }
    return 7;
}

DueReason on_day(DueReason::Kind kind, Date day, Date today) {
    DueReason reason;
    reason.kind = kind;
    reason.date = day;
    reason.days_late = days_between(day, today);
    return reason;
}

// Snoozing a person leaves them out of every day before the snooze ends, but for birthdays
// and anniversaries.
bool snoozed_on(const Contact& contact, Date day) { return contact.snoozed_until && *contact.snoozed_until > day; }

// The people late today among those `due` lists by default (10; all ten late reads "10+"):
// reading further would make the agenda grow with the book.
DueTotal late_people(Store& store, const AgendaOptions& options) {
    DueOptions due;
    due.today = options.today;
    due.within = Interval{0, Interval::Unit::days};  // nothing ahead: today's birthdays are on the agenda
    due.follow_up = options.follow_up;
    due.tag_cadences = options.tag_cadences;
    DueTotal total;
    auto entries = due_list(store, due, &total);
    DueTotal late{0, false};
    for (const auto& entry : entries)
        if (std::any_of(entry.reasons.begin(), entry.reasons.end(), [](const DueReason& r) { return r.days_late > 0; }))
            ++late.people;
    late.at_least = late.people >= due.limit;  // every one read was late: there may be more
    return late;
}

}  // namespace

Agenda agenda(Store& store, const AgendaOptions& options) {
    if (nominal_days(options.within) > nominal_days(agenda_max_within))
        throw usage_error("--within: at most " + format_interval(agenda_max_within) + " ahead, got " +
                          format_interval(options.within));
    Agenda result;
    result.today = options.today;
    result.within = options.within;
    result.until = add(options.today, options.within);
    const Date from = options.today, until = result.until;
    const std::size_t limit = options.limit;

    std::vector<std::pair<std::string, Interval>> tag_intervals;
    for (const auto& [tag, cadence] : options.tag_cadences) tag_intervals.emplace_back(tag, cadence.due);

    // Each source read soonest first and cut to `limit`: the soonest `limit` items of all are
    // among them, whatever the size of the book.
    std::vector<std::pair<std::int64_t, DueReason>> found;  // (person, reason)
    bool cut = false;
    store.read([&] {
        auto reminders = store.reminders().due_between(from, until, limit);
        auto events = store.notes().happening_between(from, until, limit);
        auto follow_ups = store.notes().follow_ups_between(from, until, limit);
        auto born = store.due().birthdays_between(from, until, limit);
        auto dated = store.due().events_between(from, until, limit);
        auto checkins = store.due().checkins_between(from, until, limit, tag_intervals);
        cut = reminders.size() >= limit || events.size() >= limit || follow_ups.size() >= limit ||
              born.size() >= limit || dated.size() >= limit || checkins.size() >= limit;

        std::set<std::int64_t> people_ids(checkins.begin(), checkins.end());
        for (const auto& r : reminders) people_ids.insert(r.contact_id);
        for (const auto& n : events) people_ids.insert(n.contact_id);
        for (const auto& n : follow_ups) people_ids.insert(n.contact_id);
        for (const auto& b : born) people_ids.insert(b.second);
        for (const auto& d : dated) people_ids.insert(d.contact_id);
        std::vector<std::int64_t> ids(people_ids.begin(), people_ids.end());
        for (auto& contact : store.contacts().find_many(ids)) result.items.push_back({std::move(contact), {}});
        std::map<std::int64_t, const Contact*> people;
        for (const auto& item : result.items) people[item.contact.id] = &item.contact;
        auto person = [&](std::int64_t id) { return people.count(id) ? people[id] : nullptr; };

        for (const auto& reminder : reminders) {
            const Contact* contact = person(reminder.contact_id);
            if (!contact) continue;
            // Snoozed past its date, it comes back on the day the snooze ends.
            Date first = reminder.snoozed_until && *reminder.snoozed_until > reminder.due ? *reminder.snoozed_until
                                                                                          : reminder.due;
            std::vector<Date> days{first};
            // A recurring reminder falls on each of its dates in the window, counted from its
            // first date as `done` moves it on, so month ends keep.
            if (reminder.every)
                for (int step = 1; days.size() < limit; ++step) {
                    Date next = add(reminder.starts_on, *reminder.every, step);
                    if (days_between(next, until) < 0) break;
                    if (days_between(first, next) > 0) days.push_back(next);
                }
            for (Date day : days) {
                if (days_between(day, until) < 0 || snoozed_on(*contact, day)) continue;
                auto reason = on_day(DueReason::Kind::reminder, day, options.today);
                reason.text = reminder.text;
                reason.source_id = reminder.id;
                reason.every = reminder.every;
                found.emplace_back(contact->id, reason);
            }
        }
        for (const auto& note : events) {
            const Contact* contact = person(note.contact_id);
            if (!contact || !note.happens_on) continue;
            const auto what = note_day(note, reading_from_json(note.reading));
            if (what.kind == DueReason::Kind::promise && note.done_on) continue;
            if (what.kind == DueReason::Kind::care && contact->last_contacted &&
                *contact->last_contacted >= *note.happens_on)
                continue;  // a check-in after a hard time: until you are in touch
            auto reason = on_day(what.kind, *note.happens_on, options.today);  // a promise on its deadline too
            if (what.kind == DueReason::Kind::promise) reason.deadline = note.happens_on;
            reason.text = what.text;
            reason.loss = what.loss;
            reason.source_id = note.id;
            reason.noted = note.on;
            found.emplace_back(note.contact_id, reason);
        }
        for (const auto& note : follow_ups) {
            auto reading = reading_from_json(note.reading);
            if (!person(note.contact_id) || !reading || !note.follow_up_on) continue;
            if (note.happens_on && reading->kind == "promise") continue;  // filed on its deadline, above
            auto kind = reading->kind == "promise" ? DueReason::Kind::promise : DueReason::Kind::mistake;
            auto reason = on_day(kind, *note.follow_up_on, options.today);
            reason.noted = note.on;
            reason.text = reading->phrase.empty() ? note.text : reading->phrase;
            reason.source_id = note.id;
            found.emplace_back(note.contact_id, reason);
        }
        // `log --asked b` in the days before a birthday takes it off, as in `due`.
        std::vector<std::int64_t> born_ids;
        for (const auto& b : born) born_ids.push_back(b.second);
        const auto wished = store.asked().last_asked(born_ids, "b");
        for (const auto& [day, id] : born) {
            const Contact* contact = person(id);
            if (!contact || !contact->birthday) continue;
            const auto asked = wished.find(id);
            if (asked != wished.end() && asked->second >= subtract(day, options.birthday_window) &&
                (day > options.today || asked->second >= day))
                continue;
            auto reason = on_day(DueReason::Kind::birthday, day, options.today);
            reason.turning = age_on(*contact->birthday, day);
            found.emplace_back(id, reason);
        }
        for (const auto& on : dated) {
            if (!person(on.contact_id)) continue;
            auto reason = on_day(DueReason::Kind::anniversary, on.day, options.today);
            reason.label = on.event.label;
            reason.years = age_on(on.event.date, on.day);
            found.emplace_back(on.contact_id, reason);
        }
        for (auto id : checkins) {
            const Contact* contact = person(id);
            if (!contact) continue;
            auto cadence = effective_cadence(*contact, options.tag_cadences);
            if (!cadence) continue;
            Date day = checkin_due(contact->last_contacted.value_or(contact->added_on), *cadence);
            if (days_between(from, day) < 0 || days_between(day, until) < 0 || snoozed_on(*contact, day)) continue;
            auto reason = on_day(DueReason::Kind::checkin, day, options.today);
            reason.cadence = cadence;
            reason.last_spoke = contact->last_contacted;
            reason.added_on = contact->added_on;
            found.emplace_back(id, reason);
        }
        result.late = late_people(store, options);
    });

    std::map<std::int64_t, Contact> contacts;
    for (auto& item : result.items) contacts.emplace(item.contact.id, std::move(item.contact));
    result.items.clear();
    std::vector<std::tuple<Date, int, std::string, std::int64_t, std::size_t>> order;
    for (std::size_t i = 0; i < found.size(); ++i) {
        const auto& [id, reason] = found[i];
        order.emplace_back(reason.date, kind_order(reason.kind), fold_key(contacts.at(id).name), id, i);
    }
    std::sort(order.begin(), order.end());
    for (const auto& key : order) {
        if (result.items.size() >= limit) {
            cut = true;
            break;
        }
        const auto& [id, reason] = found[std::get<4>(key)];
        result.items.push_back({contacts.at(id), reason});
    }
    result.more = cut && result.items.size() >= limit;
    return result;
}

}  // namespace kith
