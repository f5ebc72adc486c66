// The records deleted here (schema v9): kept by triggers, so that a deletion travels with an
// export and an import of an older copy does not bring the record back; forgotten after
// tombstone_days.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "kith/store.h"
#include "store/store_internal.h"

namespace kith {

using namespace store_detail;

namespace {

// The oldest deletion still kept, as SQLite's strftime() makes it from the clock.
const std::string& horizon_modifier() {
    static const std::string modifier = fmt::format("-{} days", tombstone_days);
    return modifier;
}

Tombstone read_tombstone(SQLite::Statement& row) {
    return {row.getColumn(0).getString(), row.getColumn(1).getString(), row.getColumn(2).getString()};
}

}  // namespace

namespace store_detail {

void prune_tombstones(Connection& c) {
    auto& prune = c("DELETE FROM tombstones WHERE deleted_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?)");
    prune.bind(1, horizon_modifier());
    prune.exec();
}

}  // namespace store_detail

std::vector<Tombstone> TombstoneRepository::current() {
    // A record brought back since keeps its tombstone only until it is written again here (the
    // insert trigger forgets it), and a kept one (changed here after the other side deleted it)
    // keeps the other side's: neither is a deletion to send.
    auto& query =
        c_("SELECT t.uuid, t.kind, t.deleted_at FROM tombstones t "
           "WHERE t.deleted_at >= strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?) "
           "AND NOT EXISTS (SELECT 1 FROM contacts WHERE uuid = t.uuid) "
           "AND NOT EXISTS (SELECT 1 FROM notes WHERE uuid = t.uuid) "
           "AND NOT EXISTS (SELECT 1 FROM interactions WHERE uuid = t.uuid) "
           "AND NOT EXISTS (SELECT 1 FROM reminders WHERE uuid = t.uuid) "
           "ORDER BY t.deleted_at, t.uuid");
    query.bind(1, horizon_modifier());
    std::vector<Tombstone> out;
    while (query.executeStep()) out.push_back(read_tombstone(query));
    return out;
}

std::optional<Tombstone> TombstoneRepository::find(const std::string& uuid) {
    auto& query = c_("SELECT uuid, kind, deleted_at FROM tombstones WHERE uuid = ?");
    query.bind(1, uuid);
    std::optional<Tombstone> found;
    if (query.executeStep()) found = read_tombstone(query);
    query.reset();
    return found;
}

void TombstoneRepository::keep(const Tombstone& tombstone) {
    auto& upsert =
        c_("INSERT INTO tombstones (uuid, kind, deleted_at) VALUES (?, ?, ?) "
           "ON CONFLICT (uuid) DO UPDATE SET kind = excluded.kind, deleted_at = excluded.deleted_at "
           "WHERE excluded.deleted_at > tombstones.deleted_at");
    upsert.bind(1, tombstone.uuid);
    upsert.bind(2, tombstone.kind);
    upsert.bind(3, tombstone.deleted_at);
    upsert.exec();
}

void TombstoneRepository::prune() {
    prune_tombstones(c_);
}

}  // namespace kith
