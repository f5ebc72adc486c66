// Whole records for import and export: everything about a person, read in batches.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <string>
#include <unordered_map>

#include "kith/store.h"
#include "store/store_internal.h"

namespace kith {

using namespace store_detail;

namespace {

// Contacts read per batch when exporting everyone: big enough that per-query overhead
// vanishes, small enough that memory stays flat at any size.
constexpr int export_batch = 512;

const char* table_name(RecordTable table) {
    switch (table) {
        case RecordTable::contacts: return "contacts";
        case RecordTable::notes: return "notes";
        case RecordTable::interactions: return "interactions";
        case RecordTable::reminders: return "reminders";
        case RecordTable::asked_questions: return "asked_questions";
    }
    return "contacts";
}

}  // namespace

std::vector<ContactRecord> RecordRepository::for_contacts(const std::vector<std::int64_t>& ids,
                                                          NoteRepository::Readings readings) {
    std::vector<ContactRecord> records;
    if (ids.empty()) return records;
    auto contacts = contacts_.find_many(ids);
    std::sort(contacts.begin(), contacts.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    std::unordered_map<std::int64_t, ContactRecord*> by_id;
    records.reserve(contacts.size());
    for (auto& contact : contacts) {
        records.push_back({});
        records.back().contact = std::move(contact);
    }
    for (auto& record : records) by_id[record.contact.id] = &record;

    // Each list comes back ordered by contact, then id: export order is stable.
    for (auto& note : notes_.for_contacts(ids, readings)) by_id[note.contact_id]->notes.push_back(std::move(note));
    for (auto& interaction : interactions_.for_contacts(ids))
        by_id[interaction.contact_id]->interactions.push_back(std::move(interaction));
    for (auto& reminder : reminders_.for_contacts(ids))
        by_id[reminder.contact_id]->reminders.push_back(std::move(reminder));

    for (auto& [id, stamps] : contacts_.stamps(ids)) by_id[id]->contact.changed = std::move(stamps);
    for (auto& [id, card] : contacts_.cards(ids)) by_id[id]->card = std::move(card);
    for (auto& [id, photo] : contacts_.photos(ids)) by_id[id]->photo = std::move(photo);

    auto& asked = c_(
        "SELECT a.id, a.uuid, a.contact_id, a.question_id, a.asked_on, coalesce(i.uuid, ''), "
        "a.created_at, a.updated_at FROM asked_questions a "
        "LEFT JOIN interactions i ON i.id = a.interaction_id "
        "WHERE a.contact_id IN (SELECT value FROM json_each(?)) ORDER BY a.contact_id, a.id");
    asked.bind(1, id_array(ids));
    while (asked.executeStep()) {
        AskedQuestion question;
        question.id = asked.getColumn(0).getInt64();
        question.uuid = asked.getColumn(1).getString();
        question.contact_id = asked.getColumn(2).getInt64();
        question.question_id = asked.getColumn(3).getString();
        question.on = date_column(asked.getColumn(4));
        question.interaction_uuid = asked.getColumn(5).getString();
        question.created_at = asked.getColumn(6).getString();
        question.updated_at = asked.getColumn(7).getString();
        by_id[question.contact_id]->asked.push_back(std::move(question));
    }
    return records;
}

void RecordRepository::for_each(const std::function<void(ContactRecord&&)>& each) {
    auto& batch = c_("SELECT id FROM contacts WHERE id > ? ORDER BY id LIMIT ?");
    std::int64_t after = 0;
    for (;;) {
        std::vector<std::int64_t> ids;
        batch.bind(1, after);
        batch.bind(2, export_batch);
        while (batch.executeStep()) ids.push_back(batch.getColumn(0).getInt64());
        batch.reset();
        if (ids.empty()) return;
        after = ids.back();
        for (auto& record : for_contacts(ids, NoteRepository::Readings::without)) each(std::move(record));
    }
}

void AskedRepository::insert(AskedQuestion& asked) {
    stamp(asked.uuid, asked.created_at, asked.updated_at);
    static const std::string sql =
        "INSERT INTO asked_questions (id, uuid, contact_id, question_id, asked_on, interaction_id, created_at, "
        "updated_at) VALUES (" +
        keep_id("asked_questions", ":id") +
        ", :uuid, :contact_id, :question_id, :asked_on, "
        "(SELECT id FROM interactions WHERE uuid = :interaction AND contact_id = :contact_id), "
        ":created_at, :updated_at)";
    auto& insert = c_(sql);
    insert.bind(":id", asked.id);
    insert.bind(":uuid", asked.uuid);
    insert.bind(":contact_id", asked.contact_id);
    insert.bind(":question_id", asked.question_id);
    insert.bind(":asked_on", stored_date(asked.on));
    insert.bind(":interaction", asked.interaction_uuid);
    insert.bind(":created_at", asked.created_at);
    insert.bind(":updated_at", asked.updated_at);
    insert.exec();
    asked.id = c_.db->getLastInsertRowid();
}

std::map<std::int64_t, Date> AskedRepository::last_asked(const std::vector<std::int64_t>& contact_ids,
                                              const std::string& question_id) {
    auto& query = c_("SELECT contact_id, max(asked_on) FROM asked_questions "
                             "WHERE contact_id IN (SELECT value FROM json_each(?)) AND question_id = ? "
                             "GROUP BY contact_id");
    query.bind(1, id_array(contact_ids));
    query.bind(2, question_id);
    std::map<std::int64_t, Date> last;
    while (query.executeStep()) last[query.getColumn(0).getInt64()] = date_column(query.getColumn(1));
    return last;
}

std::optional<std::int64_t> RecordRepository::id_for_uuid(RecordTable table, const std::string& uuid) {
    // The table name comes from the enum above, never from input; the uuid is bound.
    auto& query = c_(std::string("SELECT id FROM ") + table_name(table) + " WHERE uuid = ?");
    query.bind(1, uuid);
    if (!query.executeStep()) return std::nullopt;
    return query.getColumn(0).getInt64();
}

std::optional<RecordRepository::LastChange> RecordRepository::last_change(RecordTable table, std::int64_t id) {
    const bool person = table == RecordTable::contacts;
    // The table name comes from the enum above, never from input; the id is bound.
    auto& query = c_(person ? std::string(
                                  "SELECT c.id, max(c.updated_at, "
                                  "coalesce((SELECT max(updated_at) FROM notes WHERE contact_id = c.id), ''), "
                                  "coalesce((SELECT max(updated_at) FROM interactions WHERE contact_id = c.id), ''), "
                                  "coalesce((SELECT max(updated_at) FROM reminders WHERE contact_id = c.id), '')) "
                                  "FROM contacts c WHERE c.id = ?")
                            : std::string("SELECT contact_id, updated_at FROM ") + table_name(table) + " WHERE id = ?");
    query.bind(1, id);
    std::optional<LastChange> found;
    if (query.executeStep()) found = LastChange{query.getColumn(0).getInt64(), query.getColumn(1).getString()};
    query.reset();
    return found;
}

}  // namespace kith
