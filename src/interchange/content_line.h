// What vCard (RFC 6350) and iCalendar (RFC 5545) share: content lines folded at 75 octets and
// the escaping of TEXT values. Private to the interchange module.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

namespace kith::interchange {

// Writes `line` and CRLF; past 75 octets it continues on lines starting with a space, cut
// between UTF-8 sequences, never inside one.
void write_content_line(std::ostream& out, std::string_view line);

// \ ; , escaped, line breaks as \n (CRLF is one), other control characters but tab dropped.
std::string escape_text_value(std::string_view text);

}  // namespace kith::interchange
