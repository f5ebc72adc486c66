#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "kith/error.h"
#include "kith/output.h"

using namespace kith;
using namespace std::chrono;

namespace {

const Date today{year{2026}, November, day{22}};

Contact sample() {
    Contact c;
    c.id = 7;
    c.uuid = "00000000-0000-4000-8000-000000000007";
    c.name = "Renée | Dubois";
    c.emails = {"renee@example.com"};
    c.tags = {"client", "sailing"};
    c.company = "Tab\tCo";
    c.birthday = Birthday{std::nullopt, 6, 2};
    c.last_contacted = Date{year{2026}, October, day{1}};
    return c;
}

std::string list(Format format, std::vector<std::string> fields = {}, bool color = false) {
    std::ostringstream out;
    render_contact_list(out, {sample()}, fields, Style{format, color}, today);
    return out.str();
}

}  // namespace

TEST_CASE("formats are parsed by name") {
    CHECK(parse_format("jsonl") == Format::jsonl);
    CHECK(parse_format("md") == Format::md);
    CHECK_FALSE(parse_format("xml"));
}

TEST_CASE("fields accept aliases and reject unknown names") {
    CHECK(parse_fields("id,email,tag,last_contacted") == std::vector<std::string>{"id", "emails", "tags", "last"});
    CHECK_THROWS_AS(parse_fields("id,shoe_size"), Error);
}

TEST_CASE("plain list is an aligned table without escape codes") {
    auto text = list(Format::plain);
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.rfind("id  name", 0) == 0);
    CHECK(text.find("client, sailing") != std::string::npos);
    CHECK(text.find("2026-10-01") != std::string::npos);
}

TEST_CASE("text with colour paints the header, without colour it equals plain") {
    CHECK(list(Format::text, {}, true).find("\x1b[") != std::string::npos);
    CHECK(list(Format::text, {}, false) == list(Format::plain));
}

TEST_CASE("tsv escapes tabs so each record stays one line of cells") {
    auto text = list(Format::tsv, {"id", "name", "company", "tags"});
    CHECK(text == "7\tRenée | Dubois\tTab\\tCo\tclient,sailing\n");
}

TEST_CASE("md escapes pipes inside cells") {
    auto text = list(Format::md, {"name"});
    CHECK(text == "| name |\n| --- |\n| Renée \\| Dubois |\n");
}

TEST_CASE("json has the documented shape, --fields narrows it") {
    auto full = nlohmann::json::parse(list(Format::json));
    REQUIRE(full.is_array());
    auto& c = full[0];
    for (auto key : {"id", "uuid", "name", "nicknames", "emails", "phones", "company", "tags", "birthday", "every",
                     "archived", "last_contacted", "created_at", "updated_at"})
        CHECK_MESSAGE(c.contains(key), key);
    CHECK(c["birthday"] == "--06-02");
    CHECK(c["every"].is_null());
    CHECK(c["last_contacted"] == "2026-10-01");
    auto narrow = nlohmann::json::parse(list(Format::jsonl, {"id", "last"}));
    CHECK(narrow == nlohmann::json{{"id", 7}, {"last_contacted", "2026-10-01"}});
}

TEST_CASE("json output survives invalid UTF-8 that slipped into a record") {
    Contact broken = sample();
    broken.name = "bad \xff byte";
    std::ostringstream out;
    render_contact_list(out, {broken}, {}, Style{Format::jsonl, false}, today);
    auto parsed = nlohmann::json::parse(out.str());
    CHECK(parsed["name"].get<std::string>().find("bad") == 0);
}

TEST_CASE("show in text lists notes newest first with continuation lines indented") {
    ContactDetail detail;
    detail.contact = sample();
    Note first;
    first.id = 1;
    first.text = "Line one\nline two";
    first.on = Date{year{2026}, November, day{2}};
    first.event = Date{year{2026}, December, day{5}};
    detail.notes = {first};
    Interaction call;
    call.id = 4;
    call.on = Date{year{2026}, October, day{1}};
    call.channel = "call";
    call.summary = "Budget\nand hiring";
    detail.interactions = {call};
    std::ostringstream out;
    render_contact_detail(out, detail, Style{Format::plain, false}, today);
    auto text = out.str();
    CHECK(text.find("Renée | Dubois  #7") == 0);
    CHECK(text.find("2026-11-02  n1  Line one\n                  line two (event 2026-12-05)") != std::string::npos);
    CHECK(text.find("2026-10-01  i4  call      Budget\n                            and hiring\n") != std::string::npos);
    CHECK(text.find("\n  last spoke  2026-10-01 (52 days ago)\n") != std::string::npos);
}
