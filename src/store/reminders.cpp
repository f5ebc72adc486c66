// Reminders: something to do for a person on a date, once or on a schedule.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kith/store.h"
#include "store/rows.h"
#include "store/store_internal.h"

namespace kith {

using namespace store_detail;

namespace {

const Rows<Reminder> reminder_rows("reminders", {
    column<&Reminder::id>("id"),
    insert_only<&Reminder::uuid>("uuid"),
    column<&Reminder::contact_id>("contact_id"),
    column<&Reminder::text>("text"),
    column<&Reminder::due>("due_on"),
    column<&Reminder::every>("every"),
    column<&Reminder::done_on>("done_on"),
    column<&Reminder::snoozed_until>("snoozed_until"),
    insert_only<&Reminder::created_at>("created_at"),
    column<&Reminder::updated_at>("updated_at"),
    column<&Reminder::starts_on>("starts_on"),
});

}  // namespace

void ReminderRepository::insert(Reminder& reminder) {
    stamp(reminder.uuid, reminder.created_at, reminder.updated_at);
    reminder_rows.insert(c_, reminder);
}

void ReminderRepository::update(Reminder& reminder, Stamp stamp) {
    if (stamp == Stamp::now || reminder.updated_at.empty()) reminder.updated_at = utc_now();
    reminder_rows.update(c_, reminder);
}

bool ReminderRepository::remove(std::int64_t id) { return reminder_rows.remove(c_, id); }

std::optional<Reminder> ReminderRepository::find(std::int64_t id) {
    auto& query = c_(reminder_rows.select() + "WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return reminder_rows.read(query);
}

std::vector<Reminder> ReminderRepository::open_for(std::int64_t contact_id) {
    auto& query =
        c_(reminder_rows.select() + "WHERE contact_id = ? AND done_on IS NULL ORDER BY due_on, id");
    query.bind(1, contact_id);
    return reminder_rows.read_all(query);
}

std::vector<Reminder> ReminderRepository::open(const std::string& id_prefix, std::size_t limit) {
    SQLite::Statement query(*c_.db, reminder_rows.select() +
                                      "WHERE done_on IS NULL AND CAST(id AS TEXT) LIKE :prefix || '%' "
                                      "ORDER BY due_on, id LIMIT :limit");
    query.bind(":prefix", id_prefix);
    query.bind(":limit", static_cast<std::int64_t>(limit));
    return reminder_rows.read_all(query);
}

std::vector<Reminder> ReminderRepository::due_for(const std::vector<std::int64_t>& contact_ids, Date today,
                                                  Date until) {
    auto& query = c_(reminder_rows.select() +
                             "WHERE contact_id IN (SELECT value FROM json_each(:ids)) AND done_on IS NULL "
                             "AND due_on <= :until AND (snoozed_until IS NULL OR snoozed_until <= :today) "
                             "ORDER BY due_on, id");
    query.bind(":ids", id_array(contact_ids));
    query.bind(":today", format_iso(today));
    query.bind(":until", format_iso(until));
    return reminder_rows.read_all(query);
}

std::vector<Reminder> ReminderRepository::due_between(Date from, Date until, std::size_t limit) {
    auto& query = c_(reminder_rows.select() +
                     "INDEXED BY reminders_open_by_due WHERE done_on IS NULL AND due_on BETWEEN :from AND :until "
                     "AND EXISTS (SELECT 1 FROM contacts c WHERE c.id = reminders.contact_id AND c.archived = 0) "
                     "ORDER BY due_on LIMIT :limit");
    query.bind(":from", format_iso(from));
    query.bind(":until", format_iso(until));
    query.bind(":limit", static_cast<std::int64_t>(limit));
    return reminder_rows.read_all(query);
}

std::vector<Reminder> ReminderRepository::for_contacts(const std::vector<std::int64_t>& contact_ids) {
    auto& query = c_(reminder_rows.select() +
                             "WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY contact_id, id");
    query.bind(1, id_array(contact_ids));
    return reminder_rows.read_all(query);
}

}  // namespace kith
