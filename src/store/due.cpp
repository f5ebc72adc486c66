// The candidate queries behind `kith due`. Each reads one index in urgency order and stops
// after `limit` people, so the work is the same for a hundred people or a hundred thousand.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "kith/dates.h"
#include "kith/error.h"
#include "kith/store.h"
#include "kith/text.h"
#include "store/store_internal.h"

namespace kith {

using namespace store_detail;

namespace {

// Conditions every candidate meets: not archived, not snoozed (but a birthday shows through a
// snooze), carrying every requested tag.
std::string person_filter(std::size_t tag_count, bool birthday = false) {
    std::string sql = birthday ? " AND c.archived = 0" : " AND c.archived = 0 AND (c.snoozed_until IS NULL OR c.snoozed_until <= :today)";
    for (std::size_t i = 0; i < tag_count; ++i)
        sql += fmt::format(
            " AND EXISTS (SELECT 1 FROM contact_values v WHERE v.contact_id = c.id AND v.kind = 'tag' "
            "AND v.value_key = :tag{})",
            i);
    return sql;
}

std::string month_day(Date date) {
    return fmt::format("{:02}-{:02}", static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

// What a statement's people are due for, as the ranking sees it (SPEC §4: birthdays today,
// then late items, then what is coming up).
enum class Urgency {
    now,      // certainly ranked among the late or today's birthdays: overdue reminders and check-ins
    maybe,    // candidates the core checks exactly (tag cadences, found with a few days' slack)
    upcoming  // ranked after everyone late: birthdays after today, note events
};

// Which of a person's reasons a statement finds.
enum class Source { reminder, checkin, tag_cadence, birthday, anniversary, follow_up, event };

struct DueStatement {
    Source source;
    std::string sql;  // selects (contact_id, date key, every_days, name_key) in date-key order
    std::vector<std::pair<std::string, std::string>> binds;
    // Read in index order until `limit` people are found, then on through ties of the last
    // key: the statement itself has no LIMIT, as a GROUP BY would first visit every row.
    bool stream = false;
    Urgency urgency = Urgency::now;
};

// The statements, built once so that running them and explaining them cannot drift apart.
std::vector<DueStatement> due_statements(const DueQuery& q) {
    auto filter = person_filter(q.tags.size());
    auto birthday_filter = person_filter(q.tags.size(), true);
    auto limit = std::to_string(q.limit);
    std::vector<DueStatement> statements;

    // Open reminders due by today, earliest first.
    statements.push_back(
        {Source::reminder, "SELECT r.contact_id, r.due_on, c.every_days, c.name_key FROM reminders r INDEXED BY reminders_open_by_due "
         "JOIN contacts c ON c.id = r.contact_id "
         "WHERE r.done_on IS NULL AND r.due_on <= :today "
         "AND (r.snoozed_until IS NULL OR r.snoozed_until <= :today)" +
             filter + " ORDER BY r.due_on",
         {},
         true});
    // Open reminders coming up in the window (`due --within`), after everyone late.
    statements.push_back(
        {Source::reminder, "SELECT r.contact_id, r.due_on, c.every_days, c.name_key FROM reminders r INDEXED BY reminders_open_by_due "
         "JOIN contacts c ON c.id = r.contact_id "
         "WHERE r.done_on IS NULL AND r.due_on > :today AND r.due_on <= :events_until "
         "AND (r.snoozed_until IS NULL OR r.snoozed_until <= :today)" +
             filter + " ORDER BY r.due_on",
         {{":events_until", format_iso(q.events_until)}},
         true,
         Urgency::upcoming});
    // Their own cadence has come round; the index holds the whole ranking order.
    statements.push_back(
        {Source::checkin, "SELECT c.id, c.checkin_due, c.every_days, c.name_key FROM contacts c WHERE c.checkin_due IS NOT NULL "
         "AND c.archived = 0 AND c.checkin_due <= :today" +
             filter + " ORDER BY c.checkin_due, c.every_days, c.name_key LIMIT " + limit,
         {}});
    // A tag's default cadence has come round for people without their own; a few days' slack
    // covers month-end clamping, and the core checks each exactly.
    for (const auto& [tag, interval] : q.tag_cadences) {
        auto cutoff = add(subtract(q.today, interval), Interval{3, Interval::Unit::days});
        statements.push_back(
            {Source::tag_cadence, "SELECT c.id, c.last_touch, c.every_days, c.name_key FROM contacts c WHERE c.every IS NULL AND c.archived "
             "= 0 "
             "AND c.last_touch <= :cutoff" +
                 filter +
                 " AND EXISTS (SELECT 1 FROM contact_values d WHERE d.contact_id = c.id AND d.kind = 'tag' "
                 "AND d.value_key = :cadence_tag) ORDER BY c.last_touch, c.name_key LIMIT " +
                 limit,
             {{":cutoff", format_iso(cutoff)}, {":cadence_tag", fold_key(tag)}},
             false,
             Urgency::maybe});
    }
    // Birthdays: one index lookup per day of the window, soonest day first (Feb 29 birthdays
    // come round on Feb 28 in common years). People with a cadence rank first, shortest first,
    // and the index (birthday_md, every_days, name_key) gives them in that order; people
    // without one (NULL, first in the index) are a second range in name order. Ordering by
    // "every_days IS NULL" instead would sort every person born that day.
    Date day = q.today;
    for (int i = 0; i < 366 && days_between(day, q.birthdays_until) >= 0;
         ++i, day = add(day, Interval{1, Interval::Unit::days})) {
        std::string days = "c.birthday_md = :md";
        bool common_year_feb_28 =
            static_cast<unsigned>(day.month()) == 2 && static_cast<unsigned>(day.day()) == 28 && !day.year().is_leap();
        if (common_year_feb_28) days = "c.birthday_md IN (:md, '02-29')";
        auto born = "SELECT c.id, :md, c.every_days, c.name_key FROM contacts c WHERE " + days + birthday_filter;
        statements.push_back({Source::birthday, "SELECT * FROM (" + born + " AND c.every_days IS NOT NULL ORDER BY c.every_days, "
                                  "c.name_key LIMIT " + limit + ") UNION ALL SELECT * FROM (" + born +
                                  " AND c.every_days IS NULL ORDER BY c.name_key LIMIT " + limit + ")",
                              {{":md", month_day(day)}},
                              false,
                              i == 0 ? Urgency::now : Urgency::upcoming});
        // The card's dated events (anniversaries …) on that day, as birthdays: the day's rows of
        // contact_fields_by_day, a few in any book, read whole and ranked by best_people (the index
        // cannot hold the person's cadence and name, so a LIMIT would cut before the ranking).
        statements.push_back(
            {Source::anniversary,
             "SELECT f.contact_id, :md, c.every_days, c.name_key FROM contact_fields f INDEXED BY contact_fields_by_day "
             "JOIN contacts c ON c.id = f.contact_id WHERE " +
                 std::string(common_year_feb_28 ? "f.day IN (:md, '02-29')" : "f.day = :md") + " AND f.kind = 'event'" +
                 birthday_filter,
             {{":md", month_day(day)}},
             false,
             i == 0 ? Urgency::now : Urgency::upcoming});
    }
    // Ours to do: promises not kept, mistakes to check on, from their day on, earliest first.
    statements.push_back(
        {Source::follow_up, "SELECT n.contact_id, n.follow_up_on, c.every_days, c.name_key FROM notes n INDEXED BY notes_to_follow_up "
         "JOIN contacts c ON c.id = n.contact_id "
         "WHERE n.follow_up_on IS NOT NULL AND n.done_on IS NULL AND n.follow_up_on <= :today" +
             filter + " ORDER BY n.follow_up_on",
         {},
         true});
    // Note events in the window, earliest first: ahead, or passed and not followed up by an
    // interaction since.
    statements.push_back(
        {Source::event, "SELECT n.contact_id, n.happens_on, c.every_days, c.name_key FROM notes n JOIN contacts c ON c.id = "
         "n.contact_id "
         "WHERE n.happens_on BETWEEN :events_from AND :events_until" +
             filter +
             " AND (n.happens_on >= :today OR NOT EXISTS (SELECT 1 FROM interactions i "
             "WHERE i.contact_id = n.contact_id AND i.happened_on >= n.happens_on)) "
             "ORDER BY n.happens_on",
         {{":events_from", format_iso(q.events_from)}, {":events_until", format_iso(q.events_until)}},
         true,
         Urgency::upcoming});
    return statements;
}

void bind_common(SQLite::Statement& statement, const DueQuery& q, const DueStatement& due) {
    auto bind_if_used = [&](const std::string& name, const std::string& value) {
        // A name the statement does not use has index 0; binding it would throw.
        if (statement.getIndex(name.c_str()) > 0) statement.bind(name, value);
    };
    bind_if_used(":today", format_iso(q.today));
    for (std::size_t i = 0; i < q.tags.size(); ++i) bind_if_used(fmt::format(":tag{}", i), fold_key(q.tags[i]));
    for (const auto& [name, value] : due.binds) bind_if_used(name, value);
}

}  // namespace

namespace {

// A candidate row with the whole ranking key: date, then shorter cadence (none last), then name.
struct CandidateRow {
    std::int64_t id;
    std::string key;
    bool no_cadence;
    std::int64_t every_days;
    std::string name_key;
    auto rank() const { return std::tie(key, no_cadence, every_days, name_key, id); }
};

// The best `limit` people of one statement. A streamed statement is read in date order until
// `limit` people are found and the date moves on; the last date's ties are then ordered by
// the rest of the key, so exactly the first `limit` people are kept.
std::vector<std::int64_t> best_people(SQLite::Statement& statement, bool stream, std::size_t limit) {
    std::vector<CandidateRow> rows;
    std::vector<std::int64_t> seen;
    while (statement.executeStep()) {
        CandidateRow row{statement.getColumn(0).getInt64(), statement.getColumn(1).getString(),
                         statement.getColumn(2).isNull(), statement.getColumn(2).getInt64(),
                         statement.getColumn(3).getString()};
        if (stream && seen.size() >= limit && row.key != rows.back().key) break;
        if (std::find(seen.begin(), seen.end(), row.id) == seen.end()) seen.push_back(row.id);
        rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.rank() < b.rank(); });
    std::vector<std::int64_t> best;
    for (const auto& row : rows) {
        if (best.size() >= limit) break;
        if (std::find(best.begin(), best.end(), row.id) == best.end()) best.push_back(row.id);
    }
    return best;
}

}  // namespace

std::vector<std::int64_t> DueRepository::candidates(const DueQuery& query) {
    std::vector<std::int64_t> ids, now;
    std::size_t birthday_people = 0;  // birthdays and anniversaries, read day by day
    for (const auto& due : due_statements(query)) {
        const bool is_birthday = due.source == Source::birthday || due.source == Source::anniversary;
        if (is_birthday && birthday_people >= query.limit) continue;  // the soonest days already fill the list
        // Enough people are late or have their birthday today: nobody merely coming up can
        // make the list, however many there are.
        if (due.urgency == Urgency::upcoming && now.size() >= query.limit) continue;
        auto& statement = c_(due.sql);
        bind_common(statement, query, due);
        auto found = best_people(statement, due.stream, query.limit);
        if (is_birthday) birthday_people += found.size();
        if (due.urgency == Urgency::now) {
            for (auto id : found)
                if (std::find(now.begin(), now.end(), id) == now.end()) now.push_back(id);
        }
        ids.insert(ids.end(), found.begin(), found.end());
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

std::vector<std::pair<Date, std::int64_t>> DueRepository::birthdays_between(Date from, Date until, std::size_t limit) {
    std::vector<std::pair<Date, std::int64_t>> born;
    // One index lookup per day, as for `due` (a range over MM-DD would have to wrap at New Year),
    // in the index's own order so that a day with many birthdays is read only up to the limit.
    for (Date day = from; days_between(day, until) >= 0 && born.size() < limit;
         day = add(day, Interval{1, Interval::Unit::days})) {
        const bool common_year_feb_28 =
            static_cast<unsigned>(day.month()) == 2 && static_cast<unsigned>(day.day()) == 28 && !day.year().is_leap();
        auto& statement = c_(std::string("SELECT c.id FROM contacts c WHERE ") +
                             (common_year_feb_28 ? "c.birthday_md IN (:md, '02-29')" : "c.birthday_md = :md") +
                             " AND c.archived = 0 ORDER BY c.every_days, c.name_key LIMIT :limit");
        statement.bind(":md", month_day(day));
        statement.bind(":limit", static_cast<std::int64_t>(limit - born.size()));
        while (statement.executeStep()) born.emplace_back(day, statement.getColumn(0).getInt64());
    }
    return born;
}

std::vector<DueRepository::EventOn> DueRepository::events_between(Date from, Date until, std::size_t limit) {
    std::vector<EventOn> found;
    // As birthdays_between: one lookup of contact_fields_by_day per day.
    for (Date day = from; days_between(day, until) >= 0 && found.size() < limit;
         day = add(day, Interval{1, Interval::Unit::days})) {
        const bool common_year_feb_28 =
            static_cast<unsigned>(day.month()) == 2 && static_cast<unsigned>(day.day()) == 28 && !day.year().is_leap();
        auto& statement = c_(std::string("SELECT f.contact_id, f.label, f.value FROM contact_fields f INDEXED BY "
                                         "contact_fields_by_day JOIN contacts c ON c.id = f.contact_id WHERE ") +
                             (common_year_feb_28 ? "f.day IN (:md, '02-29')" : "f.day = :md") +
                             " AND f.kind = 'event' AND c.archived = 0 "
                             "ORDER BY c.every_days IS NULL, c.every_days, c.name_key, f.position LIMIT :limit");
        statement.bind(":md", month_day(day));
        statement.bind(":limit", static_cast<std::int64_t>(limit - found.size()));
        while (statement.executeStep()) {
            auto date = parse_birthday(statement.getColumn(2).getString());
            if (!date) throw runtime_error("database holds a bad dated event: " + date.error());
            found.push_back({day, statement.getColumn(0).getInt64(), {statement.getColumn(1).getString(), *date}});
        }
    }
    return found;
}

std::map<std::int64_t, std::vector<DatedEvent>> DueRepository::events_of(const std::vector<std::int64_t>& contact_ids) {
    std::map<std::int64_t, std::vector<DatedEvent>> found;
    auto& query = c_(
        "SELECT contact_id, label, value FROM contact_fields WHERE contact_id IN (SELECT value FROM json_each(?)) "
        "AND kind = 'event' ORDER BY contact_id, position");
    query.bind(1, id_array(contact_ids));
    while (query.executeStep()) {
        auto date = parse_birthday(query.getColumn(2).getString());
        if (!date) throw runtime_error("database holds a bad dated event: " + date.error());
        found[query.getColumn(0).getInt64()].push_back({query.getColumn(1).getString(), *date});
    }
    return found;
}

std::vector<std::int64_t> DueRepository::checkins_between(
    Date from, Date until, std::size_t limit, const std::vector<std::pair<std::string, Interval>>& tag_cadences) {
    std::vector<std::int64_t> ids;
    auto read_ids = [&](SQLite::Statement& statement) {
        while (statement.executeStep()) ids.push_back(statement.getColumn(0).getInt64());
    };
    auto& own = c_(
        "SELECT c.id FROM contacts c WHERE c.checkin_due IS NOT NULL AND c.archived = 0 "
        "AND c.checkin_due BETWEEN :from AND :until AND (c.snoozed_until IS NULL OR c.snoozed_until <= c.checkin_due) "
        "ORDER BY c.checkin_due LIMIT :limit");
    own.bind(":from", format_iso(from));
    own.bind(":until", format_iso(until));
    own.bind(":limit", static_cast<std::int64_t>(limit));
    read_ids(own);
    // A tag's default cadence comes round `interval` after the last touch; a few days' slack
    // each side covers month-end clamping.
    const Interval slack{3, Interval::Unit::days};
    for (const auto& [tag, interval] : tag_cadences) {
        auto& by_tag = c_(
            "SELECT c.id FROM contacts c WHERE c.every IS NULL AND c.archived = 0 "
            "AND c.last_touch BETWEEN :earliest AND :latest AND EXISTS (SELECT 1 FROM contact_values d "
            "WHERE d.contact_id = c.id AND d.kind = 'tag' AND d.value_key = :tag) ORDER BY c.last_touch LIMIT :limit");
        by_tag.bind(":earliest", format_iso(subtract(subtract(from, interval), slack)));
        by_tag.bind(":latest", format_iso(add(subtract(until, interval), slack)));
        by_tag.bind(":tag", fold_key(tag));
        by_tag.bind(":limit", static_cast<std::int64_t>(limit));
        read_ids(by_tag);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

std::vector<std::string> DueRepository::query_plans(const DueQuery& query) {
    std::vector<std::string> lines;
    for (const auto& due : due_statements(query)) {
        auto& statement = c_("EXPLAIN QUERY PLAN " + due.sql);
        bind_common(statement, query, due);
        while (statement.executeStep()) lines.push_back(statement.getColumn(3).getString());
        lines.push_back("--");
    }
    return lines;
}

}  // namespace kith
