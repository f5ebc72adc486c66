#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "kith/interchange.h"

using namespace kith;

namespace {

std::vector<ImportRecord> read_document(const std::string& text) {
    std::istringstream in(text);
    std::vector<ImportRecord> records;
    interchange::read_json(in, [&](ImportRecord&& record) { records.push_back(std::move(record)); });
    return records;
}

}  // namespace

TEST_CASE("JSON document reader gives each contact the line it starts on") {
    auto records = read_document(
        "{\n"
        "  \"kith_version\": 1,\n"
        "  \"exported_by\": {\"tool\": \"kith\", \"list\": [1, {\"a\": 2}]},\n"
        "  \"contacts\": [\n"
        "    {\"name\": \"Ana Lima\", \"unknown\": {\"deep\": [1, 2]},\n"
        "     \"notes\": [{\"text\": \"Moving to Lisbon\", \"date\": \"2026-01-02\", \"event\": \"2026-03-01\"}]},\n"
        "    {\n"
        "      \"name\": \"Bo\", \"birthday\": \"--02-29\", \"every\": \"3w..6w\", \"archived\": true\n"
        "    }\n"
        "  ]\n"
        "}\n");
    REQUIRE(records.size() == 2);
    CHECK(records[0].line == 5);
    CHECK(records[0].record.contact.name == "Ana Lima");
    REQUIRE(records[0].record.notes.size() == 1);
    CHECK(format_iso(records[0].record.notes[0].on) == "2026-01-02");
    CHECK(format_iso(*records[0].record.notes[0].event) == "2026-03-01");
    CHECK(records[1].line == 7);
    CHECK(format_birthday(*records[1].record.contact.birthday) == "--02-29");
    CHECK(format_cadence(*records[1].record.contact.every) == "3w..6w");
    CHECK(records[1].record.contact.archived);
}

TEST_CASE("JSON document reader hands over each contact before reading the next") {
    std::istringstream in("{\"kith_version\":1,\"contacts\":[\n{\"name\":\"Ana\"},\n{\"name\":\"Bo\",\"emails\":7}\n]}");
    std::vector<std::string> seen;
    try {
        interchange::read_json(in, [&](ImportRecord&& record) { seen.push_back(record.record.contact.name); });
        FAIL("a bad record must throw");
    } catch (const FormatError& e) {
        CHECK(e.line() == 3);
        CHECK(std::string(e.what()) == "contact field \"emails\": expected a list of strings");
    }
    CHECK(seen == std::vector<std::string>{"Ana"});
}

TEST_CASE("JSON readers refuse what is not kith's shape") {
    auto error_of = [](const std::string& text, bool lines) {
        std::istringstream in(text);
        try {
            if (lines)
                interchange::read_jsonl(in, [](ImportRecord&&) {});
            else
                interchange::read_json(in, [](ImportRecord&&) {});
        } catch (const FormatError& e) {
            return std::to_string(e.line()) + ": " + e.what();
        }
        return std::string("no error");
    };
    CHECK(error_of("{\"people\": []}", false) == "1: not a kith JSON export: no \"contacts\" list");
    CHECK(error_of("{\"kith_version\": 9, \"contacts\": []}", false).find("newer kith") != std::string::npos);
    CHECK(error_of("{\"contacts\": [\"Ana\"]}", false) == "1: contact must be an object");
    CHECK(error_of("{\"contacts\": [{\"name\": \"Ana\", \"reminders\": [{\"text\": \"x\"}]}]}", false) ==
          "1: contact reminders field \"due\": missing");
    CHECK(error_of("\n\n{\"name\": 5}\n", true) == "3: contact field \"name\": expected a string");
    CHECK(error_of("{\"name\": \"Ana\"}\n{\"name\"\n", true).starts_with("2: not valid JSON: syntax error"));
    CHECK(error_of("{\"name\": \"A\\u00e9\", \"every\": \"soon\"}", true).rfind("1: contact field \"every\": ", 0) == 0);
}

TEST_CASE("JSON writer output reads back as the same records") {
    ContactRecord record;
    record.contact.id = 7;
    record.contact.uuid = "u-1";
    record.contact.name = "Renée \"Ren\" Dubois";
    record.contact.emails = {"ren@example.com"};
    record.contact.birthday = Birthday{std::nullopt, 2, 29};
    record.contact.added_on = *parse_iso_date("2026-01-01");
    Note note;
    note.id = 3;
    note.uuid = "n-1";
    note.text = "Line one\nline two";
    note.on = *parse_iso_date("2026-02-01");
    record.notes.push_back(note);
    AskedQuestion asked;
    asked.uuid = "a-1";
    asked.question_id = "n3";
    asked.on = *parse_iso_date("2026-02-02");
    record.asked.push_back(asked);

    std::ostringstream out;
    interchange::write_json_begin(out);
    interchange::write_json_contact(out, record, true);
    interchange::write_json_contact(out, record, false);
    interchange::write_json_end(out);
    auto records = read_document(out.str());
    REQUIRE(records.size() == 2);
    const auto& back = records[1].record;
    CHECK(records[1].line == 3);
    CHECK(back.contact.id == 7);
    CHECK(back.contact.name == record.contact.name);
    CHECK(back.contact.birthday == record.contact.birthday);
    REQUIRE(back.notes.size() == 1);
    CHECK(back.notes[0].text == note.text);
    CHECK(back.notes[0].id == 3);
    REQUIRE(back.asked.size() == 1);
    CHECK(back.asked[0].question_id == "n3");
    CHECK(back.asked[0].interaction_uuid.empty());
}

TEST_CASE("JSON and JSONL readers with a skip sink: a broken contact is told with its line, the rest read") {
    std::vector<std::string> names;
    std::vector<std::size_t> lines;
    const auto sink = [&](ImportRecord&& record) { names.push_back(record.record.contact.name); };
    const auto skip = [&](const FormatError& e) { lines.push_back(e.line()); };
    std::istringstream jsonl("{\"name\":\"Ann\"}\nnot json\n{\"name\":5}\n{\"emails\":[]}\n{\"name\":\"Bo\"}\n");
    interchange::read_jsonl(jsonl, sink, skip);
    std::istringstream json("{\"kith_version\":1,\"contacts\":[\n{\"name\":\"Cy\"},\n{\"name\":5},\n{\"name\":\"Di\"}\n]}");
    interchange::read_json(json, sink, skip);
    CHECK(names == std::vector<std::string>{"Ann", "Bo", "Cy", "Di"});
    CHECK(lines == std::vector<std::size_t>{2, 3, 4, 3});
}
