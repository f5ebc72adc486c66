// kith_bench_naive_due DATABASE TODAY [--plan]: the baseline `kith due` is compared with.
//
// It answers the same question over kith's own database -- who to reach out to today: open
// reminders due, check-ins come round since the last interaction (or since added), birthdays
// in the next 7 days, note events in the window not followed up -- the way one would with
// the sqlite3 shell: one plain query that looks at every person and every note, computing
// dates as it goes, then ranks and keeps the first ten. It reads none of the columns kith
// maintains for `due` (checkin_due, last_touch) and no index is forced or avoided by hand.
// With --plan it prints SQLite's plan instead, to show that it is a full scan.
#include <sqlite3.h>

#include <cstdio>
#include <cstring>
#include <string>

namespace {

constexpr const char* naive_due_sql = R"sql(
WITH people AS (
    SELECT c.id, c.name, c.every_days, c.birthday_md,
           coalesce((SELECT max(i.happened_on) FROM interactions i WHERE i.contact_id = c.id), c.added_on)
               AS last_touch
    FROM contacts c
    WHERE c.archived = 0 AND (c.snoozed_until IS NULL OR c.snoozed_until <= :today)
),
items AS (
    -- check-ins: days since the cadence came round
    SELECT id, name, every_days, 1 AS tier, julianday(:today) - julianday(last_touch) - every_days AS days
    FROM people WHERE every_days IS NOT NULL AND julianday(last_touch) + every_days <= julianday(:today)
    UNION ALL
    -- reminders due by today
    SELECT p.id, p.name, p.every_days, 1, julianday(:today) - julianday(r.due_on)
    FROM reminders r JOIN people p ON p.id = r.contact_id
    WHERE r.done_on IS NULL AND r.due_on <= :today AND (r.snoozed_until IS NULL OR r.snoozed_until <= :today)
    UNION ALL
    -- birthdays within a week (today's first)
    SELECT id, name, every_days, CASE WHEN ahead = 0 THEN 0 ELSE 2 END, -ahead FROM (
        SELECT id, name, every_days,
               julianday(CASE WHEN strftime('%Y', :today) || '-' || birthday_md >= :today
                              THEN strftime('%Y', :today) || '-' || birthday_md
                              ELSE (strftime('%Y', :today) + 1) || '-' || birthday_md END) - julianday(:today)
                   AS ahead
        FROM people WHERE birthday_md IS NOT NULL)
    WHERE ahead BETWEEN 0 AND 7
    UNION ALL
    -- note events a week ahead, or up to 30 days past and not followed up
    SELECT p.id, p.name, p.every_days, 2, julianday(:today) - julianday(n.event_on)
    FROM notes n JOIN people p ON p.id = n.contact_id
    WHERE julianday(n.event_on) BETWEEN julianday(:today) - 30 AND julianday(:today) + 7
      AND (n.event_on >= :today OR n.event_on > p.last_touch)
)
SELECT id, name, min(tier), max(days) FROM items GROUP BY id
ORDER BY min(tier), max(days) DESC, every_days IS NULL, every_days, name
LIMIT 10
)sql";

int fail(sqlite3* db, const char* what) {
    std::fprintf(stderr, "kith_bench_naive_due: %s: %s\n", what, db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3 || argc > 4 || (argc == 4 && std::strcmp(argv[3], "--plan") != 0)) {
        std::fprintf(stderr, "usage: kith_bench_naive_due DATABASE TODAY [--plan]\n");
        return 2;
    }
    const bool plan = argc == 4;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return fail(db, argv[1]);
    const std::string sql = plan ? std::string("EXPLAIN QUERY PLAN ") + naive_due_sql : naive_due_sql;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) return fail(db, "prepare");
    sqlite3_bind_text(statement, sqlite3_bind_parameter_index(statement, ":today"), argv[2], -1, SQLITE_TRANSIENT);
    int status = SQLITE_OK;
    while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
        if (plan) {
            std::printf("%s\n", reinterpret_cast<const char*>(sqlite3_column_text(statement, 3)));
        } else {
            std::printf("#%lld\t%s\t%d\t%.0f\n", static_cast<long long>(sqlite3_column_int64(statement, 0)),
                        reinterpret_cast<const char*>(sqlite3_column_text(statement, 1)),
                        sqlite3_column_int(statement, 2), sqlite3_column_double(statement, 3));
        }
    }
    if (status != SQLITE_DONE) return fail(db, "step");
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return 0;
}
