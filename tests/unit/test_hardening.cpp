// Bad input at the module level: what the fuzzers (fuzz/) and the bad-input tests found,
// kept as regression tests.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "../../fuzz/properties.h"
#include "kith/questions.h"
#include "kith/text.h"

using namespace kith;

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Imports `text` with `read` into a new in-memory database, as `kith import` would.
void import_text(fuzzing::Reader read, const std::string& text) {
    auto store = Store::open(":memory:", Store::Access::write);
    std::istringstream in(text);
    Importer importer(*store, fuzzing::fixed_today);
    store->write([&] { read(in, [&](ImportRecord&& record) { importer.merge(std::move(record.record)); }, {}); });
}

}  // namespace

TEST_CASE("every input that once broke a fuzzer passes its checks now") {
    using Check = void (*)(const std::uint8_t*, std::size_t);
    const std::map<std::string, Check> checks{{"dates", fuzzing::check_dates},
                                              {"vcard", fuzzing::check_vcard},
                                              {"csv", fuzzing::check_csv},
                                              {"json", fuzzing::check_json},
                                              {"config", fuzzing::check_config},
                                              {"reading", fuzzing::check_reading}};
    std::size_t replayed = 0;
    for (const auto& [harness, check] : checks) {
        // A harness that never found anything has no folder (git keeps no empty ones).
        const auto folder = std::string(KITH_FIXTURES) + "/fuzz/" + harness;
        if (!std::filesystem::exists(folder)) continue;
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            CAPTURE(entry.path().string());
            auto input = read_file(entry.path());
            CHECK_NOTHROW(check(reinterpret_cast<const std::uint8_t*>(input.data()), input.size()));
            ++replayed;
        }
    }
    CHECK(replayed > 0);
}

TEST_CASE("a vCard birthday in a year kith does not take is refused on import, not stored unreadable") {
    // fuzz_vcard: BDAY 1604-02-29 whose X-APPLE-OMIT-YEAR does not say 1604 was imported,
    // and then the database could not read the contact back.
    const std::string card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Old\r\nBDAY:1604-02-29\r\nEND:VCARD\r\n";
    try {
        import_text(interchange::read_vcards, card);
        FAIL("imported");
    } catch (const FormatError& e) {
        CHECK(e.code() == ExitCode::usage);
        CHECK(e.line() == 4);  // the BDAY line, not the card's first
        CHECK(std::string(e.what()) == "BDAY: bad birthday \"1604-02-29\": year must be 1900..2200");
    }
    // Apple's way of saying "no year" still imports, without the year.
    CHECK_NOTHROW(import_text(interchange::read_vcards,
                              "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Apple\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29\r\n"
                              "END:VCARD\r\n"));
}

TEST_CASE("messages escape bytes that are not UTF-8 and C1 controls, and keep the rest") {
    CHECK(escape_control_characters("sa\xff") == "sa\\xff");
    CHECK(escape_control_characters("\xe2\x82") == "\\xe2\\x82");           // a cut-off sequence
    CHECK(escape_control_characters("csi \x9b" "31m") == "csi \\x9b31m");   // 8-bit CSI
    CHECK(escape_control_characters("csi \xc2\x9b") == "csi \\u009b");      // U+009B
    CHECK(escape_control_characters(std::string("nul\0!", 5)) == "nul\\x00!");
    CHECK(escape_control_characters("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a surrogate
    CHECK(escape_control_characters("Renée \xc2\xa0 日本 🎉") == "Renée \xc2\xa0 日本 🎉");
}

TEST_CASE("a date past 2200 is refused where it is typed, not stored where it cannot be read") {
    // fuzz_dates: "10000y" parsed to 12026-..., which the database stored and then refused to read.
    const Date today{std::chrono::year{2026}, std::chrono::November, std::chrono::day{22}};
    auto far = parse_date("10000y", today);
    REQUIRE_FALSE(far);
    CHECK(far.error() == "bad date \"10000y\": 12026-11-22 is outside 1900..2200");
    CHECK_FALSE(parse_past_date("in 10000 weeks", today));
    CHECK(parse_date("in 174 years", today));
}

TEST_CASE("a question rule PCRE2 refuses is a usage error saying why, and what it takes it matches safely") {
    // fuzz_config found these overflowing std::regex's number reading and its compiler's stack.
    for (const auto& refused : std::vector<std::pair<std::string, std::string>>{
             {"a{1,99999999999999999999}", "number too big"},
             {"a{99999999999}", "number too big"},
             {std::string(5000, '(') + "a" + std::string(5000, ')'), "too deeply nested"}}) {
        const std::string why = refused.second;
        CAPTURE(why);
        QuestionRule rule;
        rule.id = "mine";
        rule.match = refused.first;
        rule.ask = "Why?";
        try {
            check_question_rule(rule);
            FAIL("accepted");
        } catch (const Error& e) {
            CHECK(e.code() == ExitCode::usage);
            CHECK(std::string(e.what()).find(why) != std::string::npos);
        }
    }
    QuestionRule fine;
    fine.id = "fine";
    fine.match = "(\\w+) ran (\\d{1,3}) km \\1";
    fine.ask = "How far did {1} run?";
    CHECK_NOTHROW(check_question_rule(fine));
}
