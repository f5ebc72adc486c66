#include "kith/ask.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "kith/error.h"
#include "kith/text.h"

namespace kith {

namespace {

template <class Record>
std::map<std::int64_t, std::vector<Record>> by_contact(std::vector<Record> records) {
    std::map<std::int64_t, std::vector<Record>> grouped;
    for (auto& record : records) grouped[record.contact_id].push_back(std::move(record));
    return grouped;
}

struct ForPerson {
    std::vector<Question> questions;
    InMind mind;
};

// Runs the engine for the given contacts with three queries in all, whatever their number.
std::map<std::int64_t, ForPerson> questions_for(Store& store, const std::vector<Contact>& contacts,
                                                const QuestionSettings& settings, Date today, std::size_t limit) {
    std::vector<std::int64_t> ids;
    for (const auto& contact : contacts) ids.push_back(contact.id);
    auto notes = by_contact(store.notes().for_contacts(ids));
    auto interactions = by_contact(store.interactions().for_contacts(ids));
    auto asked = store.asked().for_contacts(ids);
    const std::vector<Note> no_notes;
    const std::vector<Interaction> no_interactions;
    const std::map<std::string, Date> none_asked;
    std::map<std::int64_t, ForPerson> questions;
    for (const auto& contact : contacts) {
        auto found_notes = notes.find(contact.id);
        auto found_interactions = interactions.find(contact.id);
        auto found_asked = asked.find(contact.id);
        QuestionInput input{contact, found_notes == notes.end() ? no_notes : found_notes->second,
                            found_interactions == interactions.end() ? no_interactions : found_interactions->second,
                            found_asked == asked.end() ? none_asked : found_asked->second, today};
        questions[contact.id] = {suggest_questions(input, settings, limit), in_mind(input, settings)};
    }
    return questions;
}

}  // namespace

AskResult ask_questions(Store& store, std::int64_t contact_id, const QuestionSettings& settings, Date today,
                        std::size_t limit) {
    auto contacts = store.contacts().find_many({contact_id});
    if (contacts.empty()) throw not_found_error(fmt::format("no contact #{}", contact_id));
    auto questions = questions_for(store, contacts, settings, today, limit);
    auto& found = questions[contact_id];
    return AskResult{contacts.front(), std::move(found.questions), std::move(found.mind)};
}

void fill_questions(Store& store, std::vector<DueEntry>& entries, const QuestionSettings& settings, Date today,
                    std::size_t per_contact) {
    if (entries.empty() || per_contact == 0) return;
    std::vector<Contact> contacts;
    for (const auto& entry : entries) contacts.push_back(entry.contact);
    auto questions = questions_for(store, contacts, settings, today, per_contact);
    for (auto& entry : entries) {
        auto& found = questions[entry.contact.id];
        entry.questions = std::move(found.questions);
        entry.feedback = std::move(found.mind.feedback);  // promises are among the reasons already
    }
}

namespace {

// The id shapes the engine gives (SPEC §5): n42, e42, s42, r42:rule-phase, b, y, t:tag:1.
bool is_question_id(std::string_view id) {
    if (id == "b" || id == "y") return true;
    if (id.size() < 2) return false;
    if (id[0] == 'n' || id[0] == 'e' || id[0] == 's') return all_ascii_digits(id.substr(1));
    if (id[0] == 'r') {
        const auto colon = id.find(':');
        if (colon == std::string_view::npos || !all_ascii_digits(id.substr(1, colon - 1))) return false;
        const auto rule = id.substr(colon + 1);
        return !rule.empty() && std::all_of(rule.begin(), rule.end(), [](unsigned char c) {
            return std::isalnum(c) || c == '_' || c == '.' || c == '-';
        });
    }
    if (id.starts_with("t:")) {
        const auto colon = id.rfind(':');
        const auto tag = id.substr(2, colon - 2);
        return colon > 2 && all_ascii_digits(id.substr(colon + 1)) && !tag.empty() &&
               std::none_of(tag.begin(), tag.end(), [](unsigned char c) { return c == ':' || c == ',' || std::isspace(c); });
    }
    return false;
}

}  // namespace

std::vector<std::string> parse_question_ids(const std::string& list) {
    std::vector<std::string> ids;
    for (auto id : split(list, ',')) {
        id = trim(id);
        if (id.empty()) continue;
        if (!is_question_id(id))
            throw usage_error(fmt::format("bad question id \"{}\": expected ids as `kith ask` shows them, "
                                          "such as n42, e42, r42:operation-after, b, t:client:1",
                                          id));
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    if (ids.empty()) throw usage_error("--asked: give the ids of the questions you asked, such as n42,b");
    return ids;
}

namespace {

// The note an n/e/s/r id names, when it is one of this person's.
bool names_their_note(Store& store, std::int64_t contact_id, std::string_view id) {
    const auto digits = id.substr(1, id.find(':') - 1);  // n42, r42:rule-phase
    std::int64_t note_id = 0;
    if (std::from_chars(digits.data(), digits.data() + digits.size(), note_id).ec != std::errc()) return false;
    const auto note = store.notes().find(note_id);
    return note && note->contact_id == contact_id;
}

bool names_something_of_theirs(Store& store, const Contact& contact, const std::string& id,
                               const QuestionSettings& settings) {
    if (id == "b") return contact.birthday.has_value();
    if (id == "y") return contact.met_on.has_value() || contact.last_contacted.has_value();
    if (id.starts_with("t:")) {
        const auto colon = id.rfind(':');
        const auto tag = id.substr(2, colon - 2);
        const auto digits = id.substr(colon + 1);
        std::size_t number = 0;
        const auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), number);
        const auto bank = settings.banks.find(tag);
        return parsed.ec == std::errc() && std::find(contact.tags.begin(), contact.tags.end(), tag) != contact.tags.end() &&
               bank != settings.banks.end() && number >= 1 && number <= bank->second.size();
    }
    return names_their_note(store, contact.id, id);
}

}  // namespace

void check_asked_ids(Store& store, std::int64_t contact_id, const std::vector<std::string>& ids,
                     const QuestionSettings& settings, Date today) {
    std::vector<std::string> unknown;
    std::optional<Contact> contact;
    store.read([&] {
        contact = store.contacts().find(contact_id);
        if (!contact) throw not_found_error(fmt::format("no contact #{}", contact_id));
        for (const auto& id : ids)
            if (!names_something_of_theirs(store, *contact, id, settings)) unknown.push_back(id);
    });
    if (unknown.empty()) return;
    std::vector<std::string> suggested;
    for (const auto& question : ask_questions(store, contact_id, settings, today, 10).questions)
        suggested.push_back(question.id);
    throw usage_error(fmt::format("unknown question id \"{}\" for {} (#{}): it names nothing kept about them; {}",
                                  unknown.front(), contact->name, contact->id,
                                  suggested.empty() ? std::string("kith suggests nothing for them today")
                                                    : "today kith suggests " + join(suggested, ", ") +
                                                          " (see `kith ask`)"));
}

}  // namespace kith
