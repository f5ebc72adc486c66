// The candidate queries behind `kith due`. Each reads one index in urgency order and stops
// after `limit` people, so the work is the same for a hundred people or a hundred thousand.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>

#include "kith/store.h"
#include "kith/text.h"
#include "store/store_internal.h"

namespace kith {

using namespace store_detail;

namespace {

// Conditions every candidate meets: not archived, not snoozed, carrying every requested tag.
std::string person_filter(std::size_t tag_count) {
    std::string sql = " AND c.archived = 0 AND (c.snoozed_until IS NULL OR c.snoozed_until <= :today)";
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

// ["11-22","11-23",...]: every month-day from `from` to `until`, at most a year of them.
std::string month_days_json(Date from, Date until) {
    std::string out = "[";
    Date day = from;
    for (int i = 0; i < 366 && days_between(day, until) >= 0; ++i, day = add(day, Interval{1, Interval::Unit::days})) {
        if (i) out += ',';
        out += fmt::format("\"{}\"", month_day(day));
        bool common_year_feb_28 = static_cast<unsigned>(day.month()) == 2 && static_cast<unsigned>(day.day()) == 28 &&
                                  !day.year().is_leap();
        if (common_year_feb_28) out += ",\"02-29\"";
    }
    return out + "]";
}

struct DueStatement {
    std::string sql;
    std::vector<std::pair<std::string, std::string>> binds;
};

// The statements, built once so that running them and explaining them cannot drift apart.
std::vector<DueStatement> due_statements(const DueQuery& q) {
    auto filter = person_filter(q.tags.size());
    auto limit = std::to_string(q.limit);
    std::vector<DueStatement> statements;

    // Open reminders due by today; the person's earliest one ranks them.
    // INDEXED BY: with GROUP BY contact_id the planner would rather walk every reminder.
    statements.push_back({"SELECT r.contact_id FROM reminders r INDEXED BY reminders_open_by_due "
                          "JOIN contacts c ON c.id = r.contact_id "
                          "WHERE r.done_on IS NULL AND r.due_on <= :today "
                          "AND (r.snoozed_until IS NULL OR r.snoozed_until <= :today)" +
                              filter + " GROUP BY r.contact_id ORDER BY min(r.due_on), c.every_days IS NULL, c.every_days, c.name_key LIMIT " + limit,
                          {}});
    // Their own cadence has come round.
    statements.push_back({"SELECT c.id FROM contacts c WHERE c.checkin_due IS NOT NULL AND c.archived = 0 "
                          "AND c.checkin_due <= :today" +
                              filter + " ORDER BY c.checkin_due, c.every_days, c.name_key LIMIT " + limit,
                          {}});
    // A tag's default cadence has come round for people without their own; a few days' slack
    // covers month-end clamping, and the core checks each exactly.
    for (std::size_t i = 0; i < q.tag_cadences.size(); ++i) {
        const auto& [tag, interval] = q.tag_cadences[i];
        auto cutoff = add(subtract(q.today, interval), Interval{3, Interval::Unit::days});
        statements.push_back(
            {"SELECT c.id FROM contacts c WHERE c.every IS NULL AND c.archived = 0 AND c.last_touch <= :cutoff" +
                 filter +
                 " AND EXISTS (SELECT 1 FROM contact_values d WHERE d.contact_id = c.id AND d.kind = 'tag' "
                 "AND d.value_key = :cadence_tag) ORDER BY c.last_touch, c.name_key LIMIT " +
                 limit,
             {{":cutoff", format_iso(cutoff)}, {":cadence_tag", fold_key(tag)}}});
    }
    // Birthdays from today to the end of the window, soonest first: one index lookup per
    // month-day in the window (Feb 29 birthdays come round on Feb 28 in common years).
    statements.push_back({"SELECT c.id FROM json_each(:month_days) w JOIN contacts c "
                          "ON c.birthday_md = w.value AND c.archived = 0 WHERE 1" +
                              filter + " ORDER BY w.key, c.every_days IS NULL, c.every_days, c.name_key LIMIT " + limit,
                          {{":month_days", month_days_json(q.today, q.birthdays_until)}}});
    // Note events in the window: ahead, or passed and not followed up by an interaction since.
    statements.push_back({"SELECT n.contact_id FROM notes n JOIN contacts c ON c.id = n.contact_id "
                          "WHERE n.event_on BETWEEN :events_from AND :events_until" +
                              filter +
                              " AND (n.event_on >= :today OR NOT EXISTS (SELECT 1 FROM interactions i "
                              "WHERE i.contact_id = n.contact_id AND i.happened_on >= n.event_on)) "
                              "GROUP BY n.contact_id ORDER BY min(n.event_on), c.every_days IS NULL, c.every_days, c.name_key LIMIT " +
                              limit,
                          {{":events_from", format_iso(q.events_from)}, {":events_until", format_iso(q.events_until)}}});
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

std::vector<std::int64_t> Store::due_candidates(const DueQuery& query) {
    std::vector<std::int64_t> ids;
    for (const auto& due : due_statements(query)) {
        SQLite::Statement statement(*db_, due.sql);
        bind_common(statement, query, due);
        while (statement.executeStep()) ids.push_back(statement.getColumn(0).getInt64());
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

std::vector<std::string> Store::due_query_plans(const DueQuery& query) {
    std::vector<std::string> lines;
    for (const auto& due : due_statements(query)) {
        SQLite::Statement statement(*db_, "EXPLAIN QUERY PLAN " + due.sql);
        bind_common(statement, query, due);
        while (statement.executeStep()) lines.push_back(statement.getColumn(3).getString());
        lines.push_back("--");
    }
    return lines;
}

}  // namespace kith
