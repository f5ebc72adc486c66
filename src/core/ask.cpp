#include "kith/ask.h"

#include <fmt/format.h>

#include <regex>

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
    auto notes = by_contact(store.notes_for_contacts(ids));
    auto interactions = by_contact(store.interactions_for_contacts(ids));
    auto asked = store.asked_for_contacts(ids);
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
    auto contacts = store.find_contacts({contact_id});
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

std::vector<std::string> parse_question_ids(const std::string& list) {
    // The id shapes the engine gives (SPEC §5): n42, e42, s42, r42:rule, b, y, t:tag:1.
    static const std::regex shape(R"(([nes]\d+)|(r\d+:[\w.-]+)|b|y|(t:[^:,\s]+:\d+))");
    std::vector<std::string> ids;
    for (auto id : split(list, ',')) {
        id = trim(id);
        if (id.empty()) continue;
        if (!std::regex_match(id, shape))
            throw usage_error(fmt::format("bad question id \"{}\": expected ids as `kith ask` shows them, "
                                          "such as n42, e42, r42:college, b, t:client:1",
                                          id));
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    if (ids.empty()) throw usage_error("--asked: give the ids of the questions you asked, such as n42,b");
    return ids;
}

}  // namespace kith
