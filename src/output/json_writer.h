// Compact JSON written straight into a buffer, for output too large to build as a document first.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/dates.h"

namespace kith::output {

// Writes the bytes nlohmann's dump(-1) with error_handler_t::replace writes for the same values
// in the same order (so the two can share one shape), without allocating a node per value.
class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    // Names are the code's own ASCII literals: written as they are, unescaped.
    void key(std::string_view name);

    void value(std::int64_t number);
    void value(bool flag);
    void value(std::nullptr_t);
    void value(std::string_view text);
    void value(const std::string& text) { value(std::string_view(text)); }
    void value(const char* text) { value(std::string_view(text)); }
    void value(const std::optional<std::string>& text);
    void value(const std::vector<std::string>& texts);
    void value(Date date);  // as format_iso writes it
    void value(const std::optional<Date>& date);

    template <class Value>
    void field(std::string_view name, const Value& content) {
        key(name);
        value(content);
    }

private:
    void separate();
    void open(char bracket);
    void close(char bracket);

    std::string& out_;
    bool first_ = true;       // nothing written yet in the innermost container
    bool after_key_ = false;  // a key was just written: its value needs no comma
};

}  // namespace kith::output
