// Checks on what users type, shared by the use cases. Each failure is a usage error naming
// the field and the bad value.
#pragma once

#include <optional>
#include <string>

#include "kith/dates.h"

namespace kith::validate {

// Trimmed, valid UTF-8, no control characters or direction overrides, something visible.
std::string name(const std::string& value, const char* field);
// A contact's name or nickname: a name that is not only a number (`12`, `#12` mean contact #12).
std::string contact_name(const std::string& value, const char* field);
std::string email(const std::string& value);
std::string phone(const std::string& value);
// Free text (notes, summaries): valid UTF-8, no NUL; newlines allowed.
std::string text(const std::string& value, const char* field);

Date date(const std::string& value, Date today, const char* field);
// A day that has been: a weekday or month-day is its last one (`--on fri`); a future day is
// refused as the typo it almost always is.
Date past_date(const std::string& value, Date today, const char* field);
Birthday birthday(const std::string& value);
// An interaction's channel: call, email, meet, message or other.
std::string channel(const std::string& value);
// A reminder's interval (2w, monthly …).
Interval interval(const std::string& value, const char* field);
Cadence cadence(const std::string& value);

// "" or "none" means: clear the field.
bool is_clear(const std::optional<std::string>& value);

}  // namespace kith::validate
