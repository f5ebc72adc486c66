// What the readers of other address books' files (vCard, CSV) share: the e-mail values that are
// no address, and names for records that have none. Private to the interchange module.
#pragma once

#include <string>
#include <string_view>

#include "kith/interchange.h"

namespace kith::interchange {

// An Exchange X.500 address (/o=ExchangeLabs/ou=Exchange Administrative Group …/cn=…), which
// Outlook writes in the e-mail column of a colleague: it names a mailbox inside one
// organisation's Exchange, and no mail can be sent to it.
bool is_exchange_address(std::string_view value);

// Adds `value` to the record's e-mails, or sets an Exchange address aside, saying so.
void add_email(ImportRecord& record, std::string value);

// Names a record that has no name from what it has: its organisation, else its first e-mail's
// local part (jane.doe@example.com: "jane.doe"), else its first number, and says which in
// named_from. False when it has none of them.
bool name_from_what_it_has(ImportRecord& record);

}  // namespace kith::interchange
