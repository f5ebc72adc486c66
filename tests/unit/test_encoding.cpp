// Unit tests for the text encodings of imported files (src/interchange/encoding.cpp): what a
// byte order mark names, telling UTF-8 from the rest, and converting through iconv.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "kith/error.h"
#include "kith/interchange.h"

using namespace kith;
using namespace kith::interchange;

namespace {

std::string converted(const std::string& bytes, const std::string& encoding, bool replace = false) {
    std::istringstream in(bytes);
    std::string out;
    convert_to_utf8(
        in, [&](std::string_view text) { out += text; }, encoding, replace);
    return out;
}

bool utf8(const std::string& bytes) {
    std::istringstream in(bytes);
    const bool valid = is_utf8_stream(in);
    CHECK(in.tellg() == 0);  // rewound for the reader
    return valid;
}

}  // namespace

TEST_CASE("encoding: a byte order mark names UTF-8 or UTF-16, nothing else does") {
    CHECK(byte_order_mark_encoding("\xEF\xBB\xBFname") == "UTF-8");
    CHECK(byte_order_mark_encoding(std::string("\xFF\xFEn\0", 4)) == "UTF-16LE");
    CHECK(byte_order_mark_encoding(std::string("\xFE\xFF\0n", 4)) == "UTF-16BE");
    CHECK(byte_order_mark_encoding("BEGIN:VCARD").empty());
    CHECK(byte_order_mark_encoding("").empty());
    CHECK(is_utf8_name("utf8"));
    CHECK(is_utf8_name("UTF-8"));
    CHECK(!is_utf8_name("UTF-16"));
}

TEST_CASE("encoding: the whole stream is checked for UTF-8, across its reading chunks") {
    CHECK(utf8("name\nRenée\n"));
    CHECK(
        !utf8("name\nRen\xE9"
              "e\n"));
    CHECK(utf8(std::string("a\0b", 3)));  // a NUL is the reader's to name, not an encoding
    // "é" cut by the 64 KiB chunk boundary is still one character; a Latin-1 byte far in is found.
    std::string long_text(65535, 'a');
    CHECK(utf8(long_text + "\xC3\xA9" + "b"));
    CHECK(!utf8(long_text + long_text + "\xE9"));
    CHECK(!utf8("ends cut \xC3"));
}

TEST_CASE("encoding: Windows-1252, UTF-16 and others become UTF-8, without a byte order mark") {
    CHECK(converted("Caf\xE9 \x93quoted\x94 \x80 5", "WINDOWS-1252") == "Café “quoted” € 5");
    CHECK(converted(std::string("\xFF\xFEJ\0\xFC\0r\0\n\0", 10), "UTF-16LE") == "Jür\n");
    CHECK(converted(std::string("\xFE\xFF\xD8\x3E\xDD\x50", 6), "UTF-16BE") == "🥐");  // a surrogate pair
    CHECK(converted(std::string("\xFF\xFEn\0", 4), "UTF-16") == "n");                    // iconv reads the mark
    CHECK(converted("\x8A\x9A", "MACINTOSH") == "äö");
    // A long UTF-16 text goes through in pieces, a character never split between them.
    std::string wide;
    for (int i = 0; i < 50000; ++i) wide += std::string("\xE9\0", 2);
    CHECK(converted(wide, "UTF-16LE") == [] {
        std::string e;
        for (int i = 0; i < 50000; ++i) e += "é";
        return e;
    }());
}

TEST_CASE("encoding: a byte the encoding does not have is an error on its line, or U+FFFD when detected") {
    try {
        converted("name\nok\nCaf\xE9\n", "ASCII");
        FAIL("expected a FormatError");
    } catch (const FormatError& e) {
        CHECK(e.line() == 3);
        CHECK(std::string(e.what()) == "not ASCII text: the byte 0xE9 means nothing in it (is --encoding right?)");
    }
    // 0x81 is undefined in Windows-1252: a detected file still reads, with a replacement.
    CHECK(converted("a\x81"
                    "b",
                    "WINDOWS-1252", true) ==
          "a\xEF\xBF\xBD"
          "b");
    CHECK_THROWS_AS(converted("a\x81"
                              "b",
                              "WINDOWS-1252"),
                    FormatError);
    CHECK(converted(std::string("\xFF\xFEn\0o", 5), "UTF-16LE", true) == "n\xEF\xBF\xBD");  // cut short
}

TEST_CASE("encoding: a name iconv does not know is a usage error") {
    CHECK_NOTHROW(check_encoding("LATIN1"));
    try {
        check_encoding("KLINGON-8");
        FAIL("expected a usage error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::usage);
        CHECK(std::string(e.what()).starts_with("import: unknown encoding \"KLINGON-8\""));
    }
}
