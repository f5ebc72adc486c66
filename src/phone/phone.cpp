// Phone numbers read by libphonenumber, the only code that uses it (see kith/phone.h).
#include "kith/phone.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <string>

#include "kith/text.h"

namespace kith {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// What people put between the digits of a number to make it readable.
constexpr std::string_view separators = " -./()";

char ascii_upper(char c) { return is_ascii_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

bool is_ascii_letter(char c) { return is_ascii_lower(c) || is_ascii_upper(c); }

std::string as_written(std::string_view number) {
    auto folded = fold_key(number);
    std::string key;
    for (char c : folded)
        if (separators.find(c) == std::string_view::npos) key += c;
    return key.empty() ? folded : key;
}

}  // namespace

std::string phone_key(std::string_view number, std::string_view region) {
    const auto& util = *PhoneNumberUtil::GetInstance();
    PhoneNumber parsed;
    // Parse() is lenient: it reads "12" as a British number. Only a number of a length that
    // can be dialled counts; whether its range is in use is not asked, as that knowledge ages
    // with the library (and leaves out the numbers set aside for examples, 07700 900xxx).
    if (util.Parse(std::string(number), std::string(region), &parsed) != PhoneNumberUtil::NO_PARSING_ERROR ||
        !util.IsPossibleNumber(parsed))
        return as_written(number);
    std::string key;
    util.Format(parsed, PhoneNumberUtil::E164, &key);
    if (parsed.has_extension() && !parsed.extension().empty()) key += ";ext=" + parsed.extension();
    return key;
}

bool looks_like_phone_number(std::string_view text) {
    std::size_t digits = 0, i = 0;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (is_ascii_digit(c))
            ++digits;
        else if (!(c == '+' && digits == 0) && separators.find(c) == std::string_view::npos)
            break;
    }
    if (digits < 5) return false;
    // An extension: "x42", "ext. 42", "ext 42".
    auto rest = text.substr(i);
    if (rest.empty()) return true;
    std::size_t letters = 0;
    while (letters < rest.size() && is_ascii_letter(rest[letters])) ++letters;
    std::string marker;
    for (char c : rest.substr(0, letters)) marker += ascii_upper(c);
    if (marker != "X" && marker != "EXT") return false;
    rest.remove_prefix(letters);
    while (!rest.empty() && (rest.front() == '.' || rest.front() == ' ')) rest.remove_prefix(1);
    return all_ascii_digits(rest);
}

std::string region_of_locale(std::string_view locale) {
    locale = locale.substr(0, locale.find_first_of(".@"));  // en_GB.UTF-8@euro
    auto underscore = locale.find('_');
    if (underscore == std::string_view::npos) return "";
    return region_code(locale.substr(underscore + 1)).value_or("");
}

std::optional<std::string> region_code(std::string_view text) {
    if (text.size() != 2 || !is_ascii_letter(text[0]) || !is_ascii_letter(text[1])) return std::nullopt;
    return std::string{ascii_upper(text[0]), ascii_upper(text[1])};
}

}  // namespace kith
