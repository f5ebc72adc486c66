// What the shell completion scripts offer for a contact or a reminder (kith __complete).
#include <algorithm>
#include <set>

#include "kith/core.h"
#include "kith/text.h"

namespace kith {

std::vector<NameCompletion> name_completions(Store& store, const std::vector<std::string>& before,
                                             const std::string& current, std::size_t limit) {
    auto typed = before;
    typed.push_back(current);
    std::vector<NameCompletion> out;
    std::set<std::string> seen;
    for (const auto& contact : store.contacts().with_key_prefix(fold_key(join(typed, " ")), limit)) {
        auto words = split(contact.name, ' ');
        if (words.size() < typed.size()) continue;
        std::vector<std::string> rest(words.begin() + static_cast<std::ptrdiff_t>(before.size()), words.end());
        auto candidate = join(rest, " ");
        if (!seen.insert(candidate).second) continue;
        out.push_back({std::move(candidate), contact.id, contact.archived});
        if (out.size() == limit) break;  // more than a shell can show: type more of the name
    }
    return out;
}

std::vector<ReminderCompletion> reminder_completions(Store& store, const std::string& prefix,
                                                     const std::vector<std::string>& taken, std::size_t limit) {
    auto reminders = store.reminders().open(prefix, limit);
    std::vector<std::int64_t> contact_ids;
    for (const auto& reminder : reminders) contact_ids.push_back(reminder.contact_id);
    auto contacts = store.contacts().find_many(contact_ids);
    std::vector<ReminderCompletion> out;
    for (auto& reminder : reminders) {
        if (std::find(taken.begin(), taken.end(), std::to_string(reminder.id)) != taken.end()) continue;
        auto who = std::find_if(contacts.begin(), contacts.end(),
                                [&](const Contact& contact) { return contact.id == reminder.contact_id; });
        out.push_back({std::move(reminder), who == contacts.end() ? std::nullopt : std::optional(who->name)});
    }
    return out;
}

}  // namespace kith
