// Physical lines of an input file, for the readers that work line by line (vCard, JSONL):
// LF, CRLF or a lone CR (old Mac exports) end a line, and no line may grow past a cap, so a
// file without line breaks (/dev/zero, a damaged export) fails at once instead of filling the
// memory. Private to the interchange module.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace kith::interchange {

// What one line (a CSV row, an unfolded vCard line) and one record (a vCard, a JSON contact,
// a JSONL line) may take before the file counts as malformed.
constexpr std::size_t max_line_bytes = std::size_t{16} << 20;
constexpr std::size_t max_record_bytes = std::size_t{64} << 20;

// Throws FormatError when the input starts with a UTF-16 byte order mark.
void refuse_utf16(std::string_view start);

class LineSource {
public:
    explicit LineSource(std::istream& in, std::size_t max_bytes = max_line_bytes) : in_(in), max_bytes_(max_bytes) {}

    // The next line without its end, or false at the end of the input. Throws FormatError
    // naming the line when it is longer than the cap.
    bool next(std::string& line);
    std::size_t number() const { return number_; }  // 1-based, of the line last returned

private:
    bool fill();  // more input into the buffer; false at the end

    std::istream& in_;
    std::size_t max_bytes_;
    std::size_t number_ = 0;
    std::string buffer_;
    std::size_t pos_ = 0;
    bool pending_cr_ = false;  // the last line ended in CR: an LF next belongs to it
};

}  // namespace kith::interchange
