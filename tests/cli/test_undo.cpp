// Black-box tests of `kith undo`: every command that writes taken back, the history, its limit,
// and refusals when another program changed the records since.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness.h"

using kith::test::check_error;
using kith::test::count_rows;
using kith::test::lines_of;
using kith::test::piped;
using kith::test::Result;
using kith::test::Sandbox;
using json = nlohmann::json;

namespace {

// Every row of kith's tables, in key order, as text: the database as a user's data.
std::string rows_of(const Sandbox& box) {
    SQLite::Database db(box.db, SQLite::OPEN_READONLY);
    std::string out;
    for (const char* table : {"contacts", "contact_values", "notes", "interactions", "reminders", "asked_questions"}) {
        out += std::string("## ") + table + '\n';
        SQLite::Statement query(db, std::string("SELECT * FROM ") + table + " ORDER BY 1, 2, 3");
        while (query.executeStep()) {
            for (int i = 0; i < query.getColumnCount(); ++i) {
                auto column = query.getColumn(i);
                out += column.isNull() ? "NULL" : column.getString();
                out += '|';
            }
            out += '\n';
        }
    }
    return out;
}

// What a user sees of everything: the export, and the database itself.
struct Snapshot {
    std::string exported;
    std::string rows;
    bool operator==(const Snapshot& other) const { return exported == other.exported && rows == other.rows; }
};

Snapshot snapshot(const Sandbox& box) {
    return {box.ok({"export", "--format", "jsonl"}), rows_of(box)};
}

void write_sql(const Sandbox& box, const std::string& sql) {
    SQLite::Database db(box.db, SQLite::OPEN_READWRITE, 30000);
    db.exec(sql);
}

json history(const Sandbox& box) { return json::parse(box.ok({"undo", "--list", "--format", "json"})); }

// Sam with something of every kind: emails, tags, a note, an interaction, a recurring and a
// one-off reminder; Priya with little.
void populate(const Sandbox& box) {
    box.ok({"add", "Sam Lee", "--email", "sam@acme.com", "--tag", "client", "--every", "30d", "--nickname", "Sammy"});
    box.ok({"add", "Priya Shah"});
    box.ok({"note", "sam", "Her mum is having a hip operation on 2026-12-05"});
    box.ok({"log", "sam", "--via", "call", "--on", "2026-11-01", "Budget talk"});
    box.ok({"remind", "sam", "2026-11-20", "Send the proposal"});
    box.ok({"remind", "sam", "2026-11-21", "Quarterly review", "--every", "quarterly"});
}

}  // namespace

TEST_CASE("undo takes back each command that writes, leaving the database as it was") {
    struct Case {
        std::vector<std::string> command;
        std::string undid;  // the start of what undo says
    };
    const std::vector<Case> cases{
        {{"add", "Ana Ruiz", "--email", "ana@x.org", "--tag", "friend", "--note", "Met at the conference"},
         "Undid: add Ana Ruiz"},
        {{"note", "sam", "Daughter", "Emma", "got into Boston College #family"},
         "Undid: note for Sam Lee (#1): \"Daughter Emma got into Boston College #…\""},
        {{"log", "sam", "--via", "meet", "Lunch"}, "Undid: log meet with Sam Lee (#1)"},
        {{"edit", "sam", "--company", "Globex", "--add-tag", "golf", "--remove-email", "sam@acme.com"},
         "Undid: edit Sam Lee (#1)"},
        {{"rm", "sam", "--yes"}, "Undid: rm Sam Lee (#1)"},
        {{"remind", "priya", "fri", "Book the table"}, "Undid: remind Priya Shah (#2): \"Book the table\""},
        {{"done", "1", "2"}, "Undid: done 1 2"},
        {{"snooze", "sam", "2w"}, "Undid: snooze Sam Lee (#1) until 2026-12-06"},
        {{"snooze", "1", "3d"}, "Undid: snooze reminder r1 until 2026-11-25"},
        {{"archive", "priya"}, "Undid: archive Priya Shah (#2)"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.command[0]);
        CAPTURE(c.undid);
        Sandbox box;
        populate(box);
        auto before = snapshot(box);
        box.ok(c.command);
        REQUIRE_FALSE(snapshot(box) == before);
        auto said = box.ok({"undo"});
        CHECK(said.rfind(c.undid, 0) == 0);
        CHECK(lines_of(said).size() == 1);
        CHECK(snapshot(box) == before);
    }
}

TEST_CASE("undo takes back archive --undo and a log that recorded asked questions") {
    Sandbox box;
    populate(box);
    box.ok({"archive", "priya"});
    auto archived = snapshot(box);
    box.ok({"archive", "--undo", "priya"});
    CHECK(box.ok({"undo"}) == "Undid: archive --undo Priya Shah (#2)\n");
    CHECK(snapshot(box) == archived);

    auto before = snapshot(box);
    box.ok({"log", "sam", "--via", "call", "Caught up", "--asked", "n1"});
    REQUIRE(count_rows(box.db, "asked_questions") == 1);
    box.ok({"undo"});
    CHECK(count_rows(box.db, "asked_questions") == 0);
    CHECK(snapshot(box) == before);
}

TEST_CASE("undo again walks back through several commands, newest first, to an empty history") {
    Sandbox box;
    box.ok({"add", "Sam Lee"});
    auto one = snapshot(box);
    box.ok({"note", "sam", "Likes sailing"});
    auto two = snapshot(box);
    box.ok({"log", "sam", "Coffee"});
    CHECK(box.ok({"undo"}) == "Undid: log other with Sam Lee (#1)\n");
    CHECK(snapshot(box) == two);
    CHECK(box.ok({"undo"}) == "Undid: note for Sam Lee (#1): \"Likes sailing\"\n");
    CHECK(snapshot(box) == one);
    CHECK(box.ok({"undo"}) == "Undid: add Sam Lee\n");
    CHECK(count_rows(box.db, "contacts") == 0);
    check_error(box.run({"undo"}), 1, "nothing to undo");
    CHECK(history(box).empty());
}

TEST_CASE("undo --list shows the history newest first in every format") {
    Sandbox box;
    CHECK(box.run({"undo", "--list"}).code == 1);  // no database yet: said, as for any reading command
    box.ok({"add", "Sam Lee"});
    box.ok({"note", "sam", "Likes\tsailing | and boats"});
    auto list = history(box);
    REQUIRE(list.size() == 2);
    CHECK(list[0]["command"] == "note");
    CHECK(list[0]["summary"] == "for Sam Lee (#1): \"Likes sailing | and boats\"");
    CHECK(list[1]["command"] == "add");
    CHECK(list[1]["summary"] == "Sam Lee");
    for (const auto& entry : list) {
        CHECK(entry["at"].get<std::string>().size() == 20);  // 2026-11-22T09:30:00Z
        CHECK(entry["bytes"].get<int>() > 0);
    }

    auto text = lines_of(box.ok({"undo", "--list"}));
    REQUIRE(text.size() == 3);
    CHECK(text[0].rfind("WHEN", 0) == 0);
    CHECK(text[1].find("note     for Sam Lee (#1)") != std::string::npos);
    CHECK(text[2].find("add      Sam Lee") != std::string::npos);

    auto tsv = lines_of(box.ok({"undo", "--list", "--format", "tsv"}));
    REQUIRE(tsv.size() == 2);
    CHECK(tsv[1].substr(20) == "\tadd\tSam Lee");
    auto jsonl = lines_of(box.ok({"undo", "--list", "--format", "jsonl"}));
    REQUIRE(jsonl.size() == 2);
    CHECK(json::parse(jsonl[0])["command"] == "note");
    auto md = lines_of(box.ok({"undo", "--list", "--format", "md"}));
    REQUIRE(md.size() == 4);
    CHECK(md[2].find("for Sam Lee (#1): \"Likes sailing \\| and boats\"") != std::string::npos);

    check_error(box.run({"undo", "--format", "json"}), 2, "--list");
    CHECK(history(box).size() == 2);  // and nothing undone
}

TEST_CASE("commands that only read, fail or change nothing leave the history alone") {
    Sandbox box;
    populate(box);
    auto before = history(box);
    REQUIRE(before.size() == 6);
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"due"}, {"show", "sam"}, {"list"}, {"ask", "sam"}, {"export"}, {"config"},
          {"note", "nobody", "text"}, {"remind", "sam", "notadate", "x"}, {"undo", "--list"}})
        box.run(command);
    CHECK(history(box) == before);
}

TEST_CASE("undo.keep bounds the history, and 0 keeps none") {
    Sandbox box;
    box.write_file(box.config, "[undo]\nkeep = 2\n");
    box.ok({"add", "Sam Lee"});
    box.ok({"note", "sam", "One"});
    box.ok({"note", "sam", "Two"});
    auto list = history(box);
    REQUIRE(list.size() == 2);
    CHECK(list[0]["summary"] == "for Sam Lee (#1): \"Two\"");
    CHECK(list[1]["summary"] == "for Sam Lee (#1): \"One\"");
    box.ok({"undo"});
    box.ok({"undo"});
    check_error(box.run({"undo"}), 1, "nothing to undo");
    CHECK(count_rows(box.db, "contacts") == 1);  // the add was trimmed: it stays

    box.write_file(box.config, "[undo]\nkeep = 0\n");
    box.ok({"note", "sam", "Three"});
    CHECK(count_rows(box.db, "undo_history") == 0);
    check_error(box.run({"undo"}), 1, "nothing to undo");
    CHECK(count_rows(box.db, "notes") == 1);

    box.write_file(box.config, "[undo]\nkeep = -1\n");
    check_error(box.run({"note", "sam", "Four"}), 2, "undo.keep: expected 0 to 100000");
}

TEST_CASE("undo refuses, changing nothing, when another program changed the records since") {
    Sandbox box;
    populate(box);
    box.ok({"note", "sam", "Likes sailing"});
    write_sql(box, "UPDATE notes SET text = 'Likes rowing' WHERE id = 2");
    auto before = snapshot(box);
    check_error(box.run({"undo"}), 1,
                "cannot undo \"note for Sam Lee (#1): \"Likes sailing\"\": note n2 was changed since by another "
                "program; nothing undone");
    CHECK(snapshot(box) == before);
    CHECK(history(box).size() == 7);  // still there

    write_sql(box, "DELETE FROM notes WHERE id = 2");
    check_error(box.run({"undo"}), 1, "note n2 was deleted since by another program");
}

TEST_CASE("undo refuses when the person it would delete has records another program added since") {
    Sandbox box;
    box.ok({"add", "Sam Lee"});
    write_sql(box,
              "INSERT INTO notes (uuid, contact_id, text, noted_on, created_at, updated_at) "
              "VALUES ('0190b5b0-0000-7000-8000-000000000001', 1, 'Written by hand', '2026-11-22', "
              "'2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z')");
    auto before = snapshot(box);
    check_error(box.run({"undo"}), 1, "note n1 was written since by another program and would change too");
    CHECK(snapshot(box) == before);
}

TEST_CASE("undo of a note still works after new rules read every note again") {
    Sandbox box;
    box.ok({"add", "Sam Lee"});
    auto before = snapshot(box);
    box.ok({"note", "sam", "Bought a boat called Wanda"});
    box.write_file(box.config,
                   "[[questions.rule]]\nmatch = 'bought a boat called (\\w+)'\nask = \"How is {1} sailing?\"\n");
    box.ok({"due"});  // reads the note again with the new rule, outside any command
    CHECK(box.ok({"undo"}).rfind("Undid: note for Sam Lee", 0) == 0);
    CHECK(snapshot(box) == before);
}

TEST_CASE("import is undone whole, and import --dry-run keeps nothing") {
    Sandbox box;
    populate(box);
    auto before = snapshot(box);
    auto file = box.dir + "/people.jsonl";
    box.write_file(file, box.ok({"export", "--format", "jsonl"}) +
                             R"({"name":"Ana Ruiz","emails":["ana@x.org"],"notes":[{"text":"Met in Lisbon","date":"2026-10-01"}]})"
                             "\n");
    // The same people changed, so the import updates them too.
    box.ok({"edit", "sam", "--company", "Globex"});
    box.ok({"undo"});
    box.ok({"import", file, "--dry-run"});
    CHECK(history(box).size() == 6);
    CHECK(snapshot(box) == before);

    auto vcf = box.dir + "/more.vcf";
    box.write_file(vcf, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam Lee\r\nEMAIL:sam@acme.com\r\nORG:Initech\r\nEND:VCARD\r\n"
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Chen\r\nEND:VCARD\r\n");
    box.ok({"import", vcf});
    REQUIRE(count_rows(box.db, "contacts") == 3);
    CHECK(box.ok({"undo"}) == "Undid: import " + vcf + "\n");  // the file as it was named
    CHECK(snapshot(box) == before);

    box.ok({"import", file});
    CHECK(count_rows(box.db, "contacts") == 3);
    CHECK(box.ok({"undo"}) == "Undid: import " + file + "\n");
    CHECK(snapshot(box) == before);
}

TEST_CASE("undo with no database says so, and creates none") {
    Sandbox box;
    check_error(box.run({"undo"}), 1, "no database at");
    CHECK(kith::test::mode_of(box.db) == 0);
}
