// `kith sync` with a vdir: the folder's cards and kith's people kept in step, both ways.
#include "kith/sync.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/contact_fields.h"
#include "core/folded_values.h"
#include "core/validate.h"
#include "files/atomic_file.h"
#include "kith/error.h"
#include "kith/import.h"
#include "kith/interchange.h"
#include "kith/text.h"

namespace kith {

namespace fs = std::filesystem;

namespace {

// How a file looked: a sync with nothing changed compares these and reads no card.
struct FileStat {
    std::int64_t mtime_ns = 0;
    std::int64_t size = 0;
    std::int64_t inode = 0;
    bool operator==(const FileStat&) const = default;
};

// The cards of the folder: regular files named *.vcf, not hidden (vdirsyncer's and kith's
// temp files are), by name. Each is stat'ed by its name in the open folder, not by its path:
// a sync with nothing changed is mostly these 10,000 calls.
std::map<std::string, FileStat> list_cards(const std::string& folder) {
    std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(folder.c_str()), ::closedir);
    if (!dir) throw runtime_error(fmt::format("cannot read the folder {}: {}", folder, std::strerror(errno)));
    std::map<std::string, FileStat> cards;
    errno = 0;
    while (const dirent* entry = ::readdir(dir.get())) {
        const std::string_view name = entry->d_name;
        if (name.starts_with('.') || !name.ends_with(".vcf") || name.size() == 4) continue;
        if (entry->d_type != DT_REG && entry->d_type != DT_UNKNOWN) continue;
        struct stat st {};
        if (::fstatat(::dirfd(dir.get()), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            continue;
        cards.emplace(name, FileStat{static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
                                     static_cast<std::int64_t>(st.st_size), static_cast<std::int64_t>(st.st_ino)});
        errno = 0;
    }
    if (errno != 0) throw runtime_error(fmt::format("cannot read the folder {}: {}", folder, std::strerror(errno)));
    return cards;
}

FileStat stat_of(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0)
        throw runtime_error(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
    return {static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
            static_cast<std::int64_t>(st.st_size), static_cast<std::int64_t>(st.st_ino)};
}

FileStat stat_of(const SyncedFile& file) {
    return {file.mtime_ns, file.size, file.inode};
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw runtime_error(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The one card a file holds, as read. Usage error (or FormatError) when it holds another number.
ContactRecord read_card(const std::string& text) {
    std::vector<ImportRecord> records;
    std::istringstream in(text);
    interchange::read_vcards(in, [&](ImportRecord&& record) { records.push_back(std::move(record)); });
    if (records.size() != 1)
        throw usage_error(records.empty() ? "it holds no vCard" : fmt::format("it holds {} vCards", records.size()));
    return std::move(records.front().record);
}

// What a card says beyond the contact's own fields (title, addresses, related people, the lines
// kith does not read …) and its photo: kept as the card has them, never merged field by field.
struct CardRest {
    ContactCard card;
    std::optional<Photo> photo;
    bool operator==(const CardRest&) const = default;
};

// A card read once: the person as kith holds them, checked as `kith add` checks, each value once,
// no notes; and the rest of the card as it is.
struct ParsedCard {
    Contact contact;
    CardRest rest;
};

// Usage error (or FormatError) for what kith would refuse.
ParsedCard parsed_card(const std::string& text) {
    auto record = read_card(text);
    ParsedCard parsed{std::move(record.contact), {std::move(record.card), std::move(record.photo)}};
    Contact& card = parsed.contact;
    card.name = validate::contact_name(card.name, "name");
    const auto checked = [](std::vector<std::string>& values, auto check) {
        std::vector<std::string> out;
        FoldedValues unique(out);
        for (const auto& value : values)
            if (!trim(value).empty()) unique.add(check(value));
        values = std::move(out);
    };
    checked(card.nicknames, [](const std::string& v) { return validate::contact_name(v, "nickname"); });
    checked(card.emails, [](const std::string& v) { return validate::email(v); });
    checked(card.phones, [](const std::string& v) { return validate::phone(v); });
    checked(card.tags, [](const std::string& v) { return tag_for_label(v, LabelTags{}); });
    card.company = trim(card.company).empty() ? std::string() : validate::name(card.company, "company");
    if (card.birthday) {
        auto birthday = parse_birthday(format_birthday(*card.birthday));
        if (!birthday) throw usage_error(birthday.error());
        card.birthday = *birthday;
    }
    return parsed;
}

// The card kith writes for a person, under the card's own UID: their fields, and the rest of the
// card as kept (`rest`), so that nothing the phone holds is lost when kith writes it.
std::string card_text(const Contact& contact, CardRest rest, const std::string& uid, int version) {
    ContactRecord record;
    record.contact = contact;
    record.contact.uuid = uid;
    record.card = std::move(rest.card);
    record.photo = std::move(rest.photo);
    std::ostringstream out;
    interchange::write_vcard(out, record, version);
    return out.str();
}

// A file name for a new card: its UID's, when that is safe as one.
std::string file_for(const std::string& uid) {
    const bool safe =
        !uid.empty() && uid.size() < 200 && uid.front() != '.' && std::all_of(uid.begin(), uid.end(), [](char c) {
            return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' ||
                   c == '.' || c == '@';
        });
    return (safe ? uid : make_uuid()) + ".vcf";
}

// updated_at (2026-11-22T09:30:00Z) in nanoseconds since the epoch; 0 when unreadable.
std::int64_t updated_ns(const std::string& updated_at) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (std::sscanf(updated_at.c_str(), "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6) return 0;
    using namespace std::chrono;
    const sys_days day{year{y} / month{static_cast<unsigned>(mo)} / ::std::chrono::day{static_cast<unsigned>(d)}};
    const auto at = day + hours{h} + minutes{mi} + seconds{s};
    return duration_cast<nanoseconds>(at.time_since_epoch()).count();
}

std::vector<SyncConflict> conflicts_of(const FieldMerge& merge) {
    std::vector<SyncConflict> out;
    for (const auto& conflict : merge.conflicts)
        out.push_back({conflict.field, conflict.kept, conflict.replaced, conflict.theirs_kept});
    return out;
}

// A file's state as the sync goes: what its row says, and what this sync learnt.
struct Entry {
    SyncedFile row;
    bool known = false;                   // a row is kept for it
    std::optional<Contact> card;          // the card now in the file, when read
    bool kith_changed = false;            // its person changed in kith: they may have to go out
    std::vector<SyncConflict> conflicts;  // kept by kith, said when the card goes out
};

class Sync {
public:
    Sync(Store& store, const SyncOptions& options, std::string folder, Date today,
         const std::map<std::string, FileStat>& listed)
        : store_(store), options_(options), folder_(std::move(folder)), today_(today), listed_(listed) {}

    SyncResult run() {
        result_.folder = folder_;
        const bool fresh = store_.sync().folder() != folder_;  // the first sync with this folder
        store_.sync().use_folder(folder_);
        for (auto& row : store_.sync().files()) {
            auto name = row.file;
            entries_[name] = Entry{std::move(row), true, {}, false, {}};
        }
        std::set<std::string> changed;
        for (auto& uuid : store_.sync().changed()) changed.insert(std::move(uuid));
        for (auto& [name, entry] : entries_)
            if (changed.count(entry.row.contact_uuid)) entry.kith_changed = true;

        for (const auto& [name, stat] : listed_) from_folder(name, stat);
        for (auto& [name, entry] : entries_)
            if (entry.known && !listed_.count(name)) card_deleted(entry);
        for (auto& [name, entry] : entries_)
            if (entry.known && entry.kith_changed && listed_.count(name)) to_folder(entry);
        if (fresh) {
            for (auto id : store_.sync().without_card()) new_card(id);
        } else {
            std::set<std::string> carded;
            for (const auto& [name, entry] : entries_)
                if (entry.known) carded.insert(entry.row.contact_uuid);
            std::vector<std::int64_t> ids;
            for (const auto& uuid : changed)
                if (!carded.count(uuid))
                    if (auto id = store_.records().id_for_uuid(RecordTable::contacts, uuid)) ids.push_back(*id);
            std::sort(ids.begin(), ids.end());
            for (auto id : ids) new_card(id);
        }
        store_.sync().clear_changed();
        if (wrote_ && !options_.dry_run) files::sync_filesystem(folder_);
        return std::move(result_);
    }

private:
    std::string path(const std::string& name) const { return (fs::path(folder_) / name).string(); }

    std::optional<Contact> contact_of(const std::string& uuid) {
        if (uuid.empty()) return std::nullopt;
        auto id = store_.records().id_for_uuid(RecordTable::contacts, uuid);
        return id ? store_.contacts().find(*id) : std::nullopt;
    }

    void unreadable(Entry& entry, const std::string& name, const FileStat& stat, const std::string& why) {
        result_.unreadable.push_back({name, why});
        entry.row = SyncedFile{name, "", "", stat.mtime_ns, stat.size, stat.inode};
        entry.known = true;
        entry.kith_changed = false;
        store_.sync().save(entry.row, "");
    }

    void from_folder(const std::string& name, const FileStat& stat) {
        auto& entry = entries_[name];
        if (entry.known && stat_of(entry.row) == stat) return;
        const auto text = read_text(path(name));
        const bool owned = entry.known && !entry.row.contact_uuid.empty();
        if (owned) {
            if (text == store_.sync().base(name)) {  // touched, not changed
                entry.row.mtime_ns = stat.mtime_ns, entry.row.size = stat.size, entry.row.inode = stat.inode;
                store_.sync().touch(entry.row);
                return;
            }
        }
        Contact card;
        CardRest rest;
        try {
            auto parsed = parsed_card(text);
            card = std::move(parsed.contact);
            rest = std::move(parsed.rest);
        } catch (const Error& e) {
            unreadable(entry, name, stat, e.what());
            return;
        }
        entry.row.file = name;
        entry.row.uid = card.uuid.empty() ? name.substr(0, name.size() - 4) : card.uuid;
        entry.row.mtime_ns = stat.mtime_ns, entry.row.size = stat.size, entry.row.inode = stat.inode;
        if (owned) {
            auto ours = contact_of(entry.row.contact_uuid);
            if (!ours) {  // removed in kith since: the removal wins
                entry.card = std::move(card);
                entry.kith_changed = true;
                return;
            }
            changed_card(entry, *ours, card, rest, text, stat);
        } else if (!new_card_in(entry, card, std::move(rest), text)) {
            return;
        }
        entry.card = std::move(card);
    }

    // A card kith knew, changed in the folder: merged field by field against the card as kith last saw it.
    void changed_card(Entry& entry, const Contact& ours, const Contact& card, const CardRest& card_rest_now,
                      const std::string& text, const FileStat& stat) {
        auto held_card = store_.contacts().card(ours.id);
        const Circle circle_before = circle_of(ours, held_card);  // a new spouse on the card: notes read again
        // An unreadable base: no field counts as changed in kith, and the rest of the card is kith's.
        Contact base = ours;
        CardRest base_rest;
        try {
            auto parsed = parsed_card(store_.sync().base(entry.row.file));
            base = std::move(parsed.contact);
            base_rest = std::move(parsed.rest);
        } catch (const Error&) {
            base_rest = {held_card, {}};
        }
        const bool card_later = stat.mtime_ns > updated_ns(ours.updated_at);
        auto merge = merge_fields(base, ours, card, card_later, phone_keys(store_.phone_region()));
        // The rest of the card (title, addresses, photo …) comes in as the card has it when the
        // card changed it: kith changes it only by an import, which the card then carries.
        if (card_rest_now != base_rest) {
            if (card_rest_now.card != base_rest.card) {
                // Its own lines (as_written) follow what kith read of it, and are kept to write it
                // back as the phone wrote it; a change there alone is no change to tell.
                const auto read_of = [](ContactCard read) {
                    read.as_written.clear();
                    read.version.clear();
                    return read;
                };
                store_.contacts().write_card(ours.id, card_rest_now.card);
                held_card = card_rest_now.card;
                if (read_of(card_rest_now.card) != read_of(base_rest.card)) merge.from_theirs.emplace_back("card");
            }
            const bool photo_kept = !card_rest_now.photo || card_rest_now.photo->data.size() <= max_photo_bytes;
            if (card_rest_now.photo != base_rest.photo && photo_kept) {
                store_.contacts().write_photo(ours.id, card_rest_now.photo);
                merge.from_theirs.emplace_back("photo");
            }
        }
        if (!merge.from_theirs.empty()) {
            store_.contacts().update(merge.merged);
            reread_if_circle_changed(store_, ours.id, circle_before, circle_of(merge.merged, held_card));
            changed_in_kith(ours.uuid, entry.row.file);
            SyncChange change{SyncChange::Way::in, SyncChange::Action::updated, ours.id, merge.merged.name,
                              entry.row.file,      merge.from_theirs,           {},      false};
            for (auto& conflict : conflicts_of(merge))
                if (conflict.card_kept) change.conflicts.push_back(conflict);
            result_.changes.push_back(std::move(change));
        }
        for (auto& conflict : conflicts_of(merge))
            if (!conflict.card_kept) entry.conflicts.push_back(conflict);
        save_or_send(entry, merge.merged, card, text);
    }

    // A card kith has not seen: the person whose uuid is its UID, else matched as `kith import`
    // matches, else someone new. False when kith cannot take it.
    bool new_card_in(Entry& entry, const Contact& card, CardRest rest, const std::string& text) {
        ContactRecord record;
        record.contact = card;
        record.card = std::move(rest.card);
        record.photo = std::move(rest.photo);
        const bool by_uid = store_.records().id_for_uuid(RecordTable::contacts, entry.row.uid).has_value();
        record.contact.uuid = by_uid ? entry.row.uid : std::string();
        record.contact.archived = false;
        MergeResult merged;
        try {
            merged = importer_.merge(std::move(record));
        } catch (const Error& e) {
            unreadable(entry, entry.row.file, stat_of(entry.row), e.what());
            return false;
        }
        auto ours = store_.contacts().find(merged.contact_id);
        if (!ours) return false;
        if (ours->archived) {  // a card back in the folder brings its person back
            ours->archived = false;
            store_.contacts().update(*ours);
            merged.changes.emplace_back("archived");
        }
        if (merged.action == MergeResult::Action::added)
            result_.changes.push_back(
                {SyncChange::Way::in, SyncChange::Action::added, ours->id, ours->name, entry.row.file, {}, {}, false});
        else if (!merged.changes.empty())
            result_.changes.push_back({SyncChange::Way::in,
                                       SyncChange::Action::updated,
                                       ours->id,
                                       ours->name,
                                       entry.row.file,
                                       merged.changes,
                                       {},
                                       false});
        if (merged.action != MergeResult::Action::unchanged || !merged.changes.empty())
            changed_in_kith(ours->uuid, entry.row.file);
        entry.known = true;
        entry.row.contact_uuid = ours->uuid;
        save_or_send(entry, *ours, card, text);
        return true;
    }

    // A person this sync changed goes out to their other cards (a phone may hold two of one person).
    void changed_in_kith(const std::string& uuid, const std::string& but) {
        for (auto& [name, other] : entries_)
            if (name != but && other.known && other.row.contact_uuid == uuid) other.kith_changed = true;
    }

    // The file holds `card`; kith now holds `ours`: the same, and the file's text is the base;
    // else kith's person goes out to it.
    void save_or_send(Entry& entry, const Contact& ours, const Contact& card, const std::string& text) {
        store_.sync().save(entry.row, text);
        entry.kith_changed = !differing_fields(ours, card).empty();
    }

    void card_deleted(Entry& entry) {
        const auto name = entry.row.file;
        store_.sync().forget(name);
        entry.known = false;
        auto ours = contact_of(entry.row.contact_uuid);
        if (!ours || ours->archived) return;
        ours->archived = true;
        store_.contacts().update(*ours);
        result_.changes.push_back(
            {SyncChange::Way::in, SyncChange::Action::archived, ours->id, ours->name, name, {}, {}, false});
    }

    void to_folder(Entry& entry) {
        auto& row = entry.row;
        if (row.contact_uuid.empty()) return;  // not kith's: never touched
        auto ours = contact_of(row.contact_uuid);
        if (!ours || ours->archived) {
            const auto name = ours ? ours->name : known_card(entry).name;  // before its base is forgotten
            remove_file(row.file);
            store_.sync().forget(row.file);
            entry.known = false;
            result_.changes.push_back({SyncChange::Way::out,
                                       SyncChange::Action::removed,
                                       ours ? ours->id : 0,
                                       name,
                                       row.file,
                                       {},
                                       {},
                                       !ours});
            return;
        }
        const auto card = known_card(entry);
        auto fields = differing_fields(*ours, card);
        if (fields.empty()) return;  // changed in kith, but not in what a card holds
        write_card(row, *ours);
        result_.changes.push_back({SyncChange::Way::out, SyncChange::Action::updated, ours->id, ours->name, row.file,
                                   std::move(fields), std::move(entry.conflicts), false});
    }

    // The card in the file: as read by this sync, else its base.
    Contact known_card(Entry& entry) {
        if (entry.card) return *entry.card;
        try {
            entry.card = parsed_card(store_.sync().base(entry.row.file)).contact;
        } catch (const Error&) {
            entry.card = Contact{};
        }
        return *entry.card;
    }

    void new_card(std::int64_t id) {
        auto ours = store_.contacts().find(id);
        if (!ours || ours->archived) return;
        SyncedFile row;
        row.file = file_for(ours->uuid);
        row.uid = ours->uuid;
        row.contact_uuid = ours->uuid;
        if (listed_.count(row.file) || entries_.count(row.file)) {
            // Another file has the name: kith never writes over a file it does not own.
            result_.unreadable.push_back({row.file, fmt::format("it is not the card kith keeps for {} (#{}), who "
                                                                "is left out of the folder",
                                                                ours->name, ours->id)});
            return;
        }
        write_card(row, *ours);
        entries_[row.file] = Entry{row, true, {}, false, {}};
        result_.changes.push_back(
            {SyncChange::Way::out, SyncChange::Action::added, ours->id, ours->name, row.file, {}, {}, false});
    }

    // Whole: a temp file beside it, renamed over it. Flushed to disk once, for all, at the end.
    void write_card(SyncedFile& row, const Contact& contact) {
        auto photos = store_.contacts().photos({contact.id});
        CardRest rest{store_.contacts().card(contact.id), {}};
        if (auto photo = photos.find(contact.id); photo != photos.end()) rest.photo = std::move(photo->second);
        const auto text = card_text(contact, std::move(rest), row.uid, options_.vcard_version);
        if (!options_.dry_run) {
            const auto target = path(row.file);
            files::AtomicFile file(target);
            files::FdOutBuf buffer(file.fd());
            std::ostream out(&buffer);
            out << text;
            out.flush();
            if (!out) throw runtime_error(fmt::format("cannot write {}: {}", target, std::strerror(errno)));
            file.commit(files::Durability::later);
            wrote_ = true;
            const auto stat = stat_of(target);
            row.mtime_ns = stat.mtime_ns, row.size = stat.size, row.inode = stat.inode;
        }
        store_.sync().save(row, text);
    }

    void remove_file(const std::string& name) {
        if (options_.dry_run) return;
        const auto target = path(name);
        if (std::remove(target.c_str()) != 0 && errno != ENOENT)
            throw runtime_error(fmt::format("cannot remove {}: {}", target, std::strerror(errno)));
        wrote_ = true;
    }

    Store& store_;
    const SyncOptions& options_;
    std::string folder_;
    Date today_;
    const std::map<std::string, FileStat>& listed_;
    Importer importer_{store_, today_};
    std::map<std::string, Entry> entries_;
    SyncResult result_;
    bool wrote_ = false;
};

// True when a sync would find something to do: a file new, changed or gone, a person added,
// changed or removed in kith, or another folder.
bool anything_to_sync(Store& store, const std::string& folder, const std::map<std::string, FileStat>& listed) {
    bool found = false;
    store.read([&] {
        auto& sync = store.sync();
        if (sync.folder() != folder || !sync.changed().empty()) {
            found = true;
            return;
        }
        const auto rows = sync.files();
        if (rows.size() != listed.size()) {
            found = true;
            return;
        }
        for (const auto& row : rows) {
            auto file = listed.find(row.file);
            if (file == listed.end() || !(file->second == stat_of(row))) {
                found = true;
                return;
            }
        }
    });
    return found;
}

}  // namespace

SyncResult sync_vdir(Store& store, const SyncOptions& options, Date today) {
    if (options.vcard_version != 3 && options.vcard_version != 4)
        throw usage_error(fmt::format("vCard version {} cannot be written: use 3 or 4", options.vcard_version));
    if (options.vdir.empty())
        throw usage_error("sync: give the folder with --vdir DIR, or set sync.vdir in the config");
    std::error_code error;
    if (!fs::is_directory(options.vdir, error)) throw not_found_error(fmt::format("sync: no folder {}", options.vdir));
    const auto folder = fs::weakly_canonical(fs::absolute(options.vdir)).string();
    const auto listed = list_cards(folder);
    if (!anything_to_sync(store, folder, listed)) return SyncResult{folder, {}, {}};
    SyncResult result;
    const auto body = [&] { result = Sync(store, options, folder, today, listed).run(); };
    if (options.dry_run)
        store.rehearse(body);
    else
        store.write(body);
    return result;
}

}  // namespace kith
