// `kith edit` without flags: the contact as a small "field: value" form for $EDITOR, and the
// changes the edited form asks for.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "kith/core.h"
#include "kith/error.h"
#include "kith/text.h"

namespace kith {

namespace {

// Values in `before` missing from `after` are removed; new ones in `after` are added.
void diff_values(const std::vector<std::string>& before, const std::vector<std::string>& after,
                 std::vector<std::string>& added, std::vector<std::string>& removed) {
    for (const auto& value : before)
        if (std::find(after.begin(), after.end(), value) == after.end()) removed.push_back(value);
    for (const auto& value : after)
        if (std::find(before.begin(), before.end(), value) == before.end()) added.push_back(value);
}

// One line per value: a value may hold commas ("Smith, Jr.", "+1 555 0100, ext. 7"). A list
// with no values still shows one empty line, to show where a value goes.
void list_lines(std::string& form, const char* field, const std::vector<std::string>& values) {
    if (values.empty()) form += fmt::format("{}: \n", field);
    for (const auto& value : values) form += fmt::format("{}: {}\n", field, value);
}

// The form's field for a line's key; plurals are read as the singular (one value a line).
std::string field_of(const std::string& key) {
    for (const char* list : {"nickname", "email", "phone", "tag"})
        if (key == std::string(list) + "s") return list;
    return key;
}

}  // namespace

std::string contact_form(const Contact& contact) {
    std::string form = fmt::format(
        "# Editing {} (#{}). One value a line: repeat a line (email: ...) for another value,\n"
        "# delete a line to remove its value; an empty name-less line is ignored and an empty\n"
        "# company, birthday or every clears it. Lines starting with # are ignored.\n"
        "# Save and quit to apply; empty the file to cancel.\n"
        "name: {}\n",
        contact.name, contact.id, contact.name);
    list_lines(form, "nickname", contact.nicknames);
    list_lines(form, "email", contact.emails);
    list_lines(form, "phone", contact.phones);
    form += fmt::format("company: {}\n", contact.company);
    list_lines(form, "tag", contact.tags);
    form += fmt::format("birthday: {}\nevery: {}\n", contact.birthday ? format_birthday(*contact.birthday) : "",
                        contact.every ? format_cadence(*contact.every) : "");
    return form;
}

std::optional<ContactChanges> changes_from_form(const Contact& contact, const std::string& form) {
    ContactChanges changes;
    std::map<std::string, std::vector<std::string>> lists{{"nickname", {}}, {"email", {}}, {"phone", {}}, {"tag", {}}};
    std::set<std::string> singles_seen;
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
        auto field = field_of(trim(trimmed.substr(0, colon)));
        auto value = trim(trimmed.substr(colon + 1));
        any_field = true;
        if (auto list = lists.find(field); list != lists.end()) {
            if (!value.empty()) list->second.push_back(value);
            continue;
        }
        if (!singles_seen.insert(field).second && (field == "name" || field == "company" || field == "birthday" ||
                                                   field == "every"))
            throw usage_error(fmt::format("edited form, line {}: {} is given twice", line_number, field));
        if (field == "name") {
            if (value != contact.name) changes.name = value;
        } else if (field == "company") {
            if (value != contact.company) changes.company = value;
        } else if (field == "birthday") {
            if (value != (contact.birthday ? format_birthday(*contact.birthday) : "")) changes.birthday = value;
        } else if (field == "every") {
            if (value != (contact.every ? format_cadence(*contact.every) : "")) changes.every = value;
        } else {
            throw usage_error(fmt::format("edited form, line {}: unknown field \"{}\"", line_number, field));
        }
    }
    if (!any_field) return std::nullopt;  // emptied: the user cancelled
    diff_values(contact.nicknames, lists["nickname"], changes.add_nicknames, changes.remove_nicknames);
    diff_values(contact.emails, lists["email"], changes.add_emails, changes.remove_emails);
    diff_values(contact.phones, lists["phone"], changes.add_phones, changes.remove_phones);
    diff_values(contact.tags, lists["tag"], changes.add_tags, changes.remove_tags);
    return changes;
}

}  // namespace kith
