#include "output/json_writer.h"

#include <fmt/format.h>

#include <cstring>
#include <nlohmann/json.hpp>

#include "kith/text.h"

namespace kith::output {

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

// Escapes as nlohmann does without ensure_ascii: the short forms it knows, \u00xx for the other
// control characters, everything else (valid UTF-8 included) as it is.
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

void JsonWriter::separate() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!first_) out_ += ',';
    first_ = false;
}

void JsonWriter::open(char bracket) {
    separate();
    out_ += bracket;
    first_ = true;
}

void JsonWriter::close(char bracket) {
    out_ += bracket;
    first_ = false;  // the container itself was the value just written in its parent
}

void JsonWriter::key(std::string_view name) {
    separate();
    out_ += '"';
    out_ += name;
    out_ += "\":";
    after_key_ = true;
}

void JsonWriter::value(std::int64_t number) {
    separate();
    fmt::format_int digits(number);
    out_.append(digits.data(), digits.size());
}

void JsonWriter::value(bool flag) {
    separate();
    out_ += flag ? "true" : "false";
}

void JsonWriter::value(std::nullptr_t) {
    separate();
    out_ += "null";
}

void JsonWriter::value(std::string_view text) {
    separate();
    if (is_plain(text)) {
        out_ += '"';
        out_ += text;
        out_ += '"';
        return;
    }
    if (is_ascii(text) || is_valid_utf8(text)) return append_escaped(out_, text);
    // Invalid UTF-8 (or a NUL) is rare: nlohmann's own replacement rules then decide the bytes.
    out_ += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void JsonWriter::value(const std::optional<std::string>& text) {
    if (text)
        value(std::string_view(*text));
    else
        value(nullptr);
}

void JsonWriter::value(const std::vector<std::string>& texts) {
    begin_array();
    for (const auto& text : texts) value(std::string_view(text));
    end_array();
}

void JsonWriter::value(Date date) {
    separate();  // format_iso() gives digits and dashes only: nothing to escape
    out_ += '"';
    out_ += format_iso(date);
    out_ += '"';
}

void JsonWriter::value(const std::optional<Date>& date) {
    if (date)
        value(*date);
    else
        value(nullptr);
}

}  // namespace kith::output
