// `kith agenda` and `due --within` with reminders, through the real binary.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>

#include "harness.h"

using kith::test::check_error;
using kith::test::lines_of;
using kith::test::Sandbox;
using kith::test::with_env;

namespace {

// Today is Sunday 2026-11-22; the default window runs through Sunday 2026-12-06.
// Sam: 30d cadence, last spoke 2026-11-01: his check-in comes due Tue 2026-12-01, and a
// reminder tomorrow. Ann: turns 40 on Wed 2026-11-25. Eve: knee surgery on Fri 2026-11-27.
// Late Lou: a check-in 22 days late, which the agenda leaves to `due`.
void seed(Sandbox& box) {
    box.ok({"add", "Sam Smith", "--every", "30d"});
    box.ok({"log", "sam", "--on", "2026-11-01", "--via", "call"});
    box.ok({"remind", "sam", "tomorrow", "Send the invoice"});
    box.ok({"add", "Ann Lee", "--birthday", "1986-11-25"});
    box.ok({"add", "Eve Ray"});
    box.ok({"note", "eve", "--event", "2026-11-27", "Knee surgery"});
    box.ok({"add", "Late Lou", "--every", "30d"});
    box.ok({"log", "lou", "--on", "2026-10-01"});
}

}  // namespace

TEST_CASE("agenda: each kind of thing on its day, what is late left to due in one line") {
    Sandbox box;
    seed(box);
    box.ok({"note", "ann", "I'll send her the deck"});  // a promise of ours, from today
    CHECK(box.ok({"agenda"}) ==
          "The next 2 weeks, 2026-11-22 to 2026-12-06: 5 things\n"
          "1 person late: see kith due\n"
          "\n"
          "Sun 2026-11-22 (today)\n"
          "  Ann Lee #2  you promised: send the deck (noted today)\n"
          "\n"
          "Mon 2026-11-23 (tomorrow)\n"
          "  Sam Smith #1  reminder r1: Send the invoice\n"
          "\n"
          "Wed 2026-11-25\n"
          "  Ann Lee #2  birthday (turns 40)\n"
          "\n"
          "Fri 2026-11-27\n"
          "  Eve Ray #3  coming up: their knee surgery\n"
          "\n"
          "Tue 2026-12-01\n"
          "  Sam Smith #1  check-in due (every 30d, last spoke 2026-11-01)\n");
}

TEST_CASE("agenda: a mistake of ours comes up a week after, and done takes it off") {
    Sandbox box;
    box.ok({"add", "Di Roe"});
    box.ok({"note", "di", "I messed up the date on her invoice"});
    CHECK(box.ok({"agenda", "--format", "tsv"}) ==
          "2026-11-29\tmistake\t1\tDi Roe\tcheck all is well again after: I messed up the date on her invoice (noted today)\n");
    box.ok({"done", "n1"});
    CHECK(box.ok({"agenda", "--format", "tsv"}).empty());
}

TEST_CASE("agenda: a recurring reminder on each of its dates, the window's last day included") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    box.ok({"remind", "sam", "2026-11-24", "Weekly call", "--every", "1w"});
    box.ok({"remind", "sam", "2026-12-06", "Last day"});
    box.ok({"remind", "sam", "2026-12-07", "A day too far"});
    CHECK(box.ok({"agenda", "--format", "tsv"}) ==
          "2026-11-24\treminder\t1\tSam Smith\treminder r1: Weekly call (every 1w)\n"
          "2026-12-01\treminder\t1\tSam Smith\treminder r1: Weekly call (every 1w)\n"
          "2026-12-06\treminder\t1\tSam Smith\treminder r2: Last day\n");
    auto wider = lines_of(box.ok({"agenda", "--within", "3w", "--format", "tsv"}));
    CHECK(wider.size() == 5);  // 11-24, 12-01, 12-06, 12-07, 12-08
    CHECK(box.ok({"agenda", "--within", "2d", "--format", "tsv"}) ==
          "2026-11-24\treminder\t1\tSam Smith\treminder r1: Weekly call (every 1w)\n");
}

TEST_CASE("agenda: a Feb 29 birthday falls on Feb 28 in a common year, as in due") {
    Sandbox box;
    box.today = "2027-02-20";
    box.ok({"add", "Leap Lee", "--birthday", "2000-02-29"});
    CHECK(box.ok({"agenda", "--within", "10d", "--format", "tsv"}) == "2027-02-28\tbirthday\t1\tLeap Lee\tbirthday (turns 27)\n");
    CHECK(box.ok({"due", "--within", "10d", "--format", "tsv"}).find("birthday Sun 2027-02-28 (turns 27)") !=
          std::string::npos);
}

TEST_CASE("agenda: archived people are left out, snoozed ones keep only their birthday") {
    Sandbox box;
    box.ok({"add", "Gone Gil", "--birthday", "--11-24"});
    box.ok({"remind", "gil", "tomorrow", "Call"});
    box.ok({"archive", "gil"});
    box.ok({"add", "Daniel Ortiz", "--every", "2w", "--birthday", "1990-11-29"});
    box.ok({"log", "daniel", "--on", "2026-11-15"});  // check-in due 11-29
    box.ok({"remind", "daniel", "tomorrow", "Send the slides"});
    box.ok({"note", "daniel", "--event", "2026-11-24", "Moving house"});
    box.ok({"snooze", "daniel", "8d"});  // until Mon 2026-11-30
    CHECK(box.ok({"agenda", "--format", "tsv"}) == "2026-11-29\tbirthday\t2\tDaniel Ortiz\tbirthday (turns 36)\n");
    // A snooze that ends inside the window hides only the days before it.
    box.ok({"snooze", "daniel", "2d"});  // until Tue 2026-11-24
    auto tsv = box.ok({"agenda", "--format", "tsv"});
    CHECK(tsv.find("reminder r2") == std::string::npos);  // tomorrow: still snoozed
    CHECK(tsv.find("2026-11-24\tevent\t2\tDaniel Ortiz") != std::string::npos);
    CHECK(tsv.find("2026-11-29\tcheckin\t2") != std::string::npos);
}

TEST_CASE("agenda in every format") {
    Sandbox box;
    seed(box);
    auto plain = box.ok({"agenda", "--format", "plain"});
    CHECK(plain == box.ok({"agenda"}));
    CHECK(plain.find('\x1b') == std::string::npos);
    CHECK(box.ok({"agenda", "--format", "text", "--color", "always"}).find("\x1b[") != std::string::npos);

    CHECK(box.ok({"agenda", "--format", "md"}) ==
          "# The next 2 weeks, 2026-11-22 to 2026-12-06: 4 things\n"
          "\n"
          "1 person late: see `kith due`.\n"
          "\n"
          "## Mon 2026-11-23 (tomorrow)\n"
          "\n"
          "- **Sam Smith** (#1): reminder r1: Send the invoice\n"
          "\n"
          "## Wed 2026-11-25\n"
          "\n"
          "- **Ann Lee** (#2): birthday (turns 40)\n"
          "\n"
          "## Fri 2026-11-27\n"
          "\n"
          "- **Eve Ray** (#3): coming up: their knee surgery\n"
          "\n"
          "## Tue 2026-12-01\n"
          "\n"
          "- **Sam Smith** (#1): check-in due (every 30d, last spoke 2026-11-01)\n");

    CHECK(box.ok({"agenda", "--format", "tsv"}) ==
          "2026-11-23\treminder\t1\tSam Smith\treminder r1: Send the invoice\n"
          "2026-11-25\tbirthday\t2\tAnn Lee\tbirthday (turns 40)\n"
          "2026-11-27\tevent\t3\tEve Ray\tcoming up: their knee surgery\n"
          "2026-12-01\tcheckin\t1\tSam Smith\tcheck-in due (every 30d, last spoke 2026-11-01)\n");

    auto document = nlohmann::json::parse(box.ok({"agenda", "--format", "json"}));
    CHECK(document["today"] == "2026-11-22");
    CHECK(document["until"] == "2026-12-06");
    CHECK(document["late"] == 1);
    CHECK(document["more"] == false);
    REQUIRE(document["days"].size() == 4);
    CHECK(document["days"][0]["date"] == "2026-11-23");
    CHECK(document["days"][0]["weekday"] == "Mon");
    auto& reminder = document["days"][0]["items"][0];
    CHECK(reminder["kind"] == "reminder");
    CHECK(reminder["reminder_id"] == 1);
    CHECK(reminder["days_late"] == -1);
    CHECK(reminder["contact"]["name"] == "Sam Smith");
    CHECK(reminder["contact"]["id"] == 1);
    CHECK(document["days"][1]["items"][0]["turning"] == 40);
    CHECK(document["days"][2]["items"][0]["note_id"] == 1);
    CHECK(document["days"][3]["items"][0]["kind"] == "checkin");

    auto jsonl = lines_of(box.ok({"agenda", "--format", "jsonl"}));
    REQUIRE(jsonl.size() == 4);
    CHECK(nlohmann::json::parse(jsonl[0])["date"] == "2026-11-23");
    CHECK(nlohmann::json::parse(jsonl[3])["contact"]["name"] == "Sam Smith");
}

TEST_CASE("agenda with nothing ahead: a short line in text and md, nothing in plain, tsv, jsonl") {
    Sandbox box;
    box.ok({"add", "Bo Park"});
    CHECK(box.ok({"agenda", "--format", "text"}) == "Nothing in the next 2 weeks.\n");
    CHECK(box.ok({"agenda", "--within", "10d", "--format", "text"}) == "Nothing in the next 10 days.\n");
    CHECK(box.ok({"agenda", "--within", "1w", "--format", "text"}) == "Nothing in the next week.\n");
    CHECK(box.ok({"agenda", "--format", "md"}) == "# Nothing in the next 2 weeks.\n");
    for (const char* format : {"plain", "tsv", "jsonl"}) {
        CAPTURE(format);
        auto result = box.run({"agenda", "--format", format});
        CHECK(result.code == 0);
        CHECK(result.out.empty());
        CHECK(result.err.empty());
    }
    CHECK(nlohmann::json::parse(box.ok({"agenda", "--format", "json"}))["days"].empty());
    // Late people alone are not an empty result.
    box.ok({"add", "Late Lou", "--every", "30d"});
    box.ok({"log", "lou", "--on", "2026-10-01"});
    CHECK(box.ok({"agenda", "--format", "plain"}) == "Nothing in the next 2 weeks.\n1 person late: see kith due\n");
}

TEST_CASE("agenda --limit keeps the soonest and says there is more") {
    Sandbox box;
    seed(box);
    auto out = box.ok({"agenda", "--limit", "2"});
    CHECK(out.rfind("The next 2 weeks, 2026-11-22 to 2026-12-06: 2 things (the first; --limit for more)\n", 0) == 0);
    CHECK(out.find("Send the invoice") != std::string::npos);
    CHECK(out.find("birthday (turns 40)") != std::string::npos);
    CHECK(out.find("knee surgery") == std::string::npos);
    CHECK(nlohmann::json::parse(box.ok({"agenda", "--limit", "2", "--format", "json"}))["more"] == true);
}

TEST_CASE("agenda --limit counts only what stands: what a snooze hides leaves room for the next") {
    Sandbox box;
    box.ok({"add", "Daniel Ortiz"});
    box.ok({"remind", "daniel", "tomorrow", "Send the slides"});
    box.ok({"remind", "daniel", "2026-11-24", "Send the notes"});
    box.ok({"snooze", "daniel", "4d"});  // until Thu 2026-11-26
    box.ok({"add", "Ann Lee"});
    box.ok({"remind", "ann", "2026-11-25", "Call about the flat"});
    box.ok({"remind", "ann", "2026-11-27", "Book the table"});
    CHECK(box.ok({"agenda", "--limit", "1", "--format", "tsv"}) ==
          "2026-11-25\treminder\t2\tAnn Lee\treminder r3: Call about the flat\n");
    auto both = lines_of(box.ok({"agenda", "--limit", "2", "--format", "tsv"}));
    REQUIRE(both.size() == 2);
    CHECK(both[1].find("Book the table") != std::string::npos);
}

TEST_CASE("agenda: tag cadences from the config bring check-ins into the window") {
    Sandbox box;
    box.today = "2026-11-01";
    box.ok({"add", "Cleo Client", "--tag", "client"});
    box.today = "2026-11-22";
    CHECK(box.ok({"agenda", "--format", "tsv"}).empty());
    box.write_file(box.config, "[cadence]\nclient = \"4w\"\n");
    CHECK(box.ok({"agenda", "--format", "tsv"}) ==
          "2026-11-29\tcheckin\t1\tCleo Client\tcheck-in due (every 4w, never logged, added 2026-11-01)\n");
}

TEST_CASE("agenda refuses a bad --within in one line") {
    Sandbox box;
    box.ok({"add", "Bo Park"});
    check_error(box.run({"agenda", "--within", "soon"}), 2, "--within: bad interval \"soon\"");
    check_error(box.run({"agenda", "--within", "2y"}), 2, "--within: at most 1y ahead, got 2y");
    check_error(box.run({"agenda", "--limit", "0"}), 2);
}

TEST_CASE("due --within shows a reminder that falls in the window as coming up") {
    Sandbox box;  // today is 2026-11-22
    box.ok({"add", "Ann Lee"});
    box.ok({"remind", "ann", "tomorrow", "Book the restaurant"});
    box.ok({"add", "Late Lou", "--every", "30d"});
    box.ok({"log", "lou", "--on", "2026-10-01"});
    auto tsv = box.ok({"due", "--within", "14d", "--format", "tsv"});
    auto rows = lines_of(tsv);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].rfind("2\tLate Lou\tcheck-in 22 days overdue", 0) == 0);  // what is late first
    CHECK(rows[1].rfind("1\tAnn Lee\treminder r1: Book the restaurant (coming up tomorrow)\t", 0) == 0);
    auto json = nlohmann::json::parse(box.ok({"due", "--within", "14d", "--format", "json"}));
    CHECK(json["people"][1]["reasons"][0]["kind"] == "reminder");
    CHECK(json["people"][1]["reasons"][0]["days_late"] == -1);
    // Beyond the window it waits; a snoozed one waits for its snooze.
    box.ok({"remind", "ann", "2026-12-20", "Send a card"});
    CHECK(box.ok({"due", "--within", "14d", "--format", "tsv"}).find("Send a card") == std::string::npos);
    box.ok({"snooze", "1", "5d"});
    CHECK(box.ok({"due", "--within", "14d", "--format", "tsv"}).find("Book the restaurant") == std::string::npos);
}
