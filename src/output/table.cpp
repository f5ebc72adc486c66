#include "output/table.h"

#include <algorithm>

#include "kith/text.h"

namespace kith::output {

std::string paint(const std::string& text, Tone tone, bool color) {
    if (!color || tone == Tone::none) return text;
    const char* code = "";
    switch (tone) {
        case Tone::bold: code = "1"; break;
        case Tone::dim: code = "2"; break;
        case Tone::heading: code = "1;4"; break;
        case Tone::id: code = "36"; break;
        case Tone::warn: code = "33"; break;
        case Tone::match: code = "1;31"; break;  // as grep marks a match
        case Tone::none: break;
    }
    return "\x1b[" + std::string(code) + "m" + text + "\x1b[0m";
}

void write_table(std::ostream& out, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows, bool color) {
    std::vector<std::size_t> widths(header.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], display_width(row[i]));
    };
    measure(header);
    for (const auto& row : rows) measure(row);
    auto write_row = [&](const std::vector<std::string>& row, Tone tone) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += paint(row[i], tone, color);
            if (i + 1 < row.size()) line += std::string(widths[i] - display_width(row[i]) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << '\n';
    };
    write_row(header, Tone::heading);
    for (const auto& row : rows) write_row(row, Tone::none);
}

std::string tsv_cell(const std::string& text) {
    std::string out;
    append_tsv_cell(out, text);
    return out;
}

void append_tsv_cell(std::string& out, std::string_view text) {
    const bool plain = std::none_of(text.begin(), text.end(),
                                    [](char c) { return c == '\t' || c == '\n' || c == '\r' || c == '\\'; });
    if (plain) {  // nearly every cell
        out += text;
        return;
    }
    for (char c : text) {
        switch (c) {
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\\': out += "\\\\"; break;
            default: out += c;
        }
    }
}

std::string md_cell(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '|' || c == '\\' || c == '*' || c == '_' || c == '`') out += '\\';
        out += (c == '\n' || c == '\r') ? ' ' : c;
    }
    return out;
}

}  // namespace kith::output
