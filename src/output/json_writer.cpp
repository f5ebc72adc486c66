#include "output/json_writer.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "kith/text.h"

namespace kith::output {

namespace {

bool is_ascii(std::string_view text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
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
    append_escaped(out_, name);
    out_ += ':';
    after_key_ = true;
}

void JsonWriter::value(std::int64_t number) {
    separate();
    fmt::format_to(std::back_inserter(out_), "{}", number);
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

}  // namespace kith::output
