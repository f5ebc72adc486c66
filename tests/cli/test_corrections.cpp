// Every record has a visible id and can be corrected or removed: `show` prints n12, i7, r3;
// `edit n12 …` and `rm n12 i7 r3` through the real binary.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness.h"

using kith::test::check_error;
using kith::test::count_rows;
using kith::test::lines_of;
using kith::test::piped;
using kith::test::RunOptions;
using kith::test::Sandbox;
using json = nlohmann::json;

namespace {

// Sam (#1): note n1, interaction i1, reminder r1; Ann (#2): note n2, interaction i2.
void seed(Sandbox& box) {
    box.ok({"add", "Sam Smith", "--every", "30d"});
    box.ok({"note", "sam", "--on", "2026-11-01", "Likes green tea #tea"});
    box.ok({"log", "sam", "--on", "2026-10-01", "--via", "call", "Budget talk"});
    box.ok({"remind", "sam", "2026-12-01", "Send the proposal"});
    box.ok({"add", "Ann Lee"});
    box.ok({"note", "ann", "Moving to Lisbon"});
    box.ok({"log", "ann", "--via", "email"});
}

json show(const Sandbox& box, const std::string& who) {
    return json::parse(box.ok({"show", who, "--format", "json"}));
}

RunOptions terminal(const std::string& input, const std::map<std::string, std::string>& env = {}) {
    RunOptions options;
    options.terminal_stdin = true;
    options.input = input;
    options.env = env;
    return options;
}

// The question ids `ask` suggests for a person today.
std::vector<std::string> question_ids(const Sandbox& box, const std::string& who) {
    std::vector<std::string> ids;
    const auto document = json::parse(box.ok({"ask", who, "--format", "json"}));  // kept: the loop reads into it
    for (const auto& question : document["questions"]) ids.push_back(question["id"].get<std::string>());
    return ids;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

// ---- show: the ids in every format ------------------------------------------------------

TEST_CASE("show prints each note, interaction and reminder with its id, in text and plain") {
    Sandbox box;
    seed(box);
    box.ok({"note", "sam", "--event", "2026-12-05", "Running the Berlin marathon"});  // n3
    for (const auto* format : {"text", "plain"}) {
        auto out = box.ok({"show", "sam", "--format", format});
        CAPTURE(out);
        CHECK(out.find("Notes (2)\n"
                       "  2026-11-22  n3  Running the Berlin marathon (event 2026-12-05)\n"
                       "  2026-11-01  n1  Likes green tea #tea\n") != std::string::npos);
        CHECK(out.find("Reminders (1)\n  2026-12-01  r1  Send the proposal\n") != std::string::npos);
        CHECK(out.find("Interactions (1)\n  2026-10-01  i1  call      Budget talk\n") != std::string::npos);
    }
}

TEST_CASE("show pads ids of different widths so the text lines up, continuation lines too") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    for (int i = 0; i < 9; ++i) box.ok({"note", "sam", "--on", "2026-11-01", "filler"});
    box.ok({"note", "sam", "line one\nline two"});  // n10
    auto out = box.ok({"show", "sam"});
    CHECK(out.find("  2026-11-22  n10  line one\n                   line two\n") != std::string::npos);
    CHECK(out.find("  2026-11-01  n9   filler\n") != std::string::npos);
}

TEST_CASE("show --format md and tsv carry the ids") {
    Sandbox box;
    seed(box);
    auto md = box.ok({"show", "sam", "--format", "md"});
    CHECK(md.find("- **2026-11-01** `n1` Likes green tea #tea\n") != std::string::npos);
    CHECK(md.find("- **2026-12-01** `r1` Send the proposal\n") != std::string::npos);
    CHECK(md.find("- **2026-10-01** `i1` call: Budget talk\n") != std::string::npos);
    auto tsv = lines_of(box.ok({"show", "sam", "--format", "tsv"}));
    auto has = [&](const std::string& line) { return std::find(tsv.begin(), tsv.end(), line) != tsv.end(); };
    CHECK(has("note\t2026-11-01\tn1\t\t\ttea\tLikes green tea #tea"));
    CHECK(has("reminder\t2026-12-01\tr1\t\tSend the proposal"));
    CHECK(has("interaction\t2026-10-01\ti1\tcall\tBudget talk"));
}

TEST_CASE("show --format json and jsonl give each record its id as a string: n1, i1, r1") {
    Sandbox box;
    seed(box);
    auto sam = show(box, "sam");
    CHECK(sam["id"] == 1);  // a person's id stays a number
    CHECK(sam["notes"][0]["id"] == "n1");
    CHECK(sam["interactions"][0]["id"] == "i1");
    CHECK(sam["reminders"][0]["id"] == "r1");
    auto line = json::parse(box.ok({"show", "ann", "--format", "jsonl"}));
    CHECK(line["notes"][0]["id"] == "n2");
    CHECK(line["interactions"][0]["id"] == "i2");
}

TEST_CASE("export writes the record ids as show does, and import reads them back, or older bare numbers") {
    Sandbox box;
    seed(box);
    auto exported = box.ok({"export", "--format", "jsonl"});
    auto sam = json::parse(lines_of(exported)[0]);
    CHECK(sam["notes"][0]["id"] == "n1");
    CHECK(sam["reminders"][0]["id"] == "r1");

    Sandbox copy;
    copy.ok({"import", "-", "--format", "jsonl"}, piped(exported));
    CHECK(copy.ok({"export", "--format", "jsonl"}) == exported);  // the same bytes again
    CHECK(copy.ok({"export", "--format", "json"}) == box.ok({"export", "--format", "json"}));

    // An export from before the ids had letters: the numbers are kept as they were.
    Sandbox old;
    old.ok({"import", "-", "--format", "jsonl"},
           piped(R"({"name":"Bo Park","notes":[{"id":7,"text":"Plays chess","date":"2026-11-01"}],)"
                 R"("interactions":[{"id":5,"date":"2026-11-02","channel":"call"}],)"
                 R"("reminders":[{"id":9,"due":"2026-12-01","text":"Call back"}]})"
                 "\n"));
    auto bo = show(old, "bo");
    CHECK(bo["notes"][0]["id"] == "n7");
    CHECK(bo["interactions"][0]["id"] == "i5");
    CHECK(bo["reminders"][0]["id"] == "r9");
}

TEST_CASE("import refuses an id of the wrong kind, naming the field") {
    Sandbox box;
    auto result = box.run({"import", "-", "--format", "jsonl"},
                          piped(R"({"name":"Bo Park","notes":[{"id":"i7","text":"Plays chess"}]})"
                                "\n"));
    check_error(result, 2, "field \"id\": expected a note id such as \"n12\"");
    CHECK(count_rows(box.db, "contacts") == 0);
}

// ---- edit a note ------------------------------------------------------------------------

TEST_CASE("edit n1 replaces a note's text and works out its tags again") {
    Sandbox box;
    seed(box);
    box.ok({"note", "sam", "--tag", "work", "Ran the #marathon"});  // n3: tags work, marathon
    auto out = box.ok({"edit", "n3", "Ran", "the", "#halfmarathon", "in", "Berlin"});
    CHECK(out.rfind("Updated n3 of Sam Smith (#1)\n", 0) == 0);
    auto note = show(box, "sam")["notes"][0];
    CHECK(note["id"] == "n3");
    CHECK(note["text"] == "Ran the #halfmarathon in Berlin");
    CHECK(note["tags"] == json::array({"work", "halfmarathon"}));  // --tag stays, the old hashtag goes
    CHECK(note["date"] == "2026-11-22");
}

TEST_CASE("editing a note's text changes what kith reads in it and what ask and due ask") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    box.ok({"note", "sam", "Likes green tea"});
    CHECK(!contains(question_ids(box, "sam"), "n1"));
    auto out = box.ok({"edit", "n1", "Is Emma graduating this year?"});
    CHECK(out.find("Updated n1 of Sam Smith (#1)\n") == 0);
    CHECK(contains(question_ids(box, "sam"), "n1"));
    // and back: the question goes with the text that asked it
    box.ok({"edit", "n1", "Likes green tea"});
    CHECK(!contains(question_ids(box, "sam"), "n1"));
}

TEST_CASE("edit n --event sets and clears the day a note's event happens, and due follows") {
    Sandbox box;
    box.ok({"add", "Tom Becker"});
    box.ok({"note", "tom", "Running the Berlin marathon"});
    CHECK(box.ok({"due", "--format", "tsv"}).empty());
    box.ok({"edit", "n1", "--event", "2026-11-24"});
    CHECK(show(box, "tom")["notes"][0]["event"] == "2026-11-24");
    CHECK(box.ok({"due", "--format", "tsv"}).find("coming up") != std::string::npos);
    box.ok({"edit", "n1", "--event", "none"});
    CHECK(show(box, "tom")["notes"][0]["event"].is_null());
    CHECK(box.ok({"due", "--format", "tsv"}).empty());
}

TEST_CASE("edit n --on, --ask and --no-ask") {
    Sandbox box;
    seed(box);
    box.ok({"edit", "n1", "--on", "2026-11-10", "--ask"});
    auto note = show(box, "sam")["notes"][0];
    CHECK(note["date"] == "2026-11-10");
    CHECK(note["ask"] == true);
    CHECK(note["text"] == "Likes green tea #tea");
    box.ok({"edit", "n1", "--no-ask"});
    CHECK(show(box, "sam")["notes"][0]["ask"] == false);
}

TEST_CASE("edit n reads the new text from standard input with -") {
    Sandbox box;
    seed(box);
    box.ok({"edit", "n1", "-"}, piped("Prefers coffee now\n"));
    CHECK(show(box, "sam")["notes"][0]["text"] == "Prefers coffee now");
    CHECK(show(box, "sam")["notes"][0]["tags"] == json::array());
}

TEST_CASE("edit n with nothing else on a terminal opens the editor on the note's text") {
    Sandbox box;
    seed(box);
    auto editor = box.dir + "/editor.sh";
    box.write_file(editor,
                   "#!/bin/sh\n"
                   "for last; do :; done\n"
                   "cp \"$last\" \"" +
                       box.dir +
                       "/seen.txt\"\n"
                       "printf 'Likes oolong tea #tea\\n' > \"$last\"\n",
                   0755);
    auto out = box.ok({"edit", "n1"}, terminal("", {{"EDITOR", editor}, {"VISUAL", ""}}));
    CHECK(out.rfind("Updated n1 of Sam Smith (#1)\n", 0) == 0);
    CHECK(box.read_file(box.dir + "/seen.txt") == "Likes green tea #tea");
    CHECK(show(box, "sam")["notes"][0]["text"] == "Likes oolong tea #tea");
    // An editor that leaves the text as it was changes nothing.
    box.write_file(editor, "#!/bin/sh\nexit 0\n", 0755);
    CHECK(box.ok({"edit", "n1"}, terminal("", {{"EDITOR", editor}, {"VISUAL", ""}})) == "No changes to n1\n");
}

TEST_CASE("edit of a record with nothing to change, off a terminal, is a usage error") {
    Sandbox box;
    seed(box);
    check_error(box.run({"edit", "n1"}), 2, "nothing to change in n1");
    check_error(box.run({"edit", "n1", ""}), 2, "empty note: nothing changed");
    check_error(box.run({"edit", "r1", "  "}), 2, "empty reminder: nothing changed");
}

// ---- edit an interaction ----------------------------------------------------------------

TEST_CASE("edit i changes an interaction's summary, channel and day, and last contact and check-in follow") {
    Sandbox box;
    seed(box);
    CHECK(show(box, "sam")["last_contacted"] == "2026-10-01");
    CHECK(box.ok({"due", "--format", "tsv"}).find("Sam Smith") != std::string::npos);  // 30d passed
    CHECK(box.ok({"edit", "i1", "Budget", "and", "hiring", "--via", "meet", "--on", "2026-11-20"}) ==
          "Updated i1 of Sam Smith (#1)\n");
    auto sam = show(box, "sam");
    CHECK(sam["interactions"][0]["summary"] == "Budget and hiring");
    CHECK(sam["interactions"][0]["channel"] == "meet");
    CHECK(sam["interactions"][0]["date"] == "2026-11-20");
    CHECK(sam["last_contacted"] == "2026-11-20");
    CHECK(box.ok({"due", "--format", "tsv"}).find("Sam Smith") == std::string::npos);  // not due any more
    // And back to an older day: due again.
    box.ok({"edit", "i1", "--on", "2026-09-01"});
    CHECK(show(box, "sam")["last_contacted"] == "2026-09-01");
    CHECK(box.ok({"due", "--format", "tsv"}).find("last spoke 2026-09-01") != std::string::npos);
}

TEST_CASE("edit i --on moves the questions asked in it to its new day") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    box.ok({"note", "sam", "Is Emma graduating this year?"});
    box.ok({"log", "sam", "--asked", "n1"});  // i1
    box.ok({"edit", "i1", "--on", "2026-11-02"});
    auto asked = json::parse(lines_of(box.ok({"export", "--format", "jsonl"}))[0])["asked"];
    REQUIRE(asked.size() == 1);
    CHECK(asked[0]["date"] == "2026-11-02");
}

// ---- edit a reminder --------------------------------------------------------------------

TEST_CASE("edit r changes a reminder's text, day and interval") {
    Sandbox box;
    seed(box);
    CHECK(box.ok({"edit", "r1", "Send", "the", "signed", "proposal", "--when", "2026-11-27", "--every", "monthly"}) ==
          "Updated r1 of Sam Smith (#1)\n");
    auto reminder = show(box, "sam")["reminders"][0];
    CHECK(reminder["text"] == "Send the signed proposal");
    CHECK(reminder["due"] == "2026-11-27");
    CHECK(reminder["starts_on"] == "2026-11-27");
    CHECK(reminder["every"] == "1mo");
    box.ok({"edit", "r1", "--every", "none"});
    CHECK(show(box, "sam")["reminders"][0]["every"].is_null());
    // due sees the new day
    CHECK(box.ok({"due", "--format", "tsv", "--today", "2026-11-27"}).find("Send the signed proposal") !=
          std::string::npos);
}

TEST_CASE("edit r --when clears a snooze meant for the old day, and done and snooze take r ids too") {
    Sandbox box;
    seed(box);
    box.ok({"snooze", "r1", "2026-12-05"});
    CHECK(show(box, "sam")["reminders"][0]["snoozed_until"] == "2026-12-05");
    box.ok({"edit", "r1", "--when", "2026-12-03"});
    CHECK(show(box, "sam")["reminders"][0]["snoozed_until"].is_null());
    CHECK(box.ok({"done", "r1"}) == "Done r1: Send the proposal\n");
    CHECK(show(box, "sam")["reminders"].empty());
}

// ---- edit: what stays a person, and bad input --------------------------------------------

TEST_CASE("a bare number or #id stays a person, and a record id wins over a person named like one") {
    Sandbox box;
    box.ok({"add", "n1 Club"});
    box.ok({"note", "#1", "Meets on Tuesdays"});
    CHECK(box.ok({"edit", "1", "--company", "Chess"}) == "Updated n1 Club (#1)\n");
    CHECK(box.ok({"edit", "#1", "--company", "Go"}) == "Updated n1 Club (#1)\n");
    CHECK(box.ok({"edit", "n1", "Meets on Wednesdays"}).rfind("Updated n1 of n1 Club (#1)\n", 0) == 0);
    // The whole name as one argument is not an id: it reaches the person.
    CHECK(box.ok({"edit", "n1 Club", "--company", "Chess and Go"}) == "Updated n1 Club (#1)\n");
    check_error(box.run({"edit", "n1", "club", "--company", "Go"}), 2, "--company is for people; n1 is a note");
    auto club = show(box, "#1");
    CHECK(club["company"] == "Chess and Go");
    CHECK(club["notes"][0]["text"] == "Meets on Wednesdays");
}

TEST_CASE("edit errors: unknown id, an option of the wrong kind, a bad date, and nothing written") {
    Sandbox box;
    seed(box);
    auto before = box.ok({"export", "--format", "jsonl"});
    check_error(box.run({"edit", "n99", "text"}), 3, "no note n99");
    check_error(box.run({"edit", "i99", "--via", "call"}), 3, "no interaction i99");
    check_error(box.run({"edit", "r99", "--when", "fri"}), 3, "no reminder r99");
    check_error(box.run({"edit", "i1", "--event", "2026-12-01"}), 2, "--event is for notes; i1 is an interaction");
    check_error(box.run({"edit", "n1", "--via", "call"}), 2, "--via is for interactions; n1 is a note");
    check_error(box.run({"edit", "r1", "--on", "2026-11-01"}), 2,
                "--on is for notes and interactions; r1 is a reminder");
    check_error(box.run({"edit", "n1", "--when", "fri"}), 2, "--when is for reminders; n1 is a note");
    check_error(box.run({"edit", "i1", "--no-ask"}), 2, "--no-ask is for notes; i1 is an interaction");
    check_error(box.run({"edit", "i1", "--every", "2w"}), 2,
                "--every is for reminders and people; i1 is an interaction");
    check_error(box.run({"edit", "n1", "--company", "Acme"}), 2, "--company is for people; n1 is a note");
    check_error(box.run({"edit", "sam", "--event", "fri"}), 2, "--event is for notes (n12); \"sam\" is a person");
    check_error(box.run({"edit", "n1", "--event", "someday"}), 2, "--event");
    check_error(box.run({"edit", "n1", "--on", "2026-12-25"}), 2, "in the future");
    check_error(box.run({"edit", "i1", "--on", "nope"}), 2, "--on");
    check_error(box.run({"edit", "r1", "--when", "nope"}), 2, "--when");
    check_error(box.run({"edit", "r1", "--every", "sometimes"}), 2, "--every");
    check_error(box.run({"edit", "i1", "--via", "pigeon"}), 2, "pigeon");
    CHECK(box.ok({"export", "--format", "jsonl"}) == before);
}

// ---- rm records --------------------------------------------------------------------------

TEST_CASE("rm n i r removes those records and nothing else") {
    Sandbox box;
    seed(box);
    auto out = box.ok({"rm", "n1", "i2", "r1", "--yes"});
    CHECK(out ==
          "Deleted n1  note for Sam Smith (#1), 2026-11-01: Likes green tea #tea\n"
          "Deleted i2  interaction with Ann Lee (#2), 2026-11-22: email\n"
          "Deleted r1  reminder for Sam Smith (#1), 2026-12-01: Send the proposal\n");
    auto sam = show(box, "sam");
    CHECK(sam["notes"].empty());
    CHECK(sam["reminders"].empty());
    CHECK(sam["interactions"].size() == 1);
    auto ann = show(box, "ann");
    CHECK(ann["notes"].size() == 1);
    CHECK(ann["interactions"].empty());
    CHECK(count_rows(box.db, "contacts") == 2);
}

TEST_CASE("a note removed takes its asked marks along: a new note given its id is asked") {
    Sandbox box;
    box.ok({"add", "Bob Ray"});
    box.ok({"note", "bob", "--ask", "Did the board approve the budget?"});  // n1
    box.ok({"log", "bob", "--asked", "n1"});
    box.ok({"rm", "n1", "--yes"});
    box.ok({"note", "bob", "--ask", "Did you hire the designer?"});  // SQLite may give it id 1 again
    CHECK(box.ok({"ask", "bob"}).find("Did you hire the designer?") != std::string::npos);
    box.ok({"undo"});
    box.ok({"undo"});  // the rm: the first note and its mark come back together
    CHECK(box.ok({"ask", "bob"}).find("Did the board approve") == std::string::npos);
}

TEST_CASE("rm of records is all or nothing: one unknown id and nothing goes") {
    Sandbox box;
    seed(box);
    check_error(box.run({"rm", "n1", "i1", "n99", "--yes"}), 3, "no note n99");
    CHECK(count_rows(box.db, "notes") == 2);
    CHECK(count_rows(box.db, "interactions") == 2);
    check_error(box.run({"rm", "r1", "r7", "--yes"}), 3, "no reminder r7");
    CHECK(count_rows(box.db, "reminders") == 1);
    // a repeated id is removed once, not refused as gone
    box.ok({"rm", "n1", "n1", "--yes"});
    CHECK(count_rows(box.db, "notes") == 1);
}

TEST_CASE("rm of records asks on a terminal, listing them, and no keeps them and exits 1") {
    Sandbox box;
    seed(box);
    auto result = box.run({"rm", "n1", "r1"}, terminal("n\n"));
    CHECK(result.code == 1);
    CHECK(result.out.empty());
    CHECK(result.err.find("  n1  note for Sam Smith (#1), 2026-11-01: Likes green tea #tea\n"
                          "  r1  reminder for Sam Smith (#1), 2026-12-01: Send the proposal\n"
                          "Delete these 2? [y/N]") != std::string::npos);
    CHECK(result.err.find("kith: nothing deleted") != std::string::npos);
    CHECK(count_rows(box.db, "notes") == 2);
    CHECK(box.ok({"rm", "i1"}, terminal("y\n")) ==
          "Deleted i1  interaction with Sam Smith (#1), 2026-10-01: call: Budget talk\n");
    CHECK(count_rows(box.db, "interactions") == 1);
    // Not on a terminal, --yes is needed.
    check_error(box.run({"rm", "n1", "r1"}), 2, "refusing to delete n1 r1 without --yes");
    CHECK(count_rows(box.db, "notes") == 2);
}

TEST_CASE("rm refuses a person and record ids together") {
    Sandbox box;
    seed(box);
    check_error(box.run({"rm", "sam", "n1", "--yes"}), 2, "\"sam\" is not a record id (n12, i7, r3)");
    check_error(box.run({"rm", "n1", "#2", "--yes"}), 2, "\"#2\" is not a record id");
    CHECK(count_rows(box.db, "notes") == 2);
    CHECK(count_rows(box.db, "contacts") == 2);
    CHECK(box.ok({"rm", "#2", "--yes"}) == "Deleted Ann Lee (#2)\n");  // a person, as before
}

TEST_CASE("rm of a record id without its number deletes nobody, even someone whose name starts with it") {
    Sandbox box;
    box.ok({"add", "Nina Ortiz"});
    box.ok({"add", "Ivan Roe"});
    for (const std::string letter : {"n", "i", "r"})
        check_error(box.run({"rm", letter, "--yes"}), 2, "\"" + letter + "\" is a record id without its number");
    CHECK(count_rows(box.db, "contacts") == 2);
    CHECK(box.ok({"rm", "nina", "--yes"}) == "Deleted Nina Ortiz (#1)\n");  // a name still finds her
}

TEST_CASE("removing the latest interaction moves last contact back and makes the person due again") {
    Sandbox box;
    seed(box);
    box.ok({"log", "sam", "--via", "meet", "--on", "2026-11-15"});  // i3
    CHECK(show(box, "sam")["last_contacted"] == "2026-11-15");
    CHECK(box.ok({"due", "--format", "tsv"}).find("Sam Smith") == std::string::npos);
    box.ok({"rm", "i3", "--yes"});
    CHECK(show(box, "sam")["last_contacted"] == "2026-10-01");
    CHECK(box.ok({"due", "--format", "tsv"}).find("check-in 22 days overdue (every 30d, last spoke 2026-10-01)") !=
          std::string::npos);
    box.ok({"rm", "i1", "--yes"});  // none left: the clock runs from the day they were added
    CHECK(show(box, "sam")["last_contacted"].is_null());
}

TEST_CASE("removing an interaction forgets the questions recorded as asked in it") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    box.ok({"note", "sam", "Is Emma graduating this year?"});
    box.ok({"log", "sam", "--asked", "n1"});  // i1
    CHECK(!contains(question_ids(box, "sam"), "n1"));
    box.ok({"rm", "i1", "--yes"});
    CHECK(count_rows(box.db, "asked_questions") == 0);
    CHECK(contains(question_ids(box, "sam"), "n1"));
}

TEST_CASE("a removed note's questions and event leave ask and due") {
    Sandbox box;
    box.ok({"add", "Tom Becker"});
    box.ok({"note", "tom", "--event", "2026-11-24", "Running the Berlin marathon"});
    CHECK(!box.ok({"due", "--format", "tsv"}).empty());
    box.ok({"rm", "n1", "--yes"});
    CHECK(box.ok({"due", "--format", "tsv"}).empty());
    CHECK(question_ids(box, "tom").empty());
}

TEST_CASE("edit r --when eom keeps a monthly reminder at every month's end, as remind does") {
    Sandbox box;  // today is 2026-11-22, so eom is Nov 30
    box.ok({"add", "Sam Smith"});
    box.ok({"remind", "sam", "2026-11-25", "Send the invoice", "--every", "monthly"});
    box.ok({"edit", "r1", "--when", "eom"});
    std::vector<std::string> next;
    for (int i = 0; i < 3; ++i) {
        auto done = box.ok({"done", "r1"});
        next.push_back(done.substr(done.rfind(' ') + 1));
    }
    CHECK(next == std::vector<std::string>{"2026-12-31\n", "2027-01-31\n", "2027-02-28\n"});
}
