// Black-box tests of merging two kith databases (issue 21): `export | import` both ways between
// two laptops keeps the changes made on each, field by field; the same field changed on both
// keeps the later change, said; deletions travel as tombstones and do not come back.
//
// Field stamps and tombstones are wall-clock UTC times to the second: where the order of two
// changes matters, the test waits a second between them.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "harness.h"

using kith::test::count_rows;
using kith::test::lines_of;
using kith::test::piped;
using kith::test::Sandbox;
using json = nlohmann::json;

namespace {

// Stamps are to the second: the next change must be in a later one.
void next_second() {
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
}

// `from`'s export, imported into `into`: the import's output.
std::string carry(const Sandbox& from, const Sandbox& into, const std::vector<std::string>& options = {}) {
    std::vector<std::string> args{"import", "--format", "json", "-"};
    args.insert(args.end(), options.begin(), options.end());
    return into.ok(args, piped(from.ok({"export"})));
}

json person(const Sandbox& box, const std::string& who) {
    return json::parse(box.ok({"show", who, "--format", "json"}));
}

// The UTC day of the tombstone `box` exports for `uuid`.
std::string deleted_on(const Sandbox& box, const std::string& uuid) {
    const auto exported = json::parse(box.ok({"export"}));
    for (const auto& tombstone : exported["tombstones"])
        if (tombstone["uuid"] == uuid) return tombstone["deleted_at"].get<std::string>().substr(0, 10);
    return "(no tombstone)";
}

std::string uuid_of(const Sandbox& box, const std::string& name) {
    const auto exported = json::parse(box.ok({"export"}));
    for (const auto& contact : exported["contacts"])
        if (contact["name"] == name) return contact["uuid"];
    return "";
}

// Two laptops holding the same people: Ann Lee of Acme with one number, and Bob Ray with a note.
void two_laptops(const Sandbox& a, const Sandbox& b) {
    a.ok({"add", "Ann Lee", "--company", "Acme", "--phone", "+1 617 555 0100"});
    a.ok({"add", "Bob Ray"});
    a.ok({"note", "bob", "Likes green tea"});
    carry(a, b);
}

}  // namespace

TEST_CASE(
    "two laptops: a number added on one and the company changed on the other both survive export and import both "
    "ways") {
    Sandbox a, b;
    two_laptops(a, b);
    next_second();
    a.ok({"edit", "ann", "--add-phone", "+1 617 555 0199"});
    b.ok({"edit", "ann", "--company", "Globex"});

    const auto into_b = carry(a, b);
    CHECK(lines_of(into_b) ==
          std::vector<std::string>{"~ Ann Lee (#1): phones",
                                   "Imported 2 contacts from stdin: 0 added, 1 updated, 1 unchanged."});
    const auto into_a = carry(b, a);
    CHECK(lines_of(into_a) ==
          std::vector<std::string>{"~ Ann Lee (#1): company \"Globex\" replaced \"Acme\" (the file's change is later)",
                                   "Imported 2 contacts from stdin: 0 added, 1 updated, 1 unchanged."});
    for (const auto* laptop : {&a, &b}) {
        auto ann = person(*laptop, "ann");
        CHECK(ann["company"] == "Globex");
        CHECK(ann["phones"] == json::array({"+1 617 555 0100", "+1 617 555 0199"}));
    }
    // In step: each import again changes nothing, and both export the same person.
    CHECK(carry(a, b).find("0 updated, 2 unchanged") != std::string::npos);
    CHECK(carry(b, a).find("0 updated, 2 unchanged") != std::string::npos);
    auto ann_a = json::parse(a.ok({"export"}))["contacts"][0];
    auto ann_b = json::parse(b.ok({"export"}))["contacts"][0];
    CHECK(ann_a["changed"] == ann_b["changed"]);
    CHECK(ann_a["changed"].contains("phones"));
    CHECK(ann_a["changed"].contains("company"));
}

TEST_CASE("the same field changed on both laptops keeps the later change, and the import names the value it replaced") {
    Sandbox a, b;
    two_laptops(a, b);
    next_second();
    b.ok({"edit", "ann", "--company", "Initech"});
    next_second();
    a.ok({"edit", "ann", "--company", "Globex"});

    CHECK(carry(a, b).find("~ Ann Lee (#1): company \"Globex\" replaced \"Initech\" (the file's change is later)\n") ==
          0);
    // B's change is the older one: A keeps its own, and says nothing of it.
    CHECK(carry(b, a) == "Imported 2 contacts from stdin: 0 added, 0 updated, 2 unchanged.\n");
    CHECK(person(a, "ann")["company"] == "Globex");
    CHECK(person(b, "ann")["company"] == "Globex");
}

TEST_CASE("a list changed on both laptops is taken whole from the later change, which says what it replaced") {
    Sandbox a, b;
    two_laptops(a, b);
    next_second();
    b.ok({"edit", "ann", "--add-phone", "+1 617 555 0111"});
    next_second();
    a.ok({"edit", "ann", "--remove-phone", "+1 617 555 0100", "--add-phone", "+1 617 555 0122"});
    CHECK(carry(a, b).find("~ Ann Lee (#1): phones \"+1 617 555 0122\" replaced \"+1 617 555 0100, +1 617 555 0111\" "
                           "(the file's change is later)\n") == 0);
    CHECK(person(b, "ann")["phones"] == json::array({"+1 617 555 0122"}));
}

TEST_CASE(
    "a person removed on one laptop is removed by the other's import, which says so, and an older export does not "
    "bring them back") {
    Sandbox a, b;
    two_laptops(a, b);
    const auto older_b = b.ok({"export"});
    const auto bob = uuid_of(a, "Bob Ray");
    a.ok({"rm", "bob", "--yes"});
    const auto day = deleted_on(a, bob);

    CHECK(lines_of(carry(a, b)) ==
          std::vector<std::string>{"\u2212 Bob Ray (deleted on the other side on " + day + ")",
                                   "Imported 1 contact from stdin: 0 added, 0 updated, 1 unchanged, 1 removed."});
    CHECK(b.run({"show", "bob"}).code != 0);
    CHECK(count_rows(b.db, "notes") == 0);  // their notes with them, as `rm` does
    CHECK(count_rows(b.db, "tombstones WHERE uuid = '" + bob + "'") == 1);

    // B's export from before the deletion, into A: Bob stays deleted.
    auto out = a.ok({"import", "--format", "json", "-"}, piped(older_b));
    CHECK(lines_of(out) == std::vector<std::string>{"Bob Ray: not brought back: deleted here on " + day,
                                                    "Imported 1 contact from stdin: 0 added, 0 updated, 1 unchanged."});
    CHECK(a.run({"show", "bob"}).code != 0);
    // And into B, which now holds the tombstone too.
    out = b.ok({"import", "--format", "json", "-"}, piped(older_b));
    CHECK(out.find("Bob Ray: not brought back: deleted here on " + day) == 0);
    CHECK(b.run({"show", "bob"}).code != 0);
}

TEST_CASE("a note removed on one laptop is removed by the other's import, and not brought back by an older export") {
    Sandbox a, b;
    two_laptops(a, b);
    const auto older_b = b.ok({"export"});
    a.ok({"rm", "n1", "--yes"});
    auto out = carry(a, b);
    CHECK(out.find("\u2212 note n1 of Bob Ray (#2) (deleted on the other side on ") == 0);
    CHECK(count_rows(b.db, "notes") == 0);
    CHECK(person(b, "bob")["name"] == "Bob Ray");  // the person stays
    out = a.ok({"import", "--format", "json", "-"}, piped(older_b));
    CHECK(out.find("~ Bob Ray (#2)") == std::string::npos);
    CHECK(count_rows(a.db, "notes") == 0);
}

TEST_CASE("a person changed on one laptop after the other removed them is kept, said, and comes back to the other") {
    Sandbox a, b;
    two_laptops(a, b);
    const auto bob = uuid_of(a, "Bob Ray");
    a.ok({"rm", "bob", "--yes"});
    const auto day = deleted_on(a, bob);
    next_second();
    b.ok({"note", "bob", "Moved to Lisbon"});  // a record of theirs counts as a change of them

    auto out = carry(a, b);
    CHECK(out.find("kept Bob Ray (#2): changed here since it was deleted on the other side on " + day + "\n") == 0);
    CHECK(person(b, "bob")["notes"].size() == 2);
    // B's export brings Bob back to A, notes and all: B's change is the later one.
    out = carry(b, a);
    CHECK(out.find("1 added") != std::string::npos);
    CHECK(person(a, "bob")["notes"].size() == 2);
    CHECK(count_rows(a.db, "tombstones") == 0);
    // Nothing left to send of the deletion: neither exports it.
    CHECK(!json::parse(a.ok({"export"})).contains("tombstones"));
    CHECK(!json::parse(b.ok({"export"})).contains("tombstones"));
}

TEST_CASE("undo of an import puts back the person it removed and the tombstones as they were") {
    Sandbox a, b;
    two_laptops(a, b);
    a.ok({"rm", "bob", "--yes"});
    carry(a, b);
    REQUIRE(b.run({"show", "bob"}).code != 0);
    REQUIRE(count_rows(b.db, "tombstones") == 1);
    b.ok({"undo"});
    CHECK(person(b, "bob")["notes"].size() == 1);
    CHECK(count_rows(b.db, "tombstones") == 0);
    // And the import, made again, removes him again.
    CHECK(carry(a, b).find("1 removed") != std::string::npos);
}

TEST_CASE("an undone rm leaves no tombstone, and an undone add none either") {
    Sandbox box;
    box.ok({"add", "Ann Lee"});
    box.ok({"note", "ann", "Likes green tea"});
    box.ok({"rm", "n1", "--yes"});
    CHECK(count_rows(box.db, "tombstones WHERE kind = 'note'") == 1);
    box.ok({"undo"});
    CHECK(count_rows(box.db, "tombstones") == 0);
    box.ok({"rm", "ann", "--yes"});
    CHECK(count_rows(box.db, "tombstones WHERE kind = 'contact'") == 1);
    CHECK(count_rows(box.db, "tombstones WHERE kind = 'note'") == 0);  // the person's covers their notes
    box.ok({"undo"});
    CHECK(count_rows(box.db, "tombstones") == 0);
    box.ok({"undo"});  // the note
    box.ok({"undo"});  // the add
    CHECK(count_rows(box.db, "contacts") == 0);
    CHECK(count_rows(box.db, "tombstones") == 0);
}

TEST_CASE("tombstones older than 180 days are forgotten, by the next removal or import, and never exported") {
    Sandbox box;
    box.ok({"add", "Ann Lee"});
    box.ok({"add", "Bob Ray"});
    {
        SQLite::Database db(box.db, SQLite::OPEN_READWRITE);
        db.exec("INSERT INTO tombstones VALUES ('old', 'contact', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-181 days'))");
        db.exec(
            "INSERT INTO tombstones VALUES ('young', 'contact', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-179 days'))");
    }
    auto exported = json::parse(box.ok({"export"}));
    REQUIRE(exported["tombstones"].size() == 1);
    CHECK(exported["tombstones"][0]["uuid"] == "young");
    box.ok({"rm", "ann", "--yes"});
    CHECK(count_rows(box.db, "tombstones WHERE uuid = 'old'") == 0);
    CHECK(count_rows(box.db, "tombstones WHERE uuid = 'young'") == 1);

    // A file's deletion of long ago is applied, then forgotten with the rest.
    const auto bob = uuid_of(box, "Bob Ray");
    const auto file =
        "{\"tombstone\":{\"kind\":\"contact\",\"uuid\":\"" + bob +
        "\",\"deleted_at\":\"2099-01-01T00:00:00Z\"}}\n"
        "{\"tombstone\":{\"kind\":\"note\",\"uuid\":\"ancient\",\"deleted_at\":\"2001-01-01T00:00:00Z\"}}\n";
    auto out = box.ok({"import", "--format", "jsonl", "-"}, piped(file));
    CHECK(out.find("\u2212 Bob Ray (deleted on the other side on 2099-01-01)") == 0);
    CHECK(count_rows(box.db, "tombstones WHERE uuid = 'ancient'") == 0);
    CHECK(count_rows(box.db, "tombstones WHERE uuid = '" + bob + "'") == 1);
}

TEST_CASE("import --dry-run of another laptop's export says what it would merge and remove, and writes nothing") {
    Sandbox a, b;
    two_laptops(a, b);
    next_second();
    a.ok({"edit", "ann", "--company", "Globex"});
    const auto bob = uuid_of(a, "Bob Ray");
    a.ok({"rm", "bob", "--yes"});
    const auto day = deleted_on(a, bob);
    const auto before = b.ok({"export"});

    auto out = carry(a, b, {"--dry-run"});
    CHECK(lines_of(out) ==
          std::vector<std::string>{
              "update     Ann Lee (#1): company \"Globex\" replaced \"Acme\" (the file's change is later)",
              "remove     Bob Ray (#2): deleted on the other side on " + day,
              "Dry run: 0 to add, 1 to update, 0 unchanged, 1 to be removed; nothing written."});
    CHECK(b.ok({"export"}) == before);
    CHECK(count_rows(b.db, "tombstones") == 0);
    // The import itself does what the dry run said.
    CHECK(lines_of(carry(a, b)) ==
          std::vector<std::string>{"~ Ann Lee (#1): company \"Globex\" replaced \"Acme\" (the file's change is later)",
                                   "\u2212 Bob Ray (deleted on the other side on " + day + ")",
                                   "Imported 1 contact from stdin: 0 added, 1 updated, 0 unchanged, 1 removed."});
}

TEST_CASE("a card's parts and photo merge field by field between laptops too") {
    Sandbox a, b;
    a.ok({"add", "Ann Lee"});
    a.ok({"import", "--format", "vcard", "-"},
         piped("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nTITLE:Engineer\r\nEND:VCARD\r\n"));
    carry(a, b);
    next_second();
    a.ok({"import", "--format", "vcard", "-"},
         piped("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nURL:https://ann.example\r\nEND:VCARD\r\n"));
    b.ok({"import", "--format", "vcard", "-"},
         piped("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nNOTE:met at the fair\r\nEND:VCARD\r\n"));
    CHECK(carry(a, b).find("~ Ann Lee (#1): urls\n") == 0);
    auto ann = person(b, "ann");
    CHECK(ann["title"] == "Engineer");
    CHECK(ann["urls"].size() == 1);
    CHECK(ann["notes"].size() == 1);
}
