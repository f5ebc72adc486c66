// What `kith sync` keeps of its folder (schema v7): one row per file, how the file looked when
// kith last saw or wrote it, and apart the card it saw there; and who changed in kith since.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <string>
#include <vector>

#include "kith/store.h"
#include "store/store_internal.h"

namespace kith {

using namespace store_detail;

std::string SyncRepository::folder() {
    auto& query = c_("SELECT value FROM kith_state WHERE key = 'sync_vdir'");
    std::string folder;
    if (query.executeStep()) folder = query.getColumn(0).getString();
    query.reset();  // a statement left stepping would hold its read snapshot
    return folder;
}

void SyncRepository::use_folder(const std::string& folder) {
    if (this->folder() == folder) return;
    // The rows describe another folder: its files say nothing of this one's.
    c_("DELETE FROM sync_cards").exec();
    c_("DELETE FROM sync_bases").exec();
    auto& upsert = c_("INSERT OR REPLACE INTO kith_state (key, value) VALUES ('sync_vdir', ?)");
    upsert.bind(1, folder);
    upsert.exec();
}

std::vector<SyncedFile> SyncRepository::files() {
    auto& query = c_("SELECT file, uid, contact_uuid, mtime_ns, size, inode FROM sync_cards ORDER BY file");
    std::vector<SyncedFile> out;
    while (query.executeStep()) {
        SyncedFile file;
        file.file = query.getColumn(0).getString();
        file.uid = query.getColumn(1).getString();
        file.contact_uuid = query.getColumn(2).getString();
        file.mtime_ns = query.getColumn(3).getInt64();
        file.size = query.getColumn(4).getInt64();
        file.inode = query.getColumn(5).getInt64();
        out.push_back(std::move(file));
    }
    return out;
}

std::string SyncRepository::base(const std::string& file) {
    auto& query = c_("SELECT card FROM sync_bases WHERE file = ?");
    query.bind(1, file);
    std::string card;
    if (query.executeStep()) card = query.getColumn(0).getString();
    query.reset();
    return card;
}

void SyncRepository::save(const SyncedFile& file, const std::string& card) {
    touch(file);
    auto& upsert = c_("INSERT OR REPLACE INTO sync_bases (file, card) VALUES (?, ?)");
    upsert.bind(1, file.file);
    upsert.bind(2, card);
    upsert.exec();
}

void SyncRepository::touch(const SyncedFile& file) {
    auto& upsert = c_(
        "INSERT OR REPLACE INTO sync_cards (file, uid, contact_uuid, mtime_ns, size, inode) VALUES (?, ?, ?, ?, ?, ?)");
    upsert.bind(1, file.file);
    upsert.bind(2, file.uid);
    upsert.bind(3, file.contact_uuid);
    upsert.bind(4, file.mtime_ns);
    upsert.bind(5, file.size);
    upsert.bind(6, file.inode);
    upsert.exec();
}

void SyncRepository::forget(const std::string& file) {
    for (const char* sql : {"DELETE FROM sync_cards WHERE file = ?", "DELETE FROM sync_bases WHERE file = ?"}) {
        auto& erase = c_(std::string(sql));
        erase.bind(1, file);
        erase.exec();
    }
}

std::vector<std::string> SyncRepository::changed() {
    auto& query = c_("SELECT uuid FROM sync_changed");
    std::vector<std::string> out;
    while (query.executeStep()) out.push_back(query.getColumn(0).getString());
    return out;
}

void SyncRepository::clear_changed() {
    c_("DELETE FROM sync_changed").exec();
}

std::vector<std::int64_t> SyncRepository::without_card() {
    auto& query =
        c_("SELECT c.id FROM contacts c WHERE c.archived = 0 "
           "AND NOT EXISTS (SELECT 1 FROM sync_cards s WHERE s.contact_uuid = c.uuid) ORDER BY c.id");
    std::vector<std::int64_t> out;
    while (query.executeStep()) out.push_back(query.getColumn(0).getInt64());
    return out;
}

}  // namespace kith
