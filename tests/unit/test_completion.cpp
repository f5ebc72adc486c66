// What shell completion offers for contacts and reminders (core/completion.cpp).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "kith/core.h"
#include "kith/due.h"

using namespace kith;
using namespace std::chrono;

namespace {

const Date today{year{2026}, November, day{22}};

struct Book {
    std::unique_ptr<Store> store = Store::open(":memory:", Store::Access::write);
    std::int64_t add(const std::string& name) {
        NewContact input;
        input.name = name;
        return add_contact(*store, input, today).contact.id;
    }
    std::vector<std::string> names(const std::vector<std::string>& before, const std::string& current,
                                   std::size_t limit = 500) {
        std::vector<std::string> out;
        for (const auto& name : name_completions(*store, before, current, limit)) out.push_back(name.rest);
        return out;
    }
};

}  // namespace

TEST_CASE("a contact's name completes word by word, each rest once") {
    Book book;
    book.add("Sam Smith");
    book.add("Sam Smith");
    auto jones = book.add("Sam Jones");
    book.add("Samantha");
    book.add("Ann Lee");
    set_archived(*book.store, jones, true);
    // In folded-name order; two people of one name are offered once.
    CHECK(book.names({}, "sam") == std::vector<std::string>{"Sam Jones", "Sam Smith", "Samantha"});
    auto first = name_completions(*book.store, {}, "sam j", 500);
    REQUIRE(first.size() == 1);
    CHECK(first[0].contact_id == jones);
    CHECK(first[0].archived);
    CHECK(book.names({"sam"}, "sm") == std::vector<std::string>{"Smith"});
    CHECK(book.names({"sam"}, "") == std::vector<std::string>{"Jones", "Smith"});  // Samantha has no second word
    CHECK(book.names({}, "sam", 2).size() == 2);
}

TEST_CASE("reminder ids complete with whom they are for, leaving out those already given") {
    Book book;
    auto sam = book.add("Sam Smith");
    auto call = add_reminder(*book.store, sam, "2026-11-25", "Call back", std::nullopt, today);
    auto deck = add_reminder(*book.store, sam, "2026-11-26", "Send the deck", std::nullopt, today);
    auto done = add_reminder(*book.store, sam, "2026-11-27", "Done already", std::nullopt, today);
    complete_reminder(*book.store, done.id, today);

    auto open = reminder_completions(*book.store, "", {}, 500);
    REQUIRE(open.size() == 2);
    CHECK(open[0].reminder.id == call.id);
    CHECK(open[0].contact_name == "Sam Smith");
    CHECK(open[1].reminder.id == deck.id);

    auto rest = reminder_completions(*book.store, "", {std::to_string(call.id)}, 500);
    REQUIRE(rest.size() == 1);
    CHECK(rest[0].reminder.text == "Send the deck");
}
