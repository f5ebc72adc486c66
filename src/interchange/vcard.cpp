// vCard 2.1, 3.0 (RFC 2426) and 4.0 (RFC 6350): a streaming reader and a 3.0/4.0 writer.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <istream>
#include <map>
#include <set>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interchange/content_line.h"
#include "interchange/foreign_records.h"
#include "interchange/lines.h"
#include "kith/dates.h"
#include "kith/interchange.h"
#include "kith/text.h"

namespace kith::interchange {
namespace {

// ---- small text helpers ----------------------------------------------------------------

char upper_ascii(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string upper_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = upper_ascii(c);
    return out;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && upper_ascii(text.substr(0, prefix.size())) == upper_ascii(prefix);
}

// Trimmed, and without `prefix` (mailto:, tel:, urn:uuid:) when it starts so.
std::string without_prefix_ignoring_case(std::string_view text, std::string_view prefix) {
    auto trimmed = trim(text);
    if (!starts_with_ignoring_case(trimmed, prefix)) return trimmed;
    return trim(std::string_view(trimmed).substr(prefix.size()));
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool is_utf8_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// `pattern` spells the shape: 'd' is any digit, every other character stands for itself.
bool has_shape(std::string_view text, std::string_view pattern) {
    if (text.size() != pattern.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (pattern[i] == 'd' ? !is_ascii_digit(text[i]) : text[i] != pattern[i]) return false;
    }
    return true;
}

int digits_value(std::string_view digits) {
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

// A piece of the input quoted in an error message: one line, short, nothing the terminal acts on.
std::string quoted(std::string_view text) {
    constexpr std::size_t shown = 40;
    if (text.size() <= shown) return fmt::format("\"{}\"", escape_control_characters(text));
    std::size_t cut = shown;
    while (cut > 0 && is_utf8_continuation(text[cut])) --cut;
    return fmt::format("\"{}…\"", escape_control_characters(text.substr(0, cut)));
}

// Code points up to U+FFFF: all that Windows-1252 holds.
void append_utf8(std::string& out, char32_t codepoint) {
    if (codepoint < 0x80) {
        out += static_cast<char>(codepoint);
    } else if (codepoint < 0x800) {
        out += static_cast<char>(0xC0 | (codepoint >> 6));
        out += static_cast<char>(0x80 | (codepoint & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (codepoint >> 12));
        out += static_cast<char>(0x80 | ((codepoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codepoint & 0x3F));
    }
}

// ---- content lines -----------------------------------------------------------------------

// Calls visit(NAME, value) for each parameter of `;TYPE=cell,voice;LABEL="a;b";CELL` in turn,
// the name upper-cased and the value as written. 2.1's bare parameters (TEL;CELL,
// NOTE;QUOTED-PRINTABLE) are named TYPE or ENCODING. Scanned when asked rather than stored, so a
// header of a million parameters costs no memory.
template <class Visit>
void for_each_parameter(std::string_view parameters, Visit visit) {
    bool in_quotes = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= parameters.size(); ++i) {
        if (i < parameters.size() && parameters[i] == '"') in_quotes = !in_quotes;
        if (i < parameters.size() && (parameters[i] != ';' || in_quotes)) continue;
        const auto item = parameters.substr(start, i - start);
        start = i + 1;
        if (is_blank(item)) continue;
        const auto equals = item.find('=');
        if (equals != std::string_view::npos) {
            visit(upper_ascii(trim(item.substr(0, equals))), item.substr(equals + 1));
            continue;
        }
        const auto bare = upper_ascii(trim(item));
        const bool encoding = bare == "QUOTED-PRINTABLE" || bare == "BASE64" || bare == "8BIT" || bare == "7BIT";
        visit(std::string(encoding ? "ENCODING" : "TYPE"), item);
    }
}

std::string unquoted(std::string_view text) {
    auto t = trim(text);
    if (t.size() >= 2 && t.front() == '"' && t.back() == '"') return t.substr(1, t.size() - 2);
    return t;
}

// One unfolded line: [group.]NAME *(;PARAM) : VALUE. Views into the line it was parsed from.
struct Property {
    std::string name;             // upper case, group removed (item1.EMAIL is EMAIL)
    std::string group;            // upper case: ITEM1, or empty
    std::string_view parameters;  // ";TYPE=cell;CHARSET=UTF-8" as written
    std::string_view value;       // raw: still encoded and escaped
    std::size_t line = 0;         // the physical line it starts on

    // True when a parameter lists `item` (upper case), ignoring case: TYPE=cell,voice lists CELL.
    bool has(std::string_view parameter, std::string_view item) const {
        bool found = false;
        for_each_parameter(parameters, [&](const std::string& key, std::string_view values) {
            if (key != parameter) return;
            for (const auto& listed : split(values, ',')) found = found || upper_ascii(unquoted(listed)) == item;
        });
        return found;
    }
    std::optional<std::string> get(std::string_view parameter) const {
        std::optional<std::string> first;
        for_each_parameter(parameters, [&](const std::string& key, std::string_view values) {
            if (key == parameter && !first) first = unquoted(values);
        });
        return first;
    }
    bool quoted_printable() const { return has("ENCODING", "QUOTED-PRINTABLE"); }
    bool base64() const { return has("ENCODING", "BASE64") || has("ENCODING", "B"); }
};

// Where the value starts: the first ':' outside a quoted parameter value (LABEL="a:b"), or with
// an unbalanced quote simply the first ':'.
std::size_t value_separator(std::string_view line) {
    bool in_quotes = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '"')
            in_quotes = !in_quotes;
        else if (line[i] == ':' && !in_quotes)
            return i;
    }
    return line.find(':');
}

// Nothing when the line has no ':'.
std::optional<Property> parse_property(std::string_view line, std::size_t number) {
    const auto colon = value_separator(line);
    if (colon == std::string_view::npos) return std::nullopt;
    const auto header = line.substr(0, colon);
    const auto semicolon = std::min(header.find(';'), header.size());
    auto name = header.substr(0, semicolon);
    std::string group;
    if (const auto dot = name.rfind('.'); dot != std::string_view::npos) {
        group = upper_ascii(trim(name.substr(0, dot)));
        name.remove_prefix(dot + 1);
    }
    return Property{upper_ascii(trim(name)), std::move(group), header.substr(semicolon), line.substr(colon + 1), number};
}

// Physical lines joined into logical ones: a line starting with a space or tab continues the one
// before (RFC 6350 §3.2), and so does any line after a quoted-printable line ending in '='
// (2.1's soft line break). Holds one logical line and the physical line after it, never the file.
class LineReader {
public:
    explicit LineReader(std::istream& in) : source_(in) {}

    bool next(std::string& line, std::size_t& number) {
        if (!has_pending_ && !read_physical()) return false;
        line = std::move(pending_);
        number = pending_number_;
        std::optional<bool> quoted_printable;  // worked out once, only for lines ending in '='
        while (read_physical()) {
            if (!line.empty() && line.back() == '=') {
                if (!quoted_printable) {
                    const auto property = parse_property(line, number);
                    quoted_printable = property && property->quoted_printable();
                }
                if (*quoted_printable) {
                    line.pop_back();
                    // A soft break with nothing after it: the card ends here, not in the value.
                    if (is_card_boundary(pending_)) break;
                    append(line, pending_, 0, number);
                    continue;
                }
            }
            if (pending_.empty() || (pending_[0] != ' ' && pending_[0] != '\t')) break;
            append(line, pending_, 1, number);
        }
        return true;
    }

private:
    static bool is_card_boundary(std::string_view text) {
        const auto t = upper_ascii(trim(text));
        return t == "END:VCARD" || t == "BEGIN:VCARD";
    }

    static void append(std::string& line, const std::string& more, std::size_t from, std::size_t number) {
        if (line.size() + more.size() > max_line_bytes)
            throw FormatError(number, fmt::format("vCard line is longer than {} MiB", max_line_bytes >> 20));
        line.append(more, from);
    }

    bool read_physical() {
        has_pending_ = source_.next(pending_);
        if (!has_pending_) return false;
        pending_number_ = source_.number();
        if (pending_number_ == 1 && pending_.starts_with("\xEF\xBB\xBF")) pending_.erase(0, 3);  // BOM
        return true;
    }

    LineSource source_;
    std::string pending_;  // the physical line read ahead, to see whether it continues
    bool has_pending_ = false;
    std::size_t pending_number_ = 0;
};

// ---- values --------------------------------------------------------------------------------

std::string decode_quoted_printable(std::string_view text) {
    auto hex = [](char c) -> int {
        if (is_ascii_digit(c)) return c - '0';
        const char u = upper_ascii(c);
        return u >= 'A' && u <= 'F' ? u - 'A' + 10 : -1;
    };
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '=' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
            out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
            i += 2;
        } else {
            out += text[i];  // a stray '=' stays as written
        }
    }
    return out;
}

// Windows-1252's 0x80..0x9F; the five bytes it leaves undefined become U+FFFD rather than
// invisible C1 controls.
constexpr std::array<char32_t, 32> windows_1252_high{0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                     0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                                     0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                     0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

// Latin-1 is read as Windows-1252, its superset, as browsers do (WHATWG Encoding): files
// labelled ISO-8859-1 that hold € or curly quotes were written by Windows.
std::string windows_1252_to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 4);
    for (char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80 && byte < 0xA0)
            append_utf8(out, windows_1252_high[byte - 0x80]);
        else
            append_utf8(out, byte);
    }
    return out;
}

bool is_utf8_charset(std::string_view upper) {
    return upper.empty() || upper == "UTF-8" || upper == "UTF8" || upper == "US-ASCII" || upper == "ASCII";
}

bool is_latin1_charset(std::string_view upper) {
    static constexpr std::array<std::string_view, 10> names{"ISO-8859-1", "ISO8859-1", "ISO_8859-1", "LATIN1",
                                                            "LATIN-1",    "L1",        "CP819",      "WINDOWS-1252",
                                                            "CP1252",     "X-CP1252"};
    return std::ranges::find(names, upper) != names.end();
}

// The value as UTF-8 text, quoted-printable and CHARSET decoded, CRLF made '\n'; vCard escapes
// are left for the caller, which knows whether the value is a list.
std::string decoded_text(const Property& property) {
    std::string bytes =
        property.quoted_printable() ? decode_quoted_printable(property.value) : std::string(property.value);
    const auto charset = upper_ascii(property.get("CHARSET").value_or(""));
    // A value written as it is was text of the file's encoding, which the import has already
    // converted to UTF-8 as a whole: its CHARSET is then spent. Quoted-printable bytes are not.
    const bool converted = !property.quoted_printable() && is_valid_utf8(bytes);
    if (!converted && is_latin1_charset(charset)) {
        bytes = windows_1252_to_utf8(bytes);
    } else if (!converted && !is_utf8_charset(charset)) {
        throw FormatError(property.line, fmt::format("{}: unknown CHARSET {} (UTF-8, ISO-8859-1 and Windows-1252 "
                                                     "are read)",
                                                     property.name, quoted(charset)));
    }
    if (!is_valid_utf8(bytes))
        throw FormatError(property.line,
                          fmt::format("{} is not valid UTF-8 text (is its CHARSET missing?)", property.name));
    if (bytes.find('\r') == std::string::npos) return bytes;
    std::string text;
    text.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] != '\r')
            text += bytes[i];
        else if (i + 1 >= bytes.size() || bytes[i + 1] != '\n')
            text += '\n';
    }
    return text;
}

// Decoded text never holds a NUL (is_valid_utf8 refuses it), so this separator splits nothing.
constexpr char no_separator = '\0';

// Splits at each `separator` not escaped, and unescapes the parts: \, \; \\ \n \N. Any other
// backslash stays as written: 2.1 values are mostly raw (C:\Users).
std::vector<std::string> split_unescaped(std::string_view value, char separator) {
    std::vector<std::string> parts(1);
    parts.back().reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        // The run up to the next '\\' or separator, found with a plain loop: find_first_of
        // tries each of its characters at every position, and notes are long.
        auto stop = i;
        if (separator == no_separator)  // a note: memchr finds the next backslash or NUL many bytes at a time
            stop = std::min({value.find('\\', i), value.find(no_separator, i), value.size()});
        while (stop < value.size() && value[stop] != '\\' && value[stop] != separator) ++stop;
        parts.back().append(value.substr(i, stop - i));
        if (stop == value.size()) break;
        i = stop;
        const char next = i + 1 < value.size() ? value[i + 1] : '\0';
        if (value[i] == separator) {
            parts.emplace_back();
        } else if (next == 'n' || next == 'N') {
            parts.back() += '\n';
            ++i;
        } else if (next == '\\' || next == ',' || next == ';') {
            parts.back() += next;
            ++i;
        } else {
            parts.back() += '\\';
        }
    }
    return parts;
}

std::string unescaped(std::string_view value) {
    return std::move(split_unescaped(value, no_separator).front());
}

// The items of a comma list (NICKNAME, CATEGORIES), trimmed, empty ones dropped.
void append_list(std::vector<std::string>& to, std::string_view value) {
    for (auto& item : split_unescaped(value, ',')) {
        auto trimmed = trim(item);
        if (!trimmed.empty()) to.push_back(std::move(trimmed));
    }
}

// N is Family;Given;Additional;Prefix;Suffix; kith's name reads "Given Family".
std::string name_from_structured(std::string_view value) {
    const auto parts = split_unescaped(value, ';');
    const auto family = trim(parts[0]);
    const auto given = parts.size() > 1 ? trim(parts[1]) : std::string();
    if (given.empty() || family.empty()) return given + family;
    return fmt::format("{} {}", given, family);
}

// ---- BDAY ----------------------------------------------------------------------------------

enum class BdayForm { birthday, unrepresentable, invalid };

struct BdayValue {
    BdayForm form = BdayForm::invalid;
    Birthday birthday;
};

bool real_date(std::optional<int> year, int month, int day) {
    const Date date{std::chrono::year{year.value_or(2000)}, std::chrono::month{static_cast<unsigned>(month)},
                    std::chrono::day{static_cast<unsigned>(day)}};  // 2000: Feb 29 is fine without a year
    return date.ok();
}

// The date forms of RFC 6350 §4.3.1 and their 3.0 (ISO 8601 extended) spellings; a time after
// 'T' is dropped. Reduced dates (1986, 1986-03, --03, ---15) are valid but carry no
// month and day, so they are unrepresentable rather than invalid.
BdayValue parse_bday(std::string_view text, const std::optional<std::string>& apple_omit_year) {
    const auto t = trim(text);
    std::string_view date = t;
    if (const auto time = date.find('T'); time != std::string_view::npos) {
        const auto clock = date.substr(time + 1);
        if (clock.empty() || clock.find_first_not_of("0123456789:+-.Zz") != std::string_view::npos) return {};
        date = date.substr(0, time);
    }
    std::optional<int> year;
    int month = 0;
    int day = 0;
    if (has_shape(date, "dddd-dd-dd")) {
        year = digits_value(date.substr(0, 4));
        month = digits_value(date.substr(5, 2));
        day = digits_value(date.substr(8, 2));
    } else if (has_shape(date, "dddddddd")) {
        year = digits_value(date.substr(0, 4));
        month = digits_value(date.substr(4, 2));
        day = digits_value(date.substr(6, 2));
    } else if (has_shape(date, "--dddd") || has_shape(date, "--dd-dd")) {
        month = digits_value(date.substr(2, 2));
        day = digits_value(date.substr(date.size() - 2));
    } else if (has_shape(date, "dddd") || has_shape(date, "dddd-dd") || has_shape(date, "--dd") ||
               has_shape(date, "---dd")) {
        return {BdayForm::unrepresentable, {}};
    } else {
        return {};
    }
    if (!real_date(year, month, day)) return {};
    // Apple writes a birthday without a year as 1604-03-15 with X-APPLE-OMIT-YEAR=1604.
    if (year && apple_omit_year && has_shape(*apple_omit_year, "dddd") && digits_value(*apple_omit_year) == *year)
        year.reset();
    return {BdayForm::birthday, Birthday{year, static_cast<unsigned>(month), static_cast<unsigned>(day)}};
}

// ---- cards ---------------------------------------------------------------------------------

// What kith read from a property, as vcard.cpp keys the card's own lines by (ContactCard::
// as_written): the writer finds a line again only while what kith holds is what it read.
constexpr char key_separator = '\x1f';

template <class... Parts>
std::string field_key(std::string_view name, const Parts&... parts) {
    std::string key(name);
    ((key += key_separator, key += parts), ...);
    return key;
}

std::string address_key(const PostalAddress& address) {
    std::string key = field_key("ADR", address.label);
    for (const auto& part : address.parts) key += key_separator + part;
    return key;
}

// Apple writes its own labels as _$!<Spouse>!$_, the user's as typed.
std::string apple_label(std::string_view text) {
    auto label = trim(text);
    if (label.starts_with("_$!<") && label.ends_with(">!$_")) return fold_case(label.substr(4, label.size() - 8));
    return label;
}

const std::array<std::string_view, 14>& apple_labels() {
    static constexpr std::array<std::string_view, 14> labels{
        "spouse", "partner", "child",  "father", "mother",  "parent",      "brother",
        "sister", "friend",  "manager", "assistant", "anniversary", "other", "homepage"};
    return labels;
}

std::string apple_label_value(const std::string& label) {
    if (std::ranges::find(apple_labels(), label) == apple_labels().end()) return escape_text_value(label);
    std::string word = label;
    word[0] = upper_ascii(word[0]);
    if (label == "homepage") word = "HomePage";
    return fmt::format("_$!<{}>!$_", word);
}

// Other address books' names for a related person and for an anniversary.
struct RelatedName {
    std::string_view property;
    std::string_view label;
};
constexpr std::array<RelatedName, 16> related_names{{
    {"X-SPOUSE", "spouse"},         {"X-EVOLUTION-SPOUSE", "spouse"},
    {"X-MS-SPOUSE", "spouse"},      {"X-KADDRESSBOOK-X-SPOUSENAME", "spouse"},
    {"X-ASSISTANT", "assistant"},   {"X-EVOLUTION-ASSISTANT", "assistant"},
    {"X-MS-ASSISTANT", "assistant"}, {"X-KADDRESSBOOK-X-ASSISTANTSNAME", "assistant"},
    {"X-MANAGER", "manager"},       {"X-EVOLUTION-MANAGER", "manager"},
    {"X-MS-MANAGER", "manager"},    {"X-KADDRESSBOOK-X-MANAGERSNAME", "manager"},
    {"X-MS-CHILD", "child"},        {"X-CHILDREN", "child"},
    {"X-MOZILLA-SPOUSE", "spouse"}, {"X-OUTLOOK-SPOUSE", "spouse"},
}};

bool is_anniversary_property(std::string_view name) {
    return name == "ANNIVERSARY" || name == "X-ANNIVERSARY" || name == "X-EVOLUTION-ANNIVERSARY" ||
           name == "X-MS-ANNIVERSARY" || name == "X-KADDRESSBOOK-X-ANNIVERSARY";
}

// The first TYPE that names a place or person rather than a preference or a kind of value.
std::string type_label(const Property& property) {
    std::string label;
    for_each_parameter(property.parameters, [&](const std::string& key, std::string_view values) {
        if (key != "TYPE" || !label.empty()) return;
        for (const auto& listed : split(values, ',')) {
            const auto type = fold_case(unquoted(listed));
            static constexpr std::array<std::string_view, 9> not_labels{"pref", "internet", "voice", "x400",
                                                                        "dom",  "intl",     "postal", "parcel", "text"};
            if (!type.empty() && std::ranges::find(not_labels, type) == not_labels.end()) {
                label = type;
                return;
            }
        }
    });
    return label;
}

// TYPE=JPEG (3.0) or image/jpeg as it is.
std::string media_type(std::string_view type) {
    auto t = fold_case(trim(type));
    if (t.empty()) return "image/jpeg";
    return t.find('/') == std::string::npos ? "image/" + t : t;
}

// The day of a REV or X-KITH-NOTED: 2026-06-01T12:00:00Z, 20260601T120000Z or 2026-06-01.
std::optional<Date> day_of(std::string_view text) {
    auto t = trim(text);
    std::string_view date = t;
    if (date.size() >= 10 && has_shape(date.substr(0, 10), "dddd-dd-dd")) {
        auto parsed = parse_iso_date(std::string(date.substr(0, 10)));
        if (parsed) return *parsed;
    } else if (date.size() >= 8 && has_shape(date.substr(0, 8), "dddddddd")) {
        auto parsed = parse_iso_date(fmt::format("{}-{}-{}", date.substr(0, 4), date.substr(4, 2), date.substr(6, 2)));
        if (parsed) return *parsed;
    }
    return std::nullopt;
}

// The properties kith reads; the rest are kept as they are, undecoded.
bool is_read(std::string_view name) {
    static constexpr std::array<std::string_view, 26> names{
        "VERSION", "REV",   "PHOTO", "FN",       "N",          "ORG",          "TITLE",
        "ROLE",    "NICKNAME", "CATEGORIES", "EMAIL", "TEL", "NOTE", "UID", "BDAY", "X-KITH-EVERY",
        "X-KITH-ARCHIVED", "ADR", "URL", "RELATED", "X-ABRELATEDNAMES", "ANNIVERSARY", "X-ANNIVERSARY",
        "X-EVOLUTION-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-ABDATE"};
    if (std::ranges::find(names, name) != names.end() || name == "X-KADDRESSBOOK-X-ANNIVERSARY") return true;
    return std::ranges::any_of(related_names, [&](const RelatedName& related) { return related.property == name; });
}

// One card between BEGIN and END: its lines, kept until END, since an item group's X-ABLabel
// may come after the property it labels.
class Card {
public:
    explicit Card(std::size_t begin_line) { record_.line = begin_line; }

    void add_line(const std::string& line, std::size_t number) { lines_.push_back({line, number}); }
    // 2.1's unindented BASE64 lines belong to the property before them.
    void continue_line(const std::string& line) {
        if (!lines_.empty()) lines_.back().text += trim(line);
    }

    ImportRecord finish() {
        std::vector<Property> properties;
        properties.reserve(lines_.size());
        for (const auto& line : lines_)
            if (auto property = parse_property(line.text, line.number)) properties.push_back(*property);
        // Apple's item groups: the label of each (item1.X-ABLabel:_$!<Spouse>!$_) and the lines that
        // carry one, which go with the property they label.
        for (const auto& property : properties)
            if (property.name == "X-ABLABEL" && !property.group.empty()) {
                try {
                    labels_[property.group] = apple_label(unescaped(decoded_text(property)));
                } catch (const FormatError&) {
                    // a label kith cannot read stays with its group's lines, as they are
                }
            }
        for (std::size_t i = 0; i < properties.size(); ++i) {
            const auto& property = properties[i];
            if (property.name == "X-ABLABEL" && labels_.count(property.group)) continue;  // with its property
            const auto key = read(property, lines_[i].text);
            if (key == consumed) continue;
            if (key.empty()) {
                card().other_properties.push_back(lines_[i].text);
                continue;
            }
            // The card's own lines for it: the property and its group's label.
            std::string lines = lines_[i].text;
            if (!property.group.empty())
                for (std::size_t j = 0; j < properties.size(); ++j)
                    if (properties[j].name == "X-ABLABEL" && properties[j].group == property.group)
                        lines += '\n' + lines_[j].text;
            written_.push_back({key, std::move(lines)});
        }
        // Labels whose group has no property kith read stay with that group's other lines.
        for (std::size_t i = 0; i < properties.size(); ++i)
            if (properties[i].name == "X-ABLABEL" && labels_.count(properties[i].group) &&
                !read_groups_.count(properties[i].group))
                card().other_properties.push_back(lines_[i].text);

        Contact& contact = record_.record.contact;
        contact.name = !formatted_name_.empty() ? formatted_name_ : structured_name_;
        if (contact.name.empty() && !name_from_what_it_has(record_))
            throw FormatError(record_.line, "vCard has no name, organisation, e-mail or number (FN, N, ORG, EMAIL "
                                            "or TEL)");
        // Notes carry the day they were noted (kith's X-KITH-NOTED), else the card's REV.
        for (auto& note : record_.record.notes)
            if (!note.on.ok() && revised_) note.on = *revised_;
        // The keys that depend on the name, now that it is known.
        for (auto& written : written_) {
            if (written.label == pending_fn) written.label = field_key("FN", contact.name);
            if (written.label == pending_n)
                written.label = field_key("N", contact.name, card().name_prefix, card().name_suffix);
        }
        if (!version_.empty() && !written_.empty()) {
            card().version = version_;
            card().as_written = std::move(written_);
        }
        return std::move(record_);
    }

    std::size_t begin_line() const { return record_.line; }

private:
    struct Line {
        std::string text;
        std::size_t number;
    };
    // What read() returns for a property it took that has no line of its own to keep (REV,
    // VERSION, X-KITH-*: kith writes them itself), and the keys made once the name is known.
    static constexpr std::string_view consumed = "\x1f";
    static constexpr std::string_view pending_fn = "\x1f" "FN";
    static constexpr std::string_view pending_n = "\x1f" "N";

    ContactCard& card() { return record_.record.card; }

    // Takes what kith reads from the property and returns its key (see field_key), or "" when
    // kith keeps it verbatim.
    std::string read(const Property& property, const std::string& raw) {
        const auto& name = property.name;
        if (!is_read(name)) return "";
        Contact& contact = record_.record.contact;
        if (name == "VERSION") {
            version_ = trim(property.value);
            return std::string(consumed);
        }
        if (name == "REV") {
            revised_ = day_of(property.value);
            return std::string(consumed);
        }
        if (name == "PHOTO") return read_photo(property, raw);
        const std::string text = decoded_text(property);
        if (is_blank(text)) return "";
        const auto taken = [&](std::string key) {
            if (!property.group.empty()) read_groups_.insert(property.group);
            return key;
        };
        if (name == "FN") {
            if (!formatted_name_.empty()) return "";
            formatted_name_ = trim(unescaped(text));
            return std::string(pending_fn);
        }
        if (name == "N") {
            if (n_read_) return "";
            n_read_ = true;
            const auto parts = split_unescaped(text, ';');
            structured_name_ = name_from_structured(text);
            card().name_prefix = parts.size() > 3 ? trim(parts[3]) : "";
            card().name_suffix = parts.size() > 4 ? trim(parts[4]) : "";
            return std::string(pending_n);
        }
        if (name == "ORG") {
            if (!contact.company.empty() || !card().department.empty()) return "";
            auto units = split_unescaped(text, ';');
            contact.company = trim(units.front());
            std::vector<std::string> departments;
            for (std::size_t i = 1; i < units.size(); ++i)
                if (auto unit = trim(units[i]); !unit.empty()) departments.push_back(std::move(unit));
            card().department = join(departments, ", ");
            return field_key("ORG", contact.company, card().department);
        }
        if (name == "TITLE" || name == "ROLE") {
            auto& field = name == "TITLE" ? card().title : card().role;
            if (!field.empty()) return "";
            field = trim(unescaped(text));
            return taken(field_key(name, field));
        }
        if (name == "NICKNAME") {
            std::vector<std::string> items;
            append_list(items, text);
            contact.nicknames.insert(contact.nicknames.end(), items.begin(), items.end());
            return taken(field_key("NICKNAME", join(items, ",")));
        }
        if (name == "CATEGORIES") {
            std::vector<std::string> items;
            append_list(items, text);
            contact.tags.insert(contact.tags.end(), items.begin(), items.end());
            // Labels become lower-case tags: the card's line serves while they are the same words.
            return taken(field_key("CATEGORIES", fold_case(join(items, ","))));
        }
        if (name == "EMAIL") {
            auto email = without_prefix_ignoring_case(unescaped(text), "mailto:");
            const auto before = contact.emails.size();
            add_email(record_, email);
            return contact.emails.size() > before ? taken(field_key("EMAIL", email)) : std::string(consumed);
        }
        if (name == "TEL") {
            auto phone = without_prefix_ignoring_case(unescaped(text), "tel:");
            if (phone.empty()) return "";
            contact.phones.push_back(phone);
            return taken(field_key("TEL", phone));
        }
        if (name == "NOTE") {
            Note note;
            note.text = unescaped(text);
            if (is_blank(note.text)) return "";
            if (auto noted = property.get("X-KITH-NOTED")) {
                if (auto day = day_of(*noted)) note.on = *day;
            }
            record_.record.notes.push_back(std::move(note));
            return std::string(consumed);  // kith writes each note itself, with the day it was noted
        }
        if (name == "UID") {
            if (!contact.uuid.empty()) return "";
            contact.uuid = without_prefix_ignoring_case(unescaped(text), "urn:uuid:");
            return field_key("UID", contact.uuid);
        }
        if (name == "BDAY") return read_birthday(property, text) ? field_key("BDAY", format_birthday(*contact.birthday)) : "";
        if (name == "X-KITH-EVERY") {
            const auto every = parse_cadence(unescaped(text));
            if (!every) throw FormatError(property.line, fmt::format("X-KITH-EVERY: {}", every.error()));
            contact.every = *every;
            return std::string(consumed);
        }
        if (name == "X-KITH-ARCHIVED") {
            contact.archived = trim(text) == "1";
            return std::string(consumed);
        }
        if (name == "ADR") {
            PostalAddress address;
            address.label = group_label(property, type_label(property));
            const auto parts = split_unescaped(text, ';');
            for (std::size_t i = 0; i < parts.size() && i < address.parts.size(); ++i) address.parts[i] = trim(parts[i]);
            // An eighth part and on (none in the RFC) join the country rather than being lost.
            for (std::size_t i = address.parts.size(); i < parts.size(); ++i) address.parts.back() += ";" + parts[i];
            card().addresses.push_back(address);
            return taken(address_key(address));
        }
        if (name == "URL") {
            auto url = trim(unescaped(text));
            for (auto at = url.find("\\:"); at != std::string::npos; at = url.find("\\:")) url.erase(at, 1);
            LabeledText item{group_label(property, type_label(property)), url};
            card().urls.push_back(item);
            return taken(field_key("URL", item.label, item.value));
        }
        if (name == "RELATED" || name == "X-ABRELATEDNAMES") {
            LabeledText item{group_label(property, type_label(property)), trim(unescaped(text))};
            if (item.label == "contact") item.label.clear();
            return taken(add_related(std::move(item)));
        }
        for (const auto& related : related_names) {
            if (name != related.property) continue;
            // Outlook writes a name as N: Family;Given.
            auto value = property.has("TYPE", "N") ? name_from_structured(text) : trim(unescaped(text));
            return taken(add_related({std::string(related.label), std::move(value)}));
        }
        if (is_anniversary_property(name) || name == "X-ABDATE") {
            if (property.has("VALUE", "TEXT")) return "";
            const auto date = parse_bday(unescaped(text), property.get("X-APPLE-OMIT-YEAR"));
            if (date.form != BdayForm::birthday || !parse_birthday(format_birthday(date.birthday))) return "";
            DatedEvent event{group_label(property, is_anniversary_property(name) ? "anniversary" : ""), date.birthday};
            card().events.push_back(event);
            return taken(field_key("DATE", event.label, format_birthday(event.date)));
        }
        return "";
    }

    // Its group's X-ABLabel when it has one, else `otherwise`.
    std::string group_label(const Property& property, std::string otherwise) const {
        if (auto label = labels_.find(property.group); !property.group.empty() && label != labels_.end())
            return label->second;
        return otherwise;
    }

    std::string add_related(LabeledText item) {
        if (item.value.empty()) return "";
        card().related.push_back(item);
        return field_key("REL", item.label, item.value);
    }

    std::string read_photo(const Property& property, const std::string& raw) {
        if (record_.record.photo) return "";
        const auto value = trim(property.value);
        std::optional<std::string> data;
        std::string type;
        std::string head;  // the line up to its data, to write again as it was
        const auto header = std::string_view(raw).substr(0, static_cast<std::size_t>(property.value.data() - raw.data()));
        if (property.base64()) {
            data = decode_base64(value);
            type = media_type(property.get("TYPE").value_or(property.get("MEDIATYPE").value_or("")));
            head = std::string(header);
        } else if (starts_with_ignoring_case(value, "data:")) {
            const auto comma = value.find(',');
            const auto meta = std::string_view(value).substr(5, comma == std::string::npos ? 0 : comma - 5);
            if (comma == std::string::npos || !meta.ends_with(";base64")) return "";
            data = decode_base64(std::string_view(value).substr(comma + 1));
            type = media_type(meta.substr(0, meta.size() - 7));
            head = std::string(header) + value.substr(0, comma + 1);
        }
        if (!data || data->empty()) return "";  // a PHOTO by URL, or one kith cannot read: kept as it is
        record_.record.photo = Photo{type, std::move(*data)};
        written_.push_back({field_key("PHOTO", type), std::move(head)});
        return std::string(consumed);
    }

    // False when the BDAY is kept as it is: text, a date without month and day, or a second one.
    bool read_birthday(const Property& property, const std::string& text) {
        if (property.has("VALUE", "TEXT")) return false;  // "circa 1800": not a date kith can hold
        const auto bday = parse_bday(unescaped(text), property.get("X-APPLE-OMIT-YEAR"));
        if (bday.form == BdayForm::invalid)
            throw FormatError(property.line,
                              fmt::format("bad BDAY {}: expected YYYY-MM-DD, YYYYMMDD or --MMDD", quoted(trim(text))));
        if (bday.form != BdayForm::birthday) return false;
        // Held to what --birthday takes (years 1900..2200), on the line that says it.
        auto checked = parse_birthday(format_birthday(bday.birthday));
        if (!checked) throw FormatError(property.line, fmt::format("BDAY: {}", checked.error()));
        Contact& contact = record_.record.contact;
        if (contact.birthday) return false;
        contact.birthday = bday.birthday;
        return true;
    }

    ImportRecord record_;
    std::vector<Line> lines_;
    std::map<std::string, std::string> labels_;  // item group → its X-ABLabel
    std::set<std::string> read_groups_;          // item groups of properties kith read
    std::vector<LabeledText> written_;
    std::string version_;
    std::optional<Date> revised_;
    std::string formatted_name_;
    std::string structured_name_;
    bool n_read_ = false;
};

// 2.1 writers may leave a BASE64 block's lines unindented, ending it with a blank line.
bool is_base64_text(std::string_view line) {
    return line.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \t") ==
           std::string_view::npos;
}

// ---- writing -------------------------------------------------------------------------------

std::string escaped_list(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += ',';
        out += escape_text_value(item);
    }
    return out;
}

void write_property(std::ostream& out, std::string_view name, std::string_view value) {
    std::string line;
    line.reserve(name.size() + 1 + value.size());
    line.append(name).append(":").append(value);
    write_content_line(out, line);
}

// 8-4-4-4-12 hex digits: what 4.0 may write as a urn:uuid: URI.
bool is_uuid(std::string_view text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        const char u = upper_ascii(text[i]);
        if (dash ? u != '-' : !(is_ascii_digit(u) || (u >= 'A' && u <= 'F'))) return false;
    }
    return true;
}

// 4.0's UID is a URI: urn:uuid: for a UUID, else (one kept from another address book) text.
void write_uid(std::ostream& out, const std::string& uuid, int version) {
    if (version == 3)
        write_property(out, "UID", escape_text_value(uuid));
    else if (is_uuid(uuid))
        write_property(out, "UID", fmt::format("urn:uuid:{}", uuid));
    else
        write_property(out, "UID;VALUE=text", escape_text_value(uuid));
}

// "Ada King Lovelace" → Lovelace;Ada King;;; — the last word taken as the family name.
std::string structured_name(std::string_view name, std::string_view prefix, std::string_view suffix) {
    const auto space = name.rfind(' ');
    const auto family = space == std::string_view::npos ? name : name.substr(space + 1);
    const auto given = space == std::string_view::npos ? std::string_view() : name.substr(0, space);
    return fmt::format("{};{};;{};{}", escape_text_value(family), escape_text_value(given), escape_text_value(prefix),
                       escape_text_value(suffix));
}

std::string bday_value(const Birthday& birthday, int version) {
    if (version == 3) return format_birthday(birthday);  // 1986-03-15 or --03-15
    if (birthday.year) return fmt::format("{:04}{:02}{:02}", *birthday.year, birthday.month, birthday.day);
    return fmt::format("--{:02}{:02}", birthday.month, birthday.day);
}

// 4.0's REV is a basic-format timestamp (20260601T120000Z); 3.0 takes kith's ISO 8601 as it is.
std::string rev_value(std::string_view updated_at, int version) {
    std::string out;
    for (char c : updated_at) {
        if (version == 3 || (c != '-' && c != ':')) out += c;
    }
    return out;
}

// The card's own lines for what kith holds (ContactCard::as_written), each found once, and only
// for a card of the version being written.
class WrittenLines {
public:
    WrittenLines(const ContactCard& card, int version) {
        const bool same_version = (version == 3 && card.version == "3.0") || (version == 4 && card.version == "4.0");
        if (same_version)
            for (const auto& written : card.as_written) unused_.emplace(written.label, written.value);
        // New item groups are numbered after those the card's lines use.
        const auto note_groups = [&](const std::string& lines) {
            for (const auto& line : split(lines, '\n')) {
                if (!starts_with_ignoring_case(line, "item")) continue;
                std::size_t end = 4;
                while (end < line.size() && is_ascii_digit(line[end])) ++end;
                if (end > 4 && end < line.size() && line[end] == '.' && end - 4 < 9)
                    next_group_ = std::max(next_group_, digits_value(std::string_view(line).substr(4, end - 4)) + 1);
            }
        };
        for (const auto& line : card.other_properties) note_groups(line);
        for (const auto& written : card.as_written) note_groups(written.value);
    }

    // Writes the card's lines for `key` and returns true, or returns false when it has none.
    bool write(std::ostream& out, const std::string& key) {
        auto found = unused_.find(key);
        if (found == unused_.end()) return false;
        for (const auto& line : split(found->second, '\n')) write_content_line(out, line);
        unused_.erase(found);
        return true;
    }
    // The card's line up to its data (a PHOTO's), or nothing.
    std::optional<std::string> take(const std::string& key) {
        auto found = unused_.find(key);
        if (found == unused_.end()) return std::nullopt;
        auto head = found->second;
        unused_.erase(found);
        return head;
    }

    std::string new_group() { return fmt::format("item{}", next_group_++); }

private:
    std::multimap<std::string, std::string> unused_;
    int next_group_ = 1;
};

// A TYPE parameter for a label: as it is when a plain word, else quoted.
std::string type_parameter(const std::string& label) {
    if (label.empty()) return "";
    const bool word = std::ranges::all_of(label, [](char c) {
        return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    });
    if (word) return ";TYPE=" + label;
    std::string quoted_label;
    for (char c : label)
        if (c != '"') quoted_label += c;
    return fmt::format(";TYPE=\"{}\"", quoted_label);
}

// An item group whose X-ABLabel names it: Apple's way for labels no TYPE has.
void write_labelled(std::ostream& out, WrittenLines& written, std::string_view name, const std::string& value,
                    const std::string& label) {
    const auto group = written.new_group();
    write_property(out, fmt::format("{}.{}", group, name), value);
    if (!label.empty()) write_property(out, group + ".X-ABLabel", apple_label_value(label));
}

// A name or a URI (urn:uuid:…, mailto:…, https://…): 4.0's RELATED says which.
bool is_uri(std::string_view value) {
    const auto colon = value.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    return std::ranges::all_of(value.substr(0, colon), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_ascii_digit(c) || c == '+' || c == '-' || c == '.';
    }) && value.find(' ') == std::string_view::npos;
}

std::string event_value(const Birthday& date, int version, std::string& parameters) {
    if (version == 3 && !date.year) {
        parameters = ";X-APPLE-OMIT-YEAR=1604";  // Apple's way for a day without a year
        return fmt::format("1604-{:02}-{:02}", date.month, date.day);
    }
    return bday_value(date, version);
}

}  // namespace

void read_vcards(std::istream& in, const RecordSink& sink, const SkipSink& skip) {
    LineReader lines(in);
    std::string line;
    std::size_t number = 0;
    std::optional<Card> card;
    std::optional<FormatError> broken;  // the first problem of the card being read, when skipping
    bool stray = false;                 // lines outside a card already reported, when skipping
    bool in_base64 = false;
    std::size_t card_bytes = 0;
    // A problem ends the reading, or, when skipping, the card it is in (told at its END) or the
    // run of stray lines outside a card (told once).
    const auto fail = [&](FormatError error) {
        if (!skip) throw error;
        if (card) {
            if (!broken) broken = std::move(error);
        } else if (!stray) {
            stray = true;
            skip(error);
        }
    };
    const auto close_card = [&] {
        if (broken) {
            skip(*broken);
        } else {
            std::optional<ImportRecord> record;
            try {
                record = card->finish();
            } catch (const FormatError& e) {
                if (!skip) throw;
                skip(e);
            }
            if (record) sink(std::move(*record));
        }
        card.reset();
        broken.reset();
    };
    while (lines.next(line, number)) {
        if (is_blank(line)) continue;
        if (card && (card_bytes += line.size()) > max_record_bytes)
            throw FormatError(card->begin_line(), fmt::format("vCard is larger than {} MiB", max_record_bytes >> 20));
        const auto property = parse_property(line, number);
        if (!property) {
            if (card && in_base64 && is_base64_text(line)) {
                card->continue_line(line);
                continue;
            }
            fail(FormatError(number, "a vCard line needs NAME:value, this one has no ':'"));
            continue;
        }
        if (property->name.empty()) {
            fail(FormatError(number, "a vCard property needs a name before its ':'"));
            continue;
        }
        in_base64 = property->base64();
        const auto names_vcard = [&] { return upper_ascii(trim(property->value)) == "VCARD"; };
        if (property->name == "BEGIN") {
            if (!names_vcard()) {
                fail(FormatError(number, fmt::format("expected BEGIN:VCARD, not {}",
                                                     quoted(fmt::format("BEGIN:{}", trim(property->value))))));
                continue;
            }
            if (card) {
                fail(FormatError(number, "BEGIN inside a vCard: the card before it has no END:VCARD"));
                skip(*broken);  // only reached when skipping: the card before is given up
                card.reset();
                broken.reset();
            }
            card.emplace(number);
            card_bytes = 0;
            stray = false;
        } else if (property->name == "END") {
            if (!card)
                fail(FormatError(number, "END without BEGIN:VCARD"));
            else if (!names_vcard())
                fail(FormatError(number, "END inside a vCard: expected END:VCARD"));
            else
                close_card();
        } else if (!card) {
            fail(FormatError(number, "expected BEGIN:VCARD"));
        } else {
            card->add_line(line, number);
        }
    }
    if (card) {
        fail(FormatError(card->begin_line(), "vCard not closed: END:VCARD is missing"));
        skip(*broken);
    }
}

void write_vcard(std::ostream& out, const ContactRecord& record, int version) {
    if (version != 3 && version != 4)
        throw usage_error(fmt::format("vCard version {} cannot be written: use 3 or 4", version));
    const Contact& contact = record.contact;
    const ContactCard& card = record.card;
    WrittenLines written(card, version);
    // The card's own line while kith holds what it read from it, else kith's.
    const auto put = [&](const std::string& key, std::string_view name, std::string_view value) {
        if (!written.write(out, key)) write_property(out, name, value);
    };
    write_content_line(out, "BEGIN:VCARD");
    write_content_line(out, version == 3 ? "VERSION:3.0" : "VERSION:4.0");
    if (!contact.uuid.empty() && !written.write(out, field_key("UID", contact.uuid))) write_uid(out, contact.uuid, version);
    put(field_key("FN", contact.name), "FN", escape_text_value(contact.name));
    put(field_key("N", contact.name, card.name_prefix, card.name_suffix), "N",
        structured_name(contact.name, card.name_prefix, card.name_suffix));
    // One NICKNAME each: vobject, and so khard, reads only the first item of a list.
    if (contact.nicknames.empty() || !written.write(out, field_key("NICKNAME", join(contact.nicknames, ","))))
        for (const auto& nickname : contact.nicknames)
            put(field_key("NICKNAME", nickname), "NICKNAME", escape_text_value(nickname));
    for (const auto& email : contact.emails)
        put(field_key("EMAIL", email), version == 3 ? "EMAIL;TYPE=INTERNET" : "EMAIL", escape_text_value(email));
    for (const auto& phone : contact.phones) put(field_key("TEL", phone), "TEL", escape_text_value(phone));
    if (!contact.company.empty() || !card.department.empty())
        put(field_key("ORG", contact.company, card.department), "ORG",
            escape_text_value(contact.company) + (card.department.empty() ? "" : ";" + escape_text_value(card.department)));
    if (!card.title.empty()) put(field_key("TITLE", card.title), "TITLE", escape_text_value(card.title));
    if (!card.role.empty()) put(field_key("ROLE", card.role), "ROLE", escape_text_value(card.role));
    for (const auto& address : card.addresses) {
        std::string value;
        for (std::size_t i = 0; i < address.parts.size(); ++i)
            value += (i > 0 ? ";" : "") + escape_text_value(address.parts[i]);
        put(address_key(address), "ADR" + type_parameter(address.label), value);
    }
    for (const auto& url : card.urls) put(field_key("URL", url.label, url.value), "URL" + type_parameter(url.label), url.value);
    if (contact.birthday) {
        // In 3.0 a year-less birthday is Apple's 1604 with X-APPLE-OMIT-YEAR, which Google and
        // Apple read; 4.0 has --MMDD.
        std::string parameters;
        const auto value = event_value(*contact.birthday, version, parameters);
        put(field_key("BDAY", format_birthday(*contact.birthday)), "BDAY" + parameters, value);
    }
    for (const auto& event : card.events) {
        if (written.write(out, field_key("DATE", event.label, format_birthday(event.date)))) continue;
        std::string parameters;
        const auto value = event_value(event.date, version, parameters);
        if (version == 4 && event.label == "anniversary")
            write_property(out, "ANNIVERSARY", value);
        else
            write_labelled(out, written, "X-ABDATE" + parameters, value, event.label);
    }
    for (const auto& related : card.related) {
        if (written.write(out, field_key("REL", related.label, related.value))) continue;
        if (version == 4)
            write_property(out, "RELATED" + type_parameter(related.label) + (is_uri(related.value) ? "" : ";VALUE=text"),
                           is_uri(related.value) ? related.value : escape_text_value(related.value));
        else
            write_labelled(out, written, "X-ABRELATEDNAMES", escape_text_value(related.value), related.label);
    }
    if (!contact.tags.empty() && !written.write(out, field_key("CATEGORIES", fold_case(join(contact.tags, ",")))))
        write_property(out, "CATEGORIES", escaped_list(contact.tags));
    // Each note with the day it was noted, so that it comes back with it.
    for (const auto& note : record.notes)
        write_property(out, note.on.ok() ? fmt::format("NOTE;X-KITH-NOTED={}", format_iso(note.on)) : "NOTE",
                       escape_text_value(note.text));
    if (record.photo) {
        const auto data = encode_base64(record.photo->data);
        if (auto head = written.take(field_key("PHOTO", record.photo->media_type))) {
            write_content_line(out, *head + data);
        } else if (version == 4) {
            write_property(out, "PHOTO", fmt::format("data:{};base64,{}", record.photo->media_type, data));
        } else {
            auto type = record.photo->media_type.substr(record.photo->media_type.find('/') + 1);
            write_property(out, fmt::format("PHOTO;ENCODING=b;TYPE={}", upper_ascii(type)), data);
        }
    }
    for (const auto& line : card.other_properties) write_content_line(out, line);
    if (contact.every) write_property(out, "X-KITH-EVERY", format_cadence(*contact.every));
    if (contact.archived) write_property(out, "X-KITH-ARCHIVED", "1");
    if (!contact.updated_at.empty()) write_property(out, "REV", rev_value(contact.updated_at, version));
    write_content_line(out, "END:VCARD");
}

}  // namespace kith::interchange
