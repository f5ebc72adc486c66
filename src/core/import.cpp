// Importing: each record from a file is checked like command-line input, then merged.
#include "kith/import.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "core/contact_fields.h"
#include "core/folded_values.h"
#include "core/validate.h"
#include "kith/core.h"
#include "kith/error.h"
#include "kith/record_id.h"
#include "kith/text.h"

namespace kith {

namespace {

template <class Check>
std::vector<std::string> checked_unique(const std::vector<std::string>& values, Check check,
                                        ValueKey key_of = folded_key) {
    std::vector<std::string> out;
    FoldedValues unique(out, std::move(key_of));
    for (const auto& value : values) {
        if (trim(value).empty()) continue;
        unique.add(check(value));
    }
    return out;
}

// Address books label groups with spaces ("Work Friends"); kith tags are single words.
std::string tag_from_label(const std::string& label) {
    auto tag = trim(label);
    for (auto& c : tag)
        if (c == ' ' || c == ',' || c == '\t') c = '-';
    return normalize_tag(tag);
}

// The singulars an English plural may have, likeliest first: clients → client, families →
// family, coaches → coach.
std::vector<std::string> singulars(const std::string& word) {
    std::vector<std::string> out;
    const auto ends = [&](std::string_view suffix) { return word.size() > suffix.size() + 1 && word.ends_with(suffix); };
    if (ends("ies")) out.push_back(word.substr(0, word.size() - 3) + "y");
    if (ends("es")) out.push_back(word.substr(0, word.size() - 2));
    if (ends("s") && !ends("ss")) out.push_back(word.substr(0, word.size() - 1));
    return out;
}

// A card's text as kith keeps it: trimmed, with no unit separator (the store joins an
// address's parts with it).
std::string card_text(std::string value) {
    std::erase(value, '\x1f');
    return trim(value);
}

void check_card(ContactCard& card) {
    for (auto* text : {&card.title, &card.role, &card.department, &card.name_prefix, &card.name_suffix})
        *text = card_text(std::move(*text));
    std::erase_if(card.addresses, [](PostalAddress& address) {
        address.label = card_text(std::move(address.label));
        bool empty = true;
        for (auto& part : address.parts) {
            part = card_text(std::move(part));
            empty = empty && part.empty();
        }
        return empty;
    });
    for (auto* list : {&card.urls, &card.related})
        std::erase_if(*list, [](LabeledText& item) {
            item.label = card_text(std::move(item.label));
            item.value = card_text(std::move(item.value));
            return item.value.empty();
        });
    for (auto& event : card.events) {
        event.label = card_text(std::move(event.label));
        // As --birthday takes a date: the database must read it back.
        auto date = parse_birthday(format_birthday(event.date));
        if (!date) throw usage_error(fmt::format("{}: {}", event.label.empty() ? "date" : event.label, date.error()));
    }
    std::erase_if(card.other_properties, [](const std::string& line) { return trim(line).empty(); });
}

std::string nickname(const std::string& value) { return validate::contact_name(value, "nickname"); }

std::string line_text(const std::string& value, const char* field) { return trim(validate::text(value, field)); }

// Checks every field as the commands would, and fills what the file did not carry. A number
// written twice (two spellings) is kept once, as first written. With `labels`, the tags are
// another address book's labels.
void check_record(ContactRecord& record, Date today, const ValueKey& phone_key_of, const LabelTags* labels) {
    auto& contact = record.contact;
    contact.name = validate::contact_name(contact.name, "name");
    contact.nicknames = checked_unique(contact.nicknames, nickname);
    contact.emails = checked_unique(contact.emails, validate::email);
    contact.phones = checked_unique(contact.phones, validate::phone, phone_key_of);
    if (labels)
        contact.tags =
            checked_unique(contact.tags, [&](const std::string& label) { return tag_for_label(label, *labels); });
    else
        contact.tags = checked_unique(contact.tags, tag_from_label);
    if (!trim(contact.company).empty()) contact.company = validate::name(contact.company, "company");
    else contact.company.clear();
    if (contact.birthday) {
        // As --birthday takes it: a vCard's BDAY may carry any four-digit year, which the
        // database could then not read back.
        auto birthday = parse_birthday(format_birthday(*contact.birthday));
        if (!birthday) throw usage_error(birthday.error());
        contact.birthday = *birthday;
    }
    check_card(record.card);
    // Stamps of fields this kith does not have (a newer one's) mean nothing here.
    std::erase_if(contact.changed, [](const auto& stamp) {
        const auto& fields = contact_fields();
        return std::none_of(fields.begin(), fields.end(),
                            [&](const ContactField& field) { return stamp.first == field.name; });
    });
    if (!contact.added_on.ok()) contact.added_on = today;
    contact.last_contacted.reset();  // derived from the interactions, never read

    std::vector<Note> notes;
    for (auto& note : record.notes) {
        note.text = line_text(note.text, "note");
        if (note.text.empty()) continue;
        if (!note.on.ok()) note.on = today;
        note.tags = checked_unique(note.tags, normalize_tag);
        if (note.tags.empty()) note.tags = hashtags(note.text);
        notes.push_back(std::move(note));
    }
    record.notes = std::move(notes);

    const auto& channels = interaction_channels();
    for (auto& interaction : record.interactions) {
        if (interaction.channel.empty()) interaction.channel = "other";
        if (std::find(channels.begin(), channels.end(), interaction.channel) == channels.end())
            throw usage_error(fmt::format("bad channel \"{}\": expected one of {}",
                                          escape_control_characters(interaction.channel), join(channels, ", ")));
        interaction.summary = line_text(interaction.summary, "summary");
    }
    for (auto& reminder : record.reminders) {
        reminder.text = line_text(reminder.text, "reminder");
        if (reminder.text.empty()) throw usage_error("reminder text is empty");
        if (!reminder.starts_on.ok()) reminder.starts_on = reminder.due;
    }
    for (auto& asked : record.asked) asked.question_id = validate::name(asked.question_id, "question id");
}

// The contact fields that differ between two versions, by name, for the merge report.
std::vector<std::string> changed_fields(const Contact& before, const Contact& after) {
    std::vector<std::string> fields;
    auto check = [&](bool differs, const char* field) {
        if (differs) fields.emplace_back(field);
    };
    check(before.name != after.name, "name");
    check(before.nicknames != after.nicknames, "nicknames");
    check(before.emails != after.emails, "emails");
    check(before.phones != after.phones, "phones");
    check(before.company != after.company, "company");
    check(before.tags != after.tags, "tags");
    check(before.birthday != after.birthday, "birthday");
    check(before.every != after.every, "every");
    check(before.archived != after.archived, "archived");
    check(before.snoozed_until != after.snoozed_until, "snoozed");
    check(before.added_on != after.added_on, "added");
    check(before.met_on != after.met_on, "met");
    return fields;
}

// What a card adds to a person, by name, for the report: "title", "2 addresses", "photo" …
std::vector<std::string> card_fields(const ContactCard& card, bool photo) {
    std::vector<std::string> fields;
    const auto one = [&](bool present, const char* field) {
        if (present) fields.emplace_back(field);
    };
    const auto many = [&](std::size_t count, const char* one_of, const char* several) {
        if (count == 1) fields.emplace_back(one_of);
        if (count > 1) fields.push_back(fmt::format("{} {}", count, several));
    };
    one(!card.title.empty(), "title");
    one(!card.role.empty(), "role");
    one(!card.department.empty(), "department");
    one(!card.name_prefix.empty() || !card.name_suffix.empty(), "name prefix/suffix");
    many(card.addresses.size(), "address", "addresses");
    many(card.urls.size(), "URL", "URLs");
    many(card.related.size(), "related person", "related people");
    many(card.events.size(), "dated event", "dated events");
    one(photo, "photo");
    many(card.other_properties.size(), "other property", "other properties");
    return fields;
}

// The card fields that differ, for the merge report (as changed_fields).
std::vector<std::string> changed_card_fields(const ContactCard& before, const ContactCard& after) {
    std::vector<std::string> fields;
    auto check = [&](bool differs, const char* field) {
        if (differs) fields.emplace_back(field);
    };
    check(before.title != after.title, "title");
    check(before.role != after.role, "role");
    check(before.department != after.department, "department");
    check(before.name_prefix != after.name_prefix || before.name_suffix != after.name_suffix, "name prefix/suffix");
    check(before.addresses != after.addresses, "addresses");
    check(before.urls != after.urls, "URLs");
    check(before.related != after.related, "related people");
    check(before.events != after.events, "dated events");
    check(before.other_properties != after.other_properties, "other properties");
    return fields;
}

// A card from another address book adds what we lack and overwrites nothing we have.
ContactCard united_card(const ContactCard& ours, const ContactCard& theirs) {
    ContactCard out = ours;
    for (auto [mine, other] : {std::pair{&out.title, &theirs.title}, std::pair{&out.role, &theirs.role},
                               std::pair{&out.department, &theirs.department},
                               std::pair{&out.name_prefix, &theirs.name_prefix},
                               std::pair{&out.name_suffix, &theirs.name_suffix}})
        if (mine->empty()) *mine = *other;
    const auto add_missing = [](auto& mine, const auto& other) {
        for (const auto& item : other)
            if (std::find(mine.begin(), mine.end(), item) == mine.end()) mine.push_back(item);
    };
    add_missing(out.addresses, theirs.addresses);
    add_missing(out.urls, theirs.urls);
    add_missing(out.related, theirs.related);
    add_missing(out.events, theirs.events);
    add_missing(out.other_properties, theirs.other_properties);
    // The lines as the card wrote them serve only a card of one version: ours, else theirs.
    if (out.version.empty() || out.version == theirs.version) {
        out.version = theirs.version;
        add_missing(out.as_written, theirs.as_written);
    }
    return out;
}

// A file from another address book adds what we lack and overwrites nothing we have: a
// number we hold written another way is ours as we wrote it.
Contact united(const Contact& ours, const Contact& theirs, const ValueKey& phone_key_of) {
    Contact out = ours;
    const auto add_missing = [](std::vector<std::string>& mine, const std::vector<std::string>& other,
                                const ValueKey& key_of) {
        if (other.empty()) return;  // keying ours costs libphonenumber's start for nothing
        FoldedValues unique(mine, key_of);
        for (const auto& value : other) unique.add(value);
    };
    add_missing(out.nicknames, theirs.nicknames, folded_key);
    add_missing(out.emails, theirs.emails, folded_key);
    add_missing(out.phones, theirs.phones, phone_key_of);
    add_missing(out.tags, theirs.tags, folded_key);
    if (out.company.empty()) out.company = theirs.company;
    if (!out.birthday) out.birthday = theirs.birthday;
    if (!out.every) out.every = theirs.every;
    if (!out.met_on) out.met_on = theirs.met_on;
    return out;
}

std::string counted(std::size_t count, const char* what, const char* how) {
    return fmt::format("{}{} {}{}", how, count, what, count == 1 ? "" : "s");
}

// A record deleted here after `updated_at`, its last change in the file: it is not brought back.
std::optional<Tombstone> deleted_since(Store& store, const std::string& uuid, const std::string& updated_at) {
    if (uuid.empty()) return std::nullopt;
    auto tombstone = store.tombstones().find(uuid);
    if (tombstone && updated_at <= tombstone->deleted_at) return tombstone;
    return std::nullopt;
}

bool deleted_here(Store& store, const std::string& uuid, const std::string& updated_at) {
    return deleted_since(store, uuid, updated_at).has_value();
}

// When anything of a person in the file last changed: they, or a record of theirs.
std::string last_change(const ContactRecord& record) {
    auto at = record.contact.updated_at;
    const auto later = [&](const auto& items) {
        for (const auto& item : items) at = std::max(at, item.updated_at);
    };
    later(record.notes);
    later(record.interactions);
    later(record.reminders);
    return at;
}

RecordTable table_of(const std::string& kind) {
    if (kind == "note") return RecordTable::notes;
    if (kind == "interaction") return RecordTable::interactions;
    if (kind == "reminder") return RecordTable::reminders;
    return RecordTable::contacts;
}

// A question id that names a note (n42, e42, r42:operation-after, s42) names it by its id here.
std::string renumbered(const std::string& question_id, const std::map<std::int64_t, std::int64_t>& note_ids) {
    if (question_id.size() < 2 || std::string_view("ners").find(question_id[0]) == std::string_view::npos)
        return question_id;
    std::size_t end = 1;
    while (end < question_id.size() && is_ascii_digit(question_id[end])) ++end;
    if (end == 1 || end - 1 > 18) return question_id;
    auto found = note_ids.find(std::stoll(question_id.substr(1, end - 1)));
    if (found == note_ids.end()) return question_id;
    return fmt::format("{}{}{}", question_id[0], found->second, question_id.substr(end));
}

// How merge_items compares records: `duplicate` finds one without a uuid among ours (a
// vCard's note carries only its text), `same` tells whether a newer version changes anything.
template <class Item>
struct Matching {
    bool (*duplicate)(const Item&, const Item&);
    bool (*same)(const Item&, const Item&);
};

template <class Item>
const Item* find_existing(const std::vector<Item>& existing, const Item& item, const Matching<Item>& matching) {
    for (const auto& candidate : existing)
        if (item.uuid.empty() ? matching.duplicate(candidate, item) : candidate.uuid == item.uuid) return &candidate;
    return nullptr;
}

// Adds what is new, updates what the file says is newer, and counts both.
template <class Item, class Insert, class Update>
void merge_items(Store& store, RecordTable table, std::vector<Item>& incoming, const std::vector<Item>& existing,
                 const Matching<Item>& matching, Insert insert, Update update, const char* what,
                 MergeResult& result, std::map<std::int64_t, std::int64_t>* ids = nullptr) {
    std::size_t added = 0, updated = 0, not_back = 0;
    for (auto& item : incoming) {
        auto file_id = item.id;
        item.contact_id = result.contact_id;
        if (const auto* found = find_existing(existing, item, matching)) {
            if (ids && file_id > 0) (*ids)[file_id] = found->id;
            if (!item.uuid.empty() && item.updated_at > found->updated_at && !matching.same(*found, item)) {
                item.id = found->id;
                update(item);
                ++updated;
            }
            continue;
        }
        // A uuid kept by another person's record (files merged oddly): leave that one be.
        if (!item.uuid.empty() && store.records().id_for_uuid(table, item.uuid)) continue;
        if (deleted_here(store, item.uuid, item.updated_at)) {
            ++not_back;
            continue;
        }
        insert(item);
        if (ids && file_id > 0) (*ids)[file_id] = item.id;
        ++added;
    }
    if (added) result.changes.push_back(counted(added, what, "+"));
    if (updated) result.changes.push_back(counted(updated, what, "~"));
    if (not_back) result.set_aside.push_back(counted(not_back, what, "") + " deleted here, not brought back");
}

const Matching<Note> note_matching{
    [](const Note& a, const Note& b) { return a.text == b.text; },
    [](const Note& a, const Note& b) {
        return a.text == b.text && a.on == b.on && a.event == b.event && a.ask == b.ask && a.tags == b.tags &&
               a.done_on == b.done_on;
    }};

const Matching<Interaction> interaction_matching{
    [](const Interaction& a, const Interaction& b) {
        return a.on == b.on && a.channel == b.channel && a.summary == b.summary;
    },
    [](const Interaction& a, const Interaction& b) {
        return a.on == b.on && a.channel == b.channel && a.summary == b.summary;
    }};

const Matching<Reminder> reminder_matching{
    [](const Reminder& a, const Reminder& b) { return a.text == b.text && a.starts_on == b.starts_on; },
    [](const Reminder& a, const Reminder& b) {
        return a.text == b.text && a.due == b.due && a.every == b.every && a.starts_on == b.starts_on &&
               a.done_on == b.done_on && a.snoozed_until == b.snoozed_until;
    }};

// An asked question is a fact about the past: it is added once and never changes.
const Matching<AskedQuestion> asked_matching{
    [](const AskedQuestion& a, const AskedQuestion& b) { return a.question_id == b.question_id && a.on == b.on; },
    [](const AskedQuestion&, const AskedQuestion&) { return true; }};

}  // namespace

std::string tag_for_label(const std::string& label, const LabelTags& labels) {
    if (auto alias = labels.aliases.find(fold_case(trim(label))); alias != labels.aliases.end()) return alias->second;
    auto tag = tag_from_label(label);
    if (auto alias = labels.aliases.find(tag); alias != labels.aliases.end()) return alias->second;
    if (labels.known.count(tag)) return tag;
    for (const auto& singular : singulars(tag))
        if (labels.known.count(singular)) return singular;
    return tag;
}

MergeResult Importer::merge(ContactRecord record, std::size_t line) {
    const auto phone_key_of = phone_keys(store_.phone_region());
    check_record(record, today_, phone_key_of, labels_);
    const auto& incoming = record.contact;
    MergeResult result;
    result.name = incoming.name;

    std::optional<std::int64_t> match;
    bool by_uuid = false;
    std::optional<std::vector<ContactRef>> named;
    const auto same_name = [&]() -> const std::vector<ContactRef>& {
        if (!named) named = store_.contacts().named(incoming.name);
        return *named;
    };
    if (!incoming.uuid.empty()) {
        // One person per uuid in a file: two would be merged into one, whichever came last winning.
        auto [seen, fresh] = uuid_lines_.emplace(incoming.uuid, line);
        if (!fresh)
            throw FormatError(line, fmt::format("uuid {} is also on line {}: one record per person",
                                                escape_control_characters(incoming.uuid), seen->second));
        match = store_.records().id_for_uuid(RecordTable::contacts, incoming.uuid);
        by_uuid = match.has_value();
        if (!match) {
            if (auto gone = deleted_since(store_, incoming.uuid, last_change(record))) {
                result.action = MergeResult::Action::not_brought_back;
                result.deleted_at = gone->deleted_at;
                return result;
            }
        }
    } else {
        // Without a uuid, a person may be found by email, then by phone number, then by name, but
        // never among those this import added (two people in one file are two people), nor by
        // name alone when archived. An email or number that two people share finds neither.
        const auto one_of = [&](std::vector<std::int64_t> ids) {
            std::erase_if(ids, [&](std::int64_t id) { return added_.count(id) > 0; });
            if (ids.size() == 1) match = ids.front();
        };
        for (std::size_t i = 0; !match && i < incoming.emails.size(); ++i)
            one_of(store_.contacts().with_email(incoming.emails[i]));
        for (std::size_t i = 0; !match && i < incoming.phones.size(); ++i) {
            std::vector<std::int64_t> ids;
            for (const auto& ref : store_.contacts().with_phone(incoming.phones[i])) ids.push_back(ref.id);
            one_of(std::move(ids));
        }
        if (!match) {
            // Two people already share the name: a third with it is not guessed to be either.
            auto candidates = same_name();
            std::erase_if(candidates, [&](const ContactRef& ref) { return added_.count(ref.id) > 0; });
            if (candidates.size() == 1 && !candidates.front().archived) match = candidates.front().id;
        }
    }
    if (!match) result.kept_apart = same_name();  // for the user to check they are not one person

    const bool photo_set_aside = record.photo && record.photo->data.size() > max_photo_bytes;
    if (photo_set_aside) {
        result.set_aside.push_back(fmt::format("a photo of {} KB, larger than the {} KB kith keeps",
                                               (record.photo->data.size() + 1023) / 1024, max_photo_bytes / 1024));
        record.photo.reset();
    }
    ContactRecord existing;
    Circle circle;  // whom their notes may name, for their notes' readings
    if (!match) {
        Contact contact = incoming;
        store_.contacts().insert(contact);
        circle = circle_of(contact, record.card);
        added_.insert(contact.id);
        result.action = MergeResult::Action::added;
        result.contact_id = contact.id;
        if (!record.card.empty()) store_.contacts().write_card(contact.id, record.card, Stamp::keep);
        if (record.photo) store_.contacts().write_photo(contact.id, record.photo, Stamp::keep);
        result.changes = card_fields(record.card, record.photo.has_value());
    } else {
        existing = std::move(store_.records().for_contacts({*match}).front());
        const auto& ours = existing.contact;
        result.contact_id = ours.id;
        result.name = ours.name;
        if (by_uuid && !incoming.updated_at.empty()) {
            circle = merge_stamped(existing, record, photo_set_aside, result);
        } else {
            Contact merged = united(ours, incoming, phone_key_of);
            result.changes = changed_fields(ours, merged);
            const auto card = united_card(existing.card, record.card);
            const auto card_changes = changed_card_fields(existing.card, card);
            result.changes.insert(result.changes.end(), card_changes.begin(), card_changes.end());
            // A photo comes where we have none.
            const bool new_photo = record.photo && !existing.photo;
            if (new_photo) result.changes.emplace_back("photo");
            if (!result.changes.empty()) store_.contacts().update(merged);
            circle = circle_of(merged, card);
            if (card != existing.card) store_.contacts().write_card(ours.id, card);
            if (new_photo) store_.contacts().write_photo(ours.id, record.photo);
        }
    }
    if (match) reread_if_circle_changed(store_, *match, circle_of(existing.contact, existing.card), circle);
    insert_children(record, existing, circle, result);
    if (result.action != MergeResult::Action::added && !result.changes.empty())
        result.action = MergeResult::Action::updated;
    return result;
}

Circle Importer::merge_stamped(const ContactRecord& existing, const ContactRecord& record, bool photo_set_aside,
                               MergeResult& result) {
    const auto& ours = existing.contact;
    ContactRecord theirs;
    theirs.contact = record.contact;
    theirs.card = record.card;
    // A photo too large to keep is no photo of theirs to weigh against ours.
    theirs.photo = photo_set_aside ? existing.photo : record.photo;
    auto merge = merge_by_stamps(existing, theirs);
    auto& merged = merge.merged;
    result.by_stamps = true;
    result.changes = merge.from_theirs;
    for (const auto& value : merge.replaced) result.replaced.push_back({value.field, value.kept, value.replaced});
    if (!merge.from_theirs.empty()) {
        // The other side's stamps are kept with its values: merging the same file again finds
        // nothing later, and the merged person is as recent as the later of the two.
        merged.contact.updated_at = std::max(ours.updated_at, record.contact.updated_at);
        if (merged.card != existing.card) store_.contacts().write_card(ours.id, merged.card, Stamp::keep);
        if (merged.photo != existing.photo) store_.contacts().write_photo(ours.id, merged.photo, Stamp::keep);
        store_.contacts().update(merged.contact, Stamp::keep);
    }
    return circle_of(merged.contact, merged.card);
}

MergeResult Importer::apply(const Tombstone& tombstone, std::size_t line) {
    MergeResult result;
    result.line = line;
    result.deleted_at = tombstone.deleted_at;
    // Kept first, so that removing the record keeps the other side's time rather than now.
    store_.tombstones().keep(tombstone);
    const auto table = table_of(tombstone.kind);
    const auto id = store_.records().id_for_uuid(table, tombstone.uuid);
    const auto change = id ? store_.records().last_change(table, *id) : std::nullopt;
    if (!change) return result;  // not here: nothing to remove, and now nothing to bring back
    result.contact_id = change->contact_id;
    if (auto person = store_.contacts().ref(change->contact_id)) result.name = person->name;
    if (table == RecordTable::notes) result.record = "note " + format_record_id(RecordKind::note, *id);
    if (table == RecordTable::interactions)
        result.record = "interaction " + format_record_id(RecordKind::interaction, *id);
    if (table == RecordTable::reminders) result.record = "reminder " + format_record_id(RecordKind::reminder, *id);
    if (change->at > tombstone.deleted_at) {
        result.action = MergeResult::Action::kept;
        return result;
    }
    switch (table) {
        case RecordTable::contacts: store_.contacts().remove(*id); break;
        case RecordTable::notes: store_.notes().remove(*id); break;
        case RecordTable::interactions: store_.interactions().remove(*id); break;
        case RecordTable::reminders: store_.reminders().remove(*id); break;
        case RecordTable::asked_questions: break;
    }
    result.action = MergeResult::Action::removed;
    return result;
}

void Importer::insert_children(ContactRecord& incoming, const ContactRecord& existing,
                               const Circle& circle, MergeResult& result) {
    std::map<std::int64_t, std::int64_t> note_ids;
    auto keep = Stamp::keep;
    std::vector<Note> added_notes;
    merge_items(
        store_, RecordTable::notes, incoming.notes, existing.notes, note_matching,
        [&](Note& note) {
            attach_reading(note, rules_, circle);
            store_.notes().insert(note);
            if (may_keep_a_promise(note.text)) added_notes.push_back(note);
        },
        [&](Note& note) {
            attach_reading(note, rules_, circle);
            store_.notes().update(note, keep);
        },
        "note", result, &note_ids);
    // A note that says a promise was kept, new here, marks it done, as `kith note` does; only
    // someone with a promise open has one to keep.
    const auto open = [](const Note& note) { return note.follow_up_on && !note.done_on; };
    if (std::ranges::any_of(incoming.notes, open) || std::ranges::any_of(existing.notes, open)) {
        std::ranges::sort(added_notes, {}, &Note::on);
        for (const auto& note : added_notes) keep_promises(store_, note, rules_);
    }
    merge_items(
        store_, RecordTable::interactions, incoming.interactions, existing.interactions, interaction_matching,
        [&](Interaction& interaction) { store_.interactions().insert(interaction); },
        [&](Interaction& interaction) { store_.interactions().update(interaction, keep); }, "interaction", result);
    merge_items(
        store_, RecordTable::reminders, incoming.reminders, existing.reminders, reminder_matching,
        [&](Reminder& reminder) { store_.reminders().insert(reminder); },
        [&](Reminder& reminder) { store_.reminders().update(reminder, keep); }, "reminder", result);
    for (auto& asked : incoming.asked) asked.question_id = renumbered(asked.question_id, note_ids);
    merge_items(
        store_, RecordTable::asked_questions, incoming.asked, existing.asked, asked_matching,
        [&](AskedQuestion& asked) { store_.asked().insert(asked); }, [](AskedQuestion&) {}, "asked question", result);
}

}  // namespace kith
