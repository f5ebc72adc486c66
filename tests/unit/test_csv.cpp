#include <doctest/doctest.h>
#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kith/interchange.h"
#include "kith/text.h"

using namespace kith;
using namespace std::chrono;

namespace {

std::vector<ImportRecord> read_all(std::istream& in) {
    std::vector<ImportRecord> records;
    interchange::read_csv(in, [&](ImportRecord&& record) { records.push_back(std::move(record)); });
    return records;
}

std::vector<ImportRecord> read_text(const std::string& text) {
    std::istringstream in(text);
    return read_all(in);
}

std::vector<ImportRecord> read_fixture(const std::string& name) {
    std::ifstream in(std::string(KITH_FIXTURES) + "/csv/" + name, std::ios::binary);
    REQUIRE(in.good());
    return read_all(in);
}

struct Failure {
    std::size_t line = 0;
    std::string message;
};

// The FormatError a read ends with; line 0 and an empty message when it succeeds.
template <class Read>
Failure failure_of(Read read) {
    try {
        read();
    } catch (const FormatError& error) {
        return {error.line(), error.what()};
    }
    return {};
}

Failure text_failure(const std::string& text) {
    return failure_of([&] { read_text(text); });
}

Failure fixture_failure(const std::string& name) {
    return failure_of([&] { read_fixture(name); });
}

using Strings = std::vector<std::string>;

Date ymd(int y, unsigned m, unsigned d) {
    return Date{year{y}, month{m}, day{d}};
}

std::string written(const std::vector<Contact>& contacts) {
    std::ostringstream out;
    interchange::write_csv_header(out);
    for (const auto& contact : contacts) interchange::write_csv_row(out, ContactRecord{contact, {}, {}, {}, {}, {}, {}});
    return out.str();
}

void check_same_fields(const Contact& got, const Contact& want) {
    CHECK(got.id == want.id);
    CHECK(got.uuid == want.uuid);
    CHECK(got.name == want.name);
    CHECK(got.nicknames == want.nicknames);
    CHECK(got.emails == want.emails);
    CHECK(got.phones == want.phones);
    CHECK(got.tags == want.tags);
    CHECK(got.company == want.company);
    CHECK(got.birthday == want.birthday);
    CHECK(got.every == want.every);
    CHECK(got.archived == want.archived);
    CHECK(got.added_on == want.added_on);
    CHECK(got.snoozed_until == want.snoozed_until);
    CHECK(got.created_at == want.created_at);
    CHECK(got.updated_at == want.updated_at);
}

}  // namespace

TEST_CASE("CSV reader: quoted fields hold commas, doubled quotes and line breaks") {
    const auto records = read_text(
        "name,emails,company\n"
        "\"Smith, Sam\",sam@example.com,\"Acme \"\"Rockets\"\"\"\n"
        "\"Two\r\nLines\",,\"a\nb\"\n"
        "Plain,,\n");
    REQUIRE(records.size() == 3);
    CHECK(records[0].record.contact.name == "Smith, Sam");
    CHECK(records[0].record.contact.company == "Acme \"Rockets\"");
    CHECK(records[0].line == 2);
    CHECK(records[1].record.contact.name == "Two\r\nLines");
    CHECK(records[1].record.contact.company == "a\nb");
    CHECK(records[1].line == 3);
    CHECK(records[2].line == 6);  // the row above took lines 3 to 5
}

TEST_CASE("CSV reader: BOM, CRLF or LF row ends, blank lines and a missing last newline") {
    const auto records = read_text(
        "\xEF\xBB\xBF\"name\",\"emails\"\r\n"
        "\r\n"
        "Ann,ann@example.com\r\n"
        ",\n"
        "\n"
        "Bob,bob@example.com");
    REQUIRE(records.size() == 2);
    CHECK(records[0].record.contact.name == "Ann");
    CHECK(records[0].line == 3);
    CHECK(records[1].record.contact.name == "Bob");
    CHECK(records[1].record.contact.emails == Strings{"bob@example.com"});
    CHECK(records[1].line == 6);
    CHECK(read_text("").empty());
    CHECK(read_text("\xEF\xBB\xBF").empty());
    CHECK(read_text("name\n").empty());
}

TEST_CASE("CSV reader: Google Contacts export with the old header") {
    const auto records = read_fixture("google_old.csv");
    REQUIRE(records.size() == 3);

    const Contact& sam = records[0].record.contact;
    CHECK(records[0].line == 2);
    CHECK(sam.name == "Sam Smith");
    CHECK(sam.nicknames == Strings{"Sammy"});
    CHECK(sam.emails == Strings{"sam@example.com", "sam.smith@work.example", "sammy@example.org"});
    CHECK(sam.phones == Strings{"+1 555 0100", "+1 555 0199"});
    CHECK(sam.company == "Acme Corp");
    CHECK(sam.birthday == Birthday{1986, 3, 15});
    CHECK(sam.tags == Strings{"Friends"});  // * myContacts and * starred are Google's own groups
    REQUIRE(records[0].record.notes.size() == 1);
    CHECK(records[0].record.notes[0].text == "Met at PyCon, 2019.\nLikes sailing.");
    CHECK_FALSE(records[0].record.notes[0].on.ok());  // the importer dates it
    CHECK(sam.uuid.empty());
    CHECK_FALSE(sam.added_on.ok());

    const Contact& renee = records[1].record.contact;
    CHECK(records[1].line == 4);  // Sam's notes took two lines
    CHECK(renee.name == "Renée Marie Dubois");
    CHECK(renee.birthday == Birthday{std::nullopt, 12, 25});
    CHECK(renee.tags == Strings{"Friends"});
    CHECK(records[1].record.notes.empty());

    const Contact& cafe = records[2].record.contact;
    CHECK(cafe.name == "Blue Bottle Coffee");  // no name at all: the organization's
    CHECK(cafe.company == "Blue Bottle Coffee");
    CHECK(cafe.phones == Strings{"555-0142"});
}

TEST_CASE("CSV reader: Google Contacts export with the current header") {
    const auto records = read_fixture("google_new.csv");
    REQUIRE(records.size() == 3);

    const Contact& alex = records[0].record.contact;
    CHECK(alex.name == "Alex Kim");
    CHECK(alex.nicknames == Strings{"AK"});
    CHECK(alex.company == "Initech");
    CHECK(alex.birthday == Birthday{1990, 7, 4});
    CHECK(alex.tags == Strings{"Work"});
    CHECK(alex.emails == Strings{"alex@initech.example"});
    CHECK(alex.phones == Strings{"+82 10 5555 0101", "+82 2 555 0102"});

    const Contact& jo = records[1].record.contact;
    CHECK(jo.name == "Jo Smith");  // File As wins over First and Last Name
    CHECK(jo.birthday == Birthday{std::nullopt, 2, 29});
    CHECK(jo.tags == Strings{"Book club", "Family"});

    CHECK(records[2].record.contact.name == "東京 太郎");
    REQUIRE(records[2].record.notes.size() == 1);
    CHECK(records[2].record.notes[0].text == "Loves ramen 🍜");
    CHECK(records[2].line == 4);
}

TEST_CASE("CSV reader: Outlook export with its BOM, CRLF and many phone columns") {
    const auto records = read_fixture("outlook.csv");
    REQUIRE(records.size() == 3);

    const Contact& pat = records[0].record.contact;
    CHECK(records[0].line == 2);
    CHECK(pat.name == "Pat Q Lee");
    CHECK(pat.nicknames == Strings{"PQ"});
    CHECK(pat.emails == Strings{"pat@globex.example", "pat.lee@home.example"});  // not the display name
    CHECK(pat.phones == Strings{"555-0111", "(555) 010-2000", "+44 7700 900123", "555-0300"});
    CHECK(pat.company == "Globex");
    CHECK(pat.birthday == Birthday{1986, 3, 15});
    CHECK(pat.tags == Strings{"Clients", "VIP"});
    REQUIRE(records[0].record.notes.size() == 1);
    CHECK(records[0].record.notes[0].text == "Prefers email");

    const Contact& chris = records[1].record.contact;
    CHECK(records[1].line == 4);  // Pat's business street took two lines
    CHECK(chris.name == "Chris");
    CHECK_FALSE(chris.birthday.has_value());  // 0/0/00 is Outlook's none
    CHECK(chris.tags == Strings{"Family", "Friends"});

    const Contact& ng = records[2].record.contact;
    CHECK(ng.name == "Ng");
    CHECK(ng.birthday == Birthday{1975, 11, 2});
    CHECK(ng.emails == Strings{"ng@example.net"});
}

TEST_CASE("CSV reader: Google's and Outlook's card parts are kept: title, department, name prefix and suffix") {
    // The fixtures as the exporters wrote them.
    const auto google_old = read_fixture("google_old.csv");
    const ContactCard& sam = google_old[0].record.card;
    CHECK(sam.title == "CTO");
    REQUIRE(sam.addresses.size() == 1);
    CHECK(sam.addresses[0].label == "home");
    CHECK(sam.addresses[0].parts[2] == "1 Main St, Springfield, \"The Hub\"");  // only Formatted: the street
    CHECK(read_fixture("google_new.csv")[0].record.card.title == "Engineer");
    const auto outlook = read_fixture("outlook.csv");
    const ContactCard& pat = outlook[0].record.card;
    CHECK(pat.title == "Buyer");
    REQUIRE(pat.addresses.size() == 1);
    CHECK(pat.addresses[0].label == "work");
    CHECK(pat.addresses[0].parts[2] == "1 Globex Way, Suite 9");  // two lines of the cell
    REQUIRE(pat.events.size() == 1);
    CHECK(pat.events[0].label == "anniversary");
    CHECK(pat.events[0].date == Birthday{2010, 6, 1});
    CHECK(outlook[1].record.card.events.empty());  // 0/0/00: none

    const auto google = read_text(
        "First Name,Last Name,Name Prefix,Name Suffix,Organization Name,Organization Title,Organization Department,"
        "Address 1 - Label,Address 1 - Street,Address 1 - City,Address 1 - Postal Code,Address 1 - Country,"
        "Website 1 - Label,Website 1 - Value,Relation 1 - Label,Relation 1 - Value,Relation 2 - Value,"
        "Event 1 - Label,Event 1 - Value,Event 2 - Label,Event 2 - Value\n"
        "Joana,Silva,Dr.,Jr.,Acme,Head of Design,Product,* Work,Rua Augusta 10,Lisboa,1100-053,Portugal,"
        "Blog,https://joana.example,Spouse,Miguel,Sofia,Anniversary,2012-09-08,first date,--05-01\n")[0].record.card;
    CHECK(google.name_prefix == "Dr.");
    CHECK(google.name_suffix == "Jr.");
    CHECK(google.title == "Head of Design");
    CHECK(google.department == "Product");
    REQUIRE(google.addresses.size() == 1);
    CHECK(google.addresses[0].label == "work");
    CHECK(google.addresses[0].parts == std::array<std::string, 7>{"", "", "Rua Augusta 10", "Lisboa", "", "1100-053",
                                                                   "Portugal"});
    CHECK(google.urls == std::vector<LabeledText>{{"blog", "https://joana.example"}});
    CHECK(google.related == std::vector<LabeledText>{{"spouse", "Miguel"}, {"", "Sofia"}});
    REQUIRE(google.events.size() == 2);
    CHECK(google.events[0].label == "anniversary");
    CHECK(google.events[0].date == Birthday{2012, 9, 8});
    CHECK(google.events[1].label == "first date");
    CHECK(google.events[1].date == Birthday{std::nullopt, 5, 1});

    const auto outlook_row = read_text(
        "First Name,Last Name,Title,Suffix,Job Title,Department,Home Street,Home City,Home State,"
        "Home Postal Code,Home Country/Region,Web Page,Personal Web Page,Spouse,Manager's Name,Assistant's Name,"
        "Anniversary\n"
        "Raj,Patel,Mr.,III,Buyer,Purchasing,2 Elm Rd,Leeds,West Yorkshire,LS1 4AP,United Kingdom,"
        "https://globex.example,https://raj.example,Priya,Dana Cole,Sam Wu,6/1/2010\n")[0].record.card;
    CHECK(outlook_row.name_prefix == "Mr.");
    CHECK(outlook_row.name_suffix == "III");
    CHECK(outlook_row.title == "Buyer");
    CHECK(outlook_row.department == "Purchasing");
    REQUIRE(outlook_row.addresses.size() == 1);
    CHECK(outlook_row.addresses[0].label == "home");
    CHECK(outlook_row.addresses[0].parts == std::array<std::string, 7>{"", "", "2 Elm Rd", "Leeds", "West Yorkshire",
                                                                        "LS1 4AP", "United Kingdom"});
    CHECK(outlook_row.urls ==
          std::vector<LabeledText>{{"work", "https://globex.example"}, {"home", "https://raj.example"}});
    CHECK(outlook_row.related ==
          std::vector<LabeledText>{{"spouse", "Priya"}, {"manager", "Dana Cole"}, {"assistant", "Sam Wu"}});
    REQUIRE(outlook_row.events.size() == 1);
    CHECK(outlook_row.events[0].date == Birthday{2010, 6, 1});

    const auto bad = text_failure("First Name,Anniversary\nAnn,2/30/1986\n");
    CHECK(bad.line == 2);
    CHECK(bad.message == "column \"Anniversary\": bad date \"2/30/1986\": no such date");
}

TEST_CASE("CSV reader: Outlook birthdays") {
    const auto birthday = [](const std::string& cell) {
        return read_text("First Name,Birthday\nAnn," + cell + "\n").at(0).record.contact.birthday;
    };
    CHECK(birthday("3/15/1986") == Birthday{1986, 3, 15});
    CHECK(birthday("12/1/2001") == Birthday{2001, 12, 1});
    CHECK(birthday("03/05/1999") == Birthday{1999, 3, 5});
    CHECK(birthday("1986-03-15") == Birthday{1986, 3, 15});
    CHECK(birthday("0/0/00") == std::nullopt);
    CHECK(birthday("") == std::nullopt);

    const auto bad = text_failure("First Name,Birthday\nAnn,2/30/1986\n");
    CHECK(bad.line == 2);
    CHECK(bad.message == "column \"Birthday\": bad birthday \"2/30/1986\": no such date");
    CHECK(text_failure("First Name,Birthday\nAnn,3/15/86\n").message ==
          "column \"Birthday\": bad birthday \"3/15/86\": expected M/D/YYYY");
}

TEST_CASE("CSV reader: kith's own columns, with the writer's ' marks removed") {
    const auto records = read_fixture("kith.csv");
    REQUIRE(records.size() == 2);

    const Contact& sam = records[0].record.contact;
    CHECK(sam.id == 3);
    CHECK(sam.uuid == "0b7e6a3c-6a55-4b2e-9a57-2f4a1c1d9e01");
    CHECK(sam.name == "Sam Smith");
    CHECK(sam.nicknames == Strings{"Sammy", "S"});
    CHECK(sam.emails == Strings{"sam@example.com", "sam@work.example"});
    CHECK(sam.phones == Strings{"+1 555 0100", "555-0199"});
    CHECK(sam.company == "Acme, Inc.");
    CHECK(sam.tags == Strings{"client", "sailing"});
    CHECK(sam.birthday == Birthday{1986, 3, 15});
    CHECK(sam.every == Cadence{{3, Interval::Unit::weeks}, Interval{6, Interval::Unit::weeks}});
    CHECK_FALSE(sam.archived);
    CHECK(sam.snoozed_until == ymd(2026, 12, 1));
    CHECK(sam.added_on == ymd(2026, 1, 5));
    CHECK(sam.created_at == "2026-01-05T10:00:00Z");
    CHECK(sam.updated_at == "2026-11-22T09:30:00Z");

    const Contact& renee = records[1].record.contact;
    CHECK(renee.name == "Renée \"Rae\" Dubois");
    CHECK(renee.birthday == Birthday{std::nullopt, 12, 25});
    CHECK(renee.archived);
    CHECK(renee.emails.empty());
    CHECK_FALSE(renee.every.has_value());
    CHECK_FALSE(renee.snoozed_until.has_value());
}

TEST_CASE("CSV reader: only kith's own files lose a leading quote") {
    // Some of kith's columns, in another order, are still kith's file; one unknown column is not.
    const auto kith = read_text("emails,name,archived\n'=a@example.com,'@Sam,true\n");
    CHECK(kith.at(0).record.contact.name == "@Sam");
    CHECK(kith.at(0).record.contact.emails == Strings{"=a@example.com"});
    CHECK(kith.at(0).record.contact.archived);
    const auto other = read_text("Name,E-mail Address\n'Tis Sam,x@example.com\n");
    CHECK(other.at(0).record.contact.name == "'Tis Sam");
}

TEST_CASE("CSV reader: bad values in kith's columns name the column and the value") {
    const std::string header = "name,id,every,archived,added_on,created_at,birthday\n";
    CHECK(text_failure(header + "Sam,x\n").message == "column \"id\": expected a contact number, got \"x\"");
    CHECK(text_failure(header + "Sam,-1\n").message == "column \"id\": expected a contact number, got \"-1\"");
    CHECK(text_failure(header + "Sam,,often\n").message.find("column \"every\": bad cadence \"often\"") == 0);
    CHECK(text_failure(header + "Sam,,,maybe\n").message == "column \"archived\": expected 0 or 1, got \"maybe\"");
    CHECK(text_failure(header + "Sam,,,,2026-02-30\n").message.find("column \"added_on\": bad date \"2026-02-30\"") ==
          0);
    CHECK(text_failure(header + "Sam,,,,,2026-01-05 10:00\n").message ==
          "column \"created_at\": expected a UTC time like 2026-11-22T09:30:00Z, got \"2026-01-05 10:00\"");
    CHECK(text_failure(header + "Sam,,,,,2026-01-05T24:00:00Z\n").line == 2);
    const auto birthday = text_failure(header + "Sam\nAnn,,,,,,feb 30\n");
    CHECK(birthday.line == 3);
    CHECK(birthday.message.find("column \"birthday\": bad birthday \"feb 30\"") == 0);
}

TEST_CASE("CSV reader: malformed files name the line") {
    const auto unterminated = fixture_failure("broken_unterminated.csv");
    CHECK(unterminated.line == 4);
    CHECK(unterminated.message == "unterminated quoted field: the closing \" is missing");

    const auto stray_quote = fixture_failure("broken_quote_in_field.csv");
    CHECK(stray_quote.line == 3);
    CHECK(stray_quote.message.find("a \" inside an unquoted field") == 0);

    const auto too_many = fixture_failure("broken_too_many_cells.csv");
    CHECK(too_many.line == 4);
    CHECK(too_many.message == "row has more cells than the header's 2 columns");

    const auto no_name_column = fixture_failure("broken_no_name_column.csv");
    CHECK(no_name_column.line == 1);
    CHECK(no_name_column.message.find("no name column in the CSV header") == 0);

    const auto no_name = fixture_failure("broken_row_no_name.csv");
    CHECK(no_name.line == 3);
    CHECK(no_name.message == "row has no name, organisation, e-mail or phone");

    const auto birthday = fixture_failure("broken_birthday.csv");
    CHECK(birthday.line == 3);
    CHECK(birthday.message == "column \"Birthday\": bad birthday \"13/45/1986\": no such date");

    const auto latin1 = fixture_failure("broken_latin1.csv");
    CHECK(latin1.line == 3);
    CHECK(latin1.message == "invalid UTF-8 or a NUL byte: save the file as UTF-8");
}

TEST_CASE("CSV reader: more malformed input") {
    CHECK(text_failure("name\n\"Sam\"x\n").message.find("text after a closing quote") == 0);
    CHECK(text_failure("name\nSam\n\"open\n\n\n").line == 3);
    CHECK(text_failure(std::string("name\nS\0am\n", 10)).line == 2);
    CHECK(text_failure("\xFF\xFEn\0a\0m\0e\0").message == "the file is UTF-16: save it as UTF-8 and import it again");
    CHECK(text_failure("na\xC3me\nSam\n").line == 1);
    CHECK(text_failure("name,nicknames\n  ,Sammy\n").message == "row has no name");
    // A row may have fewer cells than the header: the rest are empty.
    CHECK(read_text("name,emails,phones\nSam\n").at(0).record.contact.emails.empty());
}

TEST_CASE("CSV reader: streams, handing each row to the sink as it is read") {
    std::istringstream in("name\nAnn\nBob\n\"Carl\n");
    std::vector<std::string> seen;
    const auto failure = failure_of(
        [&] { interchange::read_csv(in, [&](ImportRecord&& record) { seen.push_back(record.record.contact.name); }); });
    CHECK(failure.line == 4);
    CHECK(seen == Strings{"Ann", "Bob"});  // delivered before the bad row was reached

    std::string big = "name,emails\n";
    for (int i = 0; i < 20000; ++i) big += fmt::format("Person {},p{}@example.com\n", i, i);
    std::size_t count = 0;
    std::istringstream many(big);
    interchange::read_csv(many, [&](ImportRecord&& record) {
        CHECK(record.line == count + 2);
        ++count;
    });
    CHECK(count == 20000);
}

TEST_CASE("CSV reader: survives any bytes with a FormatError at worst") {
    // Huge cells: a long note is fine, a row past 16 MiB (a quote left open) is refused.
    const std::string long_note(1 << 20, 'x');
    CHECK(read_text("name,notes\nSam," + long_note + "\n").at(0).record.notes.at(0).text.size() == long_note.size());
    const auto open_quote = text_failure("name\n\"" + std::string((16 << 20) + 10, 'y'));
    CHECK(open_quote.line == 2);
    CHECK(open_quote.message.find("row is longer than 16 MiB") == 0);
    CHECK(text_failure(std::string(5000, ',') + "name\n").message == "the header has more than 4096 columns");

    // Random rows from the characters that matter to the parser: each read ends normally or
    // with a FormatError, never anything else.
    const std::string alphabet{',', '"', '\n', '\r', 'a', '\0', '\xff', '\xc3', '\xa9', ' ', '\'', '-', '/', ':'};
    std::uint32_t state = 12345;
    const auto next = [&] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    int finished = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string text = round % 2 ? "name,emails,birthday\n" : "id,uuid,name,phones,birthday,every\n";
        const auto length = next() % 60;
        for (std::uint32_t i = 0; i < length; ++i) text += alphabet[next() % alphabet.size()];
        try {
            read_text(text);
            ++finished;
        } catch (const FormatError&) {
        }
    }
    CHECK(finished > 0);
}

TEST_CASE("CSV writer: kith's header and RFC 4180 rows with CRLF") {
    Contact sam;
    sam.id = 3;
    sam.uuid = "0b7e6a3c";
    sam.name = "Sam Smith";
    sam.nicknames = {"Sammy"};
    sam.emails = {"sam@example.com", "sam@work.example"};
    sam.phones = {"555 0100"};
    sam.company = "Acme, \"Rockets\" Inc.";
    sam.tags = {"client", "sailing"};
    sam.birthday = Birthday{1986, 3, 15};
    sam.every = Cadence{{2, Interval::Unit::weeks}, std::nullopt};
    sam.archived = true;
    sam.snoozed_until = ymd(2026, 12, 1);
    sam.added_on = ymd(2026, 1, 5);
    sam.created_at = "2026-01-05T10:00:00Z";
    sam.updated_at = "2026-11-22T09:30:00Z";
    Contact plain;
    plain.name = " Ann\nLee ";
    CHECK(written({sam, plain}) ==
          "id,uuid,name,nicknames,emails,phones,company,tags,birthday,every,archived,snoozed_until,added_on,"
          "created_at,updated_at\r\n"
          "3,0b7e6a3c,Sam Smith,Sammy,sam@example.com ::: sam@work.example,555 0100,\"Acme, \"\"Rockets\"\" Inc.\","
          "client ::: sailing,1986-03-15,2w,1,2026-12-01,2026-01-05,2026-01-05T10:00:00Z,2026-11-22T09:30:00Z\r\n"
          "0,,\" Ann\nLee \",,,,,,,,0,,,,\r\n");
}

TEST_CASE("CSV writer: cells a spreadsheet would run as formulas get a leading quote") {
    Contact c;
    c.name = "=HYPERLINK(\"http://x\")";
    c.nicknames = {"@SUM(A1)"};
    c.emails = {"-x@example.com"};
    c.phones = {"+1 555", "+44 20"};
    c.company = "'quoted";
    c.tags = {"\ttab"};
    c.birthday = Birthday{std::nullopt, 12, 25};
    const std::string csv = written({c});
    const std::string row = csv.substr(csv.find("\r\n") + 2);
    CHECK(row ==
          "0,,\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(A1),'-x@example.com,'+1 555 ::: +44 20,''quoted,'\ttab,"
          "--12-25,,0,,,,\r\n");
}

TEST_CASE("CSV writer: numbers and dates starting with + or - stay as they are, anything else is marked") {
    const auto phones_cell = [](const std::string& phone) {
        Contact c;
        c.name = "P";
        c.phones = {phone};
        const std::string csv = written({c});
        const std::string row = csv.substr(csv.find("\r\n") + 2);
        return split(row, ',')[5];
    };
    CHECK(phones_cell("+44 7700 900123") == "+44 7700 900123");
    CHECK(phones_cell("+1 (555) 010-2000") == "+1 (555) 010-2000");
    CHECK(phones_cell("-12.5") == "-12.5");
    CHECK(phones_cell("+1 555 0100 x23") == "'+1 555 0100 x23");  // X23 is a cell reference
    CHECK(phones_cell("+A1") == "'+A1");
    CHECK(phones_cell("-1+2") == "'-1+2");
    CHECK(phones_cell("+") == "'+");
    CHECK(phones_cell("- -") == "'- -");
    CHECK(phones_cell("+1*2") == "'+1*2");

    // Read back through kith's own header, marked or not, each value is what was written.
    Contact c;
    c.name = "Round Trip";
    c.phones = {"+44 7700 900123"};
    c.nicknames = {"+A1"};
    c.birthday = Birthday{std::nullopt, 3, 15};
    const auto read = read_text(written({c}));
    REQUIRE(read.size() == 1);
    CHECK(read[0].record.contact.phones == std::vector<std::string>{"+44 7700 900123"});
    CHECK(read[0].record.contact.nicknames == std::vector<std::string>{"+A1"});
    CHECK(read[0].record.contact.birthday == c.birthday);
}

TEST_CASE("CSV round trip: export then import gives back the contact fields") {
    Contact nasty;
    nasty.id = 42;
    nasty.uuid = "9c1d2e3f-0000-4000-8000-000000000042";
    nasty.name = "O'Brien, \"Dee\"\nsecond line";
    nasty.nicknames = {"=cmd|' /C calc'!A0", "@SUM(1)", "Dee 😀"};
    nasty.emails = {"-dash@example.com", "'quoted@example.com", "a,b@example.com"};
    nasty.phones = {"+1 555 0100", "+44 20 7946 0958"};
    nasty.company = " padded, company ";
    nasty.tags = {"emoji-😀", "x:::y"};
    nasty.birthday = Birthday{std::nullopt, 2, 29};
    nasty.every = Cadence{{3, Interval::Unit::weeks}, Interval{6, Interval::Unit::weeks}};
    nasty.archived = true;
    nasty.snoozed_until = ymd(2026, 12, 1);
    nasty.added_on = ymd(2026, 1, 5);
    nasty.created_at = "2026-01-05T10:00:00Z";
    nasty.updated_at = "2026-11-22T09:30:00Z";

    Contact marks;
    marks.id = 7;
    marks.uuid = "u-7";
    marks.name = "'Tis me";
    marks.nicknames = {"''double", "\rcr", "\ttab"};
    marks.company = "=1+2";
    marks.birthday = Birthday{1986, 3, 15};
    marks.every = Cadence{{1, Interval::Unit::months}, std::nullopt};
    marks.added_on = ymd(2025, 6, 30);

    Contact plain;
    plain.name = "Plain";

    const std::vector<Contact> contacts{nasty, marks, plain};
    const auto records = read_text(written(contacts));
    REQUIRE(records.size() == contacts.size());
    for (std::size_t i = 0; i < contacts.size(); ++i) {
        CAPTURE(i);
        check_same_fields(records[i].record.contact, contacts[i]);
    }
    CHECK(records[1].line == 4);  // the first row took lines 2 and 3
}

// ---- reading: other address books' files (issue 21) -------------------------------------------

TEST_CASE("CSV reader: an Exchange address is set aside, a row without a name named from what it has") {
    const auto records = read_text(
        "First Name,Last Name,E-mail Address,E-mail 2 Address,Company,Mobile Phone\n"
        "Pat,Lee,/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=pat,"
        "pat@home.example,,\n"
        ",,,,Acme Plumbing,555-0100\n"
        ",,jane.doe@example.com,,,\n"
        ",,,,,+1 555 0100\n");
    REQUIRE(records.size() == 4);
    CHECK(records[0].record.contact.emails == std::vector<std::string>{"pat@home.example"});
    REQUIRE(records[0].set_aside.size() == 1);
    CHECK(records[0].set_aside[0].starts_with("the Exchange address /o=ExchangeLabs/"));
    CHECK(records[1].record.contact.name == "Acme Plumbing");
    CHECK(records[1].named_from == "its organisation");
    CHECK(records[2].record.contact.name == "jane.doe");
    CHECK(records[2].named_from == "its e-mail");
    CHECK(records[3].record.contact.name == "+1 555 0100");
    CHECK(records[3].named_from == "its number");
}

TEST_CASE("CSV reader with a skip sink: a broken row is told with its line, reading goes on at the next") {
    std::istringstream in("name,birthday\nAnn,\nBad,13/45/1986\n\"Quote\"x,\nCy,\nname,with,too,many\nDee,\n");
    std::vector<std::string> names;
    std::vector<std::size_t> lines;
    interchange::read_csv(
        in, [&](ImportRecord&& record) { names.push_back(record.record.contact.name); },
        [&](const FormatError& e) { lines.push_back(e.line()); });
    CHECK(names == std::vector<std::string>{"Ann", "Cy", "Dee"});
    CHECK(lines == std::vector<std::size_t>{3, 4, 6});
}
