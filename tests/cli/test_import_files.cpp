// Imports that meet real files (issue 21): the encodings other address books write, Exchange
// addresses, cards without a name, --skip-invalid, labels that become kith's tags, and the CSV
// export's formula mark read back. Fixtures are written the way the exporters write them.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "harness.h"

using kith::test::check_error;
using kith::test::count_rows;
using kith::test::lines_of;
using kith::test::piped;
using kith::test::Result;
using kith::test::Sandbox;

namespace {

const std::string fixtures = KITH_SOURCE_DIR "/tests/fixtures";

bool has(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

// name<TAB>emails<TAB>phones<TAB>tags, one person a line.
std::string people(const Sandbox& box) {
    return box.ok({"list", "--format", "tsv", "--fields", "name,emails,phones,tags"});
}

// People in the database; 0 when no import has created it.
long long contacts(const Sandbox& box) {
    return std::filesystem::exists(box.db) ? count_rows(box.db, "contacts") : 0;
}

}  // namespace

TEST_CASE("an Outlook CSV in Windows-1252 is read as such, its Exchange address set aside with a warning") {
    Sandbox box;
    auto result = box.run({"import", fixtures + "/csv/outlook_cp1252.csv"});
    REQUIRE(result.code == 0);
    CHECK(has(result.out, "outlook_cp1252.csv (read as Windows-1252): 3 added, 0 updated, 0 unchanged."));
    const auto warnings = lines_of(result.err);
    REQUIRE(warnings.size() == 1);
    CHECK(
        warnings[0].starts_with("kith: warning: Søren Kierkegaard (line 3): set aside the Exchange address "
                                "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/"));
    const auto list = people(box);
    CHECK(has(list, "Renée Dubois\trenee@cafe-creme.example\t+33 6 12 34 56 78\tclient,vip\n"));
    CHECK(has(list, "Søren Kierkegaard\tsoren@home.example\t(555) 010-2000\tmentor\n"));  // the rest of the record
    CHECK(has(list, "Zoë Ångström\t\t555-0199\t\n"));
    CHECK(has(box.ok({"show", "renee"}), "Prefers “tea” to coffee – 5 € tip"));
    CHECK(has(box.ok({"show", "renee"}), "Café Crème"));
}

TEST_CASE("import --encoding reads the file in the encoding named, and refuses one iconv does not know") {
    Sandbox box;
    const auto outlook = fixtures + "/csv/outlook_cp1252.csv";
    check_error(box.run({"import", outlook, "--encoding", "NO-SUCH-CHARSET"}), 2,
                "import: unknown encoding \"NO-SUCH-CHARSET\"");
    // ASCII has no é: the line it is on, and nothing imported.
    check_error(box.run({"import", outlook, "--encoding", "ASCII"}), 2,
                "outlook_cp1252.csv:2: not ASCII text: the byte 0xE9 means nothing in it");
    CHECK(contacts(box) == 0);
    auto out = box.ok({"import", outlook, "--encoding", "CP1252", "--dry-run"});
    CHECK(has(out, "Dry run (read as CP1252): 3 to add, 0 to update, 0 unchanged; nothing written."));
    CHECK(has(out, "add        Zoë Ångström\n"));
}

TEST_CASE("a UTF-16LE vCard with a byte order mark, from a file or a pipe, and a UTF-8 CSV with one") {
    Sandbox box;
    const auto card = fixtures + "/vcard/utf16le_bom.vcf";
    CHECK(has(box.ok({"import", card}), "utf16le_bom.vcf (read as UTF-16LE): 1 added"));
    const auto shown = box.ok({"show", "jürgen"});
    CHECK(has(shown, "Jürgen Müller"));
    CHECK(has(shown, "Bäckt die besten Brötchen 🥐"));  // a surrogate pair in UTF-16

    Sandbox piped_box;
    CHECK(has(piped_box.ok({"import", "-"}, piped(box.read_file(card))), "from stdin (read as UTF-16LE): 1 added"));

    // Excel's "CSV UTF-8" starts with a byte order mark: the first column is still Name.
    auto out = box.ok({"import", fixtures + "/csv/excel_utf8_bom.csv"});
    CHECK(has(out, "excel_utf8_bom.csv: 2 added"));
    CHECK(!has(out, "read as"));
    CHECK(has(people(box), "José Núñez\tjose@example.com\t+34 600 000 001\t\n"));
}

TEST_CASE("an Android 2.1 vCard: nameless cards named from their number or e-mail, quoted-printable notes") {
    Sandbox box;
    const auto android = fixtures + "/vcard/android_21.vcf";
    auto dry = box.ok({"import", android, "--dry-run"});
    CHECK(has(dry, "add        jane.doe: named from its e-mail\n"));
    CHECK(has(dry, "add        +15550100123: named from its number\n"));

    auto result = box.run({"import", android});
    REQUIRE(result.code == 0);
    CHECK(lines_of(result.out) == std::vector<std::string>{
                                      "Imported 4 contacts from " + android + ": 4 added, 0 updated, 0 unchanged.",
                                      "named from its number: +15550100123 (line 9)",
                                      "named from its e-mail: jane.doe (line 13)",
                                  });
    CHECK(lines_of(result.err).size() == 1);
    CHECK(result.err.starts_with("kith: warning: Ken Ito (line 17): set aside the Exchange address /o=ExchangeLabs/"));
    CHECK(has(box.ok({"show", "ana"}), "Conhece a João do trabalho, gosta de café e de pão de queijo"));
    CHECK(has(box.ok({"show", "jane.doe"}), "jane.doe@example.com"));
    CHECK(has(people(box), "Ken Ito\tken@ito.example\t\t\n"));
    // A card with only digits is named so that `kith show 5550100` still means contact #5550100.
    auto digits = box.dir + "/digits.vcf";
    box.write_file(digits, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:\r\nTEL:5550100\r\nEND:VCARD\r\n");
    CHECK(has(box.ok({"import", digits}), "named from its number: phone 5550100 (line 1)"));
}

TEST_CASE("Google labels become tags: aliases from the config, plurals their singular's, no system labels") {
    Sandbox box;
    box.write_file(box.config, "[import.labels]\n\"Book Club\" = \"books\"\n");
    auto out = box.ok({"import", fixtures + "/csv/google_labels.csv"});
    CHECK(has(out, "named from its e-mail: jane.doe (line 5)"));
    const auto list = people(box);
    CHECK(has(list, "Ada Lovelace\tada@engines.example\t+44 20 7946 0001\tclient\n"));  // client has a bank
    CHECK(has(list, "Grace Hopper\tgrace@navy.example\t\tmentor\n"));                   // so has mentor
    CHECK(has(list, "Alan Turing\talan@bletchley.example\t\tbooks\n"));
    CHECK(has(list, "jane.doe\tjane.doe@example.com\t\t\n"));  // * myContacts is Google's, not a tag
    // A user's cadence makes its tag known too; a plural of nothing known stays as it is.
    Sandbox other;
    other.write_file(other.config, "[cadence]\nneighbour = \"60d\"\n");
    other.write_file(other.dir + "/l.csv", "Name,Labels\nNed,Neighbours ::: Clubs ::: * starred\n");
    other.ok({"import", other.dir + "/l.csv"});
    CHECK(has(people(other), "Ned\t\t\tneighbour,clubs\n"));
    // A bad alias is the config's error, on its line.
    other.write_file(other.config, "[import.labels]\nclients = \"two words\"\n");
    check_error(other.run({"import", other.dir + "/l.csv"}), 2, "line 2: import.labels.clients: expected a tag");
}

TEST_CASE("import --skip-invalid imports the good records and lists each skipped one with its line") {
    Sandbox box;
    const auto csv = box.dir + "/people.csv";
    box.write_file(csv,
                   "Name,E-mail Address,Birthday\n"
                   "Ann Lee,ann@example.com,\n"
                   "Bad Mail,pat at example.com,\n"
                   "Cy Young,cy@example.com,1990-07-04\n"
                   "Bad Day,day@example.com,13/45/1986\n"
                   "Dee Dee,\"oops\"x,\n");
    // The default is unchanged: all or nothing.
    check_error(box.run({"import", csv}), 2, "people.csv:3: bad email \"pat at example.com\"");
    CHECK(contacts(box) == 0);

    auto dry = box.run({"import", csv, "--skip-invalid", "--dry-run"});
    CHECK(dry.code == 0);
    CHECK(has(dry.out, "Dry run: 2 to add, 0 to update, 0 unchanged, 3 skipped; nothing written."));

    auto result = box.run({"import", csv, "--skip-invalid"});
    CHECK(result.code == 0);
    CHECK(has(result.out, "Imported 2 contacts from " + csv + ": 2 added, 0 updated, 0 unchanged, 3 skipped."));
    CHECK(lines_of(result.err) ==
          std::vector<std::string>{
              "kith: skipped line 3: bad email \"pat at example.com\": expected name@example.com",
              "kith: skipped line 5: column \"Birthday\": bad birthday \"13/45/1986\": no such date",
              "kith: skipped line 6: text after a closing quote: quote the whole field and double any \" inside",
          });
    CHECK(has(people(box), "Ann Lee\tann@example.com"));
    CHECK(has(people(box), "Cy Young\tcy@example.com"));
    CHECK(contacts(box) == 2);

    // A vCard: a broken card is skipped up to its END, one cut short by the next BEGIN too.
    const auto vcf = box.dir + "/cards.vcf";
    box.write_file(vcf,
                   "BEGIN:VCARD\nVERSION:3.0\nFN:Eve\nBDAY:1986-02-30\nEND:VCARD\n"
                   "BEGIN:VCARD\nVERSION:3.0\nFN:Fay\nEND:VCARD\n"
                   "BEGIN:VCARD\nVERSION:3.0\nFN:Gus\n"
                   "BEGIN:VCARD\nVERSION:3.0\nFN:Hal\nEND:VCARD\n");
    result = box.run({"import", vcf, "--skip-invalid"});
    CHECK(result.code == 0);
    CHECK(has(result.out, "2 added, 0 updated, 0 unchanged, 2 skipped."));
    CHECK(lines_of(result.err) ==
          std::vector<std::string>{
              "kith: skipped line 4: bad BDAY \"1986-02-30\": expected YYYY-MM-DD, YYYYMMDD or --MMDD",
              "kith: skipped line 13: BEGIN inside a vCard: the card before it has no END:VCARD",
          });

    // Nothing good at all: exit 2, and nothing written.
    const auto bad = box.dir + "/bad.csv";
    box.write_file(bad, "Name,E-mail Address\nX,nope\nY,nada\n");
    const auto before = contacts(box);
    result = box.run({"import", bad, "--skip-invalid"});
    CHECK(result.code == 2);
    CHECK(result.out.empty());
    const auto errors = lines_of(result.err);
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].starts_with("kith: skipped line 2: bad email \"nope\""));
    CHECK(errors[2] == "kith: " + bad + ": every record was skipped (2); nothing imported");
    CHECK(contacts(box) == before);
}

TEST_CASE("CSV export writes + numbers and year-less birthdays as they are, and reads them back") {
    Sandbox from;
    from.ok({"add", "Pat Lee", "--phone", "+1 555 0100", "--birthday", "--03-15", "--nickname", "=1+2"});
    const auto csv = from.ok({"export", "--format", "csv"});
    CHECK(has(csv, ",=1+2,") == false);
    CHECK(has(csv, ",'=1+2,"));
    CHECK(has(csv, ",+1 555 0100,"));
    CHECK(has(csv, ",--03-15,"));
    Sandbox to;
    to.write_file(to.dir + "/p.csv", csv);
    to.ok({"import", to.dir + "/p.csv"});
    CHECK(to.ok({"export", "--format", "csv"}) == csv);
    CHECK(has(to.ok({"show", "pat"}), "+1 555 0100"));
}
