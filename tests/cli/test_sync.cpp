// `kith sync` with a vdir (issue 21, point 5), through the real binary on temp folders: cards in
// and out, the three-way merge field by field, deletions both ways, files kith does not own, a
// second sync that changes nothing, --dry-run, and the undo history.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "harness.h"

using kith::test::check_error;
using kith::test::count_rows;
using kith::test::lines_of;
using kith::test::mode_of;
using kith::test::Result;
using kith::test::Sandbox;

namespace fs = std::filesystem;

namespace {

bool has(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

// A vdir in the sandbox's home.
std::string make_vdir(const Sandbox& box) {
    const auto vdir = box.dir + "/contacts";
    fs::create_directories(vdir);
    return vdir;
}

// The .vcf files of the folder, by name.
std::vector<std::string> cards_in(const std::string& vdir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(vdir))
        if (entry.path().extension() == ".vcf") names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// How every file in the folder looks: name → (inode, mtime), to tell that nothing was written.
std::map<std::string, std::pair<ino_t, long long>> looks_of(const std::string& vdir) {
    std::map<std::string, std::pair<ino_t, long long>> out;
    for (const auto& entry : fs::directory_iterator(vdir)) {
        struct stat st {};
        ::stat(entry.path().c_str(), &st);
        out[entry.path().filename().string()] = {st.st_ino, st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec};
    }
    return out;
}

// The one card kith wrote for the person named `name` (by its FN line).
std::string card_of(const Sandbox& box, const std::string& vdir, const std::string& name) {
    for (const auto& file : cards_in(vdir)) {
        auto text = box.read_file(vdir + "/" + file);
        if (has(text, "FN:" + name + "\r\n")) return file;
    }
    return "";
}

// Sets a file's mtime `offset` from now: which side's change is later.
void age(const std::string& path, std::chrono::seconds offset) {
    fs::last_write_time(path, fs::file_time_type::clock::now() + offset);
}

std::string phone_card(const std::string& uid, const std::string& name, const std::string& more = "") {
    return "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\nFN:" + name + "\r\nN:" + name + ";;;;\r\n" + more +
           "END:VCARD\r\n";
}

// A card's text with `from` replaced by `to`.
std::string edited(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

std::string show(const Sandbox& box, const std::string& who) {
    return box.ok({"show", who});
}

}  // namespace

TEST_CASE("sync writes each person in kith as a card named by their uuid, 0600, vCard 3.0, without their notes") {
    Sandbox box;
    const auto vdir = make_vdir(box);
    box.ok({"add", "Sam Lee", "--email", "sam@example.com", "--phone", "+1 555 0100", "--company", "Acme"});
    box.ok({"add", "Priya Shah", "--birthday", "--10-12"});
    box.ok({"note", "sam", "Her mum is having a hip operation next month"});
    box.ok({"add", "Old Friend"});
    box.ok({"archive", "old friend"});

    auto out = box.ok({"sync", "--vdir", vdir});
    CHECK(has(out, "out: added    Sam Lee (#1)\n"));
    CHECK(has(out, "out: added    Priya Shah (#2)\n"));
    CHECK(has(out, ": from the folder 0 added, 0 updated, 0 archived; to the folder 2 added, 0 updated, 0 removed.\n"));
    REQUIRE(cards_in(vdir).size() == 2);  // the archived person has no card
    const auto sam = card_of(box, vdir, "Sam Lee");
    REQUIRE(!sam.empty());
    const auto card = box.read_file(vdir + "/" + sam);
    CHECK(has(card, "VERSION:3.0\r\n"));
    CHECK(has(card, "UID:" + sam.substr(0, sam.size() - 4) + "\r\n"));
    CHECK(has(card, "EMAIL;TYPE=INTERNET:sam@example.com\r\n"));
    CHECK(has(card, "ORG:Acme\r\n"));
    CHECK(!has(card, "hip operation"));  // notes stay in kith
    CHECK(mode_of(vdir + "/" + sam) == 0600);
    // A birthday without a year, in 3.0 as Apple writes it (Google reads it too).
    CHECK(has(box.read_file(vdir + "/" + card_of(box, vdir, "Priya Shah")), "BDAY;X-APPLE-OMIT-YEAR=1604:1604-10-12\r\n"));

    SUBCASE("--vcard-version 4 writes 4.0 cards") {
        const auto other = box.dir + "/other";
        fs::create_directories(other);
        box.ok({"sync", "--vdir", other, "--vcard-version", "4"});
        CHECK(has(box.read_file(other + "/" + card_of(box, other, "Priya Shah")), "BDAY:--1012\r\n"));
    }
}

TEST_CASE("a second sync with nothing changed writes no file and keeps nothing in the undo history") {
    Sandbox box;
    const auto vdir = make_vdir(box);
    box.ok({"add", "Sam Lee", "--phone", "+1 555 0100"});
    box.ok({"add", "Priya Shah"});
    box.write_file(vdir + "/phone-1.vcf", phone_card("phone-1", "Ada Lovelace", "TEL:+44 20 7946 0000\r\n"));
    box.write_file(vdir + "/displayname", "Contacts");  // vdirsyncer's metadata: not a card
    box.ok({"sync", "--vdir", vdir});
    const auto history = count_rows(box.db, "undo_history");
    const auto before = looks_of(vdir);

    CHECK(box.ok({"sync", "--vdir", vdir}) ==
          "Nothing to sync: kith and " + fs::canonical(vdir).string() + " agree.\n");
    CHECK(looks_of(vdir) == before);
    CHECK(count_rows(box.db, "undo_history") == history);

    // A note or an interaction is no change to a card either.
    box.ok({"note", "sam", "Likes sailing"});
    box.ok({"log", "sam", "call"});
    CHECK(has(box.ok({"sync", "--vdir", vdir}), "Nothing to sync"));
    CHECK(looks_of(vdir) == before);
}

TEST_CASE("a card added in the folder comes in as a person, and one of a person kith has merges into them") {
    Sandbox box;
    const auto vdir = make_vdir(box);
    box.ok({"add", "Sam Lee", "--email", "sam@example.com"});
    box.ok({"note", "sam", "Prefers Signal to email"});
    box.ok({"sync", "--vdir", vdir});
    box.write_file(vdir + "/A1B2.vcf", phone_card("A1B2", "Ada Lovelace", "TEL;TYPE=CELL:+44 20 7946 0000\r\n"));
    // The phone's own card of Sam, found by e-mail: their number joins kith's Sam.
    box.write_file(
        vdir + "/C3D4.vcf",
        phone_card("C3D4", "Sam Lee", "EMAIL:sam@example.com\r\nTEL:+1 555 0100\r\nNOTE:from the phone\r\n"));

    auto out = box.ok({"sync", "--vdir", vdir});
    CHECK(has(out, "in:  added    Ada Lovelace (#2)\n"));
    CHECK(has(out, "in:  updated  Sam Lee (#1): phones\n"));
    auto ada = show(box, "ada");
    CHECK(has(ada, "+44 20 7946 0000"));
    auto sam = show(box, "sam");
    CHECK(has(sam, "+1 555 0100"));
    CHECK(has(sam, "Prefers Signal to email"));
    CHECK(!has(sam, "from the phone"));  // a card never touches notes
    // Sam now has two cards in the folder, both kept in step; the phone's wrote nothing new.
    CHECK(has(box.ok({"sync", "--vdir", vdir}), "Nothing to sync"));
}

TEST_CASE("a number added on the phone reaches kith with kith's notes and its own edit intact, field by field") {
    Sandbox box;
    const auto vdir = make_vdir(box);
    box.ok({"add", "Sam Lee", "--email", "sam@example.com", "--company", "Acme"});
    box.ok({"note", "sam", "Her mum is having a hip operation next month"});
    box.ok({"sync", "--vdir", vdir});
    const auto file = vdir + "/" + card_of(box, vdir, "Sam Lee");
    // On the phone: a number added. In kith, meanwhile: the company changed.
    box.write_file(file, edited(box.read_file(file), "ORG:Acme\r\n", "ORG:Acme\r\nTEL;TYPE=CELL:+1 555 0199\r\n"),
                   0600);
    box.ok({"edit", "sam", "--company", "Initech"});

    auto out = box.ok({"sync", "--vdir", vdir});
    CHECK(has(out, "in:  updated  Sam Lee (#1): phones\n"));
    CHECK(has(out, "out: updated  Sam Lee (#1): company\n"));
    auto sam = show(box, "sam");
    CHECK(has(sam, "+1 555 0199"));
    CHECK(has(sam, "Initech"));
    CHECK(has(sam, "hip operation"));
    auto card = box.read_file(file);
    CHECK(has(card, "TEL;TYPE=CELL:+1 555 0199\r\n"));  // as the phone wrote it
    CHECK(has(card, "ORG:Initech\r\n"));
    CHECK(has(box.ok({"sync", "--vdir", vdir}), "Nothing to sync"));
}

TEST_CASE("the same number added on both sides, written two ways, is kept once") {
    Sandbox box;
    const auto vdir = make_vdir(box);
    box.ok({"add", "Sam Lee", "--phone", "+1 617 555 0100"});
    box.ok({"sync", "--vdir", vdir});
    const auto file = vdir + "/" + card_of(box, vdir, "Sam Lee");
    // The phone writes the number it was given its own way; kith was given it as typed.
    box.write_file(file, edited(box.read_file(file), "END:VCARD", "TEL;TYPE=CELL:+1 (617) 555-0199\r\nEND:VCARD"),
                   0600);
    box.ok({"edit", "sam", "--add-phone", "+1 617 555 0199"});

    box.ok({"sync", "--vdir", vdir});
    auto sam = show(box, "sam");
    CHECK(has(sam, "+1 617 555 0100, +1 617 555 0199\n"));  // once, as kith was given it
    CHECK(has(box.ok({"sync", "--vdir", vdir}), "Nothing to sync"));
}

TEST_CASE("what a phone's card holds beyond kith's fields survives kith's edits, and the phone's changes to it come in") {
    Sandbox box;
    const auto vdir = make_vdir(box);
    const std::string photo = "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2w==\r\n";
    box.write_file(vdir + "/ana-1.vcf",
                   phone_card("ana-1", "Ana Lima",
                              "TITLE:Head of Design\r\nADR;TYPE=HOME:;;1 Rua Augusta;Lisboa;;1100-048;Portugal\r\n" +
                                  photo + "X-SOCIALPROFILE;TYPE=mastodon:https://example.social/@ana\r\n"),
                   0600);
    box.ok({"sync", "--vdir", vdir});
    auto ana = show(box, "ana");
    CHECK(has(ana, "Head of Design"));
    CHECK(has(ana, "Rua Augusta"));
    // kith changes her company: the card it writes keeps the title, address, photo and profile.
    box.ok({"edit", "ana", "--company", "Globex"});
    CHECK(has(box.ok({"sync", "--vdir", vdir}), "out: updated  Ana Lima"));
    auto card = box.read_file(vdir + "/ana-1.vcf");
    CHECK(has(card, "ORG:Globex"));
    CHECK(has(card, "TITLE:Head of Design"));
    CHECK(has(card, "1 Rua Augusta"));
    CHECK(has(card, "/9j/4AAQSkZJRgABAQAAAQABAAD/2w=="));
    CHECK(has(card, "X-SOCIALPROFILE;TYPE=mastodon:https://example.social/@ana"));
    // The phone moves her: the new address comes in, the company kith set stays.
    box.write_file(vdir + "/ana-1.vcf", edited(card, "1 Rua Augusta", "9 Rua Garrett"), 0600);
    CHECK(has(box.ok({"sync", "--vdir", vdir}), "in:  updated  Ana Lima (#1): card"));
    ana = show(box, "ana");
    CHECK(has(ana, "9 Rua Garrett"));
    CHECK_FALSE(has(ana, "1 Rua Augusta"));
    CHECK(has(ana, "Globex"));
}

TEST_CASE("a spouse added on the phone is asked after by name in the notes kith already has") {
    Sandbox box;
    const auto vdir = make_vdir(box);
    box.write_file(vdir + "/marco-1.vcf", phone_card("marco-1", "Marco Silva"), 0600);
    box.ok({"sync", "--vdir", vdir});
    box.today = "2026-03-03";
    box.ok({"note", "marco", "his wife is having surgery on the 12th"});
    box.today = "2026-03-20";
    CHECK(has(box.ok({"ask", "marco"}), "How is your wife recovering?"));
    box.write_file(vdir + "/marco-1.vcf",
                   phone_card("marco-1", "Marco Silva", "item1.X-ABRELATEDNAMES:Joana Silva\r\n"
                                                        "item1.X-ABLabel:_$!<Spouse>!$_\r\n"),
                   0600);
    age(vdir + "/marco-1.vcf", std::chrono::seconds(60));
    CHECK(has(box.ok({"sync", "--vdir", vdir}), "in:  updated  Marco Silva (#1): card"));
    CHECK(has(box.ok({"ask", "marco"}), "How is Joana recovering?"));
}

TEST_CASE("the same field changed on both sides keeps the later change and says which value it replaced") {
    Sandbox box;
    const auto vdir = make_vdir(box);
    box.ok({"add", "Sam Lee", "--company", "Acme"});
    box.ok({"sync", "--vdir", vdir});
    const auto file = vdir + "/" + card_of(box, vdir, "Sam Lee");

    SUBCASE("the card's change is later") {
        box.ok({"edit", "sam", "--company", "Initech"});
        box.write_file(file, edited(box.read_file(file), "ORG:Acme", "ORG:Globex"), 0600);
        age(file, std::chrono::hours(1));
        auto out = box.ok({"sync", "--vdir", vdir});
        CHECK(has(out,
                  "in:  updated  Sam Lee (#1): company; company \"Globex\" replaced \"Initech\" (the card's "
                  "change is later)\n"));
        CHECK(has(show(box, "sam"), "Globex"));
        CHECK(has(box.read_file(file), "ORG:Globex"));
    }
    SUBCASE("kith's change is later") {
        box.write_file(file, edited(box.read_file(file), "ORG:Acme", "ORG:Globex"), 0600);
        age(file, -std::chrono::hours(1));
        box.ok({"edit", "sam", "--company", "Initech"});
        auto out = box.ok({"sync", "--vdir", vdir});
        CHECK(has(out,
                  "out: updated  Sam Lee (#1): company; company \"Initech\" replaced \"Globex\" (kith's change "
                  "is later)\n"));
        CHECK(has(show(box, "sam"), "Initech"));
        CHECK(has(box.read_file(file), "ORG:Initech"));
    }
    CHECK(has(box.ok({"sync", "--vdir", vdir}), "Nothing to sync"));
}

TEST_CASE(
    "a card deleted from the folder archives its person with their notes, and rm or archive in kith removes "
    "the card") {
    Sandbox box;
    const auto vdir = make_vdir(box);
    box.ok({"add", "Sam Lee"});
    box.ok({"add", "Priya Shah"});
    box.ok({"add", "Tom Reed"});
    box.ok({"note", "sam", "Likes sailing"});
    box.ok({"sync", "--vdir", vdir});
    const auto priya = card_of(box, vdir, "Priya Shah");
    const auto tom = card_of(box, vdir, "Tom Reed");
    fs::remove(vdir + "/" + card_of(box, vdir, "Sam Lee"));
    box.ok({"rm", "priya", "--yes"});
    box.ok({"archive", "tom"});

    auto out = box.ok({"sync", "--vdir", vdir});
    CHECK(has(out, "in:  archived Sam Lee (#1): their card was deleted; notes kept\n"));
    CHECK(has(out, "out: removed  Priya Shah: removed in kith\n"));
    CHECK(has(out, "out: removed  Tom Reed (#3): archived in kith\n"));
    CHECK(cards_in(vdir).empty());
    auto sam = show(box, "sam");
    CHECK(has(sam, "archived"));
    CHECK(has(sam, "Likes sailing"));
    CHECK(has(box.ok({"sync", "--vdir", vdir}), "Nothing to sync"));

    // Brought back in kith, a person gets a card again.
    box.ok({"archive", "--undo", "tom"});
    CHECK(has(box.ok({"sync", "--vdir", vdir}), "out: added    Tom Reed (#3)\n"));
    CHECK(cards_in(vdir) == std::vector<std::string>{tom});
    (void)priya;
}

TEST_CASE("files kith does not own are never touched, and a card kith cannot read is told once") {
    Sandbox box;
    const auto vdir = make_vdir(box);
    box.ok({"add", "Sam Lee"});
    box.write_file(vdir + "/color", "#ff0000");
    box.write_file(vdir + "/broken.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half a card\r\n");
    box.write_file(vdir + "/notes.txt", "not a card");
    const auto before = looks_of(vdir);

    auto result = box.run({"sync", "--vdir", vdir});
    REQUIRE(result.code == 0);
    const auto warnings = lines_of(result.err);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].starts_with("kith: left broken.vcf alone: "));
    CHECK(has(result.out, "out: added    Sam Lee (#1)\n"));
    for (const auto& name : {"color", "broken.vcf", "notes.txt"}) CHECK(looks_of(vdir)[name] == before.at(name));
    CHECK(box.read_file(vdir + "/broken.vcf") == "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half a card\r\n");

    auto again = box.run({"sync", "--vdir", vdir});
    CHECK(again.err.empty());
    CHECK(has(again.out, "Nothing to sync"));
}

TEST_CASE("sync --dry-run says what it would do both ways and writes nothing") {
    Sandbox box;
    const auto vdir = make_vdir(box);
    box.ok({"add", "Sam Lee"});
    box.ok({"sync", "--vdir", vdir});
    box.ok({"add", "Priya Shah"});
    box.write_file(vdir + "/A1B2.vcf", phone_card("A1B2", "Ada Lovelace"));
    const auto before = looks_of(vdir);
    const auto contacts = count_rows(box.db, "contacts");
    const auto history = count_rows(box.db, "undo_history");

    auto out = box.ok({"sync", "--vdir", vdir, "--dry-run"});
    CHECK(has(out, "in:  added    Ada Lovelace"));
    CHECK(has(out, "out: added    Priya Shah (#2)\n"));
    CHECK(has(out, "Dry run, would sync "));
    CHECK(has(out, "; nothing written.\n"));
    CHECK(looks_of(vdir) == before);
    CHECK(count_rows(box.db, "contacts") == contacts);
    CHECK(count_rows(box.db, "undo_history") == history);
}

TEST_CASE("a sync is one command in the undo history") {
    Sandbox box;
    const auto vdir = make_vdir(box);
    box.ok({"add", "Sam Lee"});
    box.write_file(vdir + "/A1B2.vcf", phone_card("A1B2", "Ada Lovelace"));
    box.ok({"sync", "--vdir", vdir});
    CHECK(has(box.ok({"undo", "--list", "--format", "tsv"}), "\tsync\twith " + vdir + "\n"));
    CHECK(has(box.ok({"undo"}), "Undid: sync with " + vdir));
    check_error(box.run({"show", "ada"}), 3);
    // Undone, the sync is forgotten, not reversed on the phone: the next one takes Ada in again
    // and leaves her card where the phone put it.
    CHECK(has(box.ok({"sync", "--vdir", vdir}), "in:  added    Ada Lovelace"));
    CHECK(fs::exists(vdir + "/A1B2.vcf"));
    CHECK(has(show(box, "ada"), "Ada Lovelace"));
    CHECK(has(box.ok({"sync", "--vdir", vdir}), "Nothing to sync"));
}

TEST_CASE("sync takes its folder from sync.vdir, and refuses a missing one or none") {
    Sandbox box;
    box.ok({"add", "Sam Lee"});
    check_error(box.run({"sync"}), 2, "sync.vdir");
    check_error(box.run({"sync", "--vdir", box.dir + "/nowhere"}), 3, "nowhere");
    check_error(box.run({"sync", "--vdir", box.dir, "--vcard-version", "2"}), 2);
    const auto vdir = make_vdir(box);
    box.write_file(box.config, "[sync]\nvdir = \"~/contacts\"\nvcard_version = 4\n");
    CHECK(has(box.ok({"sync"}), "out: added    Sam Lee (#1)\n"));
    CHECK(has(box.read_file(vdir + "/" + card_of(box, vdir, "Sam Lee")), "VERSION:4.0\r\n"));
    CHECK(has(box.ok({"config"}), "sync.vdir = \"~/contacts\"\n"));
}
