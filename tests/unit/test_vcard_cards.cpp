// Unit tests for what the vCard reader keeps of a card beyond kith's own fields (issue 21):
// one fixture per exporter under tests/fixtures/vcard/, and round trips card → kith → card.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "kith/dates.h"
#include "kith/interchange.h"
#include "../vcard_lines.h"

using kith::test::content_lines;
using kith::Birthday;
using kith::ContactCard;
using kith::ContactRecord;
using kith::DatedEvent;
using kith::ImportRecord;
using kith::LabeledText;
using kith::PostalAddress;
using kith::interchange::read_vcards;
using kith::interchange::write_vcard;
using Strings = std::vector<std::string>;

namespace {

std::string fixture(std::string_view name) {
    std::ifstream in(fmt::format("{}/vcard/{}", KITH_FIXTURES, name), std::ios::binary);
    REQUIRE_MESSAGE(in, "missing fixture " << name);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<ImportRecord> read_text(const std::string& text) {
    std::istringstream in(text);
    std::vector<ImportRecord> records;
    read_vcards(in, [&](ImportRecord&& record) { records.push_back(std::move(record)); });
    return records;
}

ImportRecord read_one(std::string_view name) {
    auto records = read_text(fixture(name));
    REQUIRE(records.size() == 1);
    return std::move(records.front());
}

std::string written(const ContactRecord& record, int version) {
    std::ostringstream out;
    write_vcard(out, record, version);
    return out.str();
}


PostalAddress address(std::string label, std::vector<std::string> parts) {
    PostalAddress out{std::move(label), {}};
    for (std::size_t i = 0; i < parts.size(); ++i) out.parts[i] = parts[i];
    return out;
}

}  // namespace

TEST_CASE("vCard Apple 3.0: item groups, X-ABLabel, related names, dates, photo and the rest kept") {
    const auto read = read_one("apple_30.vcf");
    const auto& contact = read.record.contact;
    const auto& card = read.record.card;
    CHECK(contact.name == "John Appleseed");
    CHECK(contact.company == "Apple Inc.");
    CHECK(card.department == "Engineering");
    CHECK(card.title == "Software Engineer");
    CHECK(card.name_prefix == "Dr.");
    CHECK(card.name_suffix == "Jr.");
    CHECK(card.addresses ==
          std::vector{address("home", {"", "", "1 Infinite Loop", "Cupertino", "CA", "95014", "United States"})});
    CHECK(card.urls == std::vector{LabeledText{"homepage", "https://example.com/john"}});
    CHECK(card.related == std::vector{LabeledText{"spouse", "Joana"}, LabeledText{"child", "Sam Appleseed"}});
    CHECK(card.events == std::vector{DatedEvent{"anniversary", Birthday{2010, 6, 12}},
                                     DatedEvent{"first met", Birthday{std::nullopt, 9, 1}}});
    REQUIRE(read.record.photo);
    CHECK(read.record.photo->media_type == "image/jpeg");
    CHECK(read.record.photo->data.starts_with("\xFF\xD8\xFF"));
    // What kith does not read, verbatim with its group and parameters.
    CHECK(card.other_properties == Strings{"PRODID:-//Apple Inc.//macOS 14.5//EN", "item1.X-ABADR:us",
                                           "item7.X-SOCIALPROFILE;type=twitter:https://twitter.com/jappleseed",
                                           "IMPP;X-SERVICE-TYPE=Skype;type=HOME;type=pref:skype:jappleseed",
                                           "X-ABUID:5AD380FD-B2DE-4261-BA99-DE1D1DB52FBE:ABPerson",
                                           "item7.X-ABLabel:twitter"});
    // The note keeps the card's REV as the day it was noted.
    REQUIRE(read.record.notes.size() == 1);
    CHECK(read.record.notes[0].on == kith::Date{std::chrono::year{2024}, std::chrono::May, std::chrono::day{2}});
}

TEST_CASE("vCard Android 2.1: nameless cards named, quoted-printable address and note") {
    const auto records = read_text(fixture("android_21_nameless.vcf"));
    REQUIRE(records.size() == 3);
    CHECK(records[0].record.contact.name == "+447700900123");
    CHECK(records[0].named_from == "its number");
    CHECK(records[1].record.contact.name == "only.email");
    CHECK(records[1].named_from == "its e-mail");
    const auto& jurgen = records[2].record;
    CHECK(jurgen.contact.name == "Jürgen Müller");
    CHECK(jurgen.card.addresses == std::vector{address("home", {"", "", "Hauptstraße 5", "München", "", "80331",
                                                                "Deutschland"})});
    REQUIRE(jurgen.notes.size() == 1);
    CHECK(jurgen.notes[0].text == "Tennis partner\nThursdays");
    CHECK(jurgen.card.other_properties ==
          Strings{"X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Jay;1;;;;;;;;;;;;;"});
}

TEST_CASE("vCard Evolution 3.0: spouse, manager, assistant and anniversary extensions, ORG units") {
    const auto read = read_one("evolution_30.vcf");
    const auto& card = read.record.card;
    CHECK(read.record.contact.company == "Globex");
    CHECK(card.department == "Research, Lab 2");
    CHECK(card.title == "Senior Scientist");
    CHECK(card.role == "Team lead");
    CHECK(card.related == std::vector{LabeledText{"spouse", "Luis"}, LabeledText{"manager", "Hank Scorpio"},
                                      LabeledText{"assistant", "Pat"}});
    CHECK(card.events == std::vector{DatedEvent{"anniversary", Birthday{2012, 9, 8}}});
    CHECK(card.addresses ==
          std::vector{address("work", {"", "Building 4", "Calle Mayor 1", "Madrid", "", "28013", "Spain"})});
    CHECK(card.urls == std::vector{LabeledText{"", "https://globex.example/maria"}});
    CHECK(std::ranges::count(card.other_properties, "X-EVOLUTION-BLOG-URL:https://maria.example/blog") == 1);
}

TEST_CASE("vCard Gmail 3.0: escaped URL, X-ABDATE anniversary and X-ABRELATEDNAMES spouse") {
    const auto read = read_one("gmail_30.vcf");
    const auto& card = read.record.card;
    CHECK(card.urls == std::vector{LabeledText{"blog", "https://priya.example.org"}});
    CHECK(card.events == std::vector{DatedEvent{"anniversary", Birthday{2015, 11, 21}}});
    CHECK(card.related == std::vector{LabeledText{"spouse", "Arjun"}});
    CHECK(card.title == "Product Manager");
    CHECK(card.other_properties.empty());
}

TEST_CASE("vCard Outlook 2007: X-MS-SPOUSE as a structured name, X-MS-ANNIVERSARY, suffix") {
    const auto read = read_one("outlook_2007.vcf");
    const auto& card = read.record.card;
    CHECK(read.record.contact.name == "Robert Smith III");
    CHECK(card.name_prefix == "Mr.");
    CHECK(card.name_suffix == "III");
    CHECK(card.department == "Finance");
    CHECK(card.related == std::vector{LabeledText{"spouse", "Linda Smith"}, LabeledText{"assistant", "Amy Jones"},
                                      LabeledText{"manager", "Dana Quinn"}});
    CHECK(card.events == std::vector{DatedEvent{"anniversary", Birthday{1998, 6, 20}}});
    CHECK(card.urls == std::vector{LabeledText{"work", "http://www.contoso.example"}});
    CHECK(card.addresses.size() == 1);
    CHECK(read.record.contact.emails == Strings{"robert.smith@contoso.example"});
    CHECK(read.record.notes.empty());
}

TEST_CASE("vCard Thunderbird 4.0: ANNIVERSARY with VALUE=DATE, URL type, ROLE") {
    const auto read = read_one("thunderbird_40.vcf");
    const auto& card = read.record.card;
    CHECK(card.events == std::vector{DatedEvent{"anniversary", Birthday{2014, 3, 1}}});
    CHECK(card.urls == std::vector{LabeledText{"work", "https://umbrella.example/wei"}});
    CHECK(card.role == "Operations");
    CHECK(card.department == "Logistics");
    CHECK(card.other_properties == Strings{"X-MOZILLA-HTML:FALSE"});
}

TEST_CASE("vCard 4.0: RELATED as text and as a URI, ANNIVERSARY, data: URI photo, GEO, IMPP and KEY kept") {
    const auto read = read_one("version4_related.vcf");
    const auto& card = read.record.card;
    CHECK(card.related == std::vector{LabeledText{"spouse", "Joana Souza"},
                                      LabeledText{"child", "urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af"}});
    CHECK(card.events == std::vector{DatedEvent{"anniversary", Birthday{2009, 8, 8}}});
    REQUIRE(read.record.photo);
    CHECK(read.record.photo->media_type == "image/png");
    CHECK(read.record.photo->data.starts_with("\x89PNG"));
    CHECK(card.other_properties == Strings{"KIND:individual", "GENDER:F", "GEO:geo:-23.55,-46.63",
                                           "IMPP;PREF=1:xmpp:ana@example.com", "KEY:https://example.com/keys/ana.asc",
                                           "X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/anasouza"});
}

TEST_CASE("vCard round trip: each exporter's card comes back identical up to order, folding, REV and note days") {
    for (const auto* name : {"apple_30.vcf", "evolution_30.vcf", "gmail_30.vcf", "thunderbird_40.vcf",
                             "version4_related.vcf"}) {
        CAPTURE(name);
        const auto original = fixture(name);
        const auto read = read_one(name);
        const int version = original.find("VERSION:4.0") != std::string::npos ? 4 : 3;
        CHECK(content_lines(written(read.record, version)) == content_lines(original));
    }
}

TEST_CASE("vCard round trip: what kith changed is written its own way, the rest as the card had it") {
    auto read = read_one("apple_30.vcf");
    read.record.card.title = "Engineering Manager";
    read.record.card.related[0].value = "Joana Silva";
    const auto lines = content_lines(written(read.record, 3));
    CHECK(std::ranges::count(lines, "TITLE:Engineering Manager") == 1);
    CHECK(std::ranges::count(lines, "TITLE:Software Engineer") == 0);
    CHECK(std::ranges::count(lines, "item3.X-ABRELATEDNAMES;type=pref:Joana") == 0);
    CHECK(std::ranges::count(lines, "item8.X-ABRELATEDNAMES:Joana Silva") == 1);
    CHECK(std::ranges::count(lines, "item8.X-ABLabel:_$!<Spouse>!$_") == 1);
    CHECK(std::ranges::count(lines, "EMAIL;type=INTERNET;type=WORK;type=pref:john@example.com") == 1);
}

TEST_CASE("vCard a 3.0 card written as 4.0: kith's own forms, nothing lost") {
    const auto read = read_one("apple_30.vcf");
    const auto card = written(read.record, 4);
    const auto lines = content_lines(card);
    for (const auto* line : {"ANNIVERSARY:20100612", "RELATED;TYPE=spouse;VALUE=text:Joana", "TITLE:Software Engineer",
                             "ORG:Apple Inc.;Engineering", "N:Appleseed;John;;Dr.;Jr.",
                             "ADR;TYPE=home:;;1 Infinite Loop;Cupertino;CA;95014;United States"}) {
        CAPTURE(line);
        CHECK(std::ranges::count(lines, std::string(line)) == 1);
    }
    const auto again = read_text(card);
    REQUIRE(again.size() == 1);
    CHECK(again[0].record.card.related == read.record.card.related);
    CHECK(again[0].record.card.events == read.record.card.events);
    CHECK(again[0].record.card.addresses == read.record.card.addresses);
    CHECK(again[0].record.photo == read.record.photo);
    CHECK(again[0].record.card.other_properties == read.record.card.other_properties);
}

TEST_CASE("vCard notes keep the day they were noted through kith's X-KITH-NOTED, not the REV") {
    ContactRecord record;
    record.contact.name = "Nora Note";
    record.contact.updated_at = "2026-06-01T12:00:00Z";
    kith::Note note;
    note.text = "Moved to Lisbon";
    note.on = kith::Date{std::chrono::year{2025}, std::chrono::March, std::chrono::day{3}};
    record.notes.push_back(note);
    const auto card = written(record, 3);
    CHECK(card.find("NOTE;X-KITH-NOTED=2025-03-03:Moved to Lisbon\r\n") != std::string::npos);
    const auto again = read_text(card);
    REQUIRE(again.size() == 1);
    REQUIRE(again[0].record.notes.size() == 1);
    CHECK(again[0].record.notes[0].on == note.on);
}
