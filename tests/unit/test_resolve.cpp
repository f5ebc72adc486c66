#include <doctest/doctest.h>

#include "kith/core.h"
#include "kith/error.h"

using namespace kith;
using namespace std::chrono;

namespace {

const Date today{year{2026}, November, day{22}};

struct Book {
    std::unique_ptr<Store> store = Store::open(":memory:", Store::Access::write);
    std::int64_t add(const std::string& name, std::vector<std::string> nicknames = {}) {
        NewContact input;
        input.name = name;
        input.nicknames = std::move(nicknames);
        return add_contact(*store, input, today).contact.id;
    }
    ContactRef resolve(const std::string& query) { return resolve_contact(*store, query); }
    std::string failure(const std::string& query, ExitCode expected = ExitCode::not_found) {
        try {
            resolve(query);
        } catch (const Error& e) {
            CHECK(e.code() == expected);
            return e.what();
        }
        FAIL("resolved ", query);
        return {};
    }
};

}  // namespace

TEST_CASE("resolution by id, with or without #") {
    Book book;
    book.add("Sam Smith");
    auto id = book.add("Ann Lee");
    CHECK(book.resolve("#" + std::to_string(id)).name == "Ann Lee");
    CHECK(book.resolve(std::to_string(id)).name == "Ann Lee");
    CHECK(book.failure("#99") == "no contact #99");
}

TEST_CASE("exact name and nickname beat prefixes, case-insensitively") {
    Book book;
    book.add("Sam");
    book.add("Samantha Green", {"Sammy"});
    CHECK(book.resolve("sam").name == "Sam");  // exact, though also a prefix of Samantha
    CHECK(book.resolve("SAMMY").name == "Samantha Green");
    CHECK(book.resolve("saman").name == "Samantha Green");
}

TEST_CASE("non-ASCII names fold case and accents") {
    Book book;
    book.add("Renée Dubois");
    book.add("Łukasz Nowak");
    book.add("Ørjan Berg");
    CHECK(book.resolve("RENÉE DUBOIS").name == "Renée Dubois");
    CHECK(book.resolve("renee").name == "Renée Dubois");
    CHECK(book.resolve("łukasz").name == "Łukasz Nowak");
    CHECK(book.resolve("ØRJAN").name == "Ørjan Berg");
}

TEST_CASE("with Renée and Renee both present, the accents typed decide") {
    Book book;
    book.add("Renée");
    book.add("Renee");
    CHECK(book.resolve("renée").name == "Renée");
    CHECK(book.resolve("RENEE").name == "Renee");
}

TEST_CASE("a unique prefix, then a unique substring") {
    Book book;
    book.add("Sam Smith");
    book.add("Ann Lee");
    CHECK(book.resolve("sa").name == "Sam Smith");
    CHECK(book.resolve("lee").name == "Ann Lee");
    CHECK(book.resolve("m sm").name == "Sam Smith");
}

TEST_CASE("ambiguous and unknown names name the candidates") {
    Book book;
    auto smith = book.add("Sam Smith");
    auto jones = book.add("Sam Jones");
    auto message = book.failure("sam");
    CHECK(message.find("ambiguous") != std::string::npos);
    CHECK(message.find("Sam Smith (#" + std::to_string(smith) + ")") != std::string::npos);
    CHECK(message.find("Sam Jones (#" + std::to_string(jones) + ")") != std::string::npos);
    CHECK(book.failure("zed").find("no contact matches \"zed\"") != std::string::npos);
    CHECK(book.failure("  ", ExitCode::usage) == "empty contact name");
}

TEST_CASE("two people with the same full name are ambiguous until the id is used") {
    Book book;
    book.add("Alex Kim");
    auto second = book.add("Alex Kim");
    book.failure("alex kim");
    CHECK(book.resolve("#" + std::to_string(second)).id == second);
}

TEST_CASE("an active contact wins over an archived one with the same prefix") {
    Book book;
    auto old_id = book.add("Sam Old");
    book.add("Sam New");
    set_archived(*book.store, old_id, true);
    CHECK(book.resolve("sam").name == "Sam New");
    CHECK(book.resolve("sam old").name == "Sam Old");  // still reachable by name
}
