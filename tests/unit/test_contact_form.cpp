#include <doctest/doctest.h>

#include "kith/core.h"
#include "kith/error.h"

using namespace kith;

namespace {

Contact sam() {
    Contact c;
    c.id = 1;
    c.name = "Sam Smith";
    c.emails = {"sam@acme.com", "old@acme.com"};
    c.tags = {"client"};
    c.birthday = Birthday{1986, 3, 15};
    return c;
}

}  // namespace

TEST_CASE("an unchanged form changes nothing") {
    auto changes = changes_from_form(sam(), contact_form(sam()));
    REQUIRE(changes);
    CHECK(changes->empty());
}

TEST_CASE("an edited form adds and removes list values and sets or clears fields") {
    auto form = contact_form(sam());
    auto replace = [&](const std::string& from, const std::string& to) { form.replace(form.find(from), from.size(), to); };
    replace("email: old@acme.com\n", "email: new@acme.com\n");
    replace("tag: client\n", "tag: client\ntag: golf\n");
    replace("company: ", "company: Globex");
    replace("birthday: 1986-03-15", "birthday:");
    auto changes = changes_from_form(sam(), form);
    REQUIRE(changes);
    CHECK(changes->add_emails == std::vector<std::string>{"new@acme.com"});
    CHECK(changes->remove_emails == std::vector<std::string>{"old@acme.com"});
    CHECK(changes->add_tags == std::vector<std::string>{"golf"});
    CHECK(changes->company == "Globex");
    CHECK(changes->birthday == "");
    CHECK_FALSE(changes->name);
}

TEST_CASE("a value with commas stays one value, and each line is one value") {
    Contact c = sam();
    c.nicknames = {"Smith, Jr."};
    c.phones = {"+15551234567,,123#", "+1 555 0100, ext. 7"};
    auto form = contact_form(c);
    CHECK(form.find("nickname: Smith, Jr.\n") != std::string::npos);
    CHECK(form.find("phone: +1 555 0100, ext. 7\n") != std::string::npos);
    auto unchanged = changes_from_form(c, form);
    REQUIRE(unchanged);
    CHECK(unchanged->empty());
    // Deleting a line removes that value; a second line adds one.
    form.replace(form.find("phone: +15551234567,,123#\n"), std::string("phone: +15551234567,,123#\n").size(), "");
    form += "nickname: Smithy\n";
    auto changes = changes_from_form(c, form);
    REQUIRE(changes);
    CHECK(changes->remove_phones == std::vector<std::string>{"+15551234567,,123#"});
    CHECK(changes->add_nicknames == std::vector<std::string>{"Smithy"});
    CHECK(changes->remove_nicknames.empty());
    CHECK_THROWS_AS(changes_from_form(c, "name: A\nname: B\n"), Error);
}

TEST_CASE("an emptied form cancels, a line without a colon or an unknown field is refused") {
    CHECK_FALSE(changes_from_form(sam(), "# only comments\n\n"));
    CHECK_THROWS_AS(changes_from_form(sam(), "name Sam\n"), Error);
    CHECK_THROWS_AS(changes_from_form(sam(), "shoe: 44\n"), Error);
}
