// `kith due`, `remind`, `done`, `snooze` and `date` through the real binary.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>

#include "harness.h"

using kith::test::RunOptions;
using kith::test::Sandbox;
using kith::test::check_error;

namespace {

// Sam: 30d cadence, last spoke 2026-10-01 (22 days overdue on 2026-11-22).
// Ann: birthday on Wednesday 2026-11-25, turning 40. Bo: no reason at all.
void seed(Sandbox& box) {
    box.ok({"add", "Sam Smith", "--every", "30d", "--company", "Acme", "--tag", "client"});
    box.ok({"log", "sam", "--on", "2026-10-01", "--via", "call"});
    box.ok({"add", "Ann Lee", "--birthday", "1986-11-25", "--tag", "friend"});
    box.ok({"add", "Bo Park"});
}

RunOptions env(std::map<std::string, std::string> vars) {
    RunOptions options;
    options.env = std::move(vars);
    return options;
}

// These tests are about reasons and ranking; the questions each person also gets are tested in
// test_ask.cpp. Drops tsv's fourth column and text's "ask:" lines.
std::string reasons_only(const std::string& output) {
    std::string kept;
    std::size_t start = 0;
    while (start < output.size()) {
        auto end = output.find('\n', start);
        auto line = output.substr(start, end - start);
        start = end == std::string::npos ? output.size() : end + 1;
        if (line.rfind("  ask: ", 0) == 0) continue;
        auto tabs = std::count(line.begin(), line.end(), '\t');
        if (tabs == 3) line = line.substr(0, line.rfind('\t') + 1);
        kept += line + "\n";
    }
    return kept;
}

}  // namespace

TEST_CASE("due lists who is due, why, most urgent first") {
    Sandbox box;
    seed(box);
    auto out = reasons_only(box.ok({"due"}));
    CHECK(out ==
          "Sun 2026-11-22: 2 people to reach out to\n"
          "\n"
          "Sam Smith  #1  Acme\n"
          "  check-in 22 days overdue (every 30d, last spoke 2026-10-01)\n"
          "\n"
          "Ann Lee  #2\n"
          "  birthday Wed (turns 40)\n");
}

TEST_CASE("due with nobody due says so, and -q prints nothing at all") {
    Sandbox box;
    box.ok({"add", "Bo Park"});
    CHECK(box.ok({"due"}) == "Nobody is due today (2026-11-22).\n");
    auto quiet = box.run({"due", "-q"});
    CHECK(quiet.code == 0);
    CHECK(quiet.out.empty());
    CHECK(quiet.err.empty());
    CHECK(box.ok({"due", "-q", "--format", "json"}).empty());
}

TEST_CASE("due on an empty database is silent, and on a missing one says so, even with -q, creating nothing") {
    Sandbox box;
    for (const auto& args : std::vector<std::vector<std::string>>{{"due", "-q"}, {"due"}, {"list"}, {"show", "x"}}) {
        CAPTURE(args.front());
        check_error(box.run(args), 1, "no database at " + box.db + " (set KITH_DB or --db, or add someone first)");
    }
    CHECK_FALSE(std::filesystem::exists(box.db));
    box.ok({"add", "Ann"});
    box.ok({"rm", "ann", "--yes"});
    CHECK(box.ok({"due", "-q"}).empty());
}

TEST_CASE("--today moves the list: a birthday today comes first") {
    Sandbox box;
    seed(box);
    box.today = "2026-11-25";
    auto out = reasons_only(box.ok({"due", "--format", "tsv"}));
    CHECK(out ==
          "2\tAnn Lee\tbirthday today (turns 40)\t\n"
          "1\tSam Smith\tcheck-in 25 days overdue (every 30d, last spoke 2026-10-01)\t\n");
}

TEST_CASE("--within widens the birthday window, --limit and --tag narrow the list") {
    Sandbox box;
    seed(box);
    box.ok({"add", "Cy Far", "--birthday", "--12-10"});
    CHECK(box.ok({"due", "--format", "tsv"}).find("Cy Far") == std::string::npos);
    CHECK(box.ok({"due", "--within", "3w", "--format", "tsv"}).find("Cy Far") != std::string::npos);
    CHECK(reasons_only(box.ok({"due", "--limit", "1", "--format", "tsv"})) ==
          "1\tSam Smith\tcheck-in 22 days overdue (every 30d, last spoke 2026-10-01)\t\n");
    CHECK(reasons_only(box.ok({"due", "--tag", "friend", "--format", "tsv"})) == "2\tAnn Lee\tbirthday Wed (turns 40)\t\n");
    auto bad = box.run({"due", "--within", "soon"});
    CHECK(bad.code == 2);
    CHECK(bad.err == "kith: --within: bad interval \"soon\": expected 3d, 2w, 1mo, 1y or daily, weekly, monthly, "
                     "quarterly, yearly\n");
}

TEST_CASE("when the limit cuts the list, the header says how many are due in all") {
    Sandbox box;
    for (int i = 1; i <= 8; ++i) box.ok({"add", "Person " + std::to_string(i), "--birthday", "--11-22"});
    CHECK(box.ok({"due", "--limit", "5", "--format", "plain"}).rfind(
              "Sun 2026-11-22: 8 people to reach out to (showing 5)\n", 0) == 0);
    CHECK(box.ok({"due", "--limit", "5", "--format", "md"}).rfind(
              "# Sun 2026-11-22: 8 people to reach out to (showing 5)\n", 0) == 0);
    CHECK(box.ok({"due", "--limit", "8", "--format", "plain"}).rfind("Sun 2026-11-22: 8 people to reach out to\n", 0) ==
          0);
    box.write_file(box.config, "[due]\nlimit = 3\n");
    auto plain = box.ok({"due", "--format", "plain"});
    CHECK(plain.rfind("Sun 2026-11-22: 8 people to reach out to (showing 3)\n", 0) == 0);
    CHECK(std::count(plain.begin(), plain.end(), '#') == 3);
    // json keeps its shape and carries the total; tsv and jsonl stay one line a person.
    auto document = nlohmann::json::parse(box.ok({"due", "--format", "json"}));
    CHECK(document["people"].size() == 3);
    CHECK(document["total"] == 8);
    CHECK(kith::test::lines_of(box.ok({"due", "--format", "tsv"})).size() == 3);
    CHECK(kith::test::lines_of(box.ok({"due", "--format", "jsonl"})).size() == 3);
    // Each kind of reason counts: a check-in, a reminder and a note event beyond the limit.
    box.ok({"add", "Late Checkin", "--every", "1w"});
    box.today = "2026-12-06";  // the birthdays are past; the check-in 1 week late
    box.ok({"add", "Has Reminder"});
    box.ok({"remind", "has reminder", "today", "Call"});
    box.ok({"add", "Has Event"});
    box.ok({"note", "has event", "--event", "2026-12-08", "Moving house"});
    CHECK(box.ok({"due", "--limit", "1", "--format", "plain"}).rfind(
              "Sun 2026-12-06: 3 people to reach out to (showing 1)\n", 0) == 0);
}

TEST_CASE("more people due than kith counts: the header says so with a +") {
    Sandbox box;
    std::string people;
    for (int i = 1; i <= 25; ++i) people += "{\"name\": \"P" + std::to_string(i) + "\", \"birthday\": \"--11-22\"}\n";
    box.ok({"import", "-", "--format", "jsonl"}, kith::test::piped(people));
    CHECK(box.ok({"due", "--format", "plain"}).rfind("Sun 2026-11-22: 20+ people to reach out to (showing 10)\n", 0) ==
          0);
}

TEST_CASE("due.limit in the config caps the list") {
    Sandbox box;
    seed(box);
    box.write_file(box.config, "[due]\nlimit = 1\n");
    CHECK(box.ok({"due", "--format", "tsv"}).find("Ann Lee") == std::string::npos);
}

TEST_CASE("per-tag cadences from the config make people due") {
    Sandbox box;
    box.today = "2026-10-01";
    box.ok({"add", "Cleo Client", "--tag", "client"});
    box.today = "2026-11-22";
    CHECK(box.ok({"due", "--format", "tsv"}).empty());
    box.write_file(box.config, "[cadence]\nclient = \"30d\"\n");
    CHECK(reasons_only(box.ok({"due", "--format", "tsv"})) ==
          "1\tCleo Client\tcheck-in 22 days overdue (every 30d, never logged, added 2026-10-01)\t\n");
}

TEST_CASE("every format of due") {
    Sandbox box;
    seed(box);
    auto plain = box.ok({"due", "--format", "plain"});
    CHECK(plain.find('\x1b') == std::string::npos);
    CHECK(box.ok({"due", "--format", "text", "--color", "always"}).find("\x1b[") != std::string::npos);
    CHECK(box.ok({"due", "--format", "text", "--color", "always"}, env({{"NO_COLOR", "1"}})).find("\x1b[") !=
          std::string::npos);  // an explicit flag beats NO_COLOR
    CHECK(box.ok({"due", "--format", "text"}, env({{"NO_COLOR", "1"}})).find('\x1b') == std::string::npos);

    auto md = box.ok({"due", "--format", "md"});
    CHECK(md.rfind("# Sun 2026-11-22: 2 people to reach out to\n", 0) == 0);
    CHECK(md.find("## Sam Smith (#1)\n\n- check-in 22 days overdue") != std::string::npos);

    auto document = nlohmann::json::parse(box.ok({"due", "--format", "json"}));
    CHECK(document["today"] == "2026-11-22");
    REQUIRE(document["people"].size() == 2);
    auto& sam = document["people"][0];
    CHECK(sam["name"] == "Sam Smith");
    CHECK(sam["reasons"][0]["kind"] == "checkin");
    CHECK(sam["reasons"][0]["days_late"] == 22);
    CHECK(sam["reasons"][0]["every"] == "30d");
    CHECK(sam["reasons"][0]["last_spoke"] == "2026-10-01");
    CHECK(sam["questions"].is_array());
    CHECK(document["people"][1]["reasons"][0]["turning"] == 40);

    auto jsonl = box.ok({"due", "--format", "jsonl"});
    auto newline = jsonl.find('\n');
    REQUIRE(newline != std::string::npos);
    CHECK(nlohmann::json::parse(jsonl.substr(0, newline))["name"] == "Sam Smith");
    CHECK(nlohmann::json::parse(jsonl.substr(newline + 1))["name"] == "Ann Lee");
}

TEST_CASE("remind, due, done: a one-off reminder leaves, a recurring one moves on from its due date") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    CHECK(box.ok({"remind", "sam", "2026-10-31", "Send", "the", "invoice", "--every", "1mo"}) ==
          "Reminder r1 for Sam Smith (#1) on Sat 2026-10-31, every 1mo\n");
    CHECK(box.ok({"remind", "sam", "yesterday", "Call back about the deck"}) ==
          "Reminder r2 for Sam Smith (#1) on Sat 2026-11-21\n");
    auto due = reasons_only(box.ok({"due", "--format", "tsv"}));
    CHECK(due == "1\tSam Smith\treminder r1: Send the invoice (22 days late); reminder r2: Call back about the deck "
                 "(1 day late)\t\n");
    CHECK(box.ok({"done", "1", "#2"}) ==
          "Done r1: Send the invoice; next on Mon 2026-11-30\nDone r2: Call back about the deck\n");
    CHECK(box.ok({"due", "--format", "tsv"}).empty());
    auto show = box.ok({"show", "sam"});
    CHECK(show.find("Reminders (1)\n  2026-11-30  r1  Send the invoice (every 1mo)\n") != std::string::npos);
}

TEST_CASE("a monthly reminder from a month's end stays at the month's end") {
    Sandbox box;  // today is 2026-11-22, so eom is Nov 30
    box.ok({"add", "Sam Smith"});
    CHECK(box.ok({"remind", "sam", "eom", "Send the invoice", "--every", "monthly"}) ==
          "Reminder r1 for Sam Smith (#1) on Mon 2026-11-30, every 1mo\n");
    box.ok({"remind", "sam", "2026-10-31", "Pay the agency", "--every", "monthly"});
    box.ok({"remind", "sam", "2026-11-30", "Water the office plants", "--every", "monthly"});  // the 30th, as written
    std::vector<std::string> invoice, agency, plants;
    for (int i = 0; i < 4; ++i) {
        auto done = kith::test::lines_of(box.ok({"done", "1", "2", "3"}));
        REQUIRE(done.size() == 3);
        invoice.push_back(done[0].substr(done[0].rfind(' ') + 1));
        agency.push_back(done[1].substr(done[1].rfind(' ') + 1));
        plants.push_back(done[2].substr(done[2].rfind(' ') + 1));
    }
    CHECK(invoice == std::vector<std::string>{"2026-12-31", "2027-01-31", "2027-02-28", "2027-03-31"});
    CHECK(agency == std::vector<std::string>{"2026-11-30", "2026-12-31", "2027-01-31", "2027-02-28"});
    CHECK(plants == std::vector<std::string>{"2026-12-30", "2027-01-30", "2027-02-28", "2027-03-30"});
    // The intent travels: exported and imported elsewhere, it keeps to the month's end.
    Sandbox first, second;
    first.ok({"add", "Ann Lee"});
    first.ok({"remind", "ann", "EOM", "Send the report", "--every", "1mo"});
    auto exported = first.ok({"export", "--format", "json"});
    CHECK(nlohmann::json::parse(exported)["contacts"][0]["reminders"][0]["starts_on"] == "2026-10-31");
    second.ok({"import", "-", "--format", "json"}, kith::test::piped(exported));
    CHECK(second.ok({"done", "1"}) == "Done r1: Send the report; next on Thu 2026-12-31\n");
}

TEST_CASE("done: unknown ids are exit 3 and nothing is marked, already done is exit 2") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    box.ok({"remind", "sam", "today", "Call"});
    auto unknown = box.run({"done", "1", "99"});
    CHECK(unknown.code == 3);
    CHECK(unknown.err == "kith: no reminder r99: see `kith show CONTACT`\n");
    CHECK(box.ok({"due", "--format", "tsv"}).find("reminder r1") != std::string::npos);  // rolled back
    box.ok({"done", "1"});
    CHECK(box.run({"done", "1"}).code == 2);
    CHECK(box.run({"done", "one"}).code == 2);
}

TEST_CASE("remind refuses a bad date, an unknown person and an empty text") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    auto bad_date = box.run({"remind", "sam", "frday", "Call"});
    CHECK(bad_date.code == 2);
    CHECK(bad_date.err.find("bad date \"frday\"") != std::string::npos);
    CHECK(box.run({"remind", "zed", "fri", "Call"}).code == 3);
    CHECK(box.run({"remind", "sam", "fri", " "}).code == 2);
    CHECK(box.run({"remind", "sam", "fri", "Call", "--every", "sometimes"}).code == 2);
    CHECK(box.ok({"show", "sam", "--format", "json"}).find("\"reminders\": []") != std::string::npos);
}

TEST_CASE("snooze a person or a reminder: out of due until then") {
    Sandbox box;
    seed(box);
    box.ok({"remind", "ann", "today", "Book the restaurant"});
    CHECK(box.ok({"snooze", "sam", "2w"}) == "Snoozed Sam Smith (#1) until Sun 2026-12-06\n");
    CHECK(box.ok({"snooze", "1", "3d"}) == "Snoozed reminder r1 until Wed 2026-11-25\n");
    CHECK(reasons_only(box.ok({"due", "--format", "tsv"})) == "2\tAnn Lee\tbirthday Wed (turns 40)\t\n");
    box.today = "2026-12-06";
    auto later = box.ok({"due", "--format", "tsv"});
    CHECK(later.find("Sam Smith") != std::string::npos);
    CHECK(later.find("reminder r1: Book the restaurant") != std::string::npos);
    CHECK(box.ok({"snooze", "#2", "fri"}) == "Snoozed Ann Lee (#2) until Fri 2026-12-11\n");
    CHECK(box.run({"snooze", "sam", "later"}).code == 2);
    CHECK(box.run({"snooze", "42", "1w"}).code == 3);
}

TEST_CASE("snoozing a person still shows their birthday, and says so") {
    Sandbox box;  // today is Sunday 2026-11-22
    box.ok({"add", "Daniel Ortiz", "--every", "2w", "--birthday", "1990-11-29"});
    box.ok({"log", "daniel", "--on", "2026-10-01"});
    box.ok({"remind", "daniel", "yesterday", "Send the slides"});
    box.ok({"note", "daniel", "--event", "2026-11-24", "Moving house"});
    CHECK(box.ok({"snooze", "daniel", "8d"}) ==
          "Snoozed Daniel Ortiz (#1) until Mon 2026-11-30 (their birthday on Sun 2026-11-29 still shows in due)\n");
    CHECK(reasons_only(box.ok({"due", "--format", "tsv"})) ==
          "1\tDaniel Ortiz\tbirthday Sun 2026-11-29 (turns 36)\t\n");
    box.today = "2026-11-29";
    CHECK(reasons_only(box.ok({"due", "--format", "tsv"})) == "1\tDaniel Ortiz\tbirthday today (turns 36)\t\n");
    box.today = "2026-11-30";  // the snooze is over: everything is back
    auto back = reasons_only(box.ok({"due", "--format", "tsv"}));
    CHECK(back.find("reminder r1: Send the slides") != std::string::npos);
    CHECK(back.find("check-in") != std::string::npos);
    // A snooze that ends before the birthday says nothing of it.
    box.today = "2026-11-22";
    CHECK(box.ok({"snooze", "daniel", "3d"}) == "Snoozed Daniel Ortiz (#1) until Wed 2026-11-25\n");
}

TEST_CASE("a snoozed reminder comes back due that day, and is late only after it") {
    Sandbox box;  // today is 2026-11-22
    box.ok({"add", "Ann Lee"});
    box.ok({"remind", "ann", "2026-11-20", "Book the restaurant"});
    CHECK(reasons_only(box.ok({"due", "--format", "tsv"})) == "1\tAnn Lee\treminder r1: Book the restaurant (2 days late)\t\n");
    box.ok({"snooze", "1", "3d"});
    CHECK(box.ok({"due", "--format", "tsv"}).empty());
    box.today = "2026-11-25";
    CHECK(reasons_only(box.ok({"due", "--format", "tsv"})) == "1\tAnn Lee\treminder r1: Book the restaurant (due today)\t\n");
    auto json = nlohmann::json::parse(box.ok({"due", "--format", "json"}));
    CHECK(json["people"][0]["reasons"][0]["date"] == "2026-11-25");
    CHECK(json["people"][0]["reasons"][0]["days_late"] == 0);
    box.today = "2026-11-27";
    CHECK(reasons_only(box.ok({"due", "--format", "tsv"})) == "1\tAnn Lee\treminder r1: Book the restaurant (2 days late)\t\n");
    // The reminder's own date is kept: show still lists it on the 20th.
    CHECK(box.ok({"show", "ann"}).find("2026-11-20  r1  Book the restaurant") != std::string::npos);
}

TEST_CASE("log restarts the check-in clock") {
    Sandbox box;
    seed(box);
    box.ok({"log", "sam", "--via", "email", "Sent the Q1 plan"});
    CHECK(box.ok({"due", "--format", "tsv"}).find("Sam Smith") == std::string::npos);
}

TEST_CASE("a passed event asks for a follow-up until you log contact") {
    Sandbox box;
    box.ok({"add", "Tom Becker"});
    box.ok({"note", "tom", "--on", "2026-11-01", "--event", "2026-11-15", "Running the Berlin marathon"});
    CHECK(reasons_only(box.ok({"due", "--format", "tsv"})) ==
          "1\tTom Becker\tfollow up: the Berlin marathon was 2026-11-15\t\n");
    box.ok({"log", "tom", "--via", "message"});
    CHECK(box.ok({"due", "--format", "tsv"}).empty());
}

TEST_CASE("kith date shows what an expression means") {
    Sandbox box;
    CHECK(box.ok({"date", "next", "friday"}) == "2026-11-27 Fri (in 5 days)\n");
    CHECK(box.ok({"date", "eom"}) == "2026-11-30 Mon (in 8 days)\n");
    CHECK(box.ok({"date", "yesterday"}) == "2026-11-21 Sat (yesterday)\n");
    CHECK(box.ok({"date", "2026-02-28"}) == "2026-02-28 Sat (267 days ago)\n");
    auto bad = box.run({"date", "frday"});
    CHECK(bad.code == 2);
    CHECK(bad.out.empty());
    CHECK(bad.err.rfind("kith: bad date \"frday\"", 0) == 0);
    CHECK_FALSE(std::filesystem::exists(box.db));
}

TEST_CASE("next week, next month and tmrw are dates, and a misspelt one gets a suggestion") {
    Sandbox box;  // today is Sunday 2026-11-22
    CHECK(box.ok({"date", "next", "week"}) == "2026-11-23 Mon (tomorrow)\n");
    CHECK(box.ok({"date", "next month"}) == "2026-12-01 Tue (in 9 days)\n");
    CHECK(box.ok({"date", "tmrw"}) == "2026-11-23 Mon (tomorrow)\n");
    box.ok({"add", "Sam Smith"});
    CHECK(box.ok({"remind", "sam", "next month", "Send the invoice"}) ==
          "Reminder r1 for Sam Smith (#1) on Tue 2026-12-01\n");
    auto typo = box.run({"remind", "sam", "next fridya", "Call"});
    check_error(typo, 2, "bad date \"next fridya\": did you mean \"next friday\"?");
    CHECK(box.ok({"show", "sam", "--format", "json"}).find("\"Call\"") == std::string::npos);
}

TEST_CASE("a note's \"next tues\" is the day `kith date next tues` gives, and `next sept` is a date") {
    Sandbox box;
    const auto monday = std::vector<std::string>{"--today", "2026-11-23"};
    auto date = monday;
    date.insert(date.end(), {"date", "next tues"});
    CHECK(box.ok(date) == "2026-12-01 Tue (in 8 days)\n");
    box.ok({"add", "Anne Miller"});
    auto note = monday;
    note.insert(note.end(), {"note", "anne", "Her cataract surgery next tues"});
    box.ok(note);
    auto agenda = monday;
    agenda.insert(agenda.end(), {"agenda", "--within", "2w", "--format", "json"});
    CHECK(box.ok(agenda).find("\"2026-12-01\"") != std::string::npos);
    CHECK(box.ok(agenda).find("\"2026-11-24\"") == std::string::npos);
    CHECK(box.ok({"date", "next sept"}) == "2027-09-01 Wed (in 283 days)\n");
}

TEST_CASE("ranking across reasons: birthday today, then days late, then soonest upcoming") {
    Sandbox box;  // today is 2026-11-22
    box.ok({"add", "Late Ten", "--every", "2w"});
    box.ok({"log", "late ten", "--on", "2026-10-29"});  // due 11-12: 10 days late
    box.ok({"add", "Late Two"});
    box.ok({"remind", "late two", "2026-11-20", "Send notes"});  // 2 days late
    box.ok({"add", "Event Soon"});
    box.ok({"note", "event soon", "--event", "2026-11-24", "Knee surgery"});
    box.ok({"add", "Birthday Later", "--birthday", "--11-27"});
    box.ok({"add", "Birthday Today", "--birthday", "1990-11-22"});
    auto tsv = reasons_only(box.ok({"due", "--format", "tsv"}));
    CHECK(tsv ==
          "5\tBirthday Today\tbirthday today (turns 36)\t\n"
          "1\tLate Ten\tcheck-in 10 days overdue (every 2w, last spoke 2026-10-29)\t\n"
          "2\tLate Two\treminder r1: Send notes (2 days late)\t\n"
          "3\tEvent Soon\tcoming up Tue: their knee surgery\t\n"
          "4\tBirthday Later\tbirthday Fri\t\n");
}

TEST_CASE("rm declined at the prompt deletes nothing and exits 1") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    RunOptions terminal;
    terminal.terminal_stdin = true;
    terminal.input = "n\n";
    auto result = box.run({"rm", "sam"}, terminal);
    CHECK(result.code == 1);
    CHECK(result.out.empty());
    CHECK(result.err.find("kith: nothing deleted") != std::string::npos);
    CHECK(result.err.find("Delete Sam Smith (#1) with 0 notes, 0 interactions and 0 reminders?") != std::string::npos);
    CHECK(box.ok({"list", "--format", "tsv", "--fields", "name"}) == "Sam Smith\n");
    terminal.input = "y\n";
    CHECK(box.ok({"rm", "sam"}, terminal) == "Deleted Sam Smith (#1)\n");
    CHECK(box.ok({"list", "--format", "tsv"}).empty());
}

TEST_CASE("show says when a person is snoozed, done ignores a repeated id") {
    Sandbox box;
    box.ok({"add", "Sam Smith"});
    box.ok({"snooze", "sam", "2w"});
    CHECK(box.ok({"show", "sam"}).find("snoozed     until 2026-12-06 (left out of due)") != std::string::npos);
    box.ok({"remind", "sam", "2026-11-01", "Invoice", "--every", "1mo"});
    CHECK(box.ok({"done", "1", "1"}) == "Done r1: Invoice; next on Tue 2026-12-01\n");
}
