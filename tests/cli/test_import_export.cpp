// Black-box tests of `import` and `export` (SPEC §7) in kith's own JSON and JSONL: round
// trips, idempotent merges, --dry-run, format guessing, and all-or-nothing on a broken file.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness.h"

using kith::test::check_error;
using kith::test::lines_of;
using kith::test::RunOptions;
using kith::test::Sandbox;
using kith::test::piped;
using kith::test::mode_of;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A database with one of everything: notes (event, ask, hashtag), interactions, asked
// questions, a recurring and a finished reminder, an archived and a snoozed person.
void seed(const Sandbox& box) {
    box.ok({"add", "Sam Smith", "--email", "sam@acme.example", "--phone", "+1 617 555 0142", "--birthday",
            "1986-03-15", "--every", "30d", "--tag", "client", "--company", "Acme, Inc."});
    box.ok({"note", "sam", "--on", "2026-04-10", "Daughter Emma got into Boston College #family"});
    box.ok({"note", "sam", "--event", "2026-12-05", "Running the Berlin marathon"});
    box.ok({"note", "sam", "--ask", "Which \"book\"; did you like?"});
    box.ok({"log", "sam", "--via", "call", "--on", "2026-11-01", "--asked", "n1,b", "Talked about Emma"});
    box.ok({"remind", "sam", "2026-12-31", "Send the yearly report", "--every", "1mo"});
    box.ok({"remind", "sam", "2026-11-20", "Send the contract"});
    box.ok({"done", "2"});
    box.ok({"add", "Renée Dubois", "--birthday", "--02-29", "--every", "3w..6w", "--tag", "friend"});
    box.ok({"snooze", "renée", "2w"});
    box.ok({"add", "Old Client"});
    box.ok({"archive", "old client"});
}

json parse_document(const std::string& text) { return json::parse(text); }

}  // namespace

TEST_CASE("export JSON then import into an empty database then export again is identical") {
    Sandbox from;
    seed(from);
    auto first = from.ok({"export"});
    auto document = parse_document(first);
    CHECK(document["kith_version"] == 1);
    REQUIRE(document["contacts"].size() == 3);
    auto sam = document["contacts"][0];
    CHECK(sam["name"] == "Sam Smith");
    CHECK(sam["company"] == "Acme, Inc.");
    CHECK(sam["notes"].size() == 3);
    CHECK(sam["interactions"].size() == 1);
    CHECK(sam["reminders"].size() == 2);
    CHECK(sam["reminders"][0]["every"] == "1mo");
    CHECK(sam["reminders"][1]["done_on"] == "2026-11-22");
    REQUIRE(sam["asked"].size() == 2);
    CHECK(sam["asked"][0]["interaction"] == sam["interactions"][0]["uuid"]);

    Sandbox to;
    to.write_file(to.dir + "/all.json", first);
    CHECK(to.ok({"import", to.dir + "/all.json"}) ==
          "Imported 3 contacts from " + to.dir + "/all.json: 3 added, 0 updated, 0 unchanged.\n");
    CHECK(to.ok({"export"}) == first);
    // What was imported works: the asked birthday question stays asked, due sees the snooze.
    CHECK(to.ok({"show", "renée"}) == from.ok({"show", "renée"}));
    CHECK(to.ok({"ask", "sam"}) == from.ok({"ask", "sam"}));
    CHECK(to.ok({"due", "--format", "json"}) == from.ok({"due", "--format", "json"}));
}

TEST_CASE("JSONL export round-trips and has one contact object a line") {
    Sandbox from;
    seed(from);
    auto first = from.ok({"export", "--format", "jsonl"});
    auto lines = lines_of(first);
    REQUIRE(lines.size() == 3);
    for (const auto& line : lines) CHECK(json::parse(line).contains("uuid"));
    Sandbox to;
    to.ok({"import", "--format", "jsonl", "-"}, piped(first));
    CHECK(to.ok({"export", "--format", "jsonl"}) == first);
}

TEST_CASE("importing the same file twice changes nothing the second time") {
    Sandbox from;
    seed(from);
    auto file = from.dir + "/all.json";
    from.ok({"export", "-o", file});
    Sandbox to;
    to.ok({"import", file});
    auto before = to.ok({"export"});
    CHECK(to.ok({"import", file}) == "Imported 3 contacts from " + file + ": 0 added, 0 updated, 3 unchanged.\n");
    CHECK(to.ok({"export"}) == before);
    // Importing a database's own export into itself is also a no-op.
    CHECK(from.ok({"import", file}).find("0 added, 0 updated, 3 unchanged") != std::string::npos);
}

TEST_CASE("dry run reports each person and writes nothing") {
    Sandbox box;
    box.ok({"add", "Sam Smith", "--email", "sam@acme.example"});
    box.ok({"add", "Jo Doe"});
    auto before = box.ok({"export"});
    std::string input =
        "{\"name\":\"Samuel Smith\",\"emails\":[\"SAM@acme.example\"],\"phones\":[\"555 0100\"]}\n"
        "{\"name\":\"Jo Doe\"}\n"
        "{\"name\":\"Ana Lima\",\"notes\":[{\"text\":\"Moving to Lisbon\"}]}\n";
    auto out = box.ok({"import", "--dry-run", "--format", "jsonl"}, piped(input));
    CHECK(lines_of(out) == std::vector<std::string>{
                               "update     Sam Smith (#1): phones",
                               "unchanged  Jo Doe (#2)",
                               "add        Ana Lima: +1 note",
                               "Dry run: 1 to add, 1 to update, 1 unchanged; nothing written.",
                           });
    CHECK(box.ok({"export"}) == before);
}

TEST_CASE("dry run on a database that does not exist yet does not create it") {
    Sandbox box;
    auto out = box.ok({"import", "-n", "--format", "jsonl", "-"}, piped("{\"name\":\"Ana Lima\"}\n"));
    CHECK(out == "add        Ana Lima\nDry run: 1 to add, 0 to update, 0 unchanged; nothing written.\n");
    CHECK_FALSE(fs::exists(box.db));
}

TEST_CASE("merge matches by uuid, then email, then exact name") {
    Sandbox box;
    box.ok({"add", "Sam Smith", "--email", "sam@acme.example"});
    box.ok({"add", "Jo Doe", "--company", "Doe & Co"});
    box.ok({"add", "Twin Name"});
    box.ok({"add", "Twin Name"});
    auto sam_uuid = parse_document(box.ok({"export"}))["contacts"][0]["uuid"].get<std::string>();
    std::string input =
        "{\"uuid\":\"" + sam_uuid + "\",\"name\":\"Sam Smith\",\"tags\":[\"client\"]}\n"  // by uuid
        "{\"name\":\"Someone Else\",\"emails\":[\"Sam@Acme.example\"],\"nicknames\":[\"Sammy\"]}\n"  // by email
        "{\"name\":\"jo doe\",\"company\":\"Other Co\",\"emails\":[\"jo@doe.example\"]}\n"  // by name
        "{\"name\":\"Twin Name\"}\n";  // two already have it: a third person
    auto out = box.ok({"import", "--format", "jsonl", "-"}, piped(input));
    CHECK(out == "Imported 4 contacts from stdin: 1 added, 3 updated, 0 unchanged.\n");
    auto contacts = parse_document(box.ok({"export"}))["contacts"];
    REQUIRE(contacts.size() == 5);
    CHECK(contacts[0]["name"] == "Sam Smith");  // a file without updated_at adds, never renames
    CHECK(contacts[0]["tags"] == json::array({"client"}));
    CHECK(contacts[0]["nicknames"] == json::array({"Sammy"}));
    CHECK(contacts[1]["company"] == "Doe & Co");  // ours is kept
    CHECK(contacts[1]["emails"] == json::array({"jo@doe.example"}));
    CHECK(contacts[4]["name"] == "Twin Name");
}

TEST_CASE("a newer record from another kith wins and an older one is left alone") {
    Sandbox box;
    box.ok({"add", "Sam Smith", "--email", "sam@acme.example", "--tag", "client"});
    auto sam = parse_document(box.ok({"export"}))["contacts"][0];

    auto older = sam;
    older["updated_at"] = "2001-01-01T00:00:00Z";
    older["tags"] = json::array({"lead"});
    auto out = box.ok({"import", "--format", "jsonl", "-"}, piped(older.dump() + "\n"));
    CHECK(out.find("1 unchanged") != std::string::npos);
    CHECK(parse_document(box.ok({"export"}))["contacts"][0]["tags"] == json::array({"client"}));

    auto newer = sam;
    newer["updated_at"] = "2099-01-01T00:00:00Z";
    newer["name"] = "Samuel Smith";
    newer["emails"] = json::array();
    out = box.ok({"import", "-n", "--format", "jsonl", "-"}, piped(newer.dump() + "\n"));
    // Neither side stamped its fields (no `changed`): the record updated later wins each one.
    CHECK(out.find("update     Sam Smith (#1): name \"Samuel Smith\" replaced \"Sam Smith\" (the file's change is "
                   "later); emails \"(none)\" replaced \"sam@acme.example\"") == 0);
    box.ok({"import", "--format", "jsonl", "-"}, piped(newer.dump() + "\n"));
    auto now = parse_document(box.ok({"export"}))["contacts"][0];
    CHECK(now["name"] == "Samuel Smith");
    CHECK(now["emails"] == json::array());
    CHECK(now["updated_at"] == "2099-01-01T00:00:00Z");
    CHECK(now["uuid"] == sam["uuid"]);
}

TEST_CASE("imported asked questions follow their notes when note ids are taken") {
    Sandbox from;
    from.ok({"add", "Sam Smith"});
    from.ok({"note", "sam", "--ask", "How is the new house?"});
    from.ok({"log", "sam", "--asked", "n1"});
    auto file = from.dir + "/sam.json";
    from.ok({"export", "-o", file});

    Sandbox to;
    to.ok({"add", "Jo Doe"});
    to.ok({"note", "jo", "--ask", "How was Lisbon?"});  // takes note id 1
    to.ok({"import", file});
    auto sam = parse_document(to.ok({"export"}))["contacts"][1];
    REQUIRE(sam["notes"].size() == 1);
    CHECK(sam["notes"][0]["id"] == "n2");
    CHECK(sam["asked"][0]["question"] == "n2");
    // The asked question is still asked: it does not come back.
    CHECK(to.ok({"ask", "sam"}).find("new house") == std::string::npos);
    CHECK(to.ok({"ask", "jo"}).find("Lisbon") != std::string::npos);
}

TEST_CASE("a broken last record stops the whole import: FILE:LINE and nothing written") {
    Sandbox box;
    box.ok({"add", "Jo Doe"});
    auto before = box.ok({"export"});
    std::string lines;
    for (int i = 0; i < 200; ++i) lines += "{\"name\":\"Person " + std::to_string(i) + "\"}\n";
    lines += "{\"name\":\"Bad Birthday\",\"birthday\":\"1990-02-30\"}\n";
    auto file = box.dir + "/people.jsonl";
    box.write_file(file, lines);
    check_error(box.run({"import", file}), 2, file + ":201: contact field \"birthday\"");
    CHECK(box.ok({"export"}) == before);

    // The same in a JSON document, a bad email in the middle of a file, and broken syntax.
    box.write_file(box.dir + "/doc.json",
                   "{\"kith_version\": 1, \"contacts\": [\n  {\"name\": \"Ana\"},\n  {\"name\": \"Bo\",\n"
                   "   \"emails\": [\"not an email\"]}\n]}\n");
    check_error(box.run({"import", box.dir + "/doc.json"}), 2, "doc.json:3: bad email \"not an email\"");
    box.write_file(box.dir + "/cut.json", "{\"kith_version\": 1, \"contacts\": [\n  {\"name\": \"Ana\"},\n  {\"na");
    check_error(box.run({"import", box.dir + "/cut.json"}), 2, "cut.json:3: not valid JSON");
    check_error(box.run({"import", "--format", "jsonl", "-"}, piped("{\"name\": \"Ana\"}\nnot json\n")), 2,
                "stdin:2: not valid JSON");
    CHECK(box.ok({"export"}) == before);
}

TEST_CASE("import refuses what the commands refuse") {
    Sandbox box;
    auto import_line = [&](const std::string& line) {
        return box.run({"import", "--format", "jsonl", "-"}, piped(line + "\n"));
    };
    check_error(import_line("{\"emails\":[\"a@b.example\"]}"), 2, "stdin:1: contact field \"name\": missing");
    check_error(import_line("{\"name\":\"Ana\",\"every\":\"often\"}"), 2, "stdin:1: contact field \"every\"");
    check_error(import_line("{\"name\":\"Ana\",\"notes\":[{\"text\":\"\\u001b[31mred\"}]}"), 2,
                "control characters");
    check_error(import_line("{\"name\":\"Ana\",\"interactions\":[{\"date\":\"2026-01-01\",\"channel\":\"fax\"}]}"),
                2, "bad channel \"fax\"");
    check_error(import_line("[1, 2]"), 2, "stdin:1: contact must be an object");
    check_error(box.run({"import", "-"}, piped("{\"kith_version\": 2, \"contacts\": []}")), 2,
                "newer kith (kith_version 2");
    check_error(box.run({"import", box.dir + "/missing.json"}), 1, "cannot open");
    check_error(box.run({"import", "--format", "xml", "-"}, piped("")), 2, "xml");
    CHECK(parse_document(box.ok({"export"}))["contacts"].empty());
}

TEST_CASE("import guesses the format from the extension or the first line") {
    Sandbox from;
    seed(from);
    auto document = from.ok({"export"});
    auto lines = from.ok({"export", "--format", "jsonl"});

    Sandbox to;
    to.write_file(to.dir + "/people.jsonl", lines);
    CHECK(to.ok({"import", to.dir + "/people.jsonl"}).find("3 added") != std::string::npos);
    Sandbox piped_document;
    CHECK(piped_document.ok({"import"}, piped(document)).find("3 added") != std::string::npos);
    Sandbox piped_lines;
    CHECK(piped_lines.ok({"import", "-"}, piped(lines)).find("3 added") != std::string::npos);
    Sandbox no_extension;
    no_extension.write_file(no_extension.dir + "/backup", document);
    CHECK(no_extension.ok({"import", no_extension.dir + "/backup"}).find("3 added") != std::string::npos);
}

TEST_CASE("export -o writes a private file whole and picks the format from its extension") {
    Sandbox box;
    seed(box);
    auto json_file = box.dir + "/out.json";
    box.ok({"export", "-o", json_file});
    CHECK(mode_of(json_file) == 0600u);
    CHECK(box.read_file(json_file) == box.ok({"export"}));
    box.ok({"export", "-o", box.dir + "/out.jsonl"});
    CHECK(box.read_file(box.dir + "/out.jsonl") == box.ok({"export", "--format", "jsonl"}));

    // Replacing an existing file leaves no temp file behind.
    box.write_file(json_file, "old");
    box.ok({"export", "-o", json_file});
    CHECK(box.read_file(json_file) == box.ok({"export"}));
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(box.dir))
        if (entry.path().filename().string().rfind(".kith-export", 0) == 0) ++files;
    CHECK(files == 0);

    check_error(box.run({"export", "-o", box.dir + "/no/such/dir/out.json"}), 1, "cannot write");

    // A symlink keeps pointing at the replaced file.
    fs::create_symlink(box.dir + "/out.jsonl", box.dir + "/link.jsonl");
    box.ok({"export", "-o", box.dir + "/link.jsonl", "--format", "json"});
    CHECK(fs::is_symlink(box.dir + "/link.jsonl"));
    CHECK(box.read_file(box.dir + "/out.jsonl") == box.ok({"export"}));
}

TEST_CASE("export -o into a FIFO writes through it instead of replacing it") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    auto fifo = box.dir + "/pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string received;
    std::thread reader([&] {
        std::ifstream in(fifo, std::ios::binary);
        received.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    });
    auto result = box.run({"export", "--format", "jsonl", "-o", fifo});
    reader.join();
    CHECK(result.code == 0);
    CHECK(fs::is_fifo(fifo));
    CHECK(received == box.ok({"export", "--format", "jsonl"}));
    check_error(box.run({"export", "--vcard-version", "5"}), 2);
}

TEST_CASE("import with nothing piped in asks for a file") {
    Sandbox box;
    RunOptions terminal;
    terminal.terminal_stdin = true;
    check_error(box.run({"import"}, terminal), 2, "give a FILE");
    check_error(box.run({"import", box.dir + "/cal.ics"}), 2, "iCalendar is export-only");
}

TEST_CASE("piped input is spooled to a private temp file that leaves no trace") {
    Sandbox box;
    fs::create_directories(box.dir + "/tmp");
    auto options = piped("{\"name\":\"Ana Lima\"}\n");
    options.env["TMPDIR"] = box.dir + "/tmp";
    CHECK(box.ok({"import"}, options).find("1 added") != std::string::npos);
    CHECK(fs::is_empty(box.dir + "/tmp"));
    options.env["TMPDIR"] = box.dir + "/missing";
    check_error(box.run({"import"}, options), 1, "cannot create a temp file");
}

TEST_CASE("export of an empty database is a valid empty document, and of a missing one an error") {
    Sandbox box;
    check_error(box.run({"export"}), 1, "no database at " + box.db);
    CHECK_FALSE(fs::exists(box.db));
    box.ok({"add", "Ann"});
    auto document = parse_document(box.ok({"export"}));
    REQUIRE(document["contacts"].size() == 1);
    const auto uuid = document["contacts"][0]["uuid"];
    box.ok({"rm", "ann", "--yes"});
    // Nobody left, but the deletion travels (a tombstone).
    document = parse_document(box.ok({"export"}));
    CHECK(document["contacts"] == json::array());
    REQUIRE(document["tombstones"].size() == 1);
    CHECK(document["tombstones"][0]["uuid"] == uuid);
    auto lines = lines_of(box.ok({"export", "--format", "jsonl"}));
    REQUIRE(lines.size() == 1);
    CHECK(json::parse(lines[0])["tombstone"]["uuid"] == uuid);
}
