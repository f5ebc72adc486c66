#include "interchange/content_line.h"

#include <ostream>

#include "kith/interchange.h"

namespace kith::interchange {

void write_content_line(std::ostream& out, std::string_view line) {
    std::string folded;
    std::size_t limit = 75;
    const auto continuation = [&](std::size_t at) { return (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80; };
    while (line.size() > limit) {
        std::size_t cut = limit;
        while (cut > limit - 3 && continuation(cut)) --cut;
        if (continuation(cut)) cut = limit;  // not UTF-8 at all: any cut is as good
        folded.append(line.substr(0, cut));
        folded += "\r\n ";
        line.remove_prefix(cut);
        limit = 74;  // the leading space counts
    }
    folded.append(line);
    folded += "\r\n";
    out << folded;
}

std::string escape_text_value(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\n': out += "\\n"; break;
            case '\r':
                if (i + 1 == text.size() || text[i + 1] != '\n') out += "\\n";  // CRLF: the LF writes it
                break;
            default:
                if ((static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) || c == '\t') out += c;
        }
    }
    return out;
}

}  // namespace kith::interchange
