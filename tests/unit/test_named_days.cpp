// Days of the year called by name, and dates written in the rarer forms, as a note gives them.
#include <doctest/doctest.h>

#include <chrono>
#include <optional>
#include <string>

#include "questions/named_days.h"
#include "questions/when.h"

using namespace kith;
using namespace kith::questions;
using namespace std::chrono;

namespace {

Date day_of(int y, unsigned m, unsigned d) { return Date{year{y}, month{m}, day{d}}; }

// The day the words name, noted on `noted`, as "YYYY-MM-DD" (or "none").
std::string named(std::string_view a, std::string_view b, std::string_view c, Date noted, bool past = false) {
    auto found = named_day({a, b, c, "", ""}, noted, past);
    return found ? format_iso(found->date) : "none";
}

// The first date found in a note's text.
std::string first_date(std::string_view text, Date noted) {
    auto found = find_dates(text, noted, false);
    return found.dates.empty() ? "none" : format_iso(found.dates.front().date);
}

}  // namespace

TEST_CASE("named days: Easter and the days counted from it move each year") {
    const Date january = day_of(2026, 1, 10);
    CHECK(named("easter", "sunday", "", january) == "2026-04-05");
    CHECK(named("good", "friday", "", january) == "2026-04-03");
    CHECK(named("easter", "monday", "", january) == "2026-04-06");
    CHECK(named("shrove", "tuesday", "", january) == "2026-02-17");
    CHECK(named("pancake", "day", "", january) == "2026-02-17");
    CHECK(named("whit", "monday", "", january) == "2026-05-25");
    CHECK(named("orthodox", "easter", "", january) == "2026-04-12");
    CHECK(named("pascha", "", "", day_of(2027, 1, 10)) == "2027-05-02");
    // Noted after this year's Easter: next year's.
    CHECK(named("easter", "", "", day_of(2026, 6, 1)) == "2027-03-28");
    CHECK(named("good", "friday", "", day_of(2026, 6, 1)) == "2027-03-26");
    // Told of after it happened: this year's.
    CHECK(named("easter", "", "", day_of(2026, 6, 1), true) == "2026-04-05");
    // The longest name wins, and says how many words it took.
    auto monday = named_day({"easter", "monday", "picnic", "", ""}, january, false);
    REQUIRE(monday);
    CHECK(monday->words == 2);
}

TEST_CASE("named days: holidays on a weekday of their month, and fixed days spelled any way") {
    CHECK(named("patriots'", "day", "", day_of(2026, 3, 30)) == "2026-04-20");
    CHECK(named("patriots", "day", "", day_of(2026, 3, 30)) == "2026-04-20");
    CHECK(named("thanksgiving", "", "", day_of(2026, 10, 1)) == "2026-11-26");
    CHECK(named("father's", "day", "", day_of(2026, 5, 1)) == "2026-06-21");
    CHECK(named("st", "david\xE2\x80\x99s", "day", day_of(2027, 2, 8)) == "2027-03-01");  // a curly apostrophe
    CHECK(named("saint", "patrick's", "day", day_of(2026, 2, 16)) == "2026-03-17");
    CHECK(named("valentines", "day", "", day_of(2026, 1, 19)) == "2026-02-14");
    CHECK(named("pi", "day", "", day_of(2027, 2, 22)) == "2027-03-14");
    CHECK(named("groundhog", "day", "", day_of(2026, 1, 12)) == "2026-02-02");
    CHECK(named("día", "de", "reyes", day_of(2026, 12, 14)) == "2027-01-06");
    // A day a few days past is still this year's (a note written just after it).
    CHECK(named("bonfire", "night", "", day_of(2026, 11, 10)) == "2026-11-05");
    CHECK(named("bonfire", "night", "", day_of(2026, 12, 1)) == "2027-11-05");
    CHECK(named("pi", "", "", day_of(2027, 2, 22)) == "none");
    CHECK(named("day", "", "", day_of(2027, 2, 22)) == "none");
}

TEST_CASE("named days: the moon's calendars are data (rules.toml), not counted here") {
    CHECK(named("diwali", "", "", day_of(2026, 10, 1)) == "none");
    CHECK(named("chinese", "new", "year", day_of(2027, 1, 5)) == "none");
}

TEST_CASE("named days: in a note's text, with the rarer written forms") {
    const Date noted = day_of(2027, 2, 15);
    CHECK(first_date("speaking exam on the second Tuesday of March", noted) == "2027-03-09");
    CHECK(first_date("a wk on Orkney from Good Friday as her reward", noted) == "2027-03-26");
    CHECK(first_date("flies to Quito 12.XI. for 5 months", day_of(2026, 10, 19)) == "2026-11-12");
    CHECK(first_date("flies to Quito 12.XI.2027", noted) == "2027-11-12");
    CHECK(first_date("section XI. of the lease", noted) == "none");
    CHECK(first_date("starts as an associate on 2026/05/04", day_of(2026, 4, 13)) == "2026-05-04");
    CHECK(first_date("completion 7 Oct '27 at last", noted) == "2027-10-07");
    CHECK(first_date("wedding 12 Sept 2028, save the date", noted) == "2028-09-12");
    CHECK(first_date("first solo session a week tomorrow", day_of(2026, 2, 9)) == "2026-02-17");
    CHECK(first_date("the viva is two weeks today", day_of(2026, 2, 9)) == "2026-02-23");
    // After a weekday, figures either way round are read the way that falls on it.
    CHECK(first_date("final interview wed 3/2", day_of(2027, 1, 20)) == "2027-02-03");
    CHECK(first_date("final interview tue 3/2", day_of(2027, 1, 20)) == "2027-03-02");
    CHECK(first_date("final interview wed 11/11", day_of(2026, 10, 26)) == "2026-11-11");
    CHECK(first_date("rated it 10/10", day_of(2026, 10, 26)) == "none");
    CHECK(first_date("her recital is a week on Friday", day_of(2026, 2, 9)) == "2026-02-20");
}

TEST_CASE("named days: the day after one, a span from one day to another, a day-month-year in one word") {
    const Date noted = day_of(2026, 12, 7);
    CHECK(first_date("her mum moves in the day after Boxing Day", noted) == "2026-12-27");
    CHECK(first_date("party the day before Hogmanay", noted) == "2026-12-30");
    CHECK(first_date("Syttende mai in Voss", day_of(2026, 4, 27)) == "2026-05-17");
    CHECK(first_date("singing on St Lucy's Day", noted) == "2026-12-13");
    CHECK(first_date("demo day's 21-Jan-27 at the Barbican", noted) == "2027-01-21");
    CHECK(first_date("the well-known 3-in-1 offer", noted) == "none");
    auto exchange = find_dates("off on the exchange Sun 14 Mar → Sat 20 Mar", day_of(2027, 2, 22), false);
    REQUIRE(exchange.dates.size() == 1);
    CHECK(format_iso(exchange.dates.front().date) == "2027-03-14");
    REQUIRE(exchange.lasting);
    CHECK(exchange.lasting->count == 7);
    auto namibia = find_dates("flies out sat 17 Oct, back the 26th", day_of(2026, 10, 5), false);
    REQUIRE(namibia.lasting);
    CHECK(namibia.lasting->count == 10);
    auto kerala = find_dates("while he's in Kerala 15–29 Jan", day_of(2027, 1, 4), false);
    REQUIRE(kerala.lasting);
    CHECK(kerala.lasting->count == 15);
    // "the first lead in 20 yrs": how long since, not a day twenty years on.
    CHECK(first_date("first lead in 20 yrs of am-dram", noted) == "none");
    CHECK(first_date("back in two weeks", noted) == "2026-12-21");
}

TEST_CASE("named days: saints' days, quarter days and festivals added from part M of the corpus") {
    CHECK(named("st", "martin's", "day", day_of(2026, 10, 26)) == "2026-11-11");
    CHECK(named("lady", "day", "", day_of(2027, 3, 8)) == "2027-03-25");
    CHECK(named("michaelmas", "day", "", day_of(2026, 8, 10)) == "2026-09-29");
    CHECK(named("nye", "", "", day_of(2026, 12, 7)) == "2026-12-31");
    CHECK(named("melbourne", "cup", "day", day_of(2026, 10, 19)) == "2026-11-03");  // first Tuesday of November
    CHECK(named("up", "helly", "aa", day_of(2027, 1, 4)) == "2027-01-26");        // last Tuesday of January
    CHECK(named("shichi-go-san", "", "", day_of(2026, 10, 26)) == "2026-11-15");
    CHECK(named("lady", "", "", day_of(2027, 3, 8)) == "none");
}

TEST_CASE("named days: months in Spanish, French, German and Italian after a day, ISO week dates, a countdown") {
    const Date noted = day_of(2026, 9, 14);
    CHECK(first_date("her quinceañera is sáb 17 de octubre", noted) == "2026-10-17");
    CHECK(first_date("keynote el jueves 12 de noviembre", noted) == "2026-11-12");
    CHECK(first_date("her cruciate op am 12. Mai at the Tierklinik", day_of(2026, 4, 27)) == "2026-05-12");
    CHECK(first_date("vernissage le 3 mars", noted) == "2027-03-03");
    // A month's foreign name is read only after a day's number: Abril is a name, mars a planet.
    CHECK(first_date("Abril's tío won't dance", noted) == "none");
    CHECK(first_date("a talk about mars and de octubre", noted) == "none");
    CHECK(first_date("shelf date is 2026-W45-2, ISO weeks", noted) == "2026-11-03");
    CHECK(first_date("go-live in 2027-W02", noted) == "2027-01-11");
    CHECK(first_date("T-minus 10 days till her Ignite talk", day_of(2027, 2, 18)) == "2027-02-28");
    CHECK(first_date("3 wks until the move", noted) == "2026-10-05");
}

TEST_CASE("named days: a weekday before a day and month says which year's, whatever the note's tense") {
    // Told in the past tense ("got the keys"), "mon 1 Feb" is next February's Monday, not last
    // February's Sunday.
    auto keys = find_dates("got the keys!! plastering starts mon 1 Feb", day_of(2026, 12, 1), true);
    REQUIRE_FALSE(keys.dates.empty());
    CHECK(format_iso(keys.dates.front().date) == "2027-02-01");
    auto party = find_dates("the party was on sat 7 March, great fun", day_of(2026, 4, 27), true);
    REQUIRE_FALSE(party.dates.empty());
    CHECK(format_iso(party.dates.front().date) == "2026-03-07");
}

TEST_CASE("named days: a date in Chinese or Japanese figures, an ISO date and time, hours ahead, days counted from Thanksgiving") {
    const Date noted = day_of(2026, 10, 5);
    CHECK(first_date("the school's Wizard of Oz — 11月14日, matinee", noted) == "2026-11-14");
    CHECK(first_date("2027年3月3日 Hinamatsuri", noted) == "2027-03-03");
    CHECK(first_date("13月40日 is no day", noted) == "none");
    CHECK(first_date("cal invite says 2026-10-14T09:30", noted) == "2026-10-14");
    CHECK(first_date("presenting on dydd Mercher 3 Chwefror", day_of(2027, 1, 18)) == "2027-02-03");
    CHECK(first_date("knee arthroscopy in 48 hrs", noted) == "2026-10-07");
    CHECK(first_date("set off the day after tmrw", noted) == "2026-10-07");
    CHECK(first_date("moving in this time next week", noted) == "2026-10-12");
    CHECK(first_date("opens on Small Business Saturday", noted) == "2026-11-28");
    CHECK(first_date("the Big Sleep Out on Giving Tuesday", noted) == "2026-12-01");
    CHECK(first_date("before the Cyber Monday rush", noted) == "2026-11-30");
    CHECK(first_date("LASIK on Columbus Day", noted) == "2026-10-12");
    CHECK(first_date("runs her first trial on the Glorious Twelfth", day_of(2026, 7, 20)) == "2026-08-12");
}

TEST_CASE("named days: part O's forms — Polish, Portuguese and Turkish months, Korean, eight figures, airline days, Stir-up Sunday") {
    const Date noted = day_of(2026, 10, 19);
    CHECK(first_date("w piątek 13 listopada", noted) == "2026-11-13");
    CHECK(first_date("quinta-feira, 5 de novembro, 11h", noted) == "2026-11-05");
    CHECK(first_date("decision is due 26 Kasım Perşembe", noted) == "2026-11-26");
    CHECK(first_date("assessment day — 11월 19일", noted) == "2026-11-19");
    CHECK(first_date("they start at Vestas on 20261102", noted) == "2026-11-02");
    CHECK(first_date("flies LHR→HND 05DEC", noted) == "2026-12-05");
    CHECK(first_date("go live on Stir-up Sunday", noted) == "2026-11-22");
    CHECK(first_date("the day after Victoria Day", day_of(2026, 5, 4)) == "2026-05-19");
    CHECK(first_date("flies out the day the clocks go back", day_of(2026, 9, 28)) == "2026-10-25");
    CHECK(first_date("bunion op this day week", day_of(2026, 10, 7)) == "2026-10-14");
    CHECK(first_date("retires the day after Tax Day", day_of(2027, 3, 22)) == "2027-04-16");
    CHECK(first_date("his reference number is 12345678", noted) == "none");
}

TEST_CASE("named days: an ordinal date, a day a week or a fortnight on, the last working day of the month, and more days by name") {
    const Date noted = day_of(2026, 10, 19);  // a Monday
    CHECK(first_date("the booking site goes live 2026-310", noted) == "2026-11-06");
    CHECK(first_date("starts as an evangelist tomorrow fortnight", noted) == "2026-11-03");
    CHECK(first_date("interview tuesday week", noted) == "2026-10-27");
    CHECK(first_date("she retires on the last working day of the month", day_of(2026, 10, 2)) == "2026-10-30");
    CHECK(first_date("retires on the last working day of the month", day_of(2026, 11, 2)) == "2026-11-30");
    CHECK(first_date("the launch is on the last day of January", noted) == "2027-01-31");
    CHECK(first_date("book club on the last friday of the month", noted) == "2026-10-30");
    CHECK(first_date("book club on the last friday of the month", day_of(2026, 10, 31)) == "2026-11-27");
    CHECK(first_date("the tourney is the 2nd saturday of next month", day_of(2026, 9, 21)) == "2026-10-10");
    CHECK(first_date("the gala is the last sunday of next month", day_of(2026, 9, 21)) == "2026-10-25");
    CHECK(first_date("launching the range Tuesday the first of December", day_of(2026, 11, 9)) == "2026-12-01");
    CHECK(first_date("lantern walk for Sankt Martin", day_of(2026, 10, 26)) == "2026-11-11");
    // A year kith keeps no date in is no day (fuzz_reading: "3333/3/3" read, stored, not read back).
    CHECK(first_date("from 3333/3/3", day_of(2021, 11, 29)) == "none");
    CHECK(first_date("from 2199/3/3", day_of(2021, 11, 29)) == "2199-03-03");
    CHECK(first_date("tour of the pubs on Plough Monday", day_of(2026, 12, 21)) == "2027-01-11");
    CHECK(first_date("the wedding's on Juhannus at the lake", day_of(2026, 5, 4)) == "2026-06-20");
    CHECK(first_date("home to Köln for Rosenmontag", day_of(2027, 1, 11)) == "2027-02-08");
    CHECK(first_date("going as Mr Fox for World Book Day", day_of(2027, 2, 15)) == "2027-03-04");
    CHECK(first_date("her talk is on Mashujaa Day", day_of(2026, 9, 28)) == "2026-10-20");
    CHECK(first_date("launches in Taipei on Double Ten", day_of(2026, 9, 21)) == "2026-10-10");
    CHECK(first_date("her op is on the Immacolata", day_of(2026, 11, 16)) == "2026-12-08");
    CHECK(first_date("he runs on Krampusnacht", day_of(2026, 11, 16)) == "2026-12-05");
    CHECK(first_date("diving for the cross on Theophany", day_of(2026, 12, 14)) == "2027-01-06");
    CHECK(first_date("painting a crèche on Mandela Day", day_of(2026, 6, 29)) == "2026-07-18");
    CHECK(first_date("the shop opens on the Fête de la Musique", day_of(2026, 5, 25)) == "2026-06-21");
    // Not days: "the first anniversary" (the day is the one written after it), a span of years
    // after a date, "the first time".
    CHECK(first_date("the bench goes in on the first anniversary, Fri 11 Sept", day_of(2026, 8, 24)) == "2026-09-11");
    CHECK(first_date("starts Mon 2 Nov. '10 yrs of hard graft'", noted) == "2026-11-02");
    CHECK(first_date("see you on the first!", day_of(2026, 8, 24)) == "2026-09-01");
}
