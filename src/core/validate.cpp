#include "core/validate.h"

#include <fmt/format.h>

#include <algorithm>

#include "kith/error.h"
#include "kith/model.h"
#include "kith/text.h"

namespace kith::validate {

namespace {

void require_utf8(const std::string& value, const char* field) {
    if (!is_valid_utf8(value)) throw usage_error(fmt::format("{} is not valid UTF-8", field));
}

}  // namespace

std::string name(const std::string& value, const char* field) {
    require_utf8(value, field);
    auto trimmed = trim(value);
    if (trimmed.empty()) throw usage_error(fmt::format("{} is empty", field));
    if (has_control_characters(trimmed) || trimmed.find_first_of("\n\t") != std::string::npos)
        throw usage_error(fmt::format("{} \"{}\" contains control characters", field, escape_control_characters(trimmed)));
    if (has_bidi_override(trimmed))
        throw usage_error(fmt::format("{} contains a right-to-left or left-to-right override, which would show it "
                                      "in another order than it is stored",
                                      field));
    if (!has_visible_character(trimmed)) throw usage_error(fmt::format("{} has no visible characters", field));
    return trimmed;
}

std::string contact_name(const std::string& value, const char* field) {
    auto checked = name(value, field);
    // `12` and `#12` always mean contact #12 on the command line: such a name could never be used.
    auto digits = std::string_view(checked).substr(checked.front() == '#' ? 1 : 0);
    if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos)
        throw usage_error(fmt::format("{} \"{}\" is only a number, which kith reads as contact #{}: add a word",
                                      field, checked, digits));
    return checked;
}

std::string email(const std::string& value) {
    auto address = name(value, "email");
    auto at = address.find('@');
    if (at == std::string::npos || at == 0 || at + 1 == address.size() ||
        address.find_first_of(" ,;<>") != std::string::npos)
        throw usage_error(fmt::format("bad email \"{}\": expected name@example.com", address));
    return address;
}

std::string phone(const std::string& value) {
    auto number = name(value, "phone");
    if (number.find_first_of("0123456789") == std::string::npos)
        throw usage_error(fmt::format("bad phone \"{}\": it has no digits", number));
    return number;
}

std::string text(const std::string& value, const char* field) {
    require_utf8(value, field);
    if (value.find('\0') != std::string::npos) throw usage_error(fmt::format("{} contains a NUL byte", field));
    // Windows line ends become plain newlines; any other control character (an escape
    // sequence, a bell) is refused so that no output can replay it to a terminal.
    std::string normalized;
    if (value.find("\r\n") == std::string::npos) {
        normalized = value;  // the usual case: copied whole rather than byte by byte
    } else {
        for (std::size_t i = 0; i < value.size(); ++i)
            if (!(value[i] == '\r' && i + 1 < value.size() && value[i + 1] == '\n')) normalized += value[i];
    }
    if (has_control_characters(normalized))
        throw usage_error(fmt::format("{} contains control characters (such as ESC); nothing saved", field));
    return normalized;
}

Date date(const std::string& value, Date today, const char* field) {
    auto parsed = parse_date(value, today);
    if (!parsed) throw usage_error(fmt::format("{}: {}", field, parsed.error()));
    return *parsed;
}

Date past_date(const std::string& value, Date today, const char* field) {
    auto parsed = parse_past_date(value, today);
    if (!parsed) throw usage_error(fmt::format("{}: {}", field, parsed.error()));
    if (days_between(today, *parsed) > 0)
        throw usage_error(fmt::format("{} {} is in the future; use --event for things still to come", field,
                                      format_iso(*parsed)));
    return *parsed;
}

Birthday birthday(const std::string& value) {
    auto parsed = parse_birthday(value);
    if (!parsed) throw usage_error(fmt::format("--birthday: {}", parsed.error()));
    return *parsed;
}

Cadence cadence(const std::string& value) {
    auto parsed = parse_cadence(value);
    if (!parsed) throw usage_error(fmt::format("--every: {}", parsed.error()));
    return *parsed;
}

std::string channel(const std::string& value) {
    const auto& channels = interaction_channels();
    if (std::find(channels.begin(), channels.end(), value) == channels.end())
        throw usage_error(fmt::format("bad channel \"{}\": expected one of {}", escape_control_characters(value),
                                      join(channels, ", ")));
    return value;
}

Interval interval(const std::string& value, const char* field) {
    auto parsed = parse_interval(value);
    if (!parsed) throw usage_error(fmt::format("{}: {}", field, parsed.error()));
    return *parsed;
}

bool is_clear(const std::optional<std::string>& value) {
    return value && (trim(*value).empty() || trim(*value) == "none");
}

}  // namespace kith::validate
