// Every card comes in and nothing of it is lost (issue 21): cards from real exporters imported
// through the real binary, then shown and exported again.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness.h"
#include "../vcard_lines.h"

using kith::test::content_lines;
using kith::test::count_rows;
using kith::test::lines_of;
using kith::test::Sandbox;

namespace {

const std::string fixtures = KITH_SOURCE_DIR "/tests/fixtures/vcard/";

bool has(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

std::string file_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}


}  // namespace

TEST_CASE("an Apple card imported: show has title, address, URL, spouse, anniversary and photo") {
    Sandbox box;
    const auto imported = box.ok({"import", fixtures + "apple_30.vcf"});
    CHECK(has(imported, "1 added"));
    const auto shown = box.ok({"show", "john"});
    CHECK(has(shown, "full name"));
    CHECK(has(shown, "Dr. John Appleseed Jr."));
    CHECK(has(shown, "Software Engineer"));
    CHECK(has(shown, "1 Infinite Loop, Cupertino, CA, 95014, United States (home)"));
    CHECK(has(shown, "https://example.com/john (homepage)"));
    CHECK(has(shown, "Joana"));
    CHECK(has(shown, "anniversary"));
    CHECK(has(shown, "2010-06-12"));
    CHECK(has(shown, "photo"));
    // The note is dated by the card's REV, not today.
    CHECK(has(shown, "2024-05-02"));

    const auto json = nlohmann::json::parse(box.ok({"show", "john", "--format", "json"}));
    CHECK(json["photo"] == true);
    CHECK(json["title"] == "Software Engineer");
    CHECK(json["related"][0]["label"] == "spouse");
    CHECK(json["related"][0]["value"] == "Joana");
    CHECK(json["dates"][0]["date"] == "2010-06-12");
    CHECK(json["addresses"][0]["locality"] == "Cupertino");
    CHECK(!json.contains("vcard_lines"));
}

TEST_CASE("import --dry-run says what a card adds, and a photo over 256 KB is set aside with a word") {
    Sandbox box;
    const auto dry = box.ok({"import", fixtures + "apple_30.vcf", "--dry-run"});
    CHECK(has(dry, "title"));
    CHECK(has(dry, "address"));
    CHECK(has(dry, "2 related people"));
    CHECK(has(dry, "2 dated events"));
    CHECK(has(dry, "photo"));
    CHECK(has(dry, "other properties"));

    std::string big = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Picture\r\nPHOTO;ENCODING=b;TYPE=JPEG:";
    big += std::string(400 * 1024, 'A');
    big += "\r\nEND:VCARD\r\n";
    const auto path = box.dir + "/big.vcf";
    box.write_file(path, big);
    auto result = box.run({"import", path});
    REQUIRE(result.code == 0);
    CHECK(has(result.err, "set aside a photo of 300 KB, larger than the 256 KB kith keeps"));
    CHECK(count_rows(box.db, "contact_photos") == 0);
}

TEST_CASE("a card comes back out of kith as it came in, up to order, folding, UID and REV") {
    for (const auto* name : {"apple_30.vcf", "evolution_30.vcf", "thunderbird_40.vcf", "version4_related.vcf"}) {
        CAPTURE(name);
        Sandbox box;
        box.ok({"import", fixtures + name});
        const auto original = file_text(fixtures + name);
        const bool four = has(original, "VERSION:4.0");
        const auto exported = box.ok({"export", "--format", "vcard", "--vcard-version", four ? "4" : "3"});
        CHECK(content_lines(exported) == content_lines(original));
    }
}

TEST_CASE("kith to vCard to kith keeps each note's day and every card field, and merging adds what is missing") {
    Sandbox box;
    box.ok({"add", "Nora Lind"});
    box.ok({"note", "nora", "Started at the bakery"});
    const auto card = box.ok({"export", "--format", "vcard"});
    Sandbox other;
    other.today = "2027-01-15";
    const auto path = other.dir + "/nora.vcf";
    other.write_file(path, card);
    other.ok({"import", path});
    CHECK(has(other.ok({"show", "nora"}), box.today));

    // A second card for the same person (by e-mail) adds the address and spouse it lacks.
    Sandbox merge;
    merge.ok({"import", fixtures + "gmail_30.vcf"});
    const auto more = merge.dir + "/more.vcf";
    merge.write_file(more, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Priya Patel\r\nEMAIL:priya@example.org\r\n"
           "ADR;TYPE=WORK:;;1 Office Park;Pune;;411001;India\r\nRELATED;TYPE=child:Mira\r\nEND:VCARD\r\n");
    const auto dry = merge.ok({"import", more, "--dry-run"});
    CHECK(has(dry, "addresses"));
    CHECK(has(dry, "related people"));
    merge.ok({"import", more});
    const auto shown = merge.ok({"show", "priya"});
    CHECK(has(shown, "12 MG Road"));
    CHECK(has(shown, "1 Office Park"));
    CHECK(has(shown, "Arjun"));
    CHECK(has(shown, "Mira"));
}

TEST_CASE("undo takes back an import with its card fields and photo") {
    Sandbox box;
    box.ok({"import", fixtures + "apple_30.vcf"});
    CHECK(count_rows(box.db, "contact_fields") > 0);
    CHECK(count_rows(box.db, "contact_photos") == 1);
    box.ok({"undo"});
    CHECK(count_rows(box.db, "contacts") == 0);
    CHECK(count_rows(box.db, "contact_fields") == 0);
    CHECK(count_rows(box.db, "contact_photos") == 0);
}

TEST_CASE("JSON export and import carry the card's fields and photo") {
    Sandbox box;
    box.ok({"import", fixtures + "version4_related.vcf"});
    const auto json = box.ok({"export", "--format", "json"});
    CHECK(has(json, "\"photo\":\"data:image/png;base64,"));
    Sandbox other;
    const auto path = other.dir + "/people.json";
    other.write_file(path, json);
    other.ok({"import", path});
    const auto exported = other.ok({"export", "--format", "vcard", "--vcard-version", "4"});
    CHECK(content_lines(exported) == content_lines(box.ok({"export", "--format", "vcard", "--vcard-version", "4"})));
}
