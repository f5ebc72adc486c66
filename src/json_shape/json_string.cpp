#include "json_shape/json_string.h"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>
#include <iterator>
#include <nlohmann/json.hpp>

#include "kith/text.h"

namespace kith::json_shape {

namespace {

bool is_ascii(std::string_view text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

// True when none of the eight bytes in `word` is a control character, '"', '\\' or non-ASCII
// (the classic "has a zero byte" / "has a byte less than n" bit tricks).
bool is_plain_word(std::uint64_t word) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    auto has_zero_byte = [&](std::uint64_t v) { return (v - ones) & ~v & highs; };
    auto below_space = (word - ones * 0x20) & ~word & highs;
    return ((below_space | has_zero_byte(word ^ (ones * '"')) | has_zero_byte(word ^ (ones * '\\')) | word) & highs) == 0;
}

// Most text needs no escaping at all: found eight bytes at a time, then copied whole.
bool is_plain(std::string_view text) {
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + i, sizeof word);
        if (!is_plain_word(word)) return false;
    }
    for (; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return false;
    }
    return true;
}

void append_escaped(std::string& out, std::string_view text) {
    out += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(text.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
        }
    }
    out.append(text.data() + run, text.size() - run);
    out += '"';
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    if (is_plain(text)) {
        out += '"';
        out += text;
        out += '"';
        return;
    }
    if (is_ascii(text) || is_valid_utf8(text)) return append_escaped(out, text);
    // Invalid UTF-8 (or a NUL) is rare: nlohmann's own replacement rules then decide the bytes.
    out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace kith::json_shape
