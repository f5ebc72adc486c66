// What kith understands of a note and what comes of it, through the real binary (SPEC §5a):
// the line `note` prints, the reading in JSON, promises and mistakes in `due` until `done`,
// feedback kept in mind, the birthday wish, the day you met, and rules that change.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <vector>

#include "harness.h"

using kith::test::Sandbox;
using kith::test::check_error;
using kith::test::lines_of;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// `kith ask` as TSV lines, on `day`.
std::vector<std::string> asked_on(Sandbox& box, const std::string& who, const std::string& day) {
    box.today = day;
    return lines_of(box.ok({"ask", who, "--format", "tsv"}));
}

// Where kith keeps the rules compiled, in the sandbox's cache folder.
std::string kept_rules(const Sandbox& box) { return box.dir + "/.cache/kith/rules"; }

}  // namespace

TEST_CASE("note: prints what it understood, when it happens and what it will ask") {
    Sandbox box;
    box.today = "2026-11-20";
    box.ok({"add", "Ana Lima"});
    auto out = lines_of(box.ok({"note", "ana", "Her mum is having a hip operation next month"}));
    REQUIRE(out.size() == 2);
    CHECK(out[0] == "Noted for Ana Lima (#1), note 1");
    CHECK(out[1] == "understood: your mum's hip operation, in 2026-12 · now: "
                    "\"How is your mum feeling about the hip operation?\"");

    out = lines_of(box.ok({"note", "ana", "had a miscarriage in March. asked me not to bring it up"}));
    REQUIRE(out.size() == 2);
    CHECK(out[1] == "understood: not to be raised · kith will never ask about it");

    out = lines_of(box.ok({"note", "ana", "prefers Signal"}));
    REQUIRE(out.size() == 2);
    CHECK(out[1] == "understood: fact · nothing to ask about it");

    out = lines_of(box.ok({"note", "ana", "promised to intro her to Sam at Globex"}));
    REQUIRE(out.size() == 2);
    CHECK(out[1] == "understood: you promised: intro to Sam at Globex · it stays in `kith due` until `kith done n4`");
}

TEST_CASE("note: the reading is in show and ask JSON, and every question names its note") {
    Sandbox box;
    box.today = "2026-11-20";
    box.ok({"add", "Ana Lima"});
    box.ok({"note", "ana", "Her mum is having a hip operation next month"});
    auto shown = nlohmann::json::parse(box.ok({"show", "ana", "--format", "json"}));
    const auto& reading = shown["notes"][0]["reading"];
    CHECK(reading["kind"] == "event");
    CHECK(reading["relation"] == "mum");
    CHECK(reading["phrase"] == "your mum's hip operation");
    CHECK(reading["when"] == "2026-12-01");
    CHECK(reading["month_only"] == true);
    REQUIRE(reading["questions"].size() == 2);
    CHECK(reading["questions"][1]["text"] == "How is your mum recovering?");

    box.today = "2027-01-05";  // after the month it happens in
    auto asked = nlohmann::json::parse(box.ok({"ask", "ana", "--format", "json"}));
    REQUIRE(asked["questions"].size() == 1);
    CHECK(asked["questions"][0]["text"] == "How is your mum recovering?");
    CHECK(asked["questions"][0]["note"] == 1);
}

TEST_CASE("note: an event's questions move with its day: preparing, good luck on the day, how it went after") {
    Sandbox box;
    box.today = "2026-09-01";
    box.ok({"add", "Ana Lima"});
    box.ok({"note", "ana", "--event", "2026-09-27", "Running the Berlin marathon"});
    auto before = asked_on(box, "ana", "2026-09-26");
    REQUIRE(before.size() == 1);
    CHECK(has(before[0], "How are you feeling about the Berlin marathon?"));
    auto on_the_day = asked_on(box, "ana", "2026-09-27");
    REQUIRE(on_the_day.size() == 1);
    CHECK(has(on_the_day[0], "Good luck today"));
    CHECK_FALSE(has(on_the_day[0], "How did"));
    auto after = asked_on(box, "ana", "2026-09-28");
    REQUIRE(after.size() == 1);
    CHECK(has(after[0], "How did the Berlin marathon go?"));

}

TEST_CASE("note: nothing ever comes of a note the person asked us not to raise") {
    Sandbox box;
    box.today = "2026-04-02";
    box.ok({"add", "Ana Lima", "--every", "1mo"});
    box.ok({"note", "ana", "had a miscarriage in March. asked me not to bring it up"});
    for (const char* day : {"2026-04-02", "2026-04-20", "2026-06-01", "2026-10-01", "2027-03-15", "2027-04-02"}) {
        box.today = day;
        const std::string asked = box.ok({"ask", "ana", "--format", "json"});
        CAPTURE(day);
        CHECK(nlohmann::json::parse(asked)["questions"].empty());
        CHECK_FALSE(has(box.ok({"due"}), "miscarriage"));
    }
}

TEST_CASE("due: a promise stays until done, and done refuses a note that is not one") {
    Sandbox box;
    box.today = "2026-10-12";
    box.ok({"add", "Di Roe"});
    box.ok({"note", "di", "Asked about her daughter's new school"});
    box.ok({"note", "di", "I'll send her the deck by Friday"});
    // Its deadline, not its age: "by Friday" said on a Monday is not late on Wednesday.
    CHECK(has(box.ok({"due"}), "  you promised: send the deck by Friday (due Fri)\n"));
    box.today = "2026-10-14";
    CHECK(has(box.ok({"due"}), "  you promised: send the deck by Friday (due Fri)\n"));
    box.today = "2026-10-19";
    auto due = box.ok({"due"});
    CHECK(has(due, "Di Roe  #1\n  you promised: send the deck by Friday (3 days late: due 2026-10-16)\n"));
    auto json = nlohmann::json::parse(box.ok({"due", "--format", "json"}));
    CHECK(json["people"][0]["reasons"][0]["deadline"] == "2026-10-16");
    CHECK(json["people"][0]["reasons"][0]["days_late"] == 3);
    auto ask = box.ok({"ask", "di"});
    CHECK(has(ask, "  you promised: send the deck by Friday\n"));

    check_error(box.run({"done", "n1"}), 2, "note n1 is not a promise or a mistake of yours");
    CHECK(box.ok({"done", "n2"}) == "Done n2: send the deck by Friday\n");
    CHECK(box.ok({"due"}) == "Nobody is due today (2026-10-19).\n");
    CHECK_FALSE(has(box.ok({"ask", "di"}), "promised"));
    check_error(box.run({"done", "n2"}), 2, "note n2 was done on 2026-10-19 already");
    check_error(box.run({"done", "n9"}), 3);
}

TEST_CASE("due: a promise without a day is ours from the day we said it, and agenda files one with a day on it") {
    Sandbox box;
    box.today = "2026-11-23";  // a Monday
    box.ok({"add", "Di Roe"});
    box.ok({"add", "Zoe Park"});
    box.ok({"note", "di", "promised to intro her to Sam at Globex"});
    box.ok({"note", "zoe", "Proposal call went well. I'll send pricing options by next wed"});
    box.today = "2026-11-26";
    const auto due = box.ok({"due"});
    CHECK(has(due, "  you promised: intro to Sam at Globex (noted 3 days ago)\n"));
    CHECK(has(due, "  you promised: send pricing options by next wed (due Wed)\n"));
    // The agenda files it on the day it is due, not the day it was noted.
    box.today = "2026-11-23";
    const auto agenda = box.ok({"agenda", "--within", "2w"});
    CHECK(has(agenda, "Wed 2026-12-02\n  Zoe Park #2  you promised: send pricing options by next wed (deadline)\n"));
    CHECK_FALSE(has(agenda, "Mon 2026-11-23 (today)\n  Zoe Park"));
    box.ok({"done", "n2"});
    CHECK_FALSE(has(box.ok({"agenda", "--within", "2w"}), "pricing"));
}

TEST_CASE("due: a loss brings the person up from its gentle check-in, once, never quoted, until we are in touch") {
    Sandbox box;
    box.today = "2026-11-25";
    box.ok({"add", "Mei Chen", "--tag", "friend"});
    box.ok({"note", "mei", "Mei's grandmother passed on the weekend. funeral friday"});
    CHECK(box.ok({"due"}) == "Nobody is due today (2026-11-25).\n");
    box.today = "2026-11-26";
    auto due = box.ok({"due"});
    CHECK(has(due, "Mei Chen  #1\n  check in after their loss (noted yesterday)\n  ask: How are you holding up?"));
    CHECK_FALSE(has(due, "grandmother"));
    auto json = nlohmann::json::parse(box.ok({"due", "--format", "json"}));
    CHECK(json["people"][0]["reasons"][0]["kind"] == "care");
    CHECK(json["people"][0]["reasons"][0]["note_id"] == 1);
    CHECK_FALSE(has(box.ok({"due", "--format", "tsv"}), "grandmother"));
    // A second note about the same death is not a second check-in.
    box.today = "2026-11-27";
    box.ok({"note", "mei", "funeral was lovely apparently, she's taking next wk off"});
    box.today = "2026-11-30";
    due = box.ok({"due"});
    CHECK(lines_of(due).size() == 5);  // heading, blank, name, one check-in, one question
    CHECK(has(due, "  check in after their loss (noted 5 days ago)\n"));
    // Once we have been in touch, it is over.
    box.ok({"log", "mei", "--via", "call"});
    CHECK_FALSE(has(box.ok({"due"}), "Mei Chen"));
}

TEST_CASE("due and agenda: a hard time ahead is not announced, and from its day is a gentle check-in") {
    Sandbox box;
    box.today = "2026-11-25";
    box.ok({"add", "Victor Hale"});
    box.ok({"note", "victor", "his wife Carmen starts chemo on Mon"});
    CHECK(box.ok({"due", "--within", "2w"}) == "Nobody is due today (2026-11-25).\n");
    const auto agenda = box.ok({"agenda", "--within", "1w"});
    CHECK(has(agenda, "Mon 2026-11-30\n  Victor Hale #1  check in gently: a hard time for their wife Carmen (noted today)\n"));
    CHECK_FALSE(has(agenda, "chemo"));
    box.today = "2026-11-30";
    const auto due = box.ok({"due"});
    CHECK(has(due, "  check in gently: a hard time for their wife Carmen (noted 5 days ago)\n  ask: How is Carmen doing?"));
    CHECK_FALSE(has(due, "chemo"));
    box.today = "2027-01-15";  // past due.follow_up (30 days) without a word: no longer pressed
    CHECK_FALSE(has(box.ok({"due"}), "hard time"));
}

TEST_CASE("due: a mistake we owned comes back a week later as a check that all is well") {
    Sandbox box;
    box.today = "2026-10-12";
    box.ok({"add", "Di Roe"});
    box.ok({"note", "di", "I messed up the date on her invoice"});
    box.today = "2026-10-18";
    CHECK(box.ok({"due"}) == "Nobody is due today (2026-10-18).\n");
    box.today = "2026-10-19";
    CHECK(has(box.ok({"due"}), "  check all is well again after: I messed up the date on her invoice (noted 7 days ago)\n"));
    // Never a question to them about our mistake.
    CHECK_FALSE(has(box.ok({"ask", "di"}), "invoice"));
    box.ok({"done", "n1"});
    CHECK(box.ok({"due"}) == "Nobody is due today (2026-10-19).\n");
}

TEST_CASE("due: feedback they gave is shown with them until we next speak") {
    Sandbox box;
    box.today = "2026-11-20";
    box.ok({"add", "Ana Lima", "--every", "2w"});
    box.ok({"log", "ana", "--via", "call", "review of the Q3 report"});
    box.ok({"note", "ana", "said our report was too long"});
    box.today = "2026-12-05";
    CHECK(has(box.ok({"due"}), "  last time: said our report was too long\n"));
    CHECK(has(box.ok({"ask", "ana"}), "  last time: said our report was too long\n"));
    auto json = nlohmann::json::parse(box.ok({"ask", "ana", "--format", "json"}));
    CHECK(json["feedback"] == nlohmann::json::array({"said our report was too long"}));
    box.ok({"log", "ana", "--via", "call", "shorter report, went well"});
    CHECK_FALSE(has(box.ok({"ask", "ana"}), "last time"));
}

TEST_CASE("ask: on a birthday the wish comes first, before what else is due") {
    Sandbox box;
    box.today = "2026-10-01";
    box.ok({"add", "Bo Chen", "--birthday", "1980-10-12"});
    box.ok({"note", "bo", "--event", "2026-10-10", "knee surgery"});
    auto asked = asked_on(box, "bo", "2026-10-12");
    REQUIRE(asked.size() == 2);
    CHECK(asked[0] == "b\tHappy birthday! Doing anything special today?\tbirthday 1980-10-12");
    CHECK(asked[1] == "r1:operation-after\tHow are you recovering?\tnote 1 (2026-10-01)");
    auto due = box.ok({"due"});
    CHECK(has(due, "  birthday today (turns 46)\n"));
    CHECK(has(due, "  ask: Happy birthday! Doing anything special today? [b]\n  ask: How are you recovering?"));
}

TEST_CASE("log --asked b: the birthday leaves that day's due and does not come back that year") {
    Sandbox box;
    box.today = "2026-10-12";
    box.ok({"add", "Bo Chen", "--birthday", "1980-10-12"});
    CHECK(has(box.ok({"due"}), "Bo Chen  #1\n  birthday today (turns 46)\n"));
    box.ok({"log", "bo", "--via", "message", "--asked", "b", "wished happy birthday"});
    CHECK(box.ok({"due"}) == "Nobody is due today (2026-10-12).\n");
    CHECK_FALSE(has(box.ok({"ask", "bo"}), "[b]"));
    // A wish logged for last year's birthday does not hide this year's.
    box.today = "2027-10-11";
    CHECK(has(box.ok({"due"}), "birthday tomorrow"));
}

TEST_CASE("log --asked b before the birthday: its plans are not asked again, and the wish still comes on the day") {
    Sandbox box;
    box.today = "2026-10-09";
    box.ok({"add", "Bo Chen", "--birthday", "1980-10-12"});
    CHECK(has(box.ok({"ask", "bo"}), "Any plans for your birthday on Monday?"));
    box.ok({"log", "bo", "--via", "call", "--asked", "b", "talked about the weekend"});
    CHECK_FALSE(has(box.ok({"ask", "bo"}), "[b]"));
    CHECK(box.ok({"due"}) == "Nobody is due today (2026-10-09).\n");
    box.today = "2026-10-12";
    CHECK(has(box.ok({"due"}), "  birthday today (turns 46)\n"));
    CHECK(has(box.ok({"ask", "bo"}), "Happy birthday! Doing anything special today?  [b]"));
}

TEST_CASE("add --met: a year since we met comes only from a real day, never the day of adding") {
    Sandbox box;
    box.today = "2025-10-12";
    box.ok({"add", "Di Roe"});  // added a year before; never met on a day kith knows
    box.today = "2026-01-10";
    box.ok({"add", "Cy Park", "--met", "2025-10-12"});
    box.ok({"add", "Ed Wu"});
    box.ok({"log", "ed", "--via", "meet", "--on", "2025-10-12", "coffee at the meetup"});
    box.today = "2026-10-12";
    const std::string year = "y\tIt's a year today since we met — what has changed most for you since then?";
    CHECK(box.ok({"ask", "di", "--format", "tsv"}).empty());
    CHECK(has(box.ok({"ask", "cy", "--format", "tsv"}), year + "\tmet 2025-10-12"));
    CHECK(has(box.ok({"ask", "ed", "--format", "tsv"}), year + "\tmet 2025-10-12"));

    box.ok({"edit", "di", "--met", "2024-10-13"});
    CHECK(has(box.ok({"ask", "di", "--format", "tsv"}), "y\tIt's nearly 2 years since we met"));
    check_error(box.run({"edit", "di", "--met", "2027-01-01"}), 2, "--met");
    check_error(box.run({"add", "Fay Li", "--met", "last tuesday-ish"}), 2, "--met");
}

TEST_CASE("ask: after a loss, no tag-bank questions for four weeks, and one gentle check-in") {
    Sandbox box;
    box.write_file(box.config, "[questions.bank]\nclient = [\"What is keeping you up at night?\"]\n");
    box.today = "2026-11-02";
    box.ok({"add", "Ana Lima", "--tag", "client"});
    box.ok({"note", "ana", "Her dad passed away last week"});
    auto soon = asked_on(box, "ana", "2026-11-10");
    REQUIRE(soon.size() == 1);
    CHECK(has(soon[0], "\tHow are you holding up?\t"));
    CHECK(asked_on(box, "ana", "2026-11-25").size() == 1);  // still within four weeks
    auto later = asked_on(box, "ana", "2026-12-20");
    REQUIRE(later.size() == 2);
    CHECK(has(later[1], "What is keeping you up at night?"));
    for (const auto& line : later) CHECK_FALSE(has(line, "dad"));  // never asked about as if here
}

TEST_CASE("ask: when the config's rules change, notes are read again, and due follows") {
    Sandbox box;
    box.today = "2026-10-12";
    box.ok({"add", "Di Roe"});
    box.ok({"note", "di", "I'll send her the deck by Friday"});
    CHECK(has(box.ok({"due"}), "you promised"));
    // A rule named as a built-in one replaces it: here promises are no longer read at all.
    box.write_file(box.config, "[[questions.rule]]\nname = \"promise\"\nkind = \"promise\"\n"
                               "match = 'never matches anything'\n");
    CHECK(box.ok({"due"}) == "Nobody is due today (2026-10-12).\n");
    auto shown = nlohmann::json::parse(box.ok({"show", "di", "--format", "json"}));
    CHECK(shown["notes"][0]["reading"]["kind"] != "promise");
    // And back.
    box.write_file(box.config, "");
    CHECK(has(box.ok({"due"}), "you promised: send the deck by Friday"));
}

TEST_CASE("note: the rules are kept compiled in the cache, private, and made again when the copy is damaged or the rules change") {
    Sandbox box;
    box.today = "2026-10-12";
    box.ok({"add", "Di Roe"});
    box.ok({"note", "di", "Started a new job at Globex"});
    const auto kept = box.read_file(kept_rules(box));
    REQUIRE(kept.size() > 1000);
    CHECK(kith::test::mode_of(kept_rules(box)) == 0600);
    box.write_file(kept_rules(box), "damaged", 0600);
    // A damaged copy is not used: the note is read as ever, and the copy made again.
    CHECK(has(box.ok({"note", "di", "I'll send her the deck by Friday"}), "you promised: send the deck by Friday"));
    CHECK(box.read_file(kept_rules(box)) == kept);
    box.ok({"undo"});  // an undo takes back the note, not the rules kith keeps
    CHECK(box.read_file(kept_rules(box)) == kept);

    box.write_file(box.config, "[[questions.rule]]\nname = \"user1\"\nmatch = 'kayak'\nask = \"How is the kayaking?\"\n");
    box.ok({"note", "di", "Into kayaking lately"});
    CHECK(box.read_file(kept_rules(box)) != kept);
    CHECK(has(box.ok({"ask", "di"}), "How is the kayaking?"));

    // Without a cache folder kith can write, it compiles the rules each time and reads the same.
    const auto nowhere = kith::test::with_env({{"XDG_CACHE_HOME", "/dev/null/cache"}});
    const auto result = box.run({"note", "di", "promised to intro her to Sam at Globex"}, nowhere);
    CHECK(result.code == 0);
    CHECK(result.err.empty());
    CHECK(has(result.out, "you promised: intro to Sam at Globex"));
}

TEST_CASE("note: a promise after another sentence, and next September in a note of news, are read as meant") {
    Sandbox box;
    box.today = "2026-11-25";
    box.ok({"add", "Zoe Park"});
    CHECK(has(box.ok({"note", "zoe", "Proposal call went well. I'll send pricing options by next wed"}),
              "understood: you promised: send pricing options"));
    CHECK(has(box.ok({"due"}), "you promised: send pricing options"));
    const auto news = box.ok({"note", "zoe", "Theo got into Edinburgh! starts next September"});
    CHECK(has(news, "in 2027-09"));
    CHECK(has(news, "Congratulations on Edinburgh"));
}

TEST_CASE("ask: a second note about the same death does not ask the check-in again once it was asked") {
    Sandbox box;
    box.today = "2026-11-23";
    box.ok({"add", "Di Roe"});
    box.ok({"note", "di", "Her dad passed away last week"});
    CHECK(asked_on(box, "di", "2026-11-24") ==
          std::vector<std::string>{"r1:death-after\tHow are you holding up?\tnote 1 (2026-11-23)"});
    box.ok({"log", "di", "--asked", "r1:death-after"});
    box.today = "2026-11-25";
    box.ok({"note", "di", "funeral is friday, she's flying home to Cork for it. dad died so suddenly"});
    CHECK(asked_on(box, "di", "2026-11-26").empty());
    CHECK(asked_on(box, "di", "2026-12-10").empty());
}

TEST_CASE("note: the people a person's card names are asked after by name, and a card that changes reads the notes again") {
    Sandbox box;
    const std::string uid = "UID:urn:uuid:5f1c0a52-1111-4a3b-9c1d-000000000001\r\n";
    box.write_file(box.dir + "/before.vcf", "BEGIN:VCARD\r\nVERSION:4.0\r\n" + uid + "FN:Marco Silva\r\nEND:VCARD\r\n");
    box.write_file(box.dir + "/after.vcf", "BEGIN:VCARD\r\nVERSION:4.0\r\n" + uid +
                                               "FN:Marco Silva\r\nRELATED;TYPE=spouse;VALUE=text:Joana Silva\r\n"
                                               "END:VCARD\r\n");
    box.ok({"import", box.dir + "/before.vcf"});
    box.today = "2026-03-03";
    box.ok({"note", "marco", "his wife is having surgery on the 12th"});
    auto asked = asked_on(box, "marco", "2026-03-20");
    REQUIRE(!asked.empty());
    CHECK(has(asked[0], "How is your wife recovering?"));

    // The phone's card now names his wife: the note already written asks after her by name.
    box.ok({"import", box.dir + "/after.vcf"});
    asked = asked_on(box, "marco", "2026-03-20");
    REQUIRE(!asked.empty());
    CHECK(has(asked[0], "How is Joana recovering?"));
    box.today = "2026-03-03";
    CHECK(has(box.ok({"note", "marco", "wife has a knee op on the 12th"}), "understood: Joana's knee op"));
}

TEST_CASE("note: a later note that says a promise was kept takes it out of due, and says so") {
    Sandbox box;
    box.ok({"add", "Gareth Price"});
    box.today = "2026-06-03";
    box.ok({"note", "gareth", "promised to send him the Q2 report by end of the month"});
    box.ok({"note", "gareth", "promised to intro him to Sam at Globex"});
    box.today = "2026-06-25";
    auto out = lines_of(box.ok({"note", "gareth", "sent Gareth the Q2 report ✅"}));
    REQUIRE(out.size() == 3);
    CHECK(out[2] == "kept: you promised: send the Q2 report by end of the month (n1) · done, out of `kith due`");
    box.today = "2026-07-02";
    const auto due = box.ok({"due", "--format", "plain"});
    CHECK_FALSE(has(due, "Q2 report"));
    CHECK(has(due, "intro to Sam at Globex"));  // another promise: still ours to do
    // Undo takes the note back, and the promise with it.
    box.ok({"undo"});
    CHECK(has(box.ok({"due", "--format", "plain"}), "Q2 report"));
}

TEST_CASE("due and agenda: a day called off by a later note is not coming up, a day moved is on its new day") {
    Sandbox box;
    box.today = "2026-03-23";
    box.ok({"add", "Wren Ames"});
    box.ok({"add", "Zed Okoye"});
    box.ok({"note", "wren", "wedding on 15 Apr at the town hall"});
    box.ok({"note", "zed", "their app launches 15 Apr"});
    box.today = "2026-04-08";
    CHECK(has(box.ok({"agenda", "--within", "2w"}), "Wren Ames"));
    box.ok({"note", "wren", "the wedding's off, she's ok"});
    box.ok({"note", "zed", "launch pushed to June"});
    const auto agenda = box.ok({"agenda", "--within", "2w"});
    CHECK_FALSE(has(agenda, "Wren Ames"));
    CHECK_FALSE(has(agenda, "Zed Okoye"));
    box.today = "2026-04-15";
    const auto due = box.ok({"due"});
    CHECK_FALSE(has(due, "wedding"));
    CHECK_FALSE(has(due, "launch"));
    // Taking the calling-off note back brings the day back.
    box.ok({"undo"});
    CHECK(has(box.ok({"due"}), "coming up today: the launch"));
}

TEST_CASE("ask: a recovery span is asked about for as long as it says, and a part of a month is a span, and recovery takes only true or false") {
    Sandbox box;
    box.today = "2026-03-02";
    box.ok({"add", "Ada Lund"});
    box.ok({"add", "Bo Strand"});
    box.ok({"note", "ada", "broke her wrist skiing on sat, in a cast for 10 wks"});
    box.ok({"note", "bo", "resitting his exams mid-April"});
    box.today = "2026-03-04";  // the next day, not ten weeks on
    CHECK(has(box.ok({"ask", "ada"}), "How is your wrist healing?"));
    box.today = "2026-05-02";  // nine weeks on: past the rule's eight, within the ten the note said
    CHECK(has(box.ok({"ask", "ada"}), "How is your wrist healing?"));
    box.today = "2026-04-15";  // sometime in these ten days: neither before nor after
    CHECK_FALSE(has(box.ok({"ask", "bo"}), "resit"));
    box.today = "2026-04-25";
    CHECK(has(box.ok({"ask", "bo"}), "How did the resit go?"));

    box.write_file(box.config, "[[questions.rule]]\nname = \"sling\"\nkind = \"event\"\nmatch = '(?<topic>sling)'\n"
                               "recovery = \"yes\"\nafter = [\"How is the arm?\"]\n");
    kith::test::check_error(box.run({"ask", "ada"}), 2, "recovery: expected true or false");
}

TEST_CASE("note: a day in figures or by name is read, and the user's own news asks the person nothing") {
    Sandbox box;
    box.today = "2026-03-01";
    box.ok({"add", "Pat Doe"});
    CHECK(has(box.ok({"note", "pat", "resit 19.03, fingers crossed"}), "on 2026-03-19"));
    CHECK(has(box.ok({"note", "pat", "moving to Coimbra on New Year's Day"}), "on 2027-01-01"));
    CHECK(has(box.ok({"note", "pat", "I'm speaking at UXLondon on Thursday the 4th, Pat will sit in the front row"}),
              "nothing to ask about it"));
    box.today = "2026-03-20";
    const auto asked = box.ok({"ask", "pat"});
    CHECK(has(asked, "How did the resit go?"));
    CHECK_FALSE(has(asked, "UXLondon"));
    CHECK_FALSE(has(asked, "talk"));
}

TEST_CASE("note: Easter and days counted from it, and a later note that tells how an interview went") {
    Sandbox box;
    box.today = "2027-01-10";
    box.ok({"add", "Pat Doe"});
    CHECK(has(box.ok({"note", "pat", "a wk on Orkney from Good Friday"}), "on 2027-03-26"));
    CHECK(has(box.ok({"note", "pat", "pancake race on Shrove Tuesday"}), "on 2027-02-09"));
    box.today = "2027-01-20";
    CHECK(has(box.ok({"note", "pat", "final interview at Shelter wed 3/2, fingers crossed"}), "interview"));
    box.today = "2027-02-04";
    CHECK(has(box.ok({"ask", "pat"}), "How did the interview go?"));
    CHECK(has(box.ok({"note", "pat", "she GOT IT!!! starts in April"}), "new job"));
    const auto asked = box.ok({"ask", "pat"});
    CHECK_FALSE(has(asked, "How did the interview go?"));
    CHECK(has(asked, "Congratulations"));
}

TEST_CASE("import: notes read after the rules' prefilter starts read as each does alone, and the next import takes the kept prefilter back") {
    // Five thousand notes first, so the import reads the last ones with the prefilter.
    const std::vector<std::string> texts = {"Mum's hip op on 10 Feb", "resit 19.03, fingers crossed",
                                            "not a Yankees fan", "her dad died on sunday",
                                            "promised to intro her to Sam at Globex"};
    std::string filler;
    for (int i = 0; i < 5000; ++i) filler += "{\"date\":\"2026-01-05\",\"text\":\"lunch chat " + std::to_string(i) + "\"},";
    std::string mine;
    for (const auto& text : texts) mine += ",{\"date\":\"2026-01-05\",\"text\":\"" + text + "\"}";
    Sandbox many;
    many.today = "2026-01-05";
    many.write_file(many.dir + "/people.jsonl", "{\"name\":\"Many Notes\",\"notes\":[" + filler.substr(0, filler.size() - 1) +
                                                   mine + "]}\n");
    many.ok({"import", many.dir + "/people.jsonl"});
    // The prefilter it built is kept for the next command that reads many notes, private.
    const std::string kept = many.dir + "/.cache/kith/prefilter";
    REQUIRE(std::filesystem::exists(kept));
    CHECK(kith::test::mode_of(kept) == 0600);
    CHECK(kith::test::mode_of(many.dir + "/.cache/kith") == 0700);
    struct stat before {};
    REQUIRE(::stat(kept.c_str(), &before) == 0);
    // A second import, into another database, takes it back instead of building it again: the
    // file is not written anew (a rebuild would rename a new file over it).
    many.ok({"--db", many.dir + "/second.db", "import", many.dir + "/people.jsonl"});
    struct stat after {};
    REQUIRE(::stat(kept.c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino);
    Sandbox one;
    one.today = "2026-01-05";
    one.ok({"add", "Many Notes"});
    for (const auto& text : texts) one.ok({"note", "many", text});
    const auto read_many = nlohmann::json::parse(many.ok({"show", "many", "--format", "json"}))["notes"];
    const auto read_one = nlohmann::json::parse(one.ok({"show", "many", "--format", "json"}))["notes"];
    for (const auto& text : texts) {
        CAPTURE(text);
        nlohmann::json a, b;
        for (const auto& note : read_many)
            if (note["text"] == text) a = note["reading"];
        for (const auto& note : read_one)
            if (note["text"] == text) b = note["reading"];
        REQUIRE_FALSE(a.is_null());
        CHECK(a == b);
    }
    // The second database, read with the kept prefilter, holds the same readings as the first.
    const auto read_second =
        nlohmann::json::parse(many.ok({"--db", many.dir + "/second.db", "show", "many", "--format", "json"}))["notes"];
    REQUIRE(read_second.size() == read_many.size());
    for (std::size_t i = 0; i < read_many.size(); ++i) CHECK(read_second[i]["reading"] == read_many[i]["reading"]);
}

TEST_CASE("note: two things of theirs in one note are both asked about, and a call-off that hurts gets a gentle word") {
    Sandbox box;
    box.today = "2027-04-05";
    box.ok({"add", "Idunn Bjerke"});
    CHECK(has(box.ok({"note", "idunn", "her microbrewery's first quarter NOT loss-making!!! and the taproom opens on Earth Day"}),
              "Congratulations on breaking even"));
    box.today = "2027-04-07";
    CHECK(has(box.ok({"ask", "idunn"}), "Congratulations on breaking even"));
    box.today = "2027-04-27";
    CHECK(has(box.ok({"ask", "idunn"}), "How did the launch of the taproom go?"));
    // Someone else's news beside theirs asks nothing of it.
    box.ok({"add", "Leonor Sequeira"});
    box.today = "2026-03-23";
    box.ok({"note", "leonor", "promoted to director 🎉 — her old boss Anselmo is retiring in June"});
    box.today = "2026-05-04";
    CHECK_FALSE(has(box.ok({"ask", "leonor"}), "retir"));
    // Called off, and it hurts: "How are you doing?" for a fortnight, the thing never quoted.
    box.ok({"add", "Rocío Albarracín"});
    box.today = "2026-02-02";
    box.ok({"note", "rocio", "adoption panel on 3 March, fingers crossed"});
    box.today = "2026-02-20";
    box.ok({"note", "rocio", "the adoption fell through 💔 they're gutted"});
    box.today = "2026-02-22";
    const auto asked = box.ok({"ask", "rocio"});
    CHECK(has(asked, "How are you doing?"));
    CHECK_FALSE(has(asked, "adoption"));
}

TEST_CASE("note: a dated event no rule reads is asked about by its own name, a named day is the occasion, a move moves it, and our own family asks nothing") {
    Sandbox box;
    box.today = "2026-11-23";
    box.ok({"add", "Pieter Claes"});
    CHECK(has(box.ok({"note", "pieter", "his girlfriend has her chess tourney for the city club mon 14 Dec"}),
              "understood: the chess tourney, on 2026-12-14"));
    box.ok({"note", "pieter", "he runs w/ his village's Krampus troupe on Krampusnacht, 30kg of fur + bells"});
    // On the day: luck, never how it went.
    const auto audition_day = box.ok({"--today", "2026-12-14", "ask", "pieter"});
    CHECK(has(audition_day, "Good luck with the chess tourney today"));
    CHECK_FALSE(has(audition_day, "How did"));
    CHECK(has(box.ok({"--today", "2026-12-05", "ask", "pieter"}), "Enjoy Krampusnacht today"));
    CHECK(has(box.ok({"--today", "2026-12-16", "ask", "pieter"}), "How did the chess tourney go?"));

    // A later note moves a day no rule read: asked about on the new day only.
    Sandbox moved;
    moved.today = "2026-08-17";
    moved.ok({"add", "Rhodri Pugh"});
    moved.ok({"note", "rhodri", "Captain's Day at his golf club sat 5 Sept"});
    moved.today = "2026-09-03";
    moved.ok({"note", "rhodri", "Captain's Day rained off — moved to sat 19 Sept"});
    CHECK_FALSE(has(moved.ok({"--today", "2026-09-05", "ask", "rhodri"}), "Enjoy Captain's Day"));
    CHECK(has(moved.ok({"--today", "2026-09-19", "ask", "rhodri"}), "Enjoy Captain's Day today"));

    // "our Líadan": the user's own daughter, told in passing: nothing to ask, on any day.
    Sandbox ours;
    ours.today = "2026-11-02";
    ours.ok({"add", "Gormlaith Riain"});
    CHECK(has(ours.ok({"note", "gormlaith", "our Líadan gets her grommets in on Tues 17 Nov, Gormlaith's minding our dog"}),
              "nothing to ask"));
    CHECK_FALSE(has(ours.ok({"--today", "2026-11-17", "ask", "gormlaith"}), "grommets"));
}

TEST_CASE("note: good news with a later day, a thing named again beside its day, two things in one note, lookalikes and a year kith keeps no date in") {
    Sandbox box;
    box.today = "2026-11-23";
    box.ok({"add", "Dilfuza Yusupova"});
    box.ok({"note", "dilfuza", "exchanged on the cottage in Hebden Bridge 🏡🎉 completion fri 11 dec"});
    CHECK(has(box.ok({"--today", "2026-11-25", "ask", "dilfuza"}), "Congratulations on the cottage!"));
    const auto completion = box.ok({"--today", "2026-12-11", "ask", "dilfuza"});
    CHECK(has(completion, "Good luck with completion today"));
    CHECK_FALSE(has(completion, "Congratulations"));

    box.today = "2026-11-09";
    box.ok({"add", "Ketaki Bhalerao"});
    CHECK(has(box.ok({"note", "ketaki", "her wedding in Pune — sangeet on the 9th, the wedding itself Fri 11 Dec"}),
              "understood: your wedding, on 2026-12-11"));
    CHECK_FALSE(has(box.ok({"--today", "2026-12-09", "ask", "ketaki"}), "How was"));

    box.today = "2026-11-02";
    box.ok({"add", "Tomasz Wrona"});
    box.ok({"note", "tomasz", "moving flats on the 7th, then his sister's wedding in Bari on the 21st"});
    CHECK(has(box.ok({"--today", "2026-11-10", "ask", "tomasz"}), "How are you settling in?"));
    CHECK(has(box.ok({"--today", "2026-11-25", "ask", "tomasz"}), "How was your sister's wedding?"));

    box.ok({"add", "Catriona Mhàrtainn"});
    CHECK_FALSE(has(box.ok({"note", "catriona", "engagement rate's through the roof on her soap biz"}), "engagement"));

    // A year kith keeps no date in: the note is kept, with no day read from it.
    const auto far = box.ok({"note", "catriona", "the time capsule opens 3333/3/3"});
    CHECK(has(far, "Noted for Catriona"));
    CHECK_FALSE(has(far, "3333"));
    CHECK(has(box.ok({"show", "catriona"}), "the time capsule opens 3333/3/3"));
}
