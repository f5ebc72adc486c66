// Unicode-aware text helpers: validation, case/accent folding, display width.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kith {

bool is_valid_utf8(std::string_view text);

// True when the text shows something: a letter, digit, mark on a base, symbol or punctuation,
// not only spaces, zero-width or other invisible characters.
bool has_visible_character(std::string_view text);

// True when the text has a letter, a digit or a private-use character: what SQLite's unicode61
// tokenizer keeps as part of a word (everything else separates words), so a search word
// without one looks for nothing.
bool has_word_character(std::string_view text);

// True when the text holds a bidirectional embedding, override or isolate (U+202A..U+202E,
// U+2066..U+2069), which make text display in another order than it is stored ("Trojan Source").
bool has_bidi_override(std::string_view text);

// Case-folded and accent-stripped, NFKC: the key contact names are matched by, so "RENÉE",
// "renée" and "renee" all find "Renée".
std::string fold_key(std::string_view text);

// Case-folded only (accents kept): used to prefer "Renée" over "Renee" when both exist.
std::string fold_case(std::string_view text);

// Terminal columns the text takes (East Asian wide characters count 2).
std::size_t display_width(std::string_view text);

// ASCII classes whatever the locale: dates, ids and file formats are ASCII.
constexpr bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_ascii_alnum(char c) { return is_ascii_digit(c) || is_ascii_upper(c) || is_ascii_lower(c); }
// Not empty, and only 0-9.
bool all_ascii_digits(std::string_view text);

// The text on one line (line breaks and tabs as spaces), cut to at most `width` columns with
// "…" when it is longer: a long note quoted in a one-line summary.
std::string shorten(std::string_view text, std::size_t width);

std::string trim(std::string_view text);

// Base64 (RFC 4648) for a photo in a vCard or a JSON file: decoding skips whitespace, and
// gives nothing for text that is not base64.
std::string encode_base64(std::string_view bytes);
std::optional<std::string> decode_base64(std::string_view text);
std::vector<std::string> split(std::string_view text, char separator);
std::string join(const std::vector<std::string>& parts, std::string_view separator);

// Control characters written as \n, \t, \x1b …, so a message quoting user input stays one
// line and cannot drive the terminal.
std::string escape_control_characters(std::string_view text);

// True when the text contains a control character (C0, DEL or C1) other than newline and tab.
bool has_control_characters(std::string_view text);

// Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`, byte-wise.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidates a mistyped `word` most likely meant, for "did you mean …?": the closest by
// edit distance (a prefix of a candidate counts as one edit), and only when close enough to
// be a typo rather than another word. Empty when none is.
std::vector<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace kith
