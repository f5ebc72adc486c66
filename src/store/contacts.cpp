// Contacts and their multi-valued fields (emails, phones, nicknames, tags).
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <string>
#include <tuple>
#include <unordered_map>

#include "json_shape/json_string.h"
#include "kith/contact_fields.h"
#include "kith/error.h"
#include "kith/phone.h"
#include "kith/store.h"
#include "kith/text.h"
#include "store/store_internal.h"

namespace kith {

using namespace store_detail;

namespace {

struct ValueKind {
    const char* name;
    std::vector<std::string> Contact::*field;
};

constexpr ValueKind value_kinds[] = {
    {"email", &Contact::emails},
    {"phone", &Contact::phones},
    {"nickname", &Contact::nicknames},
    {"tag", &Contact::tags},
};

std::vector<std::string>* field_for(Contact& contact, const std::string& kind) {
    for (const auto& value_kind : value_kinds)
        if (kind == value_kind.name) return &(contact.*value_kind.field);
    return nullptr;
}

}  // namespace

void ContactRepository::write_values(const Contact& contact, bool replace) {
    // A phone is keyed by libphonenumber, whose first use in a process loads all its metadata:
    // the numbers a person already had keep their keys, so changing their company loads nothing.
    std::unordered_map<std::string, std::string> phone_keys;
    if (replace && !contact.phones.empty()) {
        auto& known = c_("SELECT value, value_key FROM contact_values WHERE contact_id = ? AND kind = 'phone'");
        known.bind(1, contact.id);
        while (known.executeStep()) phone_keys.emplace(known.getColumn(0).getString(), known.getColumn(1).getString());
    }
    const auto key_of = [&](const ValueKind& kind, const std::string& value) {
        if (kind.field != &Contact::phones) return fold_key(value);
        auto known = phone_keys.find(value);
        return known != phone_keys.end() ? known->second : phone_key(value, c_.phone_region);
    };
    if (replace) {
        auto& erase = c_("DELETE FROM contact_values WHERE contact_id = ?");
        erase.bind(1, contact.id);
        erase.exec();
    }
    auto& insert = c_(
        "INSERT INTO contact_values (contact_id, kind, position, value, value_key) "
        "VALUES (?, ?, ?, ?, ?)");
    for (const auto& kind : value_kinds) {
        const auto& values = contact.*kind.field;
        for (std::size_t position = 0; position < values.size(); ++position) {
            insert.bind(1, contact.id);
            insert.bind(2, kind.name);
            insert.bind(3, static_cast<int64_t>(position));
            insert.bind(4, values[position]);
            insert.bind(5, key_of(kind, values[position]));
            insert.exec();
            insert.reset();
        }
    }
}

namespace {

std::optional<std::string> birthday_month_day(const Contact& contact) {
    if (!contact.birthday) return std::nullopt;
    return fmt::format("{:02}-{:02}", contact.birthday->month, contact.birthday->day);
}

std::optional<std::string> birthday_text(const Contact& contact) {
    if (!contact.birthday) return std::nullopt;
    return format_birthday(*contact.birthday);
}

std::optional<std::string> cadence_text(const Contact& contact) {
    if (!contact.every) return std::nullopt;
    return format_cadence(*contact.every);
}

// Where a contact's values go in a statement, looked up once per statement text rather than
// by name on every bind (as for notes, records.cpp).
struct ContactSlots {
    int id, uuid, created_at, name, name_key, company, birthday, birthday_md, every, archived, added_on,
        snoozed_until, updated_at, met_on, changed;
    explicit ContactSlots(const SQLite::Statement& s)
        : id(s.getIndex(":id")),
          uuid(s.getIndex(":uuid")),
          created_at(s.getIndex(":created_at")),
          name(s.getIndex(":name")),
          name_key(s.getIndex(":name_key")),
          company(s.getIndex(":company")),
          birthday(s.getIndex(":birthday")),
          birthday_md(s.getIndex(":birthday_md")),
          every(s.getIndex(":every")),
          archived(s.getIndex(":archived")),
          added_on(s.getIndex(":added_on")),
          snoozed_until(s.getIndex(":snoozed_until")),
          updated_at(s.getIndex(":updated_at")),
          met_on(s.getIndex(":met_on")),
          changed(s.getIndex(":changed")) {}
};

// A field's stamps as contacts.changed holds them: {"company":"2026-11-22T09:30:00Z"}, each
// string written by kith's one JSON string writer.
std::string stamps_json(const FieldStamps& stamps) {
    std::string out = "{";
    for (const auto& [field, at] : stamps) {
        if (out.size() > 1) out += ',';
        json_shape::append_json_string(out, field);
        out += ':';
        json_shape::append_json_string(out, at);
    }
    return out + '}';
}

void bind_contact_columns(SQLite::Statement& statement, const ContactSlots& at, const Contact& contact) {
    statement.bind(at.id, contact.id);
    if (at.uuid > 0) statement.bind(at.uuid, contact.uuid);  // only when inserting
    if (at.created_at > 0) statement.bind(at.created_at, contact.created_at);
    statement.bind(at.name, contact.name);
    statement.bind(at.name_key, fold_key(contact.name));
    statement.bind(at.company, contact.company);
    bind_optional(statement, at.birthday, birthday_text(contact));
    bind_optional(statement, at.birthday_md, birthday_month_day(contact));
    bind_optional(statement, at.every, cadence_text(contact));
    statement.bind(at.archived, contact.archived ? 1 : 0);
    statement.bind(at.added_on, stored_date(contact.added_on));
    bind_optional(statement, at.snoozed_until, optional_iso(contact.snoozed_until));
    statement.bind(at.updated_at, contact.updated_at);
    bind_optional(statement, at.met_on, optional_iso(contact.met_on));
    statement.bind(at.changed, stamps_json(contact.changed));
}

// Last contacted: last_touch is the latest interaction's day, or added_on when there is none,
// so only when the two are equal must the interactions say which, rather than a max() over
// every person's interactions.
#define KITH_CONTACT_COLUMNS                                                                   \
    "SELECT c.id, c.uuid, c.name, c.company, c.birthday, c.every, c.archived, c.created_at, "   \
    "c.updated_at, CASE WHEN c.last_touch <> c.added_on OR EXISTS (SELECT 1 FROM interactions i " \
    "WHERE i.contact_id = c.id) THEN c.last_touch END, "                                       \
    "c.added_on, c.snoozed_until, c.met_on"
const char* contact_columns = KITH_CONTACT_COLUMNS " FROM contacts c ";

Contact read_contact(SQLite::Statement& row) {
    Contact contact;
    contact.id = row.getColumn(0).getInt64();
    contact.uuid = row.getColumn(1).getString();
    contact.name = row.getColumn(2).getString();
    contact.company = row.getColumn(3).getString();
    if (!row.getColumn(4).isNull()) {
        auto birthday = parse_birthday(row.getColumn(4).getString());
        if (!birthday) throw runtime_error("database holds a bad birthday: " + birthday.error());
        contact.birthday = *birthday;
    }
    if (!row.getColumn(5).isNull()) {
        auto cadence = parse_cadence(row.getColumn(5).getString());
        if (!cadence) throw runtime_error("database holds a bad cadence: " + cadence.error());
        contact.every = *cadence;
    }
    contact.archived = row.getColumn(6).getInt() != 0;
    contact.created_at = row.getColumn(7).getString();
    contact.updated_at = row.getColumn(8).getString();
    contact.last_contacted = optional_date_column(row.getColumn(9));
    contact.added_on = date_column(row.getColumn(10));
    contact.snoozed_until = optional_date_column(row.getColumn(11));
    contact.met_on = optional_date_column(row.getColumn(12));
    return contact;
}

std::vector<ContactRef> read_refs(SQLite::Statement& query) {
    std::vector<ContactRef> refs;
    while (query.executeStep())
        refs.push_back(
            {query.getColumn(0).getInt64(), query.getColumn(1).getString(), query.getColumn(2).getInt() != 0});
    return refs;
}

}  // namespace

// Fills the multi-valued fields of `contacts` with one query for their ids.
void ContactRepository::attach_values(std::vector<Contact>& contacts) {
    std::unordered_map<std::int64_t, Contact*> by_id;
    std::vector<std::int64_t> ids;
    for (auto& contact : contacts) {
        by_id[contact.id] = &contact;
        ids.push_back(contact.id);
    }
    auto& query = c_(
        "SELECT contact_id, kind, value FROM contact_values "
        "WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY contact_id, kind, position");
    query.bind(1, id_array(ids));
    while (query.executeStep()) {
        auto found = by_id.find(query.getColumn(0).getInt64());
        if (found == by_id.end()) continue;
        if (auto* field = field_for(*found->second, query.getColumn(1).getString()))
            field->push_back(query.getColumn(2).getString());
    }
}

namespace {

// The check-in clock kept beside each contact so that `due` reads an index: when their cadence
// comes round (last touch + every) and its nominal length, both empty without a cadence.
struct Checkin {
    std::optional<std::string> due;
    std::optional<std::int64_t> every_days;
};

Checkin checkin_for(Date last_touch, const std::optional<Cadence>& cadence) {
    if (!cadence) return {};
    // A text index: a five-digit year (a cadence of 10000y) would sort before this year.
    auto due = checkin_due(last_touch, *cadence);
    return {int{due.year()} > 9999 ? std::string("9999-12-31") : format_iso(due), nominal_days(cadence->due)};
}

void bind_checkin(SQLite::Statement& statement, const Checkin& checkin) {
    bind_optional(statement, statement.getIndex(":checkin_due"), checkin.due);
    if (checkin.every_days)
        statement.bind(":every_days", *checkin.every_days);
    else
        statement.bind(":every_days");
}

}  // namespace

void ContactRepository::insert(Contact& contact) {
    stamp(contact.uuid, contact.created_at, contact.updated_at);
    // A new contact has no interactions yet: the clock starts on the day they were added.
    static const std::string sql =
        "INSERT INTO contacts (id, uuid, name, name_key, company, birthday, birthday_md, every, archived, added_on, "
        "last_touch, checkin_due, every_days, snoozed_until, created_at, updated_at, met_on, changed) VALUES (" +
        keep_id("contacts", ":id") +
        ", :uuid, :name, :name_key, :company, :birthday, :birthday_md, :every, :archived, :added_on, :added_on, "
        ":checkin_due, :every_days, :snoozed_until, :created_at, :updated_at, :met_on, :changed)";
    auto& insert = c_(sql);
    static const ContactSlots at(insert);  // the same for every statement of this text
    bind_contact_columns(insert, at, contact);
    bind_checkin(insert, checkin_for(contact.added_on, contact.every));
    insert.exec();
    contact.id = c_.db->getLastInsertRowid();
    write_values(contact, false);
}

void ContactRepository::update(Contact& contact, Stamp stamp) {
    if (stamp == Stamp::now || contact.updated_at.empty()) contact.updated_at = utc_now();
    // Each field whose value this changes is stamped with the change's time, unless the caller
    // brings a later stamp of its own for it (an import, with the other machine's).
    if (auto before = find(contact.id))
        contact.changed =
            restamped(stamps(contact.id), contact.changed, differing_fields(*before, contact, false), contact.updated_at);
    auto& update = c_(
        "UPDATE contacts SET name = :name, name_key = :name_key, company = :company, "
        "birthday = :birthday, birthday_md = :birthday_md, every = :every, "
        "archived = :archived, added_on = :added_on, snoozed_until = :snoozed_until, "
        "updated_at = :updated_at, met_on = :met_on, changed = :changed WHERE id = :id");
    static const ContactSlots at(update);
    bind_contact_columns(update, at, contact);
    update.exec();
    write_values(contact, true);
    checkin_changed(contact.id);
}

void ContactRepository::checkin_changed(std::int64_t contact_id) {
    if (c_.write_depth > 0)
        c_.stale_checkins.push_back(contact_id);
    else
        refresh_checkin(contact_id);
}

void ContactRepository::refresh_stale_checkins() {
    std::sort(c_.stale_checkins.begin(), c_.stale_checkins.end());
    c_.stale_checkins.erase(std::unique(c_.stale_checkins.begin(), c_.stale_checkins.end()), c_.stale_checkins.end());
    for (auto id : c_.stale_checkins) refresh_checkin(id);
    c_.stale_checkins.clear();
}

void ContactRepository::refresh_checkin(std::int64_t contact_id) {
    // Read, then write only what changed. (An UPDATE … RETURNING would be one statement, but
    // SQLite runs RETURNING as a trigger with a statement journal, allocated and freed for
    // every row of a bulk import.)
    auto& read = c_(
        "SELECT coalesce((SELECT max(happened_on) FROM interactions WHERE contact_id = c.id), c.added_on), "
        "c.every, c.last_touch, c.checkin_due, c.every_days FROM contacts c WHERE c.id = ?");
    read.bind(1, contact_id);
    if (!read.executeStep()) return;
    auto last_touch = read.getColumn(0).getString();
    std::optional<Cadence> cadence;
    if (!read.getColumn(1).isNull()) {
        auto parsed = parse_cadence(read.getColumn(1).getString());
        if (parsed) cadence = *parsed;
    }
    auto checkin = checkin_for(date_column(read.getColumn(0)), cadence);
    auto stored_due =
        read.getColumn(3).isNull() ? std::nullopt : std::optional<std::string>(read.getColumn(3).getString());
    bool same_days = checkin.every_days ? !read.getColumn(4).isNull() && read.getColumn(4).getInt64() == *checkin.every_days
                                        : read.getColumn(4).isNull();
    bool unchanged = read.getColumn(2).getString() == last_touch && stored_due == checkin.due && same_days;
    read.reset();
    if (unchanged) return;
    auto& write = c_(
        "UPDATE contacts SET last_touch = :last_touch, checkin_due = :checkin_due, every_days = :every_days "
        "WHERE id = :id");
    write.bind(":last_touch", last_touch);
    bind_checkin(write, checkin);
    write.bind(":id", contact_id);
    write.exec();
}

std::vector<Contact> ContactRepository::find_many(const std::vector<std::int64_t>& ids) {
    std::vector<Contact> contacts;
    if (ids.empty()) return contacts;
    auto& query = c_(std::string(contact_columns) + "WHERE c.id IN (SELECT value FROM json_each(?))");
    query.bind(1, id_array(ids));
    while (query.executeStep()) contacts.push_back(read_contact(query));
    attach_values(contacts);
    return contacts;
}

void ContactRepository::remove(std::int64_t id) {
    release_search_index(c_);  // their records go with them
    auto& erase = c_("DELETE FROM contacts WHERE id = ?");
    erase.bind(1, id);
    erase.exec();
    prune_tombstones(c_);  // the delete wrote one (a trigger)
}

std::map<std::int64_t, FieldStamps> ContactRepository::stamps(const std::vector<std::int64_t>& ids) {
    std::map<std::int64_t, FieldStamps> found;
    auto& query = c_(
        "SELECT c.id, j.key, j.value FROM contacts c, json_each(c.changed) j "
        "WHERE c.id IN (SELECT value FROM json_each(?))");
    query.bind(1, id_array(ids));
    while (query.executeStep())
        found[query.getColumn(0).getInt64()][query.getColumn(1).getString()] = query.getColumn(2).getString();
    return found;
}

FieldStamps ContactRepository::stamps(std::int64_t id) {
    auto found = stamps(std::vector<std::int64_t>{id});
    return found.empty() ? FieldStamps{} : std::move(found.begin()->second);
}

void ContactRepository::stamp_fields(std::int64_t id, const std::vector<std::string>& fields) {
    if (fields.empty()) return;
    auto& write = c_("UPDATE contacts SET changed = ? WHERE id = ?");
    write.bind(1, stamps_json(restamped(stamps(id), {}, fields, utc_now())));
    write.bind(2, id);
    write.exec();
}

std::optional<Contact> ContactRepository::find(std::int64_t id) {
    auto& query = c_(std::string(contact_columns) + "WHERE c.id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    std::vector<Contact> found{read_contact(query)};
    attach_values(found);
    return found.front();
}

void ContactRepository::for_each(const ContactFilter& filter,
                             const std::function<void(const Contact&, const std::string& name_key)>& each) {
    // Read in table order and sorted by the caller: walking the name index instead would visit
    // the table's pages at random, one read each.
    std::string sql = KITH_CONTACT_COLUMNS ", c.name_key FROM contacts c ";
    sql += filter.only_archived      ? "WHERE c.archived = 1 "
           : filter.include_archived ? "WHERE 1 "
                                     : "WHERE c.archived = 0 ";
    for (std::size_t i = 0; i < filter.tags.size(); ++i)
        sql +=
            "AND EXISTS (SELECT 1 FROM contact_values v WHERE v.contact_id = c.id "
            "AND v.kind = 'tag' AND v.value_key = ?) ";
    sql += "ORDER BY c.id";
    auto& query = c_(sql);
    for (std::size_t i = 0; i < filter.tags.size(); ++i) query.bind(static_cast<int>(i + 1), fold_key(filter.tags[i]));
    // Every contact's values, in the same id order, merged in as both scans advance.
    auto& values = c_("SELECT contact_id, kind, value FROM contact_values ORDER BY contact_id, kind, position");
    bool more_values = values.executeStep();
    while (query.executeStep()) {
        auto contact = read_contact(query);
        while (more_values && values.getColumn(0).getInt64() < contact.id) more_values = values.executeStep();
        for (; more_values && values.getColumn(0).getInt64() == contact.id; more_values = values.executeStep())
            if (auto* field = field_for(contact, values.getColumn(1).getString()))
                field->push_back(values.getColumn(2).getString());
        each(contact, query.getColumn(13).getString());  // after the contact columns
    }
    values.reset();
}

std::vector<Contact> ContactRepository::list(const ContactFilter& filter) {
    std::vector<Contact> by_id;
    std::vector<std::string> name_keys;
    for_each(filter, [&](const Contact& contact, const std::string& name_key) {
        by_id.push_back(contact);
        name_keys.push_back(name_key);
    });
    std::vector<std::size_t> order(by_id.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return name_keys[a] != name_keys[b] ? name_keys[a] < name_keys[b] : by_id[a].id < by_id[b].id;
    });
    std::vector<Contact> contacts;
    contacts.reserve(by_id.size());
    for (auto i : order) contacts.push_back(std::move(by_id[i]));
    return contacts;
}

std::optional<ContactRef> ContactRepository::ref(std::int64_t id) {
    auto& query = c_("SELECT id, name, archived FROM contacts WHERE id = ?");
    query.bind(1, id);
    auto refs = read_refs(query);
    if (refs.empty()) return std::nullopt;
    return refs.front();
}

std::vector<ContactRef> ContactRepository::with_key(const std::string& key) {
    auto& query = c_(
        "SELECT id, name, archived FROM contacts WHERE name_key = :key "
        "UNION SELECT c.id, c.name, c.archived FROM contact_values v "
        "JOIN contacts c ON c.id = v.contact_id "
        "WHERE v.kind = 'nickname' AND v.value_key = :key ORDER BY 2, 1");
    query.bind(":key", key);
    return read_refs(query);
}

std::vector<ContactRef> ContactRepository::with_key_prefix(const std::string& key) {
    // A range on the index: every valid UTF-8 string starting with key sorts below key + 0xFF.
    auto& query = c_(
        "SELECT id, name, archived FROM contacts WHERE name_key >= :low AND name_key < :high "
        "UNION SELECT c.id, c.name, c.archived FROM contact_values v "
        "JOIN contacts c ON c.id = v.contact_id WHERE v.kind = 'nickname' "
        "AND v.value_key >= :low AND v.value_key < :high ORDER BY 2, 1");
    query.bind(":low", key);
    query.bind(":high", key + "\xff");
    return read_refs(query);
}

std::vector<ContactRef> ContactRepository::with_key_prefix(const std::string& key, std::size_t limit) {
    // Each half walks its index in key order and stops at `limit`: a few rows, however many people.
    SQLite::Statement names(*c_.db,
                            "SELECT id, name, archived FROM contacts WHERE name_key >= :low AND name_key < :high "
                            "ORDER BY name_key LIMIT :limit");
    SQLite::Statement nicknames(*c_.db,
                                "SELECT c.id, c.name, c.archived FROM contact_values v "
                                "JOIN contacts c ON c.id = v.contact_id WHERE v.kind = 'nickname' "
                                "AND v.value_key >= :low AND v.value_key < :high ORDER BY v.value_key LIMIT :limit");
    std::vector<ContactRef> refs;
    for (auto* query : {&names, &nicknames}) {
        query->bind(":low", key);
        query->bind(":high", key + "\xff");
        query->bind(":limit", static_cast<std::int64_t>(limit));
        auto found = read_refs(*query);
        refs.insert(refs.end(), found.begin(), found.end());
    }
    std::sort(refs.begin(), refs.end(), [](const ContactRef& a, const ContactRef& b) {
        return std::tie(a.name, a.id) < std::tie(b.name, b.id);
    });
    refs.erase(std::unique(refs.begin(), refs.end(), [](const ContactRef& a, const ContactRef& b) { return a.id == b.id; }),
               refs.end());
    if (refs.size() > limit) refs.resize(limit);
    return refs;
}

std::vector<ContactRef> ContactRepository::with_key_substring(const std::string& key) {
    auto& query = c_(
        "SELECT id, name, archived FROM contacts WHERE instr(name_key, :key) > 0 "
        "UNION SELECT c.id, c.name, c.archived FROM contact_values v "
        "JOIN contacts c ON c.id = v.contact_id WHERE v.kind = 'nickname' "
        "AND instr(v.value_key, :key) > 0 ORDER BY 2, 1");
    query.bind(":key", key);
    return read_refs(query);
}

std::vector<std::int64_t> ContactRepository::with_email(const std::string& email) {
    auto& query = c_(
        "SELECT DISTINCT contact_id FROM contact_values WHERE kind = 'email' AND value_key = ? "
        "ORDER BY contact_id");
    query.bind(1, fold_key(email));
    std::vector<std::int64_t> ids;
    while (query.executeStep()) ids.push_back(query.getColumn(0).getInt64());
    return ids;
}

std::vector<ContactRef> ContactRepository::with_phone(const std::string& number) {
    auto& query = c_(
        "SELECT DISTINCT c.id, c.name, c.archived FROM contact_values v JOIN contacts c ON c.id = v.contact_id "
        "WHERE v.kind = 'phone' AND v.value_key = ? ORDER BY 2, 1");
    query.bind(1, phone_key(number, c_.phone_region));
    return read_refs(query);
}

void ContactRepository::rekey_phones() {
    struct Rekeyed {
        std::int64_t contact_id, position;
        std::string key;
    };
    std::vector<Rekeyed> changed;
    auto& read = c_("SELECT contact_id, position, value, value_key FROM contact_values WHERE kind = 'phone'");
    while (read.executeStep()) {
        auto key = phone_key(read.getColumn(2).getString(), c_.phone_region);
        if (key != read.getColumn(3).getString())
            changed.push_back({read.getColumn(0).getInt64(), read.getColumn(1).getInt64(), std::move(key)});
    }
    read.reset();
    auto& write = c_("UPDATE contact_values SET value_key = ? WHERE contact_id = ? AND kind = 'phone' AND position = ?");
    for (const auto& row : changed) {
        write.bind(1, row.key);
        write.bind(2, row.contact_id);
        write.bind(3, row.position);
        write.exec();
        write.reset();
    }
}

std::optional<std::string> ContactRepository::phone_keys_made_in() {
    auto& query = c_("SELECT value FROM kith_state WHERE key = 'phone_region'");
    std::optional<std::string> region;
    if (query.executeStep()) region = query.getColumn(0).getString();
    query.reset();
    return region;
}

void ContactRepository::set_phone_keys_made_in(const std::string& region) {
    auto& upsert = c_("INSERT OR REPLACE INTO kith_state (key, value) VALUES ('phone_region', ?)");
    upsert.bind(1, region);
    upsert.exec();
}

std::vector<ContactRef> ContactRepository::named(const std::string& name) {
    auto& query = c_("SELECT id, name, archived FROM contacts WHERE name_key = ? ORDER BY id");
    query.bind(1, fold_key(name));
    std::vector<ContactRef> refs;
    while (query.executeStep())
        refs.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(), query.getColumn(2).getInt() != 0});
    return refs;
}

}  // namespace kith
