// Text encodings of imported files, through glibc's iconv: detected or named once, before the
// readers, which then only ever see UTF-8.
#include <errno.h>
#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "kith/error.h"
#include "kith/interchange.h"
#include "kith/text.h"

namespace kith::interchange {

namespace {

constexpr std::size_t chunk_bytes = std::size_t{1} << 16;
constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
constexpr std::string_view replacement_character = "\xEF\xBF\xBD";  // U+FFFD

// One iconv conversion to UTF-8, closed however the conversion ends.
class Converter {
public:
    explicit Converter(const std::string& from) : handle_(::iconv_open("UTF-8", from.c_str())) {}
    ~Converter() {
        if (ok()) ::iconv_close(handle_);
    }
    Converter(const Converter&) = delete;
    Converter& operator=(const Converter&) = delete;

    bool ok() const { return handle_ != reinterpret_cast<iconv_t>(-1); }
    iconv_t get() const { return handle_; }

private:
    iconv_t handle_;
};

// How many bytes at the end of `bytes` are the start of a UTF-8 sequence that goes on in the
// next chunk (0 to 3).
std::size_t unfinished_sequence(std::string_view bytes) {
    for (std::size_t back = 1; back <= std::min<std::size_t>(3, bytes.size()); ++back) {
        const auto byte = static_cast<unsigned char>(bytes[bytes.size() - back]);
        if ((byte & 0xC0) == 0x80) continue;  // a continuation byte: look further back
        const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
        return length > back ? back : 0;
    }
    return 0;
}

// UTF-8 apart from NUL bytes, which is_valid_utf8 refuses: a NUL is not an encoding question,
// and the readers name its line.
bool is_utf8_with_nuls(std::string_view bytes) {
    while (!bytes.empty()) {
        const auto nul = bytes.find('\0');
        if (!is_valid_utf8(bytes.substr(0, nul))) return false;
        if (nul == std::string_view::npos) break;
        bytes.remove_prefix(nul + 1);
    }
    return true;
}

}  // namespace

std::string byte_order_mark_encoding(std::string_view start) {
    if (start.starts_with(utf8_bom)) return "UTF-8";
    if (start.starts_with("\xFF\xFE")) return "UTF-16LE";
    if (start.starts_with("\xFE\xFF")) return "UTF-16BE";
    return "";
}

bool is_utf8_name(std::string_view name) {
    std::string upper(name);
    for (char& c : upper)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return upper == "UTF-8" || upper == "UTF8";
}

void check_encoding(const std::string& name) {
    if (Converter(name).ok()) return;
    throw usage_error(
        fmt::format("import: unknown encoding \"{}\" (`iconv --list` shows the names, such as "
                    "WINDOWS-1252, LATIN1, UTF-16)",
                    escape_control_characters(name)));
}

bool is_utf8_stream(std::istream& in) {
    std::string buffer;
    bool valid = true;
    std::string carried;
    while (valid) {
        buffer.assign(carried);
        buffer.resize(carried.size() + chunk_bytes);
        in.read(buffer.data() + carried.size(), static_cast<std::streamsize>(chunk_bytes));
        buffer.resize(carried.size() + static_cast<std::size_t>(in.gcount()));
        const bool last = in.gcount() == 0;
        const std::size_t keep = last ? 0 : unfinished_sequence(buffer);
        valid = is_utf8_with_nuls(std::string_view(buffer).substr(0, buffer.size() - keep));
        carried = buffer.substr(buffer.size() - keep);
        if (last) break;
    }
    in.clear();
    in.seekg(0);
    return valid;
}

void convert_to_utf8(std::istream& in, const std::function<void(std::string_view)>& write, const std::string& encoding,
                     bool replace) {
    Converter converter(encoding);
    if (!converter.ok()) check_encoding(encoding);
    std::string input;  // what iconv has not taken yet, then the next chunk
    std::string output(chunk_bytes * 4 + 16, '\0');
    std::size_t lines = 1;     // the line being converted, for an error
    bool first_output = true;  // a byte order mark at the very start is dropped
    const auto emit = [&](std::string_view text) {
        if (first_output && !text.empty()) {
            first_output = false;
            if (text.starts_with(utf8_bom)) text.remove_prefix(utf8_bom.size());
        }
        lines += static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
        if (!text.empty()) write(text);
    };
    while (true) {
        const auto had = input.size();
        input.resize(had + chunk_bytes);
        in.read(input.data() + had, static_cast<std::streamsize>(chunk_bytes));
        input.resize(had + static_cast<std::size_t>(in.gcount()));
        const bool at_end = in.gcount() == 0;
        if (in.bad()) throw runtime_error("cannot read the file");
        char* from = input.data();
        std::size_t from_left = input.size();
        while (from_left > 0) {
            char* to = output.data();
            std::size_t to_left = output.size();
            const auto converted = ::iconv(converter.get(), &from, &from_left, &to, &to_left);
            const int problem = converted == static_cast<std::size_t>(-1) ? errno : 0;
            emit(std::string_view(output.data(), output.size() - to_left));
            if (problem == 0 || problem == E2BIG) continue;
            // EINVAL: a sequence cut by the chunk's end, unless the file ends there.
            if (problem == EINVAL && !at_end) break;
            if (!replace)
                throw FormatError(lines,
                                  fmt::format("not {} text: the byte 0x{:02X} means nothing in it (is "
                                              "--encoding right?)",
                                              escape_control_characters(encoding), static_cast<unsigned char>(*from)));
            emit(replacement_character);
            ++from;
            --from_left;
        }
        input.erase(0, input.size() - from_left);
        if (at_end) break;
    }
    // Stateful encodings (ISO-2022-JP) may owe a final reset sequence.
    char* to = output.data();
    std::size_t to_left = output.size();
    ::iconv(converter.get(), nullptr, nullptr, &to, &to_left);
    emit(std::string_view(output.data(), output.size() - to_left));
}

}  // namespace kith::interchange
