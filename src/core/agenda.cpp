// The agenda: what falls on each day of a window, read from the store's date indexes.
#include "kith/agenda.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
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

// Something that may fall on a day of the agenda: its day and kind are known from its own
// record, whether it stands and what it says may need its person.
struct Candidate {
    Date day{};
    int order;  // kind_order
    std::int64_t person;
    std::function<std::optional<DueReason>(const Contact&)> reason;
};

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
    // among them, whatever the size of the book. Only the people of the soonest are read.
    std::vector<Candidate> candidates;
    std::map<std::int64_t, Contact> people;
    auto propose = [&](Date day, DueReason::Kind kind, std::int64_t person,
                       std::function<std::optional<DueReason>(const Contact&)> reason) {
        candidates.push_back({day, kind_order(kind), person, std::move(reason)});
    };
    bool cut = false;
    std::vector<AgendaItem> items;
    // Reads each source, up to `read` records, and finds what stands among the soonest.
    auto collect = [&](std::size_t read) {
        auto reminders = store.reminders().due_between(from, until, read);
        auto events = store.notes().happening_between(from, until, read);
        auto follow_ups = store.notes().follow_ups_between(from, until, read);
        auto born = store.due().birthdays_between(from, until, read);
        auto dated = store.due().events_between(from, until, read);
        auto checkins = store.due().checkins_between(from, until, read, tag_intervals);
        candidates.clear();
        items.clear();
        cut = reminders.size() >= read || events.size() >= read || follow_ups.size() >= read || born.size() >= read ||
              dated.size() >= read || checkins.size() >= read;

        for (const auto& reminder : reminders) {
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
                if (days_between(day, until) < 0) continue;
                propose(day, DueReason::Kind::reminder, reminder.contact_id,
                        [&, day](const Contact& contact) -> std::optional<DueReason> {
                            if (snoozed_on(contact, day)) return std::nullopt;
                            auto reason = on_day(DueReason::Kind::reminder, day, options.today);
                            reason.text = reminder.text;
                            reason.source_id = reminder.id;
                            reason.every = reminder.every;
                            return reason;
                        });
            }
        }
        for (const auto& note : events) {
            if (!note.happens_on) continue;
            const auto what = note_day(note, reading_from_json(note.reading));
            if (what.kind == DueReason::Kind::promise && note.done_on) continue;
            propose(*note.happens_on, what.kind, note.contact_id,
                    [&, what](const Contact& contact) -> std::optional<DueReason> {
                        if (what.kind == DueReason::Kind::care && contact.last_contacted &&
                            *contact.last_contacted >= *note.happens_on)
                            return std::nullopt;  // a check-in after a hard time: until you are in touch
                        // Called off by a later note: the people's notes are read only for what is shown.
                        if (called_off(note, store.notes().for_contact(contact.id))) return std::nullopt;
                        auto reason =
                            on_day(what.kind, *note.happens_on, options.today);  // a promise on its deadline too
                        if (what.kind == DueReason::Kind::promise) reason.deadline = note.happens_on;
                        reason.text = what.text;
                        reason.loss = what.loss;
                        reason.source_id = note.id;
                        reason.noted = note.on;
                        return reason;
                    });
        }
        for (const auto& note : follow_ups) {
            auto reading = reading_from_json(note.reading);
            if (!reading || !note.follow_up_on) continue;
            if (note.happens_on && reading->kind == "promise") continue;  // filed on its deadline, above
            auto kind = reading->kind == "promise" ? DueReason::Kind::promise : DueReason::Kind::mistake;
            auto reason = on_day(kind, *note.follow_up_on, options.today);
            reason.noted = note.on;
            reason.text = reading->phrase.empty() ? note.text : reading->phrase;
            reason.source_id = note.id;
            propose(*note.follow_up_on, kind, note.contact_id, [reason](const Contact&) { return reason; });
        }
        // `log --asked b` in the days before a birthday takes it off, as in `due`.
        std::vector<std::int64_t> born_ids;
        for (const auto& b : born) born_ids.push_back(b.second);
        const auto wished = store.asked().last_asked(born_ids, "b");
        for (const auto& birthday : born) {
            const Date day = birthday.first;  // named, not a structured binding: a lambda below keeps it
            const std::int64_t id = birthday.second;
            const auto asked = wished.find(id);
            if (asked != wished.end() && asked->second >= subtract(day, options.birthday_window) &&
                (day > options.today || asked->second >= day))
                continue;
            propose(day, DueReason::Kind::birthday, id, [&, day](const Contact& contact) -> std::optional<DueReason> {
                if (!contact.birthday) return std::nullopt;
                auto reason = on_day(DueReason::Kind::birthday, day, options.today);
                reason.turning = age_on(*contact.birthday, day);
                return reason;
            });
        }
        for (const auto& on : dated) {
            auto reason = on_day(DueReason::Kind::anniversary, on.day, options.today);
            reason.label = on.event.label;
            reason.years = age_on(on.event.date, on.day);
            propose(on.day, DueReason::Kind::anniversary, on.contact_id, [reason](const Contact&) { return reason; });
        }
        // A check-in's day is its person's: they are read first.
        for (auto& contact : store.contacts().find_many(checkins)) people.emplace(contact.id, std::move(contact));
        for (auto id : checkins) {
            const auto found = people.find(id);
            if (found == people.end()) continue;
            const Contact& contact = found->second;
            auto cadence = effective_cadence(contact, options.tag_cadences);
            if (!cadence) continue;
            Date day = checkin_due(contact.last_contacted.value_or(contact.added_on), *cadence);
            if (days_between(from, day) < 0 || days_between(day, until) < 0 || snoozed_on(contact, day)) continue;
            auto reason = on_day(DueReason::Kind::checkin, day, options.today);
            reason.cadence = cadence;
            reason.last_spoke = contact.last_contacted;
            reason.added_on = contact.added_on;
            propose(day, DueReason::Kind::checkin, id, [reason](const Contact&) { return reason; });
        }

        // Soonest first, and of one day and kind by person: only the people of the first
        // `limit` are read, and more only while some of those do not stand. (A day cut short
        // keeps its first people by id; the list shows them by name.)
        std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
            return std::tie(a.day, a.order, a.person) < std::tie(b.day, b.order, b.person);
        });
        std::size_t next = 0;
        while (next < candidates.size() && items.size() < limit) {
            const std::size_t end = std::min(candidates.size(), next + (limit - items.size()));
            std::set<std::int64_t> unread;
            for (std::size_t i = next; i < end; ++i)
                if (!people.count(candidates[i].person)) unread.insert(candidates[i].person);
            for (auto& contact : store.contacts().find_many({unread.begin(), unread.end()}))
                people.emplace(contact.id, std::move(contact));
            for (; next < end; ++next) {
                const auto found = people.find(candidates[next].person);
                if (found == people.end()) continue;
                if (auto reason = candidates[next].reason(found->second)) items.push_back({found->second, *reason});
            }
        }
        return next < candidates.size();
    };
    store.read([&] {
        // What a snooze or a wish leaves out frees room: while some source had more, read again.
        for (std::size_t read = limit;; read *= 2) {
            const bool unread = collect(read);
            if (items.size() >= limit || !cut) {
                cut = cut || unread;
                break;
            }
        }
        result.late = late_people(store, options);
    });

    // By day; within a day by kind, then by name.
    std::vector<std::tuple<Date, int, std::string, std::int64_t, std::size_t>> order;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& [contact, reason] = items[i];
        order.emplace_back(reason.date, kind_order(reason.kind), fold_key(contact.name), contact.id, i);
    }
    std::sort(order.begin(), order.end());
    for (const auto& key : order) {
        if (result.items.size() >= limit) {
            cut = true;
            break;
        }
        result.items.push_back(std::move(items[std::get<4>(key)]));
    }
    result.more = cut && result.items.size() >= limit;
    return result;
}

}  // namespace kith
