#include "interchange/lines.h"

#include <fmt/format.h>

#include "kith/interchange.h"

namespace kith::interchange {

bool LineSource::fill() {
    constexpr std::size_t chunk = std::size_t{1} << 16;
    buffer_.resize(chunk);
    in_.read(buffer_.data(), static_cast<std::streamsize>(chunk));
    buffer_.resize(static_cast<std::size_t>(in_.gcount()));
    pos_ = 0;
    return !buffer_.empty();
}

void refuse_utf16(std::string_view start) {
    if (start.starts_with("\xFF\xFE") || start.starts_with("\xFE\xFF"))
        throw FormatError(1, "the file is UTF-16: save it as UTF-8 and import it again");
}

bool LineSource::next(std::string& line) {
    line.clear();
    if (pos_ == buffer_.size() && !fill()) return false;
    if (number_ == 0) refuse_utf16(buffer_);
    if (pending_cr_) {
        pending_cr_ = false;
        if (buffer_[pos_] == '\n' && ++pos_ == buffer_.size() && !fill()) return false;
    }
    ++number_;
    for (;;) {
        auto end = pos_;
        while (end < buffer_.size() && buffer_[end] != '\n' && buffer_[end] != '\r') ++end;
        if (line.size() + (end - pos_) > max_bytes_)
            throw FormatError(number_, fmt::format("line is longer than {} MiB: is this a text file?", max_bytes_ >> 20));
        line.append(buffer_, pos_, end - pos_);
        if (end < buffer_.size()) {
            pos_ = end + 1;
            if (buffer_[end] == '\r') {
                if (pos_ < buffer_.size()) {
                    if (buffer_[pos_] == '\n') ++pos_;
                } else {
                    pending_cr_ = true;  // the LF, if any, is in the next chunk
                }
            }
            return true;
        }
        pos_ = end;
        if (!fill()) return true;  // the last line, without an end
    }
}

}  // namespace kith::interchange
