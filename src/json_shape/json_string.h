// A JSON string literal, appended without building a document first.
#pragma once

#include <string>
#include <string_view>

namespace kith::json_shape {

// Appends `text` quoted and escaped exactly as nlohmann's dump(-1) with error_handler_t::replace
// writes it (so streamed and built output are the same bytes): the short escapes it knows, \u00xx
// for the other control characters, valid UTF-8 as it is, invalid UTF-8 replaced by U+FFFD.
void append_json_string(std::string& out, std::string_view text);

}  // namespace kith::json_shape
