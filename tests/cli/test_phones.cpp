// Black-box tests of phone numbers (issue 21): a person is found by any spelling of their
// number, a number is stored once however often it is written, an import merges by it, the
// region comes from the config or the locale, and what the user wrote is what kith shows.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness.h"

using kith::test::check_error;
using kith::test::count_rows;
using kith::test::Result;
using kith::test::Sandbox;
using kith::test::with_env;
using json = nlohmann::json;

namespace {

// The id `show` resolves QUERY to, or -1 when it fails.
long long resolved_id(const Sandbox& box, const std::string& query, const std::map<std::string, std::string>& env = {}) {
    auto result = box.run({"show", query, "--format", "json"}, with_env(env));
    if (result.code != 0) return -1;
    return json::parse(result.out)["id"].get<long long>();
}

json phones_of(const Sandbox& box, const std::string& who) {
    return json::parse(box.ok({"show", who, "--format", "json"}))["phones"];
}

void in_britain(const Sandbox& box) { box.write_file(box.config, "[phone]\nregion = \"GB\"\n"); }

}  // namespace

TEST_CASE("a person is found by any spelling of their number, and shown as it was written") {
    Sandbox box;
    in_britain(box);
    box.ok({"add", "Ann Lee"});
    box.ok({"add", "Sam Smith", "--phone", "+44 7700 900123"});
    for (const char* spelling : {"+44 7700 900123", "07700900123", "(07700) 900 123", "0044 7700 900 123",
                                 "+44 (0)7700 900-123", "+447700900123"}) {
        CAPTURE(spelling);
        CHECK(resolved_id(box, spelling) == 2);
    }
    // Every command that takes a person takes a number.
    box.ok({"note", "07700 900123", "Moving to Leeds"});
    auto shown = box.ok({"show", "07700900123"});
    CHECK(shown.find("+44 7700 900123") != std::string::npos);  // as written, not as matched
    CHECK(shown.find("+447700900123") == std::string::npos);
    CHECK(shown.find("Moving to Leeds") != std::string::npos);
    CHECK(phones_of(box, "sam") == json::array({"+44 7700 900123"}));
    CHECK(json::parse(box.ok({"export"}))["contacts"][1]["phones"] == json::array({"+44 7700 900123"}));
    // `list` finds them by it too, beside what merely contains the text.
    CHECK(box.ok({"list", "07700900123", "--fields", "name"}) == "name\nSam Smith\n");
    CHECK(box.ok({"list", "7700 900", "--fields", "name"}) == "name\nSam Smith\n");

    // A number nobody has is not found, and ids are still ids.
    check_error(box.run({"show", "07700 900999"}), 3, "07700 900999");
    check_error(box.run({"show", "07700900999"}), 3, "no contact #7700900999");
    CHECK(resolved_id(box, "1") == 1);
}

TEST_CASE("a number two people share is ambiguous, naming both, unless one of them is archived") {
    Sandbox box;
    in_britain(box);
    box.ok({"add", "Sam Smith", "--phone", "01632 960001"});
    box.ok({"add", "Alex Smith", "--phone", "+44 1632 960001"});
    check_error(box.run({"show", "+44 1632 960 001"}), 3, "Alex Smith (#2) or Sam Smith (#1)");
    box.ok({"archive", "alex"});
    CHECK(resolved_id(box, "+44 1632 960 001") == 1);
}

TEST_CASE("add and edit keep a number once, the first spelling, and remove it by any spelling") {
    Sandbox box;
    in_britain(box);
    box.ok({"add", "Sam Smith", "--phone", "+44 7700 900123", "--phone", "07700 900123", "--phone", "020 7946 0958"});
    CHECK(phones_of(box, "sam") == json::array({"+44 7700 900123", "020 7946 0958"}));
    box.ok({"edit", "sam", "--add-phone", "(07700) 900-123", "--add-phone", "+44 20 7946 0958"});
    CHECK(phones_of(box, "sam") == json::array({"+44 7700 900123", "020 7946 0958"}));
    box.ok({"edit", "sam", "--remove-phone", "07700900123"});
    CHECK(phones_of(box, "sam") == json::array({"020 7946 0958"}));
    CHECK(count_rows(box.db, "contact_values WHERE kind = 'phone'") == 1);
    // An extension is a number of its own.
    box.ok({"edit", "sam", "--add-phone", "020 7946 0958 ext. 12"});
    CHECK(phones_of(box, "sam") == json::array({"020 7946 0958", "020 7946 0958 ext. 12"}));
}

TEST_CASE("an import keeps a number written twice once, and merges a person found by their number") {
    Sandbox box;
    in_britain(box);
    box.ok({"add", "Sam Smith", "--phone", "+44 7700 900123"});
    // Another address book spells the name and the number its own way.
    box.write_file(box.dir + "/phone.csv",
                   "Name,Phone 1 - Value,Phone 2 - Value,Organization 1 - Name\n"
                   "Samuel Smith,07700 900123,(07700) 900-123,Acme\n"
                   "Ann Lee,020 7946 0958,+44 20 7946 0958,\n");
    CHECK(box.ok({"import", box.dir + "/phone.csv", "--dry-run"}) ==
          "update     Sam Smith (#1): company\n"
          "add        Ann Lee\n"
          "Dry run: 1 to add, 1 to update, 0 unchanged; nothing written.\n");
    box.ok({"import", box.dir + "/phone.csv"});
    CHECK(phones_of(box, "sam") == json::array({"+44 7700 900123"}));
    CHECK(json::parse(box.ok({"show", "sam", "--format", "json"}))["company"] == "Acme");
    CHECK(phones_of(box, "ann") == json::array({"020 7946 0958"}));
    CHECK(count_rows(box.db, "contacts") == 2);

    // A vCard whose two TEL lines are one number.
    box.write_file(box.dir + "/grace.vcf",
                   "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Liu\r\nTEL;TYPE=CELL:+44 7700 900456\r\n"
                   "TEL;TYPE=HOME:07700 900456\r\nEND:VCARD\r\n");
    box.ok({"import", box.dir + "/grace.vcf"});
    CHECK(phones_of(box, "grace") == json::array({"+44 7700 900456"}));
    // Importing it again changes nothing.
    CHECK(box.ok({"import", box.dir + "/grace.vcf"}).find("0 added, 0 updated, 1 unchanged") != std::string::npos);
}

TEST_CASE("a number both people share finds neither in an import: the record is added") {
    Sandbox box;
    in_britain(box);
    box.ok({"add", "Sam Smith", "--phone", "020 7946 0958"});
    box.ok({"add", "Alex Smith", "--phone", "020 7946 0958"});
    box.write_file(box.dir + "/office.csv", "Name,Phone\nReception,+44 20 7946 0958\n");
    box.ok({"import", box.dir + "/office.csv"});
    CHECK(count_rows(box.db, "contacts") == 3);
}

TEST_CASE("the region comes from phone.region, else LC_ALL, LC_TELEPHONE or LANG") {
    Sandbox box;
    const std::map<std::string, std::string> british{{"LANG", "en_GB.UTF-8"}};
    // The sandbox's locale (C.UTF-8) names no country: a national number is matched as written.
    box.ok({"add", "Sam Smith", "--phone", "07700 900123"});
    CHECK(resolved_id(box, "(07700) 900-123") == 1);
    CHECK(resolved_id(box, "+44 7700 900123") == -1);
    // In a British locale it is a British number (the keys are made again, once).
    CHECK(resolved_id(box, "+44 7700 900123", british) == 1);
    CHECK(resolved_id(box, "+44 7700 900123", {{"LANG", "de_DE.UTF-8"}, {"LC_TELEPHONE", "en_GB.UTF-8"}}) == 1);
    CHECK(resolved_id(box, "+44 7700 900123", {{"LANG", "en_GB.UTF-8"}, {"LC_ALL", "en_US.UTF-8"}}) == -1);
    // A run without a country (cron, say) keeps the region the database had.
    CHECK(resolved_id(box, "+44 7700 900123", british) == 1);
    CHECK(resolved_id(box, "+44 7700 900123", {{"LANG", ""}}) == 1);
    CHECK(resolved_id(box, "+44 7700 900123") == 1);
    // The config wins over the locale.
    box.write_file(box.config, "[phone]\nregion = \"us\"\n");
    CHECK(resolved_id(box, "+44 7700 900123", british) == -1);
    box.ok({"edit", "sam", "--add-phone", "(415) 555-0123"});
    CHECK(resolved_id(box, "+1 415 555 0123", british) == 1);
    CHECK(box.ok({"config"}).find("phone.region = \"US\"") != std::string::npos);
}

TEST_CASE("a bad phone.region is refused, naming the file and line") {
    Sandbox box;
    box.write_file(box.config, "[phone]\nregion = \"UK\"\n");
    check_error(box.run({"list"}), 2, "phone.region: the United Kingdom's code is \"GB\", not \"UK\"");
    box.write_file(box.config, "[phone]\nregion = \"GBR\"\n");
    check_error(box.run({"list"}), 2, "line 2: phone.region: expected a two-letter country code");
    box.write_file(box.config, "phone.region = 44\n");
    check_error(box.run({"list"}), 2, "phone.region");
}
