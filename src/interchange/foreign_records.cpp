#include "interchange/foreign_records.h"

#include <fmt/format.h>

#include "kith/text.h"

namespace kith::interchange {

bool is_exchange_address(std::string_view value) {
    const auto text = trim(value);
    return text.size() > 3 && text[0] == '/' && (text[1] == 'o' || text[1] == 'O') && text[2] == '=';
}

void add_email(ImportRecord& record, std::string value) {
    if (value.empty()) return;
    if (!is_exchange_address(value)) {
        record.record.contact.emails.push_back(std::move(value));
        return;
    }
    record.set_aside.push_back(
        fmt::format("the Exchange address {}, which is no e-mail address", escape_control_characters(value)));
}

bool name_from_what_it_has(ImportRecord& record) {
    Contact& contact = record.record.contact;
    if (!trim(contact.company).empty()) {
        contact.name = trim(contact.company);
        record.named_from = "its organisation";
        return true;
    }
    for (const auto& email : contact.emails) {
        const auto local = trim(std::string_view(email).substr(0, email.find('@')));
        if (local.empty()) continue;
        contact.name = local;
        record.named_from = "its e-mail";
        return true;
    }
    for (const auto& phone : contact.phones) {
        if (trim(phone).empty()) continue;
        // Digits alone are read as a contact number (kith show 5550100): a word keeps it a name.
        contact.name = all_ascii_digits(trim(phone)) ? fmt::format("phone {}", trim(phone)) : trim(phone);
        record.named_from = "its number";
        return true;
    }
    return false;
}

}  // namespace kith::interchange
