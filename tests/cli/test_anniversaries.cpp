// Anniversaries and other dated events of a card in `due`, `agenda` and the calendar, and a
// birthday without a year in vCard 3.0 as Apple writes it (issue 21), through the real binary.
#include <doctest/doctest.h>

#include <string>
#include <vector>
#include <nlohmann/json.hpp>

#include "harness.h"
#include "../vcard_lines.h"

using kith::test::content_lines;
using kith::test::lines_of;
using kith::test::Sandbox;

namespace {

bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

// Today is Sunday 2026-11-22. Ana's card (4.0) has an ANNIVERSARY on Tue 2015-11-24; Ben's
// (Apple's 3.0) an anniversary without a year today; Cal's a date labelled "first date" on
// Fri 2020-11-27 and one out of the window; Dot's anniversary is Tuesday but she is archived.
const std::string cards =
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana Costa\r\nANNIVERSARY:20151124\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ben Wu\r\nN:Wu;Ben;;;\r\n"
    "item1.X-ABDATE;X-APPLE-OMIT-YEAR=1604:1604-11-22\r\nitem1.X-ABLabel:_$!<Anniversary>!$_\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cal Diaz\r\nN:Diaz;Cal;;;\r\n"
    "item1.X-ABDATE:2020-11-27\r\nitem1.X-ABLabel:first date\r\n"
    "item2.X-ABDATE:2019-03-02\r\nitem2.X-ABLabel:wedding\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Dot Eng\r\nANNIVERSARY:20001124\r\nEND:VCARD\r\n";

void seed(Sandbox& box) {
    box.write_file(box.dir + "/cards.vcf", cards);
    box.ok({"import", box.dir + "/cards.vcf"});
    box.ok({"archive", "dot"});
    box.ok({"add", "Lou Late", "--every", "30d"});
    box.ok({"log", "lou", "--on", "2026-10-01"});
}

}  // namespace

TEST_CASE("due: an imported card's anniversary comes up in the birthday window with its years, on the day first") {
    Sandbox box;
    seed(box);
    const auto out = box.ok({"due"});
    CHECK(lines_of(out) == std::vector<std::string>{"Sun 2026-11-22: 4 people to reach out to",
                                                    "",
                                                    "Ben Wu  #2",
                                                    "  anniversary today",
                                                    "",
                                                    "Lou Late  #5",
                                                    "  check-in 22 days overdue (every 30d, last spoke 2026-10-01)",
                                                    "",
                                                    "Ana Costa  #1",
                                                    "  anniversary Tue (11 years)",
                                                    "",
                                                    "Cal Diaz  #3",
                                                    "  first date Fri (6 years)"});
    // A few days before, within --within only.
    CHECK(!has(box.ok({"due", "--within", "1d"}), "Ana Costa"));
    CHECK(has(box.ok({"due", "--today", "2027-02-27"}), "wedding anniversary Tue (8 years)"));

    const auto json = nlohmann::json::parse(box.ok({"due", "--format", "json"}));
    const auto& ana = json["people"][2];
    REQUIRE(ana["name"] == "Ana Costa");
    CHECK(ana["reasons"][0]["kind"] == "anniversary");
    CHECK(ana["reasons"][0]["date"] == "2026-11-24");
    CHECK(ana["reasons"][0]["years"] == 11);
    CHECK(ana["reasons"][0]["label"] == "anniversary");
    CHECK(ana["reasons"][0]["summary"] == "anniversary Tue (11 years)");
    CHECK(json["people"][0]["reasons"][0]["years"].is_null());  // Ben's has no year
}

TEST_CASE("agenda files anniversaries on their day, in every format") {
    Sandbox box;
    seed(box);
    const auto text = box.ok({"agenda", "--within", "1w"});
    CHECK(has(text, "Sun 2026-11-22 (today)\n  Ben Wu #2  anniversary\n"));
    CHECK(has(text, "Tue 2026-11-24\n  Ana Costa #1  anniversary (11 years)\n"));
    CHECK(has(text, "Fri 2026-11-27\n  Cal Diaz #3  first date (6 years)\n"));
    CHECK(!has(text, "Dot Eng"));
    const auto tsv = box.ok({"agenda", "--within", "1w", "--format", "tsv"});
    CHECK(has(tsv, "2026-11-24\tanniversary\t1\tAna Costa\tanniversary (11 years)\n"));
    const auto json = nlohmann::json::parse(box.ok({"agenda", "--within", "1w", "--format", "json"}));
    const auto& tuesday = json["days"][1];
    REQUIRE(tuesday["date"] == "2026-11-24");
    CHECK(tuesday["items"][0]["kind"] == "anniversary");
    CHECK(tuesday["items"][0]["years"] == 11);
    CHECK(tuesday["items"][0]["label"] == "anniversary");
    CHECK(has(box.ok({"agenda", "--within", "1w", "--format", "md"}), "- **Ana Costa** (#1): anniversary (11 years)\n"));
}

TEST_CASE("export --format ics writes a card's dated events as yearly events, as birthdays") {
    Sandbox box;
    seed(box);
    const auto ics = box.ok({"export", "--format", "ics"});
    CHECK(has(ics, "DTSTART;VALUE=DATE:20151124\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Ana Costa's anniversary\r\n"));
    CHECK(has(ics, "DTSTART;VALUE=DATE:20001122\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Ben Wu's anniversary\r\n"));
    CHECK(has(ics, "SUMMARY:Cal Diaz's first date\r\n"));
    CHECK(has(ics, "SUMMARY:Cal Diaz's wedding anniversary\r\n"));
    CHECK(!has(ics, "Dot Eng"));  // archived, as for birthdays
}

TEST_CASE("vCard 3.0 export writes a year-less birthday and dated event as Apple does, 4.0 as --MMDD") {
    Sandbox box;
    seed(box);
    box.ok({"add", "Priya Shah", "--birthday", "--10-12"});
    const auto v3 = box.ok({"export", "--format", "vcard"});
    CHECK(has(v3, "BDAY;X-APPLE-OMIT-YEAR=1604:1604-10-12\r\n"));
    CHECK(has(v3, "X-ABDATE;X-APPLE-OMIT-YEAR=1604:1604-11-22\r\n"));
    const auto v4 = box.ok({"export", "--format", "vcard", "--vcard-version", "4"});
    CHECK(has(v4, "BDAY:--1012\r\n"));
    // Read back, the birthday and the events are as they were.
    Sandbox again;
    again.write_file(again.dir + "/out.vcf", v3);
    again.ok({"import", again.dir + "/out.vcf"});
    CHECK(has(again.ok({"show", "priya"}), "10-12"));
    // The same card, but for REV: the time the import wrote the person, a second later under load.
    CHECK(content_lines(again.ok({"export", "--format", "vcard"})) == content_lines(v3));
}

TEST_CASE("snooze says which anniversaries, like a birthday, still show in due before it ends") {
    Sandbox box;
    seed(box);
    box.ok({"edit", "cal", "--birthday", "--11-25"});
    CHECK(box.ok({"snooze", "cal", "1w"}) ==
          "Snoozed Cal Diaz (#3) until Sun 2026-11-29 (their birthday on Wed 2026-11-25 and first date on Fri "
          "2026-11-27 still show in due)\n");
    CHECK(box.ok({"snooze", "ana", "1w"}) ==
          "Snoozed Ana Costa (#1) until Sun 2026-11-29 (their anniversary on Tue 2026-11-24 still shows in due)\n");
    CHECK(box.ok({"snooze", "lou", "1w"}) == "Snoozed Lou Late (#5) until Sun 2026-11-29\n");
}
