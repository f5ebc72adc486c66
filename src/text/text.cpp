#include "kith/text.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string_view>

namespace kith {

namespace {

// Eight bytes at a time, for the ASCII runs that are most of any text.
constexpr std::uint64_t every_byte(unsigned char value) { return 0x0101010101010101ULL * value; }

std::uint64_t eight_bytes(const unsigned char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    return word;
}

// Whether some byte of `word` is below `limit` (at most 0x80).
bool has_byte_below(std::uint64_t word, unsigned char limit) {
    return ((word - every_byte(limit)) & ~word & every_byte(0x80)) != 0;
}

// Printable ASCII only (0x20..0x7e): no NUL, control character or multibyte sequence.
bool printable_ascii(std::uint64_t word) {
    return (word & every_byte(0x80)) == 0 && !has_byte_below(word, 0x20) &&
           !has_byte_below(word ^ every_byte(0x7f), 1);
}

std::string utf8proc_transform(std::string_view text, int options) {
    utf8proc_uint8_t* out = nullptr;
    auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                               static_cast<utf8proc_ssize_t>(text.size()), &out,
                               static_cast<utf8proc_option_t>(options));
    if (length < 0) return std::string(text);  // invalid UTF-8 is rejected at the edges
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(length));
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
    auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    utf8proc_ssize_t remaining = static_cast<utf8proc_ssize_t>(text.size());
    while (remaining > 0) {
        if (remaining >= 8 && printable_ascii(eight_bytes(p))) {
            p += 8;
            remaining -= 8;
            continue;
        }
        if (*p != 0 && *p < 0x80) {  // ASCII needs no decoding
            ++p;
            --remaining;
            continue;
        }
        utf8proc_int32_t codepoint = 0;
        auto used = utf8proc_iterate(p, remaining, &codepoint);
        if (used <= 0 || codepoint == 0) return false;
        p += used;
        remaining -= used;
    }
    return true;
}

namespace {

// Calls `each` with every code point of valid UTF-8 text until it returns true.
template <class Each>
bool any_codepoint(std::string_view text, Each each) {
    auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    auto remaining = static_cast<utf8proc_ssize_t>(text.size());
    while (remaining > 0) {
        utf8proc_int32_t codepoint = 0;
        auto used = utf8proc_iterate(p, remaining, &codepoint);
        if (used <= 0) return false;
        if (each(codepoint)) return true;
        p += used;
        remaining -= used;
    }
    return false;
}

}  // namespace

bool has_visible_character(std::string_view text) {
    return any_codepoint(text, [](utf8proc_int32_t c) {
        // Letters that draw nothing: the Hangul fillers and the blank Braille pattern.
        if (c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800) return false;
        switch (utf8proc_category(c)) {
            case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
            case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CS:
            case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_MN:
            case UTF8PROC_CATEGORY_ME:
                return false;
            default:
                return true;
        }
    });
}

bool has_word_character(std::string_view text) {
    return any_codepoint(text, [](utf8proc_int32_t c) {
        switch (utf8proc_category(c)) {
            case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
            case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
            case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: case UTF8PROC_CATEGORY_CO:
                return true;
            default:
                return false;
        }
    });
}

bool has_bidi_override(std::string_view text) {
    return any_codepoint(text, [](utf8proc_int32_t c) { return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069); });
}

std::string fold_key(std::string_view text) {
    // Plain ASCII only loses its capitals (no ASCII character decomposes, carries a mark or is
    // ignorable): most keys, without utf8proc's per-character tables.
    if (std::all_of(text.begin(), text.end(), [](char c) { return c != 0 && static_cast<unsigned char>(c) < 0x80; })) {
        std::string key(text);
        for (auto& c : key)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return key;
    }
    return utf8proc_transform(text, UTF8PROC_STABLE | UTF8PROC_COMPAT |
                                        UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
                                        UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
}

std::string fold_case(std::string_view text) {
    return utf8proc_transform(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
}

std::size_t display_width(std::string_view text) {
    auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    utf8proc_ssize_t remaining = static_cast<utf8proc_ssize_t>(text.size());
    std::size_t width = 0;
    while (remaining > 0) {
        utf8proc_int32_t codepoint = 0;
        auto used = utf8proc_iterate(p, remaining, &codepoint);
        if (used <= 0) {  // count a stray byte as one column rather than stop
            ++width;
            ++p;
            --remaining;
            continue;
        }
        width += static_cast<std::size_t>(utf8proc_charwidth(codepoint));
        p += used;
        remaining -= used;
    }
    return width;
}

std::string shorten(std::string_view text, std::size_t width) {
    std::string line(trim(text));
    for (auto& c : line)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (display_width(line) <= width) return line;
    auto* p = reinterpret_cast<const utf8proc_uint8_t*>(line.data());
    utf8proc_ssize_t remaining = static_cast<utf8proc_ssize_t>(line.size());
    std::size_t used_width = 0;
    std::size_t cut = 0;
    while (remaining > 0) {
        utf8proc_int32_t codepoint = 0;
        auto used = utf8proc_iterate(p, remaining, &codepoint);
        if (used <= 0) used = 1;  // a stray byte: one column, as display_width counts it
        auto columns = used == 1 && codepoint < 0 ? 1 : static_cast<std::size_t>(std::max(0, utf8proc_charwidth(codepoint)));
        if (used_width + columns + 1 > width) break;  // room for the ellipsis
        used_width += columns;
        cut += static_cast<std::size_t>(used);
        p += used;
        remaining -= used;
    }
    return trim(line.substr(0, cut)) + "…";
}

bool all_ascii_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), is_ascii_digit);
}

std::string trim(std::string_view text) {
    const char* blanks = " \t\r\n\f\v";
    auto first = text.find_first_not_of(blanks);
    if (first == std::string_view::npos) return {};
    auto last = text.find_last_not_of(blanks);
    return std::string(text.substr(first, last - first + 1));
}

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        auto end = text.find(separator, start);
        parts.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return parts;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += separator;
        out += parts[i];
    }
    return out;
}

std::string escape_control_characters(std::string_view text) {
    static const char* hex = "0123456789abcdef";
    auto byte_escape = [](std::string& out, unsigned char c) {
        out += "\\x";
        out += hex[c >> 4];
        out += hex[c & 15];
    };
    std::string out;
    auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    utf8proc_ssize_t remaining = static_cast<utf8proc_ssize_t>(text.size());
    while (remaining > 0) {
        utf8proc_int32_t codepoint = 0;
        auto used = utf8proc_iterate(p, remaining, &codepoint);
        auto c = static_cast<unsigned char>(*p);
        if (used <= 0) {
            // A byte that is not UTF-8 may be an 8-bit control to some terminals (0x9b is CSI).
            byte_escape(out, c);
            used = 1;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7f) {
            byte_escape(out, c);
        } else if (codepoint >= 0x80 && codepoint <= 0x9f) {
            out += "\\u00";  // a C1 control
            out += hex[codepoint >> 4];
            out += hex[codepoint & 15];
        } else {
            out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(used));
        }
        p += used;
        remaining -= used;
    }
    return out;
}

bool has_control_characters(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        while (i + 8 <= text.size() && printable_ascii(eight_bytes(reinterpret_cast<const unsigned char*>(text.data()) + i)))
            i += 8;
        if (i == text.size()) break;
        auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return true;
        // C1 controls U+0080..U+009F (UTF-8 C2 80..C2 9F): some terminals act on them too.
        if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9f &&
            static_cast<unsigned char>(text[i + 1]) >= 0x80)
            return true;
    }
    return false;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment: Levenshtein plus transposition ("lsit" is one edit from "list").
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

std::vector<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates) {
    // A third of the word may be wrong (at least 2 edits), but never all of it: "xy" is not "rm".
    std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
    std::size_t best = limit + 1;
    std::vector<std::string> out;
    for (const auto& candidate : candidates) {
        bool prefix = word.size() >= 2 && candidate.size() > word.size() && candidate.compare(0, word.size(), word) == 0;
        std::size_t distance = prefix ? 1 : edit_distance(word, candidate);
        if (distance >= word.size() || distance > limit || distance > best) continue;
        if (distance < best) out.clear();
        best = distance;
        if (std::find(out.begin(), out.end(), candidate) == out.end()) out.push_back(candidate);
    }
    return out;
}

constexpr std::string_view base64_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Nothing when the text is not base64 (whitespace aside).
std::optional<std::string> decode_base64(std::string_view text) {
    std::string out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t bits = 0;
    int count = 0;
    bool padding = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        if (c == '=') {
            padding = true;
            continue;
        }
        const auto at = base64_alphabet.find(c);
        if (at == std::string_view::npos || padding) return std::nullopt;
        bits = (bits << 6) | static_cast<std::uint32_t>(at);
        if (++count == 4) {
            out += static_cast<char>((bits >> 16) & 0xFF);
            out += static_cast<char>((bits >> 8) & 0xFF);
            out += static_cast<char>(bits & 0xFF);
            bits = 0;
            count = 0;
        }
    }
    if (count == 1) return std::nullopt;
    if (count >= 2) out += static_cast<char>((bits >> (count == 2 ? 4 : 10)) & 0xFF);
    if (count == 3) out += static_cast<char>((bits >> 2) & 0xFF);
    return out;
}

std::string encode_base64(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        std::uint32_t bits = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) bits |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        if (i + 2 < bytes.size()) bits |= static_cast<unsigned char>(bytes[i + 2]);
        out += base64_alphabet[(bits >> 18) & 63];
        out += base64_alphabet[(bits >> 12) & 63];
        out += i + 1 < bytes.size() ? base64_alphabet[(bits >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? base64_alphabet[bits & 63] : '=';
    }
    return out;
}

}  // namespace kith
