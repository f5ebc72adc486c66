// Black-box tests of `note` (text, stdin, the editor, dates, tags) and `log`.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness.h"

using kith::test::Result;
using kith::test::RunOptions;
using kith::test::Sandbox;
using kith::test::piped;
using kith::test::count_rows;
using kith::test::check_error;
using kith::test::lines_of;
using json = nlohmann::json;

namespace {

json show_json(const Sandbox& box, const std::string& who) {
    return json::parse(box.ok({"show", who, "--format", "json"}));
}

json notes_of(const Sandbox& box, const std::string& who) { return show_json(box, who)["notes"]; }

RunOptions on_terminal(const std::map<std::string, std::string>& env) {
    RunOptions options;
    options.terminal_stdin = true;
    options.env = env;
    return options;
}

// Temp files kith left in the sandbox (its TMPDIR).
std::vector<std::string> leftover_temp_files(const Sandbox& box) {
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(box.dir)) {
        auto name = entry.path().filename().string();
        if (name.rfind("kith-", 0) == 0) found.push_back(name);
    }
    return found;
}

// An editor script that records its arguments and the temp file's mode, then writes `text`
// into its last argument and exits with `status`.
std::string make_editor(const Sandbox& box, const std::string& name, const std::string& text, int status = 0) {
    auto path = box.dir + "/" + name;
    box.write_file(path,
                   "#!/bin/sh\n"
                   "for last; do :; done\n"
                   "printf '%s\\n' \"$*\" > \"" + box.dir + "/" + name + ".args\"\n"
                   "stat -c %a \"$last\" > \"" + box.dir + "/" + name + ".mode\"\n"
                   "printf '%s' '" + text + "' > \"$last\"\n"
                   "exit " + std::to_string(status) + "\n",
                   0755);
    return path;
}

}  // namespace

// ---- note: where the text comes from ---------------------------------------------------

TEST_CASE("note joins its TEXT arguments and reports the note id") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    CHECK(lines_of(box.ok({"note", "sam", "Daughter", "Emma", "got into college"})).front() == "Noted for Sam Smith (#1), note 1");
    auto notes = notes_of(box, "sam");
    REQUIRE(notes.size() == 1);
    CHECK(notes[0]["text"] == "Daughter Emma got into college");
    CHECK(notes[0]["date"] == "2026-11-22");
    CHECK(notes[0]["event"].is_null());
    CHECK(notes[0]["ask"] == false);
}

TEST_CASE("note - reads the text from standard input, keeping its lines") {
    Sandbox box;
    box.ok({"add", "Sam"});
    box.ok({"note", "sam", "-"}, piped("First line\nsecond line\n"));
    auto notes = notes_of(box, "sam");
    REQUIRE(notes.size() == 1);
    CHECK(notes[0]["text"] == "First line\nsecond line");
}

TEST_CASE("note without TEXT reads piped standard input") {
    Sandbox box;
    box.ok({"add", "Sam"});
    CHECK(lines_of(box.ok({"note", "sam"}, piped("Training for a marathon\n"))).front() == "Noted for Sam (#1), note 1");
    CHECK(notes_of(box, "sam")[0]["text"] == "Training for a marathon");
}

TEST_CASE("an empty note is refused and nothing is saved") {
    Sandbox box;
    box.ok({"add", "Sam"});
    check_error(box.run({"note", "sam"}), 2, "empty");
    check_error(box.run({"note", "sam", "-"}, piped(" \n\t\n")), 2, "empty");
    check_error(box.run({"note", "sam", "   "}), 2, "empty");
    CHECK(count_rows(box.db, "notes") == 0);
}

TEST_CASE("a note that is not valid UTF-8 is refused") {
    Sandbox box;
    box.ok({"add", "Sam"});
    check_error(box.run({"note", "sam", "-"}, piped("bad \xff byte\n")), 2, "UTF-8");
    CHECK(count_rows(box.db, "notes") == 0);
}

TEST_CASE("note on a terminal opens $EDITOR on a private temp file and saves what it wrote") {
    Sandbox box;
    box.ok({"add", "Sam"});
    auto editor = make_editor(box, "editor.sh", "Written in the editor");
    auto out = box.ok({"note", "sam"}, on_terminal({{"EDITOR", editor}}));
    CHECK(lines_of(out).front() == "Noted for Sam (#1), note 1");
    CHECK(notes_of(box, "sam")[0]["text"] == "Written in the editor");
    CHECK(box.read_file(editor + ".mode") == "600\n");
    CHECK(leftover_temp_files(box).empty());
}

TEST_CASE("an editor that exits non-zero saves nothing and exits 1") {
    Sandbox box;
    box.ok({"add", "Sam"});
    auto editor = make_editor(box, "failing.sh", "Should not be saved", 3);
    auto result = box.run({"note", "sam"}, on_terminal({{"EDITOR", editor}}));
    check_error(result, 1, "nothing saved");
    CHECK(count_rows(box.db, "notes") == 0);
    CHECK(leftover_temp_files(box).empty());
}

TEST_CASE("an editor that saves an empty file saves no note") {
    Sandbox box;
    box.ok({"add", "Sam"});
    auto editor = make_editor(box, "empty.sh", "");
    check_error(box.run({"note", "sam"}, on_terminal({{"EDITOR", editor}})), 2, "empty");
    CHECK(count_rows(box.db, "notes") == 0);
    CHECK(leftover_temp_files(box).empty());
}

TEST_CASE("EDITOR may carry arguments, which are passed before the file") {
    Sandbox box;
    box.ok({"add", "Sam"});
    auto editor = make_editor(box, "witharg.sh", "With an argument");
    box.ok({"note", "sam"}, on_terminal({{"EDITOR", editor + " --wait"}}));
    CHECK(notes_of(box, "sam")[0]["text"] == "With an argument");
    auto args = box.read_file(editor + ".args");
    CHECK(args.rfind("--wait " + box.dir + "/kith-", 0) == 0);
    CHECK(leftover_temp_files(box).empty());
}

TEST_CASE("VISUAL is preferred over EDITOR") {
    Sandbox box;
    box.ok({"add", "Sam"});
    auto visual = make_editor(box, "visual.sh", "from visual");
    auto editor = make_editor(box, "editor.sh", "from editor");
    box.ok({"note", "sam"}, on_terminal({{"VISUAL", visual}, {"EDITOR", editor}}));
    CHECK(notes_of(box, "sam")[0]["text"] == "from visual");
}

TEST_CASE("note to an unknown contact fails before reading input or opening an editor") {
    Sandbox box;
    box.ok({"add", "Sam"});
    auto editor = make_editor(box, "editor.sh", "never");
    check_error(box.run({"note", "nobody"}, on_terminal({{"EDITOR", editor}})), 3, "nobody");
    CHECK(!std::filesystem::exists(editor + ".args"));
    check_error(box.run({"note", "nobody", "-"}, piped("text\n")), 3);
    CHECK(count_rows(box.db, "notes") == 0);
}

// ---- note: dates -----------------------------------------------------------------------

TEST_CASE("note --on backdates a note") {
    Sandbox box;
    box.ok({"add", "Sam"});
    box.ok({"note", "sam", "--on", "2026-11-01", "Said it a while ago"});
    box.ok({"note", "sam", "--on", "yesterday", "Said it yesterday"});
    box.ok({"note", "sam", "--on", "today", "Said it today"});
    auto notes = notes_of(box, "sam");
    REQUIRE(notes.size() == 3);
    CHECK(notes[0]["date"] == "2026-11-22");
    CHECK(notes[1]["date"] == "2026-11-21");
    CHECK(notes[2]["date"] == "2026-11-01");
    CHECK(notes[2]["text"] == "Said it a while ago");
}

TEST_CASE("note --on in the future is refused and nothing is saved") {
    Sandbox box;
    box.ok({"add", "Sam"});
    check_error(box.run({"note", "sam", "--on", "tomorrow", "x"}), 2, "2026-11-23");
    check_error(box.run({"note", "sam", "--on", "2027-01-01", "x"}), 2, "future");
    CHECK(count_rows(box.db, "notes") == 0);
}

TEST_CASE("note --on with a bad date names the bad token") {
    Sandbox box;
    box.ok({"add", "Sam"});
    check_error(box.run({"note", "sam", "--on", "frday", "x"}), 2, "\"frday\"");
    check_error(box.run({"note", "sam", "--on", "2026-13-01", "x"}), 2, "2026-13-01");
    CHECK(count_rows(box.db, "notes") == 0);
}

TEST_CASE("note --event records when the thing happens, in the future too") {
    Sandbox box;
    box.ok({"add", "Sam"});
    box.ok({"note", "sam", "--event", "2026-12-05", "Running the Berlin marathon"});
    box.ok({"note", "sam", "--event", "fri", "Job interview"});
    box.ok({"note", "sam", "--event", "in 2 weeks", "Moving house"});
    box.ok({"note", "sam", "--event", "dec 25", "Family visit"});
    auto notes = notes_of(box, "sam");
    REQUIRE(notes.size() == 4);
    // Same noted date: newest (highest id) first.
    CHECK(notes[3]["event"] == "2026-12-05");
    CHECK(notes[2]["event"] == "2026-11-27");  // 2026-11-22 is a Sunday
    CHECK(notes[1]["event"] == "2026-12-06");
    CHECK(notes[0]["event"] == "2026-12-25");
    CHECK(notes[3]["date"] == "2026-11-22");
    auto text = box.ok({"show", "sam", "--format", "plain"});
    CHECK(text.find("Running the Berlin marathon (event 2026-12-05)") != std::string::npos);
    check_error(box.run({"note", "sam", "--event", "someday", "x"}), 2, "someday");
}

TEST_CASE("note --ask marks the note as a question to ask") {
    Sandbox box;
    box.ok({"add", "Sam"});
    box.ok({"note", "sam", "--ask", "How did the surgery go?"});
    box.ok({"note", "sam", "Plain fact"});
    auto notes = notes_of(box, "sam");
    REQUIRE(notes.size() == 2);
    CHECK(notes[1]["ask"] == true);
    CHECK(notes[0]["ask"] == false);
    CHECK(box.ok({"show", "sam", "--format", "plain"}).find("(to ask)") != std::string::npos);
}

// ---- note: tags ------------------------------------------------------------------------

TEST_CASE("note --tag adds normalised tags") {
    Sandbox box;
    box.ok({"add", "Sam"});
    box.ok({"note", "sam", "--tag", "Family", "-t", "#health", "--tag", "family", "Dad in hospital"});
    CHECK(notes_of(box, "sam")[0]["tags"] == json::array({"family", "health"}));
    check_error(box.run({"note", "sam", "--tag", "two words", "text"}), 2, "two words");
    CHECK(count_rows(box.db, "notes") == 1);
}

TEST_CASE("#hashtags in the text become tags, lower-cased, after the --tag ones") {
    Sandbox box;
    box.ok({"add", "Sam"});
    box.ok({"note", "sam", "-t", "work", "Took up #Golf and #sailing, also #golf again; #über-fan"});
    CHECK(notes_of(box, "sam")[0]["tags"] == json::array({"work", "golf", "sailing", "über-fan"}));
}

TEST_CASE("C# and #1 are not hashtags") {
    Sandbox box;
    box.ok({"add", "Sam"});
    box.ok({"note", "sam", "Learning C# and F#, #1 fan of issue#3, ranked #42"});
    CHECK(notes_of(box, "sam")[0]["tags"] == json::array());
    box.ok({"note", "sam", "#family-"});
    CHECK(notes_of(box, "sam")[0]["tags"] == json::array({"family"}));
}

// ---- log -------------------------------------------------------------------------------

TEST_CASE("log --via accepts each channel") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    for (std::string channel : {"call", "email", "meet", "message", "other"}) {
        CAPTURE(channel);
        CHECK(box.ok({"log", "sam", "--via", channel}) ==
              "Logged " + channel + " with Sam Smith (#1) on 2026-11-22\n");
    }
    auto interactions = show_json(box, "sam")["interactions"];
    REQUIRE(interactions.size() == 5);
    CHECK(interactions[0]["channel"] == "other");
    CHECK(interactions[4]["channel"] == "call");
}

TEST_CASE("log defaults to channel other and stores the summary") {
    Sandbox box;
    box.ok({"add", "Sam"});
    CHECK(box.ok({"log", "sam", "Caught", "up", "about the Q4 budget"}) == "Logged other with Sam (#1) on 2026-11-22\n");
    auto sam = show_json(box, "sam");
    REQUIRE(sam["interactions"].size() == 1);
    CHECK(sam["interactions"][0]["channel"] == "other");
    CHECK(sam["interactions"][0]["summary"] == "Caught up about the Q4 budget");
    CHECK(sam["last_contacted"] == "2026-11-22");
    // Logged on the day Sam was added: list knows it too, not "never".
    CHECK(box.ok({"list", "--format", "tsv"}) == "1\tSam\t\t\t2026-11-22\n");
}

TEST_CASE("log with a bad channel is a usage error and records nothing") {
    Sandbox box;
    box.ok({"add", "Sam"});
    check_error(box.run({"log", "sam", "--via", "fax"}), 2, "fax");
    CHECK(count_rows(box.db, "interactions") == 0);
}

TEST_CASE("log --on backdates, the latest date is the last contacted, not the latest logged") {
    Sandbox box;
    box.ok({"add", "Sam"});
    CHECK(box.ok({"log", "sam", "--via", "call", "--on", "2026-11-20"}) ==
          "Logged call with Sam (#1) on 2026-11-20\n");
    box.ok({"log", "sam", "--via", "meet", "--on", "2026-09-01", "Lunch"});
    auto sam = show_json(box, "sam");
    CHECK(sam["last_contacted"] == "2026-11-20");
    REQUIRE(sam["interactions"].size() == 2);
    CHECK(sam["interactions"][0]["date"] == "2026-11-20");
    CHECK(sam["interactions"][1]["date"] == "2026-09-01");
    CHECK(sam["interactions"][1]["summary"] == "Lunch");
}

TEST_CASE("log --on in the future or a bad date is refused") {
    Sandbox box;
    box.ok({"add", "Sam"});
    check_error(box.run({"log", "sam", "--on", "2026-12-01"}), 2, "future");
    check_error(box.run({"log", "sam", "--on", "lastweek"}), 2, "lastweek");
    CHECK(count_rows(box.db, "interactions") == 0);
}

TEST_CASE("log to an ambiguous contact records nothing") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    box.ok({"add", "Sam Jones"});
    check_error(box.run({"log", "sam", "--via", "call"}), 3, "ambiguous");
    CHECK(count_rows(box.db, "interactions") == 0);
}

TEST_CASE("--on with a weekday or month-day backdates to its latest occurrence") {
    Sandbox box;  // today is Sunday 2026-11-22
    box.ok({"add", "Sam"});
    box.ok({"note", "sam", "--on", "fri", "Mentioned the move"});
    box.ok({"log", "sam", "--on", "nov 15", "--via", "call"});
    auto detail = nlohmann::json::parse(box.ok({"show", "sam", "--format", "json"}));
    CHECK(detail["notes"][0]["date"] == "2026-11-20");
    CHECK(detail["interactions"][0]["date"] == "2026-11-15");
    auto ahead = box.run({"note", "sam", "--on", "tomorrow", "x"});
    CHECK(ahead.code == 2);
    CHECK(ahead.err.find("in the future") != std::string::npos);
}
