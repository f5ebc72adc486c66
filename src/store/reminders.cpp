// Reminders: something to do for a person on a date, once or on a schedule.
#include <SQLiteCpp/SQLiteCpp.h>

#include "kith/error.h"
#include "kith/store.h"
#include "store/store_internal.h"

namespace kith {

using namespace store_detail;

namespace {

const char* reminder_columns =
    "SELECT id, uuid, contact_id, text, due_on, every, done_on, snoozed_until, created_at, updated_at, starts_on "
    "FROM reminders ";

Reminder read_reminder(SQLite::Statement& query) {
    Reminder reminder;
    reminder.id = query.getColumn(0).getInt64();
    reminder.uuid = query.getColumn(1).getString();
    reminder.contact_id = query.getColumn(2).getInt64();
    reminder.text = query.getColumn(3).getString();
    reminder.due = date_column(query.getColumn(4));
    if (!query.getColumn(5).isNull()) {
        auto every = parse_interval(query.getColumn(5).getString());
        if (!every) throw runtime_error("database holds a bad reminder interval: " + every.error());
        reminder.every = *every;
    }
    reminder.done_on = optional_date_column(query.getColumn(6));
    reminder.snoozed_until = optional_date_column(query.getColumn(7));
    reminder.created_at = query.getColumn(8).getString();
    reminder.updated_at = query.getColumn(9).getString();
    reminder.starts_on = date_column(query.getColumn(10));
    return reminder;
}

std::vector<Reminder> read_reminders(SQLite::Statement& query) {
    std::vector<Reminder> reminders;
    while (query.executeStep()) reminders.push_back(read_reminder(query));
    return reminders;
}

void bind_reminder(SQLite::Statement& statement, const Reminder& reminder) {
    statement.bind(":contact_id", reminder.contact_id);
    statement.bind(":text", reminder.text);
    statement.bind(":due_on", stored_date(reminder.due));
    statement.bind(":starts_on", stored_date(reminder.starts_on));
    bind_optional(statement, statement.getIndex(":every"),
                  reminder.every ? std::optional(format_interval(*reminder.every)) : std::nullopt);
    bind_optional(statement, statement.getIndex(":done_on"), optional_iso(reminder.done_on));
    bind_optional(statement, statement.getIndex(":snoozed_until"), optional_iso(reminder.snoozed_until));
    statement.bind(":updated_at", reminder.updated_at);
}

}  // namespace

void ReminderRepository::insert(Reminder& reminder) {
    stamp(reminder.uuid, reminder.created_at, reminder.updated_at);
    auto& insert = c_("INSERT INTO reminders (id, uuid, contact_id, text, due_on, starts_on, every, done_on, "
                             "snoozed_until, created_at, updated_at) VALUES (" KITH_KEEP_ID("reminders") ", :uuid, "
                             ":contact_id, :text, :due_on, :starts_on, :every, :done_on, :snoozed_until, "
                             ":created_at, :updated_at)");
    insert.bind(":id", reminder.id);
    insert.bind(":uuid", reminder.uuid);
    insert.bind(":created_at", reminder.created_at);
    bind_reminder(insert, reminder);
    insert.exec();
    reminder.id = c_.db->getLastInsertRowid();
}

void ReminderRepository::update(Reminder& reminder, Stamp stamp) {
    if (stamp == Stamp::now || reminder.updated_at.empty()) reminder.updated_at = utc_now();
    auto& update = c_(
        "UPDATE reminders SET contact_id = :contact_id, text = :text, due_on = :due_on, starts_on = :starts_on, "
        "every = :every, done_on = :done_on, snoozed_until = :snoozed_until, "
        "updated_at = :updated_at WHERE id = :id");
    update.bind(":id", reminder.id);
    bind_reminder(update, reminder);
    update.exec();
}

std::optional<Reminder> ReminderRepository::find(std::int64_t id) {
    auto& query = c_(std::string(reminder_columns) + "WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return read_reminder(query);
}

std::vector<Reminder> ReminderRepository::open_for(std::int64_t contact_id) {
    auto& query =
        c_(std::string(reminder_columns) + "WHERE contact_id = ? AND done_on IS NULL ORDER BY due_on, id");
    query.bind(1, contact_id);
    return read_reminders(query);
}

std::vector<Reminder> ReminderRepository::open(const std::string& id_prefix, std::size_t limit) {
    SQLite::Statement query(*c_.db, std::string(reminder_columns) +
                                      "WHERE done_on IS NULL AND CAST(id AS TEXT) LIKE :prefix || '%' "
                                      "ORDER BY due_on, id LIMIT :limit");
    query.bind(":prefix", id_prefix);
    query.bind(":limit", static_cast<std::int64_t>(limit));
    return read_reminders(query);
}

std::vector<Reminder> ReminderRepository::due_for(const std::vector<std::int64_t>& contact_ids, Date by) {
    auto& query = c_(std::string(reminder_columns) +
                             "WHERE contact_id IN (SELECT value FROM json_each(:ids)) AND done_on IS NULL "
                             "AND due_on <= :by AND (snoozed_until IS NULL OR snoozed_until <= :by) "
                             "ORDER BY due_on, id");
    query.bind(":ids", id_array(contact_ids));
    query.bind(":by", format_iso(by));
    return read_reminders(query);
}

std::vector<Reminder> ReminderRepository::for_contacts(const std::vector<std::int64_t>& contact_ids) {
    auto& query = c_(std::string(reminder_columns) +
                             "WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY contact_id, id");
    query.bind(1, id_array(contact_ids));
    return read_reminders(query);
}

}  // namespace kith
