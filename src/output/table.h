// Shared pieces of the human formats: colour codes and aligned columns.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kith::output {

enum class Tone { none, bold, dim, heading, id, warn, match };

// Wraps text in ANSI codes for the tone when colour is on; plain text otherwise.
std::string paint(const std::string& text, Tone tone, bool color);

// Left-aligned columns separated by two spaces, sized by display width; the last column is not
// padded. Header row painted as a heading.
void write_table(std::ostream& out, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows, bool color);

// TSV cell: tabs, newlines and backslashes escaped as \t \n \\ so every record stays one line.
std::string tsv_cell(const std::string& text);
void append_tsv_cell(std::string& out, std::string_view text);  // tsv_cell(text) appended to out

// Markdown table cell / inline text: pipes and backslashes escaped, newlines as spaces.
std::string md_cell(const std::string& text);

}  // namespace kith::output
