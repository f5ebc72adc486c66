// Bad input at the module level: what the fuzzers (fuzz/) and the bad-input tests found,
// kept as regression tests.
#include <doctest/doctest.h>

#include <string>

#include "kith/text.h"

using namespace kith;

TEST_CASE("messages escape bytes that are not UTF-8 and C1 controls, and keep the rest") {
    CHECK(escape_control_characters("sa\xff") == "sa\\xff");
    CHECK(escape_control_characters("\xe2\x82") == "\\xe2\\x82");           // a cut-off sequence
    CHECK(escape_control_characters("csi \x9b" "31m") == "csi \\x9b31m");   // 8-bit CSI
    CHECK(escape_control_characters("csi \xc2\x9b") == "csi \\u009b");      // U+009B
    CHECK(escape_control_characters(std::string("nul\0!", 5)) == "nul\\x00!");
    CHECK(escape_control_characters("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a surrogate
    CHECK(escape_control_characters("Renée \xc2\xa0 日本 🎉") == "Renée \xc2\xa0 日本 🎉");
}
