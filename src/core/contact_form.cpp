// `kith edit` without flags: the contact as a small "field: value" form for $EDITOR, and the
// changes the edited form asks for.
#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "kith/core.h"
#include "kith/error.h"
#include "kith/text.h"

namespace kith {

namespace {

std::vector<std::string> comma_list(const std::string& value) {
    std::vector<std::string> items;
    for (auto& item : split(value, ',')) {
        item = trim(item);
        if (!item.empty()) items.push_back(item);
    }
    return items;
}

// Values in `before` missing from `after` are removed; new ones in `after` are added.
void diff_values(const std::vector<std::string>& before, const std::vector<std::string>& after,
                 std::vector<std::string>& added, std::vector<std::string>& removed) {
    for (const auto& value : before)
        if (std::find(after.begin(), after.end(), value) == after.end()) removed.push_back(value);
    for (const auto& value : after)
        if (std::find(before.begin(), before.end(), value) == before.end()) added.push_back(value);
}

}  // namespace

std::string contact_form(const Contact& contact) {
    return fmt::format(
        "# Editing {} (#{}). Lines starting with # are ignored; lists are comma-separated;\n"
        "# an empty value clears the field. Save and quit to apply; empty the file to cancel.\n"
        "name: {}\nnicknames: {}\nemails: {}\nphones: {}\ncompany: {}\ntags: {}\nbirthday: {}\nevery: {}\n",
        contact.name, contact.id, contact.name, join(contact.nicknames, ", "), join(contact.emails, ", "),
        join(contact.phones, ", "), contact.company, join(contact.tags, ", "),
        contact.birthday ? format_birthday(*contact.birthday) : "", contact.every ? format_cadence(*contact.every) : "");
}

std::optional<ContactChanges> changes_from_form(const Contact& contact, const std::string& form) {
    ContactChanges changes;
    bool any_field = false;
    std::istringstream lines(form);
    int line_number = 0;
    for (std::string line; std::getline(lines, line);) {
        ++line_number;
        auto trimmed = trim(line);
        if (trimmed.empty() || trimmed.front() == '#') continue;
        auto colon = trimmed.find(':');
        if (colon == std::string::npos)
            throw usage_error(fmt::format("edited form, line {}: expected \"field: value\"", line_number));
        auto field = trim(trimmed.substr(0, colon));
        auto value = trim(trimmed.substr(colon + 1));
        any_field = true;
        if (field == "name") {
            if (value != contact.name) changes.name = value;
        } else if (field == "company") {
            if (value != contact.company) changes.company = value;
        } else if (field == "birthday") {
            if (value != (contact.birthday ? format_birthday(*contact.birthday) : "")) changes.birthday = value;
        } else if (field == "every") {
            if (value != (contact.every ? format_cadence(*contact.every) : "")) changes.every = value;
        } else if (field == "nicknames") {
            diff_values(contact.nicknames, comma_list(value), changes.add_nicknames, changes.remove_nicknames);
        } else if (field == "emails") {
            diff_values(contact.emails, comma_list(value), changes.add_emails, changes.remove_emails);
        } else if (field == "phones") {
            diff_values(contact.phones, comma_list(value), changes.add_phones, changes.remove_phones);
        } else if (field == "tags") {
            diff_values(contact.tags, comma_list(value), changes.add_tags, changes.remove_tags);
        } else {
            throw usage_error(fmt::format("edited form, line {}: unknown field \"{}\"", line_number, field));
        }
    }
    if (!any_field) return std::nullopt;  // emptied: the user cancelled
    return changes;
}

}  // namespace kith
