// Adding, changing, archiving, removing and listing contacts.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "core/folded_values.h"
#include "core/validate.h"
#include "kith/core.h"
#include "kith/error.h"
#include "kith/phone.h"
#include "kith/text.h"

namespace kith {

namespace {

void remove_value(std::vector<std::string>& values, const std::string& value, const Contact& contact,
                  const char* field, const ValueKey& key_of = folded_key) {
    auto key = key_of(value);
    auto found = std::find_if(values.begin(), values.end(), [&](const auto& v) { return key_of(v) == key; });
    if (found == values.end())
        throw usage_error(fmt::format("{} has no {} \"{}\"", contact.name, field, value));
    values.erase(found);
}

template <class Check>
void add_all(std::vector<std::string>& values, const std::vector<std::string>& added, Check check,
             ValueKey key_of = folded_key) {
    if (added.empty()) return;  // keying the values held costs libphonenumber's start for nothing
    FoldedValues unique(values, std::move(key_of));
    for (const auto& value : added) unique.add(check(value));
}

Contact load(Store& store, std::int64_t contact_id) {
    auto contact = store.contacts().find(contact_id);
    if (!contact) throw not_found_error(fmt::format("no contact #{}", contact_id));
    return *contact;
}

std::string checked_nickname(const std::string& value) { return validate::contact_name(value, "nickname"); }

}  // namespace

std::string normalize_tag(const std::string& raw) {
    auto tag = validate::name(raw, "tag");
    if (tag.front() == '#') tag.erase(0, 1);
    if (tag.empty() || tag.find_first_of(" ,") != std::string::npos)
        throw usage_error(fmt::format("bad tag \"{}\": tags are single words", raw));
    return fold_case(tag);
}

std::vector<std::string> hashtags(const std::string& text) {
    std::vector<std::string> tags;
    FoldedValues unique(tags);
    auto is_word_byte = [](unsigned char c) {
        return std::isalnum(c) || c == '_' || c == '-' || c >= 0x80;  // bytes >= 0x80: non-ASCII letters
    };
    for (std::size_t i = text.find('#'); i < text.size(); i = text.find('#', i + 1)) {  // memchr: most notes have none
        // "C#" or "issue#3" are not hashtags: the '#' must start a word.
        if (i > 0 && is_word_byte(static_cast<unsigned char>(text[i - 1]))) continue;
        std::size_t end = i + 1;
        while (end < text.size() && is_word_byte(static_cast<unsigned char>(text[end]))) ++end;
        auto word = text.substr(i + 1, end - i - 1);
        while (!word.empty() && (word.back() == '-' || word.back() == '_')) word.pop_back();
        if (!word.empty() && !all_ascii_digits(word)) unique.add(fold_case(word));
        i = end - 1;  // the next search starts past the word
    }
    return tags;
}

AddResult add_contact(Store& store, const NewContact& input, Date today, const RuleBook& rules) {
    AddResult result;
    Contact& contact = result.contact;
    contact.name = validate::contact_name(input.name, "name");
    contact.added_on = today;
    add_all(contact.nicknames, input.nicknames, checked_nickname);
    add_all(contact.emails, input.emails, validate::email);
    add_all(contact.phones, input.phones, validate::phone, phone_keys(store.phone_region()));
    add_all(contact.tags, input.tags, normalize_tag);
    if (!input.company.empty()) contact.company = validate::name(input.company, "company");
    if (input.birthday) contact.birthday = validate::birthday(*input.birthday);
    if (input.every) contact.every = validate::cadence(*input.every);
    if (input.met) contact.met_on = validate::past_date(*input.met, today, "--met");
    std::optional<NewNote> first_note;
    if (input.note) first_note = NewNote{*input.note, {}, {}, false, {}};
    std::optional<Photo> photo;
    if (input.photo) photo = read_photo_file(*input.photo);

    store.write([&] {
        result.same_name = store.contacts().with_key(fold_key(contact.name));
        store.contacts().insert(contact);
        if (photo) store.contacts().write_photo(contact.id, photo);
        if (first_note) add_note(store, contact.id, *first_note, today, rules);
    });
    return result;
}

bool ContactChanges::empty() const {
    return !name && !met && !company && !birthday && !every && add_emails.empty() && remove_emails.empty() &&
           add_phones.empty() && remove_phones.empty() && add_tags.empty() && remove_tags.empty() &&
           add_nicknames.empty() && remove_nicknames.empty() && !photo;
}

void require_changes(const ContactChanges& changes) {
    if (changes.empty()) throw usage_error("nothing to change: give a field flag such as --company (see kith edit --help)");
}

Contact edit_contact(Store& store, std::int64_t contact_id, const ContactChanges& changes, Date today) {
    require_changes(changes);
    // The file is read and checked before the transaction: a bad one changes nothing.
    std::optional<Photo> photo;
    if (changes.photo && !validate::is_clear(changes.photo)) photo = read_photo_file(*changes.photo);
    Contact contact;
    store.write([&] {
        contact = load(store, contact_id);
        if (changes.name) contact.name = validate::contact_name(*changes.name, "name");
        if (changes.company) contact.company = trim(*changes.company).empty() ? "" : validate::name(*changes.company, "company");
        if (changes.birthday)
            contact.birthday = validate::is_clear(changes.birthday) ? std::nullopt
                                                                     : std::optional(validate::birthday(*changes.birthday));
        if (changes.every)
            contact.every = validate::is_clear(changes.every) ? std::nullopt
                                                               : std::optional(validate::cadence(*changes.every));
        if (changes.met)
            contact.met_on = validate::is_clear(changes.met) ? std::nullopt
                                                             : std::optional(validate::past_date(*changes.met, today, "--met"));
        for (const auto& value : changes.remove_emails) remove_value(contact.emails, value, contact, "email");
        const auto phone_key_of = phone_keys(store.phone_region());
        for (const auto& value : changes.remove_phones)
            remove_value(contact.phones, value, contact, "phone", phone_key_of);
        for (const auto& value : changes.remove_tags) remove_value(contact.tags, normalize_tag(value), contact, "tag");
        for (const auto& value : changes.remove_nicknames) remove_value(contact.nicknames, value, contact, "nickname");
        add_all(contact.emails, changes.add_emails, validate::email);
        add_all(contact.phones, changes.add_phones, validate::phone, phone_key_of);
        add_all(contact.tags, changes.add_tags, normalize_tag);
        add_all(contact.nicknames, changes.add_nicknames, checked_nickname);
        const Contact before = load(store, contact_id);
        store.contacts().update(contact);
        if (changes.photo) store.contacts().write_photo(contact_id, photo);
        // "Mum's surgery" reads otherwise once she is Mum.
        reread_if_circle_changed(store, contact_id, circle_of(before), circle_of(contact));
    });
    return contact;
}

Contact change_contact(Store& store, std::int64_t contact_id, const std::function<void(Contact&)>& change) {
    Contact contact;
    store.write([&] {
        contact = load(store, contact_id);
        change(contact);
        store.contacts().update(contact);
    });
    return contact;
}

Contact set_archived(Store& store, std::int64_t contact_id, bool archived) {
    return change_contact(store, contact_id, [&](Contact& contact) { contact.archived = archived; });
}

void remove_contact(Store& store, std::int64_t contact_id) {
    store.write([&] {
        load(store, contact_id);
        store.contacts().remove(contact_id);
    });
}

ContactDetail contact_detail(Store& store, std::int64_t contact_id) {
    ContactDetail detail;
    detail.contact = load(store, contact_id);
    detail.notes = store.notes().for_contact(contact_id);
    detail.interactions = store.interactions().for_contact(contact_id);
    detail.reminders = store.reminders().open_for(contact_id);
    detail.card = store.contacts().card(contact_id);
    detail.has_photo = store.contacts().has_photo(contact_id);
    return detail;
}

void for_each_listed_contact(Store& store, const std::string& query, const ContactFilter& filter,
                             const std::function<void(const Contact&, const std::string& sort_key)>& each) {
    ContactFilter normalized = filter;
    for (auto& tag : normalized.tags) tag = normalize_tag(tag);
    auto key = fold_key(trim(query));
    // A number finds whoever has it, however either is written ("07700900123", "+44 7700 900123").
    std::unordered_set<std::int64_t> with_number;
    if (looks_like_phone_number(trim(query)))
        for (const auto& ref : store.contacts().with_phone(trim(query))) with_number.insert(ref.id);
    auto matches = [&](const Contact& c) {
        auto has = [&](const std::string& value) { return fold_key(value).find(key) != std::string::npos; };
        return with_number.count(c.id) > 0 || has(c.name) || has(c.company) ||
               std::any_of(c.nicknames.begin(), c.nicknames.end(), has) ||
               std::any_of(c.emails.begin(), c.emails.end(), has) ||
               std::any_of(c.phones.begin(), c.phones.end(), has) || std::any_of(c.tags.begin(), c.tags.end(), has);
    };
    store.contacts().for_each(normalized, [&](const Contact& contact, const std::string& name_key) {
        if (key.empty() || matches(contact)) each(contact, name_key);
    });
}

}  // namespace kith
