// Phone numbers as keys to find and merge people by (issue 21): "+44 7700 900123",
// "07700 900123" and "(07700) 900 123" are one number. What the user wrote is what kith
// keeps and shows; the key is only for matching. libphonenumber lives in src/phone/ alone.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kith {

// The key a phone number is matched by: its E.164 form ("+447700900123"; an extension adds
// ";ext=42"), a number written without its country code being read as one of `region` (ISO
// 3166 code such as "GB"; "" for none). A number libphonenumber cannot read as a possible
// number is matched as written: folded (fold_key), without spaces, dashes, dots, slashes and
// brackets ("07700900123" when there is no region). The first call loads libphonenumber's
// metadata, which takes a while: call it only for phone numbers.
std::string phone_key(std::string_view number, std::string_view region);

// True when text typed to find someone reads as a phone number rather than a name: at least
// five digits, with only spaces, + ( ) - . / between them and perhaps an extension ("x42",
// "ext. 42") at the end.
bool looks_like_phone_number(std::string_view text);

// The territory of a POSIX locale name, as a region: "en_GB.UTF-8" → "GB"; "" when it names
// none ("C", "POSIX", "C.UTF-8", "es_419").
std::string region_of_locale(std::string_view locale);

// A region code as kith keeps it, in capitals ("gb" → "GB"); nothing when it is not two letters.
std::optional<std::string> region_code(std::string_view text);

}  // namespace kith
