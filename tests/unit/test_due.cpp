#include <doctest/doctest.h>

#include <algorithm>

#include "kith/core.h"
#include "kith/due.h"
#include "kith/error.h"
#include "kith/output.h"

using namespace kith;
using namespace std::chrono;

namespace {

Date day_of(int y, unsigned m, unsigned d) { return Date{year{y}, month{m}, day{d}}; }

const Date today = day_of(2026, 11, 22);

struct Book {
    std::unique_ptr<Store> store = Store::open(":memory:", Store::Access::write);

    std::int64_t add(const std::string& name, Date added, std::optional<std::string> every = {},
                     std::optional<std::string> birthday = {}, std::vector<std::string> tags = {}) {
        NewContact input;
        input.name = name;
        input.every = every;
        input.birthday = birthday;
        input.tags = std::move(tags);
        return add_contact(*store, input, added).contact.id;
    }
    void log(std::int64_t id, Date on) {
        NewInteraction interaction;
        interaction.on = format_iso(on);
        log_interaction(*store, id, interaction, today);
    }
    std::vector<DueEntry> due(DueOptions options = {}) {
        options.today = options.today.ok() ? options.today : today;
        return due_list(*store, options);
    }
    std::vector<std::string> names(DueOptions options = {}) {
        std::vector<std::string> out;
        for (const auto& entry : due(options)) out.push_back(entry.contact.name);
        return out;
    }
};

DueOptions at(Date date) {
    DueOptions options;
    options.today = date;
    return options;
}

}  // namespace

TEST_CASE("a cadence is due from last contact, or from the day added when never contacted") {
    Book book;
    auto sam = book.add("Sam", day_of(2026, 9, 1), "30d");
    book.log(sam, day_of(2026, 10, 23));  // due 2026-11-22
    book.add("Never", day_of(2026, 10, 1), "30d");  // due 2026-10-31
    auto entries = book.due();
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].contact.name == "Never");
    CHECK(entries[0].reasons[0].days_late == 22);
    CHECK_FALSE(entries[0].reasons[0].last_spoke);
    CHECK(entries[1].contact.name == "Sam");
    CHECK(entries[1].reasons[0].days_late == 0);
    CHECK(describe_reason(entries[0].reasons[0], today) ==
          "check-in 22 days overdue (every 30d, never logged, added 2026-10-01)");
    CHECK(book.names(at(day_of(2026, 10, 30))).empty());  // the day before Never was due
}

TEST_CASE("logging contact restarts the clock") {
    Book book;
    auto sam = book.add("Sam", day_of(2026, 1, 1), "30d");
    CHECK(book.names() == std::vector<std::string>{"Sam"});
    book.log(sam, day_of(2026, 11, 20));
    CHECK(book.names().empty());
}

TEST_CASE("a window cadence is due at its start and overdue past its end") {
    Book book;
    auto tom = book.add("Tom", day_of(2026, 1, 1), "3w..6w");
    book.log(tom, day_of(2026, 10, 25));  // due 11-15, overdue after 12-06
    auto entries = book.due();
    REQUIRE(entries.size() == 1);
    CHECK_FALSE(entries[0].reasons[0].overdue);
    CHECK(describe_reason(entries[0].reasons[0], today).rfind("check-in due since 2026-11-15", 0) == 0);
    auto later = book.due(at(day_of(2026, 12, 7)));
    REQUIRE(later.size() == 1);
    CHECK(later[0].reasons[0].overdue);
}

TEST_CASE("ranking: birthdays today, then most days late, then soonest upcoming, ties by cadence then name") {
    Book book;
    book.add("Upcoming Birthday", today, std::nullopt, "1986-11-25");
    book.add("Late Five", day_of(2026, 10, 18), "30d");            // due 11-17
    book.add("Late Twenty", day_of(2026, 10, 3), "30d");           // due 11-02
    book.add("Birthday Today", today, std::nullopt, "--11-22");
    book.add("Tie Weekly B", day_of(2026, 11, 10), "1w");          // due 11-17, 5 late
    book.add("Tie Weekly A", day_of(2026, 11, 10), "1w");
    book.add("Soon Birthday", today, std::nullopt, "--11-23");
    auto names = book.names();
    CHECK(names == std::vector<std::string>{"Birthday Today", "Late Twenty", "Tie Weekly A", "Tie Weekly B",
                                            "Late Five", "Soon Birthday", "Upcoming Birthday"});
}

TEST_CASE("a list cut by the limit is the head of the whole ranking, whatever the limit") {
    // The store stops looking for people merely coming up once enough are late: at every
    // limit the list must still be exactly the first people of the full ranking.
    Book book;
    book.add("Upcoming Birthday", today, std::nullopt, "1986-11-25");
    book.add("Late Five", day_of(2026, 10, 18), "30d");  // due 11-17
    book.add("Birthday Today", today, std::nullopt, "--11-22");
    book.add("Tagged Late", day_of(2026, 9, 1), std::nullopt, std::nullopt, {"client"});  // 30d by tag: late
    book.add("Tagged Not Yet", day_of(2026, 10, 24), std::nullopt, std::nullopt, {"client"});  // due tomorrow
    auto event = book.add("Event Tomorrow", day_of(2026, 1, 1));
    add_note(*book.store, event, NewNote{"Knee surgery", std::nullopt, "2026-11-23", false, {}}, today);
    auto both = book.add("Late And Event", day_of(2026, 1, 1));
    add_note(*book.store, both, NewNote{"Launch day", std::nullopt, "2026-11-24", false, {}}, today);
    add_reminder(*book.store, both, "2026-11-20", "Send the contract", std::nullopt, today);
    DueOptions options;
    options.tag_cadences = {{"client", Cadence{Interval{30, Interval::Unit::days}, std::nullopt}}};
    const std::vector<std::string> all{"Birthday Today", "Tagged Late", "Late Five", "Late And Event",
                                       "Event Tomorrow", "Upcoming Birthday"};
    CHECK(book.names(options) == all);
    for (std::size_t limit = 1; limit <= all.size(); ++limit) {
        CAPTURE(limit);
        options.limit = limit;
        CHECK(book.names(options) == std::vector<std::string>(all.begin(), all.begin() + static_cast<long>(limit)));
    }
}

TEST_CASE("birthdays within the window show the age they turn when the year is known") {
    Book book;
    book.add("Ann", today, std::nullopt, "1986-11-25");
    book.add("Bob", today, std::nullopt, "--11-30");  // outside the default 7 days
    auto entries = book.due();
    REQUIRE(entries.size() == 1);
    CHECK(describe_reason(entries[0].reasons[0], today) == "birthday Wed (turns 40)");
    DueOptions wide;
    wide.within = Interval{2, Interval::Unit::weeks};
    CHECK(book.names(wide) == std::vector<std::string>{"Ann", "Bob"});
}

TEST_CASE("the birthday window wraps past New Year") {
    Book book;
    book.add("New Year", today, std::nullopt, "--01-02");
    book.add("Eve", today, std::nullopt, "--12-31");
    CHECK(book.names(at(day_of(2026, 12, 29))) == std::vector<std::string>{"Eve", "New Year"});
}

TEST_CASE("a Feb 29 birthday is due on Feb 28 in a common year") {
    Book book;
    book.add("Leap", today, std::nullopt, "2000-02-29");
    auto entries = book.due(at(day_of(2027, 2, 28)));
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].reasons[0].days_late == 0);
    CHECK(entries[0].reasons[0].turning == 27);
}

TEST_CASE("events: ahead within the window, passed until followed up") {
    Book book;
    auto tom = book.add("Tom", day_of(2026, 1, 1));
    NewNote marathon{"Running the Berlin marathon", std::nullopt, "2026-11-15", false, {}};
    add_note(*book.store, tom, marathon, today);
    auto entries = book.due();
    REQUIRE(entries.size() == 1);
    CHECK(describe_reason(entries[0].reasons[0], today) == "follow up: the Berlin marathon was 2026-11-15");
    book.log(tom, day_of(2026, 11, 16));
    CHECK(book.names().empty());

    auto ann = book.add("Ann", day_of(2026, 1, 1));
    add_note(*book.store, ann, NewNote{"Knee surgery", std::nullopt, "2026-11-24", false, {}}, today);
    entries = book.due();
    REQUIRE(entries.size() == 1);
    CHECK(describe_reason(entries[0].reasons[0], today) == "coming up Tue: their knee surgery");
}

TEST_CASE("reminders: due when their day comes, done on a recurring one keeps its schedule") {
    Book book;
    auto sam = book.add("Sam", today);
    auto monthly = add_reminder(*book.store, sam, "2026-10-31", "Send the invoice", "1mo", today);
    auto once = add_reminder(*book.store, sam, "2026-11-25", "Send the deck", std::nullopt, today);
    DueOptions two_days;
    two_days.within = Interval{2, Interval::Unit::days};
    auto entries = book.due(two_days);
    REQUIRE(entries.size() == 1);
    REQUIRE(entries[0].reasons.size() == 1);  // the deck is not due yet, nor within two days
    CHECK(describe_reason(entries[0].reasons[0], today) ==
          "reminder r" + std::to_string(monthly.id) + ": Send the invoice (22 days late)");
    // Within the default week it is coming up, after what is late.
    entries = book.due();
    REQUIRE(entries.size() == 1);
    REQUIRE(entries[0].reasons.size() == 2);
    CHECK(describe_reason(entries[0].reasons[1], today) ==
          "reminder r" + std::to_string(once.id) + ": Send the deck (coming up Wed)");

    auto next = complete_reminder(*book.store, monthly.id, today);
    CHECK(next.due == day_of(2026, 11, 30));  // Oct 31 + 1mo clamps to Nov 30, after today
    CHECK_FALSE(next.done_on);
    CHECK(book.names(two_days).empty());

    auto done = complete_reminder(*book.store, once.id, today);
    CHECK(done.done_on == today);
    CHECK_THROWS_AS(complete_reminder(*book.store, once.id, today), Error);
    try {
        complete_reminder(*book.store, 999, today);
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::not_found);
    }
}

TEST_CASE("a recurring reminder far behind skips to the first date after today") {
    Book book;
    auto sam = book.add("Sam", today);
    auto weekly = add_reminder(*book.store, sam, "2026-10-01", "Weekly call", "1w", today);
    CHECK(complete_reminder(*book.store, weekly.id, today).due == day_of(2026, 11, 26));
}

TEST_CASE("snoozed people and reminders stay out of due until the day comes") {
    Book book;
    auto sam = book.add("Sam", day_of(2026, 1, 1), "30d");
    auto ann = book.add("Ann", today);
    auto reminder = add_reminder(*book.store, ann, "yesterday", "Call back", std::nullopt, today);
    snooze_contact(*book.store, sam, snooze_until("2w", today));
    snooze_reminder(*book.store, reminder.id, snooze_until("3d", today));
    CHECK(book.names().empty());
    CHECK(book.names(at(day_of(2026, 11, 25))) == std::vector<std::string>{"Ann"});
    CHECK(book.names(at(day_of(2026, 12, 6))) == std::vector<std::string>{"Sam", "Ann"});
    CHECK_THROWS_AS(snooze_until("yesterday", today), Error);
    CHECK_THROWS_AS(snooze_until("soon", today), Error);
}

TEST_CASE("archived people are never due, --tag narrows, limit cuts") {
    Book book;
    auto old_friend = book.add("Old", day_of(2026, 1, 1), "30d");
    set_archived(*book.store, old_friend, true);
    book.add("Client A", day_of(2026, 1, 1), "30d", std::nullopt, {"client"});
    book.add("Client B", day_of(2026, 2, 1), "30d", std::nullopt, {"client"});
    book.add("Friend", day_of(2026, 1, 1), "30d", std::nullopt, {"friend"});
    DueOptions clients;
    clients.tags = {"client"};
    CHECK(book.names(clients) == std::vector<std::string>{"Client A", "Client B"});
    DueOptions one;
    one.limit = 1;
    CHECK(book.names(one).size() == 1);
}

TEST_CASE("per-tag default cadences apply to people without their own") {
    Book book;
    book.add("Client", day_of(2026, 10, 1), std::nullopt, std::nullopt, {"client"});
    book.add("Own Cadence", day_of(2026, 10, 1), "1y", std::nullopt, {"client"});
    book.add("No Tag", day_of(2026, 10, 1));
    DueOptions options;
    options.tag_cadences = {{"client", Cadence{Interval{30, Interval::Unit::days}, std::nullopt}}};
    auto entries = book.due(options);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].contact.name == "Client");
    CHECK(entries[0].reasons[0].days_late == 22);
}

TEST_CASE("the due queries read indexes in ranking order, never a full scan of contacts or notes, nor a sort") {
    Book book;
    book.add("Sam", today, "30d", "1986-03-15", {"client"});
    DueQuery query;
    query.today = today;
    query.birthdays_until = add(today, Interval{7, Interval::Unit::days});
    query.events_from = subtract(today, Interval{30, Interval::Unit::days});
    query.events_until = query.birthdays_until;
    query.tags = {"client"};
    query.tag_cadences = {{"client", Interval{30, Interval::Unit::days}}};
    auto plans = book.store->due().query_plans(query);
    REQUIRE(plans.size() > 5);
    for (const auto& line : plans) {
        INFO(line);
        CHECK(line.find("SCAN c") == std::string::npos);
        CHECK(line.find("SCAN n") == std::string::npos);
        CHECK(line.find("SCAN r") == std::string::npos);
        CHECK(line.find("SCAN contacts") == std::string::npos);
        CHECK(line.find("SCAN notes") == std::string::npos);
        // A sort would first read every row of a day's birthdays or events.
        CHECK(line.find("TEMP B-TREE") == std::string::npos);
    }
}

TEST_CASE("a monthly reminder from Jan 31 keeps the month end: Feb 28, then Mar 31") {
    Book book;
    auto sam = book.add("Sam", today);
    const Date jan31 = day_of(2027, 1, 31);
    auto monthly = add_reminder(*book.store, sam, "2027-01-31", "Pay rent", "monthly", jan31);
    CHECK(complete_reminder(*book.store, monthly.id, jan31).due == day_of(2027, 2, 28));
    CHECK(complete_reminder(*book.store, monthly.id, jan31).due == day_of(2027, 3, 31));
    CHECK(complete_reminder(*book.store, monthly.id, jan31).due == day_of(2027, 4, 30));
}

TEST_CASE("a window cadence counts its overdue days from the far end") {
    Book book;
    auto tom = book.add("Tom", day_of(2026, 1, 1), "3w..6w");
    book.log(tom, day_of(2026, 10, 1));  // due 10-22, overdue after 11-12
    auto entries = book.due();
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].reasons[0].days_late == 31);  // ranking still counts from the due day
    CHECK(describe_reason(entries[0].reasons[0], today) ==
          "check-in 10 days overdue (every 3w..6w, last spoke 2026-10-01)");
}

TEST_CASE("tag cadences match tags case- and accent-insensitively") {
    Book book;
    book.add("Cleo", day_of(2026, 10, 1), std::nullopt, std::nullopt, {"Café"});
    DueOptions options;
    options.tag_cadences = {{"cafe", Cadence{Interval{30, Interval::Unit::days}, std::nullopt}}};
    CHECK(book.names(options) == std::vector<std::string>{"Cleo"});
}

TEST_CASE("a date of birth still ahead says no age") {
    Book book;
    book.add("Baby", today, std::nullopt, "2026-11-25");
    auto entries = book.due();
    REQUIRE(entries.size() == 1);
    CHECK(describe_reason(entries[0].reasons[0], today) == "birthday Wed");
}

TEST_CASE("done's ids: reminders and notes, each once, in the order given") {
    auto ids = parse_done_ids({"4", "#7", "n12", "4", "n12", "n3"});
    CHECK(ids.reminders == std::vector<std::int64_t>{4, 7});
    CHECK(ids.notes == std::vector<std::int64_t>{12, 3});
    CHECK(parse_reminder_id("#12") == 12);
    CHECK_FALSE(parse_reminder_id("12a"));
    CHECK_FALSE(parse_reminder_id(""));
    auto failure = [](const std::string& id) {
        try {
            parse_done_ids({"1", id});
        } catch (const Error& e) {
            CHECK(e.code() == ExitCode::usage);
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    CHECK(failure("nx") == "bad note id \"nx\": expected n and a number, such as n12");
    CHECK(failure("sam") == "bad id \"sam\": expected a reminder id such as r12, or a note id such as n12");
}

TEST_CASE("done completes all the reminders and notes given, or none of them") {
    Book book;
    auto sam = book.add("Sam", day_of(2026, 1, 1));
    auto call = add_reminder(*book.store, sam, "2026-11-20", "Call back", std::nullopt, today);
    auto invoice = add_reminder(*book.store, sam, "2026-10-31", "Send the invoice", "1mo", today);
    auto note = [&](const std::string& text) {
        return add_note(*book.store, sam, NewNote{text, std::nullopt, std::nullopt, false, {}}, today);
    };
    auto promise = note("I'll send her the deck by Friday");
    auto fact = note("Asked about her daughter's new school");

    // A note that is no promise stops them all: the reminder before it stays open.
    CHECK_THROWS_AS(complete_reminders(*book.store, {{call.id}, {fact.id}}, today, builtin_rulebook()), Error);
    CHECK_FALSE(book.store->reminders().find(call.id)->done_on);

    auto completed = complete_reminders(*book.store, {{call.id, invoice.id}, {promise.id}}, today, builtin_rulebook());
    REQUIRE(completed.reminders.size() == 2);
    CHECK(completed.reminders[0].done_on == today);
    CHECK(completed.reminders[1].due == day_of(2026, 11, 30));  // recurring: moved on, not done
    REQUIRE(completed.notes.size() == 1);
    CHECK(completed.notes[0].done_on == today);
}

namespace {

// A dated event on a person's card, as an imported ANNIVERSARY or X-ABDATE leaves it.
void give_event(Book& book, std::int64_t id, const std::string& label, Birthday date) {
    book.store->write([&] {
        auto card = book.store->contacts().card(id);
        card.events.push_back({label, date});
        book.store->contacts().write_card(id, card);
    });
}

}  // namespace

TEST_CASE("anniversaries come round as birthdays: in the window with their years, on the day first of all") {
    Book book;
    give_event(book, book.add("Wed Couple", today), "anniversary", Birthday{2015, 11, 24});
    book.add("Late Five", day_of(2026, 10, 18), "30d");  // due 11-17
    give_event(book, book.add("Today Couple", today), "wedding", Birthday{std::nullopt, 11, 22});
    give_event(book, book.add("Far Off", today), "anniversary", Birthday{2001, 12, 30});  // outside 7 days
    give_event(book, book.add("First Date", today), "first date", Birthday{2020, 11, 27});
    CHECK(book.names() == std::vector<std::string>{"Today Couple", "Late Five", "Wed Couple", "First Date"});
    const auto entries = book.due();
    REQUIRE(entries.size() == 4);
    CHECK(entries[0].reasons[0].kind == DueReason::Kind::anniversary);
    CHECK(describe_reason(entries[0].reasons[0], today) == "wedding anniversary today");
    CHECK(describe_reason(entries[2].reasons[0], today) == "anniversary Tue (11 years)");
    CHECK(entries[2].reasons[0].years == 11);
    CHECK(describe_reason(entries[3].reasons[0], today) == "first date Fri (6 years)");
    // The limit keeps the head of that ranking.
    DueOptions one;
    one.limit = 1;
    CHECK(book.names(one) == std::vector<std::string>{"Today Couple"});
    DueOptions wide;
    wide.within = Interval{6, Interval::Unit::weeks};
    CHECK(book.names(wide).back() == "Far Off");
}

TEST_CASE("an anniversary shows through a snooze as a birthday does, never for the archived, Feb 29 on Feb 28") {
    Book book;
    auto snoozed = book.add("Snoozed", day_of(2026, 1, 1), "30d");
    give_event(book, snoozed, "anniversary", Birthday{2010, 11, 23});
    snooze_contact(*book.store, snoozed, snooze_until("1mo", today));
    auto archived = book.add("Archived", today);
    give_event(book, archived, "anniversary", Birthday{2010, 11, 23});
    set_archived(*book.store, archived, true);
    auto entries = book.due();
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].contact.name == "Snoozed");
    REQUIRE(entries[0].reasons.size() == 1);  // the late check-in waits for the snooze
    CHECK(entries[0].reasons[0].kind == DueReason::Kind::anniversary);

    Book leap;
    give_event(leap, leap.add("Leap", today), "wedding", Birthday{2004, 2, 29});
    auto on_28 = leap.due(at(day_of(2027, 2, 28)));
    REQUIRE(on_28.size() == 1);
    CHECK(on_28[0].reasons[0].days_late == 0);
    CHECK(on_28[0].reasons[0].years == 23);
}
