// Unit tests for the vCard reader and writer (SPEC §7). Each edge case of the reader has a
// fixture under tests/fixtures/vcard/, written byte for byte as address books write them.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstddef>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "kith/dates.h"
#include "kith/interchange.h"
#include "kith/text.h"

using kith::Birthday;
using kith::Contact;
using kith::ContactRecord;
using kith::FormatError;
using kith::ImportRecord;
using kith::interchange::read_vcards;
using kith::interchange::write_vcard;
using Strings = std::vector<std::string>;

namespace {

std::string fixture_path(std::string_view name) {
    return fmt::format("{}/vcard/{}", KITH_FIXTURES, name);
}

std::string fixture_bytes(std::string_view name) {
    std::ifstream in(fixture_path(name), std::ios::binary);
    REQUIRE_MESSAGE(in, "missing fixture " << name);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<ImportRecord> read_text(const std::string& text) {
    std::istringstream in(text);
    std::vector<ImportRecord> records;
    read_vcards(in, [&](ImportRecord&& record) { records.push_back(std::move(record)); });
    return records;
}

std::vector<ImportRecord> read_fixture(std::string_view name) {
    return read_text(fixture_bytes(name));
}

// The only card of a fixture.
ImportRecord read_one(std::string_view name) {
    auto records = read_fixture(name);
    REQUIRE(records.size() == 1);
    return std::move(records.front());
}

// "line N: message" for the FormatError reading throws, so a failing CHECK shows both.
std::string text_error(const std::string& text) {
    try {
        read_text(text);
    } catch (const FormatError& error) {
        return fmt::format("line {}: {}", error.line(), error.what());
    }
    return "no error";
}

std::string fixture_error(std::string_view name) {
    return text_error(fixture_bytes(name));
}

std::string birthday_of(const Contact& contact) {
    return contact.birthday ? kith::format_birthday(*contact.birthday) : "none";
}

Strings names_of(const std::vector<ImportRecord>& records) {
    Strings names;
    for (const auto& record : records) names.push_back(record.record.contact.name);
    return names;
}

Strings note_texts(const ContactRecord& record) {
    Strings texts;
    for (const auto& note : record.notes) texts.push_back(note.text);
    return texts;
}

std::string written(const ContactRecord& record, int version) {
    std::ostringstream out;
    write_vcard(out, record, version);
    return out.str();
}

ContactRecord ada() {
    ContactRecord record;
    Contact& c = record.contact;
    c.uuid = "4fbe8971-0bc3-424c-9c26-36c3e1eff6b1";
    c.name = "Ada King Lovelace";
    c.nicknames = {"Ada", "Countess"};
    c.emails = {"ada@example.com"};
    c.phones = {"+44 20 7946 0000"};
    c.company = "Analytical Engines, Ltd.";
    c.birthday = Birthday{1815, 12, 10};
    c.tags = {"math", "friends"};
    c.every = kith::parse_cadence("3w..6w").value();
    c.archived = true;
    c.updated_at = "2026-06-01T12:00:00Z";
    record.notes.resize(1);
    record.notes[0].text = "Wrote the first program;\nasked about Babbage";
    return record;
}

}  // namespace

// ---- reading: encodings ------------------------------------------------------------------

TEST_CASE("vCard 2.1 quoted-printable with CHARSET=UTF-8 and soft line breaks") {
    const auto record = read_one("v21_quoted_printable_utf8.vcf");
    const auto& c = record.record.contact;
    CHECK(c.name == "Jörg Müller");
    CHECK(c.phones == Strings{"+49 170 1234567"});
    // =0D=0A is a newline; the '=' at the line end joins the next line without one.
    CHECK(note_texts(record.record) ==
          Strings{"Erste Zeile\nZweite Zeile, sehr lang, die weich umbrochen wird ✓ = gleich"});
}

TEST_CASE("vCard 2.1 Latin-1 and Windows-1252 values become UTF-8") {
    const auto record = read_one("v21_latin1.vcf");
    const auto& c = record.record.contact;
    CHECK(c.name == "Renée François");
    CHECK(c.company == "Café Crème");  // raw Latin-1 bytes, not quoted-printable
    // Latin-1 is read as its superset Windows-1252: 0x80 is €, 0x85 is …
    CHECK(note_texts(record.record) == Strings{"“Price” € 5", "Labelled Latin-1, written by Windows: € …"});
}

TEST_CASE("vCard with an unknown CHARSET is a format error on its line") {
    CHECK(fixture_error("unknown_charset.vcf") ==
          "line 4: FN: unknown CHARSET \"KOI8-R\" (UTF-8, ISO-8859-1 and Windows-1252 are read)");
}

// ---- reading: lines and values -------------------------------------------------------------

TEST_CASE("vCard folded lines are unfolded, also inside a character or a property name") {
    const auto record = read_one("folded.vcf");
    const auto& c = record.record.contact;
    CHECK(c.name == "Alexandra Smith-Jones");  // only the first of two spaces is the fold
    CHECK(note_texts(record.record) == Strings{"This note is folded with a space and with a tab, and inside a "
                                               "character: café ok"});
    CHECK(c.tags == Strings{"friends"});
    CHECK(c.emails == Strings{"alex@example.com"});
}

TEST_CASE("vCard escaped commas, semicolons, backslashes and newlines are undone") {
    const auto record = read_one("escaped.vcf");
    const auto& c = record.record.contact;
    CHECK(c.name == "Smith, John \\ Jr.");
    CHECK(note_texts(record.record) == Strings{"Line one\nLine two\nLine three; semi, comma \\ backslash"});
    // Lists split only at unescaped commas, ORG only at unescaped semicolons.
    CHECK(c.tags == Strings{"friends", "rock,paper", "work"});
    CHECK(c.nicknames == Strings{"Johnny", "J,J"});
    CHECK(c.company == "Acme; Inc.");
}

TEST_CASE("vCard 2.1 raw values keep a backslash that escapes nothing") {
    const auto record = read_one("v21_raw_backslash.vcf");
    CHECK(note_texts(record.record) == Strings{"Files in C:\\Users\\sam\\Documents"});
}

TEST_CASE("vCard parameters with and without TYPE=, quoted values, names in any case") {
    const auto record = read_one("parameters.vcf");
    const auto& c = record.record.contact;
    CHECK(c.name == "Pat Params");
    CHECK(c.phones == Strings{"+1 555 0100", "+1 555 0101", "+1 555 0102"});
    CHECK(c.emails == Strings{"pat@home.example", "pat@work.example"});
    // The ':' inside X-NAME="a:b;c" does not start the value.
    CHECK(note_texts(record.record) == Strings{"quoted parameter with a colon"});
}

TEST_CASE("vCard grouped properties are read and their X-ABLabel ignored") {
    const auto record = read_one("grouped.vcf");
    const auto& c = record.record.contact;
    CHECK(c.emails == Strings{"gina@example.com"});
    CHECK(c.phones == Strings{"+44 20 7946 0000"});
    CHECK(c.company == "Grouped Ltd");
    CHECK(record.record.notes.empty());
}

// ---- reading: BDAY -------------------------------------------------------------------------

TEST_CASE("vCard BDAY in every date form") {
    const auto records = read_fixture("bday_forms.vcf");
    REQUIRE(records.size() == 9);
    // Each card's FN is the BDAY it carries.
    const Strings expected{"1986-03-15", "1986-03-15", "--03-15", "--03-15",   "1986-03-15",
                           "1986-03-15", "1986-03-15", "--02-29", "1986-03-15"};
    for (std::size_t i = 0; i < records.size(); ++i) {
        INFO("BDAY:" << records[i].record.contact.name);
        CHECK(birthday_of(records[i].record.contact) == expected[i]);
    }
}

TEST_CASE("vCard BDAY with a matching X-APPLE-OMIT-YEAR has no year") {
    const auto records = read_fixture("bday_apple_omit_year.vcf");
    REQUIRE(records.size() == 4);
    CHECK(birthday_of(records[0].record.contact) == "--03-15");
    CHECK(birthday_of(records[1].record.contact) == "--12-25");
    CHECK(birthday_of(records[2].record.contact) == "--02-29");     // lower-case names, basic format
    CHECK(birthday_of(records[3].record.contact) == "1986-03-15");  // the year is not the omitted one
}

TEST_CASE("vCard BDAY as text or without month and day is skipped") {
    const auto records = read_fixture("bday_unrepresentable.vcf");
    CHECK(names_of(records) == Strings{"Text", "Year only", "Year and month", "Day only"});
    for (const auto& record : records) CHECK(birthday_of(record.record.contact) == "none");
}

TEST_CASE("vCard BDAY that is no date is a format error on its line") {
    CHECK(fixture_error("malformed_bday.vcf") ==
          "line 5: bad BDAY \"1986-02-30\": expected YYYY-MM-DD, YYYYMMDD or --MMDD");
    for (const char* bad : {"next tuesday", "1986-3-15", "86-03-15", "1986-13-01", "--1332", "19860315T",
                            "1986-03-15Tnoon", "T102200", "--0230"}) {
        INFO(bad);
        CHECK(text_error(fmt::format("BEGIN:VCARD\nFN:x\nBDAY:{}\nEND:VCARD\n", bad)).starts_with("line 3: bad BDAY"));
    }
}

// ---- reading: the other properties ----------------------------------------------------------

TEST_CASE("vCard NOTE gives one note each, empty ones skipped") {
    const auto record = read_one("notes.vcf");
    CHECK(note_texts(record.record) ==
          Strings{"Met at the climbing gym.", "Two lines:\nsecond one", "Likes \"tea\", not coffee"});
    for (const auto& note : record.record.notes) {
        CHECK_FALSE(note.on.ok());  // the importer fills in today
        CHECK(note.uuid.empty());
    }
}

TEST_CASE("vCard CATEGORIES become tags as given, trimmed") {
    const auto record = read_one("categories.vcf");
    CHECK(record.record.contact.tags == Strings{"Friends", "Climbing", "work", "book club"});
}

TEST_CASE("vCard PHOTO with a large folded base64 block is skipped") {
    const auto record = read_one("photo.vcf");
    const auto& c = record.record.contact;
    CHECK(c.name == "Phoebe Photo");
    // The block's last line ends in base64 padding '=': not a soft line break outside 2.1 QP.
    CHECK(c.emails == Strings{"phoebe@example.com"});
    CHECK(record.record.notes.empty());
}

TEST_CASE("vCard 2.1 PHOTO with unindented base64 lines is skipped") {
    const auto record = read_one("photo_v21_unindented.vcf");
    CHECK(record.record.contact.name == "Old Phone");
    CHECK(record.record.contact.phones == Strings{"555-0199"});
}

TEST_CASE("vCard CRLF, LF and mixed line ends read the same") {
    for (const char* name : {"line_endings_crlf.vcf", "line_endings_lf.vcf", "line_endings_mixed.vcf"}) {
        INFO(name);
        const auto record = read_one(name);
        CHECK(record.record.contact.name == "Line Ends");
        CHECK(record.record.contact.emails == Strings{"le@example.com"});
        CHECK(note_texts(record.record) == Strings{"foldedacross lines"});
    }
}

TEST_CASE("vCard several cards per file, each with its BEGIN line") {
    const auto records = read_fixture("several.vcf");
    CHECK(names_of(records) == Strings{"First Person", "Second Person", "Third Person"});
    REQUIRE(records.size() == 3);
    CHECK(records[0].line == 1);
    CHECK(records[1].line == 7);
    CHECK(records[2].line == 14);
    CHECK(note_texts(records[1].record) == Strings{"foldednote"});
}

TEST_CASE("vCard UTF-8 byte order mark is ignored") {
    CHECK(read_one("bom.vcf").record.contact.name == "Bom Person");
}

TEST_CASE("vCard 4.0 UID, tel URI and kith's own properties") {
    const auto record = read_one("version4.vcf");
    const auto& c = record.record.contact;
    CHECK(c.uuid == "4fbe8971-0bc3-424c-9c26-36c3e1eff6b1");
    CHECK(c.name == "Vera Four");
    CHECK(c.nicknames == Strings{"V"});
    CHECK(c.phones == Strings{"+1-555-555-0100"});
    CHECK(c.emails == Strings{"vera@example.com"});
    REQUIRE(c.every);
    CHECK(kith::format_cadence(*c.every) == "3w..6w");
    CHECK(c.archived);
    // Fields the format does not carry stay at their defaults for the importer.
    CHECK(c.updated_at.empty());
    CHECK_FALSE(c.added_on.ok());
    CHECK(c.id == 0);
}

TEST_CASE("vCard name falls back to N, then ORG") {
    CHECK(names_of(read_fixture("name_from_n.vcf")) == Strings{"Ada Lovelace", "Prince"});
    const auto record = read_one("name_from_org.vcf");
    CHECK(record.record.contact.name == "Acme Plumbing");
    CHECK(record.record.contact.company == "Acme Plumbing");
    CHECK(record.named_from == "its organisation");
}

// ---- reading: malformed files ----------------------------------------------------------------

TEST_CASE("vCard line without a colon is an error on its physical line") {
    CHECK(fixture_error("malformed_no_colon.vcf") == "line 7: a vCard line needs NAME:value, this one has no ':'");
}

TEST_CASE("vCard END without BEGIN is an error") {
    CHECK(fixture_error("malformed_end_without_begin.vcf") == "line 6: END without BEGIN:VCARD");
}

TEST_CASE("vCard BEGIN inside a card is an error") {
    CHECK(fixture_error("malformed_begin_inside_card.vcf") ==
          "line 6: BEGIN inside a vCard: the card before it has no END:VCARD");
}

TEST_CASE("vCard cut short by the end of the file reports its BEGIN line") {
    CHECK(fixture_error("malformed_eof_inside_card.vcf") == "line 6: vCard not closed: END:VCARD is missing");
}

TEST_CASE("vCard invalid UTF-8 is an error on its line") {
    CHECK(fixture_error("malformed_invalid_utf8.vcf") ==
          "line 6: ORG is not valid UTF-8 text (is its CHARSET missing?)");
}

TEST_CASE("vCard without a name, organisation, e-mail or number is an error on its BEGIN line") {
    CHECK(fixture_error("malformed_no_name.vcf") ==
          "line 5: vCard has no name, organisation, e-mail or number (FN, N, ORG, EMAIL or TEL)");
}

TEST_CASE("vCard bad X-KITH-EVERY is an error on its line") {
    CHECK(fixture_error("malformed_bad_every.vcf").starts_with("line 4: X-KITH-EVERY: bad cadence \"sometimes\""));
}

TEST_CASE("vCard lines outside a card other than BEGIN are errors") {
    CHECK(text_error("FN:Loose\n") == "line 1: expected BEGIN:VCARD");
    CHECK(text_error("\n\nBEGIN:VCALENDAR\n") == "line 3: expected BEGIN:VCARD, not \"BEGIN:VCALENDAR\"");
    CHECK(text_error("BEGIN:VCARD\nFN:x\nEND:VCALENDAR\n") == "line 3: END inside a vCard: expected END:VCARD");
    CHECK(text_error("BEGIN:VCARD\n:no name\nEND:VCARD\n") == "line 2: a vCard property needs a name before its ':'");
}

// ---- reading: streaming and robustness ------------------------------------------------------

TEST_CASE("vCard reader hands each card to the sink as soon as it ends") {
    const std::string text =
        "BEGIN:VCARD\r\nFN:One\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nFN:Two\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nFN:Three\r\n";
    std::istringstream in(text);
    Strings names;
    std::vector<std::streamoff> read_so_far;
    std::size_t error_line = 0;
    try {
        read_vcards(in, [&](ImportRecord&& record) {
            names.push_back(record.record.contact.name);
            read_so_far.push_back(in.tellg());
        });
    } catch (const FormatError& error) {
        error_line = error.line();
    }
    // Cards before the broken one arrived, the first before the second was read.
    CHECK(names == Strings{"One", "Two"});
    REQUIRE(read_so_far.size() == 2);
    CHECK(read_so_far[0] <= static_cast<std::streamoff>(text.find("FN:Two")));
    CHECK(error_line == 7);
}

TEST_CASE("vCard NUL bytes and a 10 MB line do not break the reader") {
    const std::string nul("\0", 1);
    CHECK(text_error(fmt::format("BEGIN:VCARD\nFN:a{}b\nEND:VCARD\n", nul)) ==
          "line 2: FN is not valid UTF-8 text (is its CHARSET missing?)");
    // A NUL in a property kith skips costs nothing.
    CHECK(names_of(read_text(fmt::format("BEGIN:VCARD\nFN:Nul\nX-{0}:{0}\nEND:VCARD\n", nul))) == Strings{"Nul"});
    CHECK(text_error(nul) == "line 1: a vCard line needs NAME:value, this one has no ':'");

    const std::string huge(10 * 1024 * 1024, 'x');
    const auto records = read_text(fmt::format("BEGIN:VCARD\nFN:Big\nNOTE:{0}\nX-SKIPPED:{0}\nEND:VCARD\n", huge));
    REQUIRE(records.size() == 1);
    REQUIRE(records[0].record.notes.size() == 1);
    CHECK(records[0].record.notes[0].text.size() == huge.size());
    CHECK(text_error(fmt::format("BEGIN:VCARD\n{}\nEND:VCARD\n", huge)).starts_with("line 2: "));
}

TEST_CASE("vCard reader survives mangled fixtures with nothing but format errors") {
    // A small, seeded stand-in for the fuzzer: flip, insert and drop bytes that matter to vCard.
    std::mt19937 random(20261123);
    const std::string interesting("\0\r\n :;,=\\\"\x80\xc3\xff", 13);
    std::size_t read_cards = 0;
    std::size_t errors = 0;
    for (const char* name : {"v21_quoted_printable_utf8.vcf", "v21_latin1.vcf", "folded.vcf", "escaped.vcf",
                             "parameters.vcf", "bday_forms.vcf", "several.vcf", "version4.vcf"}) {
        const auto original = fixture_bytes(name);
        for (int round = 0; round < 150; ++round) {
            auto mangled = original;
            for (int edit = 0; edit < 1 + round % 4; ++edit) {
                const auto at = std::uniform_int_distribution<std::size_t>(0, mangled.size() - 1)(random);
                const char byte = interesting[random() % interesting.size()];
                switch (random() % 3) {
                    case 0: mangled[at] = byte; break;
                    case 1: mangled.insert(at, 1, byte); break;
                    default: mangled.erase(at, 1); break;
                }
            }
            try {
                for (const auto& record : read_text(mangled)) {
                    ++read_cards;
                    CHECK_FALSE(record.record.contact.name.empty());
                    CHECK(kith::is_valid_utf8(record.record.contact.name));
                }
            } catch (const FormatError&) {
                ++errors;
            }
        }
    }
    CHECK(read_cards > 0);
    CHECK(errors > 0);
}

// ---- writing ---------------------------------------------------------------------------------

TEST_CASE("vCard 3.0 as written") {
    CHECK(written(ada(), 3) ==
          "BEGIN:VCARD\r\n"
          "VERSION:3.0\r\n"
          "UID:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\r\n"
          "FN:Ada King Lovelace\r\n"
          "N:Lovelace;Ada King;;;\r\n"
          "NICKNAME:Ada\r\n"
          "NICKNAME:Countess\r\n"
          "EMAIL;TYPE=INTERNET:ada@example.com\r\n"
          "TEL:+44 20 7946 0000\r\n"
          "ORG:Analytical Engines\\, Ltd.\r\n"
          "BDAY:1815-12-10\r\n"
          "CATEGORIES:math,friends\r\n"
          "NOTE:Wrote the first program\\;\\nasked about Babbage\r\n"
          "X-KITH-EVERY:3w..6w\r\n"
          "X-KITH-ARCHIVED:1\r\n"
          "REV:2026-06-01T12:00:00Z\r\n"
          "END:VCARD\r\n");
}

TEST_CASE("vCard 4.0 as written") {
    CHECK(written(ada(), 4) ==
          "BEGIN:VCARD\r\n"
          "VERSION:4.0\r\n"
          "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\r\n"
          "FN:Ada King Lovelace\r\n"
          "N:Lovelace;Ada King;;;\r\n"
          "NICKNAME:Ada\r\n"
          "NICKNAME:Countess\r\n"
          "EMAIL:ada@example.com\r\n"
          "TEL:+44 20 7946 0000\r\n"
          "ORG:Analytical Engines\\, Ltd.\r\n"
          "BDAY:18151210\r\n"
          "CATEGORIES:math,friends\r\n"
          "NOTE:Wrote the first program\\;\\nasked about Babbage\r\n"
          "X-KITH-EVERY:3w..6w\r\n"
          "X-KITH-ARCHIVED:1\r\n"
          "REV:20260601T120000Z\r\n"
          "END:VCARD\r\n");
}

TEST_CASE("vCard writer leaves out what is not there, and a birthday without a year") {
    ContactRecord record;
    record.contact.name = "Cher";
    record.contact.birthday = Birthday{std::nullopt, 5, 20};
    // 3.0 as Apple writes it, which Google and Apple read; 4.0's own --MMDD.
    CHECK(written(record, 3) ==
          "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cher\r\nN:Cher;;;;\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-05-20\r\nEND:VCARD\r\n");
    CHECK(written(record, 4) == "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Cher\r\nN:Cher;;;;\r\nBDAY:--0520\r\nEND:VCARD\r\n");
    // A uuid that is not a UUID (kept from another address book) stays text in 4.0.
    record.contact.uuid = "google:c1a2b3";
    CHECK(written(record, 4).find("\r\nUID;VALUE=text:google:c1a2b3\r\n") != std::string::npos);
}

TEST_CASE("vCard writer folds at 75 octets without splitting a character") {
    ContactRecord record;
    record.contact.name = "Fold";
    record.notes.resize(1);
    for (int i = 0; i < 40; ++i) record.notes[0].text += "é😀x";
    const auto text = written(record, 4);
    std::string unfolded;
    std::size_t lines = 0;
    for (std::size_t start = 0; start < text.size();) {
        const auto end = text.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        const auto line = std::string_view(text).substr(start, end - start);
        CHECK(line.size() <= 75);
        CHECK(kith::is_valid_utf8(line));  // no sequence cut in two
        unfolded += line.starts_with(' ') ? line.substr(1) : fmt::format("\n{}", line);
        ++lines;
        start = end + 2;
    }
    CHECK(lines > 8);
    CHECK(unfolded.find(fmt::format("\nNOTE:{}\n", record.notes[0].text)) != std::string::npos);
}

TEST_CASE("vCard writer refuses versions other than 3 and 4") {
    std::ostringstream out;
    CHECK_THROWS_WITH(write_vcard(out, ada(), 2), "vCard version 2 cannot be written: use 3 or 4");
    CHECK(out.str().empty());
}

TEST_CASE("vCard round trip keeps nasty values in 3.0 and 4.0") {
    ContactRecord original;
    Contact& c = original.contact;
    c.uuid = "0b4c8c5e-8f0e-4d55-9a3f-5d1b1d6e2a10";
    c.name = "Zoë O'Brien, Jr.; the \\ 3rd 😀 with a name long enough to be folded twice over";
    c.nicknames = {"Z,z", "semi;colon", "back\\slash", "🦊"};
    c.emails = {"zoe+tag@example.com", "o'brien@example.org"};
    c.phones = {"+1 (555) 010-0000 ext. 5", "tel-like;ext=2"};
    c.company = "Ross, Ross; and \\ Partners 🎉";
    c.tags = {"friends", "rock,paper", "a;b", "back\\slash"};
    c.birthday = Birthday{std::nullopt, 2, 29};
    c.every = kith::parse_cadence("2w").value();
    c.archived = true;
    original.notes.resize(3);
    original.notes[0].text = "line one\nline two, with; all \\ the things 😀\n";
    original.notes[1].text = std::string(300, 'l') + "ong é";
    original.notes[2].text = "\\n is not a newline, \\, is not a comma";
    for (int version : {3, 4}) {
        INFO("version " << version);
        const auto text = written(original, version);
        const auto records = read_text(text);
        REQUIRE(records.size() == 1);
        const auto& back = records[0].record;
        CHECK(back.contact.uuid == c.uuid);
        CHECK(back.contact.name == c.name);
        CHECK(back.contact.nicknames == c.nicknames);
        CHECK(back.contact.emails == c.emails);
        CHECK(back.contact.phones == c.phones);
        CHECK(back.contact.company == c.company);
        CHECK(back.contact.tags == c.tags);
        CHECK(back.contact.birthday == c.birthday);
        CHECK(back.contact.every == c.every);
        CHECK(back.contact.archived);
        CHECK(note_texts(back) == note_texts(original));
    }
    // A year, a window cadence and not archived come back too.
    c.birthday = Birthday{1986, 3, 15};
    c.every = kith::parse_cadence("3w..6w").value();
    c.archived = false;
    for (int version : {3, 4}) {
        const auto back = read_text(written(original, version)).at(0).record.contact;
        CHECK(back.birthday == c.birthday);
        CHECK(back.every == c.every);
        CHECK_FALSE(back.archived);
    }
}

// ---- reading: other address books' cards (issue 21) -------------------------------------------

TEST_CASE("vCard Android 2.1: nameless cards named from their number or e-mail, an Exchange EMAIL set aside") {
    const auto records = read_fixture("android_21.vcf");
    REQUIRE(records.size() == 4);
    CHECK(records[0].record.contact.name == "Ana Silva");
    CHECK(records[0].named_from.empty());
    CHECK(note_texts(records[0].record) == Strings{"Conhece a João do trabalho, gosta de café e de pão de queijo"});
    CHECK(records[1].record.contact.name == "+15550100123");
    CHECK(records[1].named_from == "its number");
    CHECK(records[1].line == 9);
    CHECK(records[2].record.contact.name == "jane.doe");
    CHECK(records[2].named_from == "its e-mail");
    CHECK(records[3].record.contact.emails == Strings{"ken@ito.example"});
    REQUIRE(records[3].set_aside.size() == 1);
    CHECK(records[3].set_aside[0].starts_with("the Exchange address /o=ExchangeLabs/ou=Exchange Administrative"));
    CHECK(records[3].set_aside[0].ends_with("/cn=ken.ito, which is no e-mail address"));
}

TEST_CASE("vCard raw values the import converted keep their text, whatever CHARSET says") {
    // Read as the import hands it over: Latin-1 bytes already made UTF-8.
    const auto records = read_text("BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=ISO-8859-1:Ren\xC3\xA9" "e\r\n"
                                   "NOTE;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:caf=E9\r\nEND:VCARD\r\n");
    REQUIRE(records.size() == 1);
    CHECK(records[0].record.contact.name == "Renée");
    CHECK(note_texts(records[0].record) == Strings{"café"});
}

TEST_CASE("vCard reader with a skip sink: each broken card told on its line, the others read") {
    std::istringstream in(
        "BEGIN:VCARD\nFN:Ann\nEND:VCARD\n"
        "BEGIN:VCARD\nFN:Bad\nX-KITH-EVERY:sometimes\nEND:VCARD\n"
        "stray line\nmore stray\n"
        "BEGIN:VCARD\nFN:Cut\n"
        "BEGIN:VCARD\nFN:Dee\nEND:VCARD\n"
        "BEGIN:VCARD\nNOTE:no name at all\nEND:VCARD\n"
        "BEGIN:VCARD\nFN:Eof\n");
    Strings names;
    std::vector<std::string> skipped;
    read_vcards(
        in, [&](ImportRecord&& record) { names.push_back(record.record.contact.name); },
        [&](const FormatError& e) { skipped.push_back(fmt::format("{}: {}", e.line(), e.what())); });
    CHECK(names == Strings{"Ann", "Dee"});
    CHECK(skipped == Strings{
                         "6: X-KITH-EVERY: bad cadence \"sometimes\": expected an interval like 30d or a window "
                         "like 3w..6w",
                         "8: a vCard line needs NAME:value, this one has no ':'",  // once for the run of stray lines
                         "12: BEGIN inside a vCard: the card before it has no END:VCARD",
                         "15: vCard has no name, organisation, e-mail or number (FN, N, ORG, EMAIL or TEL)",
                         "18: vCard not closed: END:VCARD is missing",
                     });
}
