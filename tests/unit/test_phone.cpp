#include <doctest/doctest.h>

#include <string>

#include "kith/phone.h"

using namespace kith;

TEST_CASE("a British number is one key however it is written") {
    for (const char* written : {"+44 7700 900123", "07700900123", "(07700) 900 123", "07700-900-123",
                                "0044 7700 900123", "+44 (0)7700 900123", "+447700900123"}) {
        CAPTURE(written);
        CHECK(phone_key(written, "GB") == "+447700900123");
    }
    // From abroad, a number with its country code is the same number.
    CHECK(phone_key("+44 7700 900123", "US") == "+447700900123");
    CHECK(phone_key("00 44 7700 900123", "DE") == "+447700900123");
}

TEST_CASE("American and German numbers, read in their own region") {
    CHECK(phone_key("(415) 555-0123", "US") == "+14155550123");
    CHECK(phone_key("415.555.0123", "US") == "+14155550123");
    CHECK(phone_key("+1 415 555 0123", "GB") == "+14155550123");
    CHECK(phone_key("+1 (800) FLOWERS", "US") == "+18003569377");  // letters on the keypad
    CHECK(phone_key("030 1234567", "DE") == "+49301234567");
    CHECK(phone_key("+49 30 1234567", "") == "+49301234567");
    CHECK(phone_key("030/123 45 67", "DE") == "+49301234567");
}

TEST_CASE("the region decides what a number without its country code is") {
    CHECK(phone_key("030 1234567", "DE") != phone_key("030 1234567", "GB"));
    // A British mobile number is not an American one: it is kept as written.
    CHECK(phone_key("07700 900123", "US") == "07700900123");
}

TEST_CASE("an extension is part of the key, so a switchboard and a desk are two numbers") {
    CHECK(phone_key("+1 415 555 0123 ext. 42", "US") == "+14155550123;ext=42");
    CHECK(phone_key("(415) 555-0123 x42", "US") == "+14155550123;ext=42");
    CHECK(phone_key("+1 415 555 0123", "US") != phone_key("+1 415 555 0123 ext. 42", "US"));
}

TEST_CASE("without a region, a national number is matched as written, less its punctuation") {
    CHECK(phone_key("07700 900123", "") == "07700900123");
    CHECK(phone_key("(07700) 900-123", "") == "07700900123");
    CHECK(phone_key("+44 7700 900123", "") == "+447700900123");
    // A region libphonenumber does not know is no region.
    CHECK(phone_key("07700 900123", "XX") == "07700900123");
}

TEST_CASE("what is no phone number is kept and matched as written") {
    CHECK(phone_key("ask reception", "GB") == "askreception");
    CHECK(phone_key("Ask Reception", "GB") == phone_key("ask reception", "GB"));
    CHECK(phone_key("12", "GB") == "12");  // too short to dial
    CHECK(phone_key("1234567890123456789012345", "GB") == "1234567890123456789012345");
    CHECK(phone_key("---", "GB") == "---");
    CHECK(phone_key("", "GB") == "");
    CHECK(phone_key("０７７００ ９００１２３", "GB") == "+447700900123");  // full-width digits
}

TEST_CASE("text typed to find someone reads as a number only when it is one") {
    for (const char* number : {"+44 7700 900123", "07700900123", "(07700) 900 123", "415.555.0123",
                               "+1 415 555 0123 x42", "+1 415 555 0123 ext. 42", "900123"}) {
        CAPTURE(number);
        CHECK(looks_like_phone_number(number));
    }
    for (const char* other : {"Sam", "12", "1234", "#12", "Sam 0770090", "07700 900123 Sam", "+44 +7700 900123",
                              "0770090012x", "07700 900123 extension", ""}) {
        CAPTURE(other);
        CHECK_FALSE(looks_like_phone_number(other));
    }
}

TEST_CASE("the region of a locale is its territory") {
    CHECK(region_of_locale("en_GB.UTF-8") == "GB");
    CHECK(region_of_locale("de_DE") == "DE");
    CHECK(region_of_locale("sr_RS@latin") == "RS");
    CHECK(region_of_locale("en_us.utf8") == "US");
    CHECK(region_of_locale("C.UTF-8") == "");
    CHECK(region_of_locale("POSIX") == "");
    CHECK(region_of_locale("es_419.UTF-8") == "");
    CHECK(region_of_locale("") == "");
    CHECK(region_code("gb") == "GB");
    CHECK(region_code("GBR") == std::nullopt);
    CHECK(region_code("4") == std::nullopt);
}
