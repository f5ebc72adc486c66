// What a card says of a person beyond kith's own columns, and their photo (issue 21): rows of
// contact_fields and contact_photos, read only by `show`, export and import.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/error.h"
#include "kith/contact_fields.h"
#include "kith/store.h"
#include "store/store_internal.h"

namespace kith {

using namespace store_detail;

namespace {

// An address's parts in one column: joined by the unit separator, which the importer takes
// out of any text it keeps.
constexpr char part_separator = '\x1f';

std::string joined_parts(const PostalAddress& address) {
    std::string out;
    for (std::size_t i = 0; i < address.parts.size(); ++i) {
        if (i > 0) out += part_separator;
        out += address.parts[i];
    }
    return out;
}

PostalAddress address_from(std::string label, std::string_view value) {
    PostalAddress address;
    address.label = std::move(label);
    std::size_t part = 0;
    for (char c : value) {
        if (c == part_separator) {
            if (++part == address.parts.size()) break;
        } else {
            address.parts[part] += c;
        }
    }
    return address;
}

// The single-valued text fields, by kind.
struct TextKind {
    const char* kind;
    std::string ContactCard::*field;
};

constexpr TextKind text_kinds[] = {
    {"title", &ContactCard::title},         {"role", &ContactCard::role},
    {"department", &ContactCard::department}, {"prefix", &ContactCard::name_prefix},
    {"suffix", &ContactCard::name_suffix},  {"version", &ContactCard::version},
};

void add_field(ContactCard& card, const std::string& kind, std::string label, std::string value) {
    for (const auto& text : text_kinds)
        if (kind == text.kind) {
            card.*text.field = std::move(value);
            return;
        }
    if (kind == "address") {
        card.addresses.push_back(address_from(std::move(label), value));
    } else if (kind == "url") {
        card.urls.push_back({std::move(label), std::move(value)});
    } else if (kind == "related") {
        card.related.push_back({std::move(label), std::move(value)});
    } else if (kind == "event") {
        auto date = parse_birthday(value);
        if (!date) throw runtime_error("database holds a bad dated event: " + date.error());
        card.events.push_back({std::move(label), *date});
    } else if (kind == "other") {
        card.other_properties.push_back(std::move(value));
    } else if (kind == "as_written") {
        card.as_written.push_back({std::move(label), std::move(value)});
    }
}

}  // namespace

void ContactRepository::write_card(std::int64_t contact_id, const ContactCard& card, Stamp stamp) {
    if (stamp == Stamp::now) {
        ContactRecord before, after;
        before.card = this->card(contact_id);
        after.card = card;
        after.photo = before.photo;  // the photo is not this write's
        stamp_fields(contact_id, differing_card_fields(before, after));
    }
    auto& erase = c_("DELETE FROM contact_fields WHERE contact_id = ?");
    erase.bind(1, contact_id);
    erase.exec();
    auto& insert = c_(
        "INSERT INTO contact_fields (contact_id, kind, position, label, value, day) VALUES (?, ?, ?, ?, ?, ?)");
    const auto add = [&](const char* kind, std::size_t position, const std::string& label, const std::string& value,
                         const std::optional<std::string>& day = std::nullopt) {
        insert.bind(1, contact_id);
        insert.bind(2, kind);
        insert.bind(3, static_cast<std::int64_t>(position));
        insert.bind(4, label);
        insert.bind(5, value);
        bind_optional(insert, 6, day);
        insert.exec();
        insert.reset();
    };
    for (const auto& text : text_kinds)
        if (!(card.*text.field).empty()) add(text.kind, 0, "", card.*text.field);
    for (std::size_t i = 0; i < card.addresses.size(); ++i)
        add("address", i, card.addresses[i].label, joined_parts(card.addresses[i]));
    for (std::size_t i = 0; i < card.urls.size(); ++i) add("url", i, card.urls[i].label, card.urls[i].value);
    for (std::size_t i = 0; i < card.related.size(); ++i)
        add("related", i, card.related[i].label, card.related[i].value);
    for (std::size_t i = 0; i < card.events.size(); ++i) {
        const auto& date = card.events[i].date;
        add("event", i, card.events[i].label, format_birthday(date), fmt::format("{:02}-{:02}", date.month, date.day));
    }
    for (std::size_t i = 0; i < card.other_properties.size(); ++i) add("other", i, "", card.other_properties[i]);
    for (std::size_t i = 0; i < card.as_written.size(); ++i)
        add("as_written", i, card.as_written[i].label, card.as_written[i].value);
}

std::map<std::int64_t, ContactCard> ContactRepository::cards(const std::vector<std::int64_t>& ids) {
    std::map<std::int64_t, ContactCard> found;
    auto& query = c_(
        "SELECT contact_id, kind, label, value FROM contact_fields "
        "WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY contact_id, kind, position");
    query.bind(1, id_array(ids));
    while (query.executeStep())
        add_field(found[query.getColumn(0).getInt64()], query.getColumn(1).getString(), query.getColumn(2).getString(),
                  query.getColumn(3).getString());
    return found;
}

ContactCard ContactRepository::card(std::int64_t contact_id) {
    auto found = cards({contact_id});
    return found.empty() ? ContactCard{} : std::move(found.begin()->second);
}

void ContactRepository::write_photo(std::int64_t contact_id, const std::optional<Photo>& photo, Stamp stamp) {
    if (stamp == Stamp::now) {
        auto stored = photos({contact_id});
        std::optional<Photo> before;
        if (!stored.empty()) before = std::move(stored.begin()->second);
        if (before != photo) stamp_fields(contact_id, {"photo"});
    }
    if (!photo) {
        auto& erase = c_("DELETE FROM contact_photos WHERE contact_id = ?");
        erase.bind(1, contact_id);
        erase.exec();
        return;
    }
    auto& upsert = c_("INSERT OR REPLACE INTO contact_photos (contact_id, media_type, data) VALUES (?, ?, ?)");
    upsert.bind(1, contact_id);
    upsert.bind(2, photo->media_type);
    upsert.bind(3, photo->data.data(), static_cast<int>(photo->data.size()));  // a blob
    upsert.exec();
}

std::map<std::int64_t, Photo> ContactRepository::photos(const std::vector<std::int64_t>& ids) {
    std::map<std::int64_t, Photo> found;
    auto& query = c_(
        "SELECT contact_id, media_type, data FROM contact_photos WHERE contact_id IN (SELECT value FROM json_each(?))");
    query.bind(1, id_array(ids));
    while (query.executeStep()) {
        const auto data = query.getColumn(2);
        found[query.getColumn(0).getInt64()] =
            Photo{query.getColumn(1).getString(),
                  std::string(static_cast<const char*>(data.getBlob()), static_cast<std::size_t>(data.getBytes()))};
    }
    return found;
}

bool ContactRepository::has_photo(std::int64_t contact_id) {
    auto& query = c_("SELECT 1 FROM contact_photos WHERE contact_id = ?");
    query.bind(1, contact_id);
    const bool found = query.executeStep();
    query.reset();
    return found;
}

}  // namespace kith
