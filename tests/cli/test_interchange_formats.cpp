// Black-box tests of the other formats through the real binary: vCard and CSV in and out,
// iCalendar out, and khard (Debian's address book) reading our vCards.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness.h"

using kith::test::check_error;
using kith::test::lines_of;
using kith::test::RunOptions;
using kith::test::Sandbox;
using kith::test::piped;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string fixtures = KITH_SOURCE_DIR "/tests/fixtures";

// People whose fields hold everything a format must escape.
void seed(const Sandbox& box) {
    box.ok({"add", "Sam Smith", "--email", "sam@acme.example", "--email", "sam.home@mail.example", "--phone",
            "+1 617 555 0142", "--birthday", "1986-03-15", "--every", "30d", "--tag", "client", "--company",
            "Acme; Sons, \"Ltd\""});
    box.ok({"edit", "sam", "--add-nickname", "Sammy"});
    box.ok({"note", "sam", "Daughter Emma got into Boston College; thrilled, #family"});
    box.ok({"add", "Renée Dubois", "--birthday", "--02-29", "--every", "3w..6w", "--tag", "friend", "--phone",
            "=1+2"});
    box.ok({"remind", "renée", "2026-01-31", "Send the invoice", "--every", "1mo"});
    box.ok({"add", "東京 太郎", "--company", "@home"});
    box.ok({"archive", "東京"});
}

// The fields a format carries, per person, from kith's own JSON export.
json carried_fields(const Sandbox& box, bool with_notes) {
    json people = json::array();
    const auto exported = json::parse(box.ok({"export"}));  // kept: a range-for over a temporary's member dangles
    for (auto contact : exported["contacts"]) {
        json person;
        for (const char* key : {"uuid", "name", "nicknames", "emails", "phones", "company", "tags", "birthday", "every",
                                "archived"})
            person[key] = contact[key];
        if (with_notes) {
            person["notes"] = json::array();
            for (const auto& note : contact["notes"]) person["notes"].push_back(note["text"]);
        }
        people.push_back(person);
    }
    return people;
}

// Runs a shell command line (test-made paths only), returning its standard output.
std::string shell(const std::string& command) {
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[4096];
        while (auto count = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, count);
        ::pclose(pipe);
    }
    return out;
}

}  // namespace

TEST_CASE("vCard export re-imports into an empty database with every field it carries") {
    for (const char* version : {"3", "4"}) {
        CAPTURE(version);
        Sandbox from;
        seed(from);
        auto cards = from.ok({"export", "--format", "vcard", "--vcard-version", version});
        CHECK(cards.find(std::string("VERSION:") + version + ".0\r\n") != std::string::npos);
        Sandbox to;
        CHECK(to.ok({"import", "-"}, piped(cards)) == "Imported 3 contacts from stdin: 3 added, 0 updated, 0 unchanged.\n");
        CHECK(carried_fields(to, true) == carried_fields(from, true));
        // Its own vCards merge back into the database they came from without a change.
        CHECK(from.ok({"import", "--format", "vcard", "-"}, piped(cards)).find("0 added, 0 updated, 3 unchanged") !=
              std::string::npos);
    }
}

TEST_CASE("vCards from other address books import with their birthdays, tags and notes") {
    Sandbox box;
    auto out = box.ok({"import", fixtures + "/vcard/v21_quoted_printable_utf8.vcf"});
    CHECK(out.find("1 added") != std::string::npos);
    box.ok({"import", fixtures + "/vcard/bday_apple_omit_year.vcf"});
    box.ok({"import", fixtures + "/vcard/photo.vcf"});
    auto people = json::parse(box.ok({"list", "--format", "json"}));
    CHECK(people.size() >= 3);
    // An Apple card without a birth year still makes a birthday `due` can see.
    bool month_day_birthday = false;
    for (const auto& person : people)
        if (person["birthday"].is_string() && person["birthday"].get<std::string>().rfind("--", 0) == 0)
            month_day_birthday = true;
    CHECK(month_day_birthday);
}

TEST_CASE("a malformed vCard at the end of a file stops the import with its line") {
    Sandbox box;
    box.ok({"add", "Jo Doe"});
    auto before = box.ok({"export"});
    std::string cards;
    for (int i = 0; i < 50; ++i) cards += "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person " + std::to_string(i) + "\r\nEND:VCARD\r\n";
    cards += "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken\r\nBDAY:1990-13-45\r\nEND:VCARD\r\n";
    box.write_file(box.dir + "/people.vcf", cards);
    check_error(box.run({"import", box.dir + "/people.vcf"}), 2, box.dir + "/people.vcf:204:");
    CHECK(box.ok({"export"}) == before);
    check_error(box.run({"import", fixtures + "/vcard/malformed_eof_inside_card.vcf"}), 2,
                "malformed_eof_inside_card.vcf:");
    CHECK(box.ok({"export"}) == before);
}

TEST_CASE("CSV export re-imports losslessly and defuses spreadsheet formulas") {
    Sandbox from;
    seed(from);
    auto csv = from.ok({"export", "--format", "csv"});
    auto rows = lines_of(csv);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == "id,uuid,name,nicknames,emails,phones,company,tags,birthday,every,archived,snoozed_until,added_on,"
                     "created_at,updated_at\r");
    // No cell a spreadsheet would run: = and @ get a leading quote; a number starting with +
    // is not a formula and stays as it is.
    CHECK(csv.find(",=1+2,") == std::string::npos);
    CHECK(csv.find(",'=1+2,") != std::string::npos);
    CHECK(csv.find(",'@home,") != std::string::npos);
    CHECK(csv.find(",+1 617 555 0142,") != std::string::npos);
    Sandbox to;
    to.write_file(to.dir + "/people.csv", csv);
    to.ok({"import", to.dir + "/people.csv"});
    CHECK(carried_fields(to, false) == carried_fields(from, false));
    CHECK(to.ok({"export", "--format", "csv"}) == csv);
}

TEST_CASE("Google and Outlook CSV exports import with names, emails, phones, labels and the rest of the card") {
    Sandbox box;
    box.ok({"import", fixtures + "/csv/google_new.csv"});
    box.ok({"import", fixtures + "/csv/outlook.csv"});
    auto people = json::parse(box.ok({"list", "--format", "json"}));
    bool alex = false;
    for (const auto& person : people) {
        if (person["name"] != "Alex Kim") continue;
        alex = true;
        CHECK(person["emails"] == json::array({"alex@initech.example"}));
        CHECK(person["company"] == "Initech");
        CHECK(person["tags"] == json::array({"work"}));  // "* myContacts" is Google's, not a label
        CHECK(person["birthday"] == "1990-07-04");
    }
    CHECK(alex);
    // The rest of Outlook's row is kept, said by the import, shown and exported: title, work
    // address, anniversary.
    auto pat = json::parse(box.ok({"show", "pat", "--format", "json"}));
    CHECK(pat["title"] == "Buyer");
    REQUIRE(pat["addresses"].size() == 1);
    CHECK(pat["addresses"][0]["label"] == "work");
    REQUIRE(pat["dates"].size() == 1);
    CHECK(pat["dates"][0]["date"] == "2010-06-01");
    Sandbox dry;
    CHECK(dry.ok({"import", "--dry-run", fixtures + "/csv/outlook.csv"}).find("Pat Q Lee: title, address, dated event") !=
          std::string::npos);
    // Importing the same exports again finds everyone already there.
    CHECK(box.ok({"import", fixtures + "/csv/google_new.csv"}).find(" 0 added, 0 updated") != std::string::npos);
    check_error(box.run({"import", fixtures + "/csv/broken_unterminated.csv"}), 2, "broken_unterminated.csv:");
}

TEST_CASE("iCalendar export has yearly birthdays, recurring reminders and stable UIDs") {
    Sandbox box;
    seed(box);
    auto ics = box.ok({"export", "--format", "ics"});
    CHECK(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0) == 0);
    CHECK(ics.find("END:VCALENDAR\r\n") == ics.size() - 15);
    for (const auto& line : lines_of(ics)) {
        CHECK(line.back() == '\r');  // CRLF everywhere
        CHECK(line.size() <= 76);    // 75 octets and the CR
    }
    CHECK(ics.find("DTSTART;VALUE=DATE:19860315\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Sam Smith's birthday") !=
          std::string::npos);
    CHECK(ics.find("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1") != std::string::npos);  // Feb 29, no year
    CHECK(ics.find("SUMMARY:Renée Dubois: Send the invoice") != std::string::npos);
    CHECK(ics.find("RRULE:FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1") != std::string::npos);
    CHECK(ics.find("東京") == std::string::npos);  // archived people are left out
    CHECK(box.ok({"export", "--format", "ics"}) == ics);  // same UIDs and stamps every time
    box.ok({"export", "-o", box.dir + "/cal.ics"});
    CHECK(box.read_file(box.dir + "/cal.ics") == ics);
}

TEST_CASE("khard reads the vCards kith exports") {
    REQUIRE_MESSAGE(!shell("command -v khard").empty(), "khard is installed by the README's test command");
    Sandbox box;
    seed(box);
    auto cards = box.ok({"export", "--format", "vcard"});
    // khard keeps one card a file.
    fs::create_directories(box.dir + "/book");
    fs::create_directories(box.dir + "/xdg/khard");
    std::size_t start = 0;
    for (int n = 0; (start = cards.find("BEGIN:VCARD", start)) != std::string::npos; ++n) {
        auto end = cards.find("END:VCARD\r\n", start) + 11;
        box.write_file(box.dir + "/book/" + std::to_string(n) + ".vcf", cards.substr(start, end - start));
        start = end;
    }
    box.write_file(box.dir + "/xdg/khard/khard.conf", "[addressbooks]\n[[kith]]\npath = " + box.dir + "/book\n");
    auto khard = "HOME='" + box.dir + "' XDG_CONFIG_HOME='" + box.dir + "/xdg' khard ";
    auto listing = shell(khard + "list 2>&1");
    CHECK(listing.find("Sam Smith") != std::string::npos);
    CHECK(listing.find("Renée Dubois") != std::string::npos);
    auto emails = shell(khard + "email 2>&1");
    CHECK(emails.find("sam@acme.example") != std::string::npos);
    CHECK(emails.find("sam.home@mail.example") != std::string::npos);
    auto birthdays = shell(khard + "birthdays 2>&1");
    CHECK(birthdays.find("Sam Smith") != std::string::npos);
    auto shown = shell(khard + "show --format yaml 'Sam Smith' 2>&1");
    CHECK(shown.find("Acme; Sons, \"Ltd\"") != std::string::npos);
    CHECK(shown.find("Sammy") != std::string::npos);
    CHECK(shown.find("Boston College; thrilled") != std::string::npos);
}
