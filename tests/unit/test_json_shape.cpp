// The JSON mapping of kith's records: the streamed lines of `export --format json/jsonl` and
// `list --format jsonl` must be exactly the bytes the documents of `show --format json` dump to,
// and import must read back what export writes.
#include <doctest/doctest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "json_shape/json_shape.h"
#include "json_shape/json_string.h"

using namespace kith;
using namespace std::chrono;

namespace {

std::string written(const std::string& text) {
    std::string out;
    json_shape::append_json_string(out, text);
    return out;
}

std::string dumped(const std::string& text) { return json_shape::dump_line(json_shape::Json(text)); }

Contact sample_contact() {
    Contact c;
    c.id = 42;
    c.uuid = "00000000-0000-4000-8000-000000000042";
    c.name = "Renée \"Q\" Dubois";
    c.emails = {"a@example.com", "b@example.com"};
    c.tags = {"client"};
    c.birthday = Birthday{std::nullopt, 6, 2};
    c.every = Cadence{Interval{3, Interval::Unit::weeks}, Interval{6, Interval::Unit::weeks}};
    c.added_on = Date{year{2026}, January, day{5}};
    c.met_on = Date{year{2025}, December, day{24}};
    c.created_at = c.updated_at = "2026-01-05T10:00:00Z";
    return c;
}

ContactRecord sample_record() {
    ContactRecord record;
    record.contact = sample_contact();
    Note note;
    note.id = 3;
    note.uuid = "00000000-0000-4000-8000-000000000003";
    note.text = "line\nbreak, tab\t, 李小龙 😀";
    note.on = Date{year{2026}, February, day{28}};
    note.event = Date{year{2026}, March, day{1}};
    note.ask = true;
    note.tags = {"x", "y"};
    note.created_at = note.updated_at = "2026-02-28T08:00:00Z";
    record.notes.push_back(note);
    Interaction interaction;
    interaction.id = 5;
    interaction.on = Date{year{2026}, October, day{1}};
    interaction.channel = "call";
    interaction.summary = "lunch";
    record.interactions.push_back(interaction);
    Reminder reminder;
    reminder.id = 7;
    reminder.text = "send the book";
    reminder.due = Date{year{2026}, December, day{1}};
    reminder.every = Interval{1, Interval::Unit::months};
    reminder.starts_on = Date{year{2026}, November, day{1}};
    reminder.done_on = Date{year{2026}, November, day{2}};
    record.reminders.push_back(reminder);
    AskedQuestion asked;
    asked.id = 9;
    asked.question_id = "n3";
    asked.on = Date{year{2026}, October, day{1}};
    record.asked.push_back(asked);
    asked.id = 10;
    asked.interaction_uuid = "00000000-0000-4000-8000-000000000005";
    record.asked.push_back(asked);
    return record;
}

}  // namespace

TEST_CASE("JSON shape: text is escaped byte for byte as nlohmann escapes it") {
    std::string every_ascii;
    for (int c = 1; c < 128; ++c) every_ascii += static_cast<char>(c);
    for (const std::string& text :
         {std::string(), std::string("plain text longer than eight bytes"), std::string("q\"uo\\te/"), every_ascii,
          std::string("Zoë 李小龙 😀 and more"), std::string("nul \0 inside", 12), std::string("bad \xC3 tail"),
          std::string("\xE2\x82\x28\xFF"), std::string("overlong \xC0\xAF"), std::string("surrogate \xED\xA0\x80"),
          std::string("exactly8"), std::string("tab\tat 9")}) {
        CAPTURE(text);
        CHECK(written(text) == dumped(text));
    }
}

TEST_CASE("JSON shape: a streamed line is the dumped document, byte for byte") {
    std::string out;
    json_shape::append_line(out, sample_contact());
    CHECK(out == json_shape::dump_line(json_shape::to_json(sample_contact())));

    auto record = sample_record();
    record.notes[0].on = Date{year{2026}, February, day{29}};  // not a real day: written as format_iso writes it
    record.notes[0].event = Date{year{12026}, March, day{1}};
    out.clear();
    json_shape::append_line(out, record);
    CHECK(out == json_shape::dump_line(json_shape::to_json(record)));
}

TEST_CASE("JSON shape: export's fields in order, null for what is not set") {
    const auto document = json_shape::to_json(sample_record());
    std::string keys;
    for (const auto& member : document.items()) keys += member.key() + " ";
    CHECK(keys ==
          "id uuid name nicknames emails phones company tags birthday every archived added_on met_on snoozed_until "
          "last_contacted created_at updated_at changed title role department name_prefix name_suffix addresses urls related dates "
          "other_vcard_properties vcard_version vcard_lines photo notes interactions reminders asked ");
    CHECK(document["birthday"] == "--06-02");
    CHECK(document["every"] == "3w..6w");
    CHECK(document["snoozed_until"].is_null());
    CHECK(document["asked"][0]["interaction"].is_null());
    CHECK(document["asked"][1]["interaction"] == "00000000-0000-4000-8000-000000000005");
    CHECK_FALSE(document["notes"][0].contains("reading"));
}

TEST_CASE("JSON shape: show's notes carry their reading, export's never") {
    ContactDetail detail;
    detail.contact = sample_contact();
    Note note;
    note.text = "moving to Lisbon in March";
    note.reading = R"({"flags":[]})";
    detail.notes.push_back(note);
    note.reading = "not json";
    detail.notes.push_back(note);
    const auto document = json_shape::to_json(detail);
    CHECK(document["notes"][0]["reading"] == nlohmann::ordered_json::parse(R"({"flags":[]})"));
    CHECK_FALSE(document["notes"][1].contains("reading"));
    CHECK_FALSE(document.contains("asked"));

    ContactRecord record;
    record.contact = detail.contact;
    record.notes = detail.notes;
    CHECK_FALSE(json_shape::to_json(record)["notes"][0].contains("reading"));
}

TEST_CASE("JSON shape: what export writes, import reads back the same") {
    const auto record = sample_record();
    const auto written_once = json_shape::to_json(record);
    const auto back = json_shape::record_from_json(written_once, 1);
    CHECK(json_shape::to_json(back) == written_once);
    CHECK(back.contact.name == record.contact.name);
    CHECK(back.contact.birthday == record.contact.birthday);
    CHECK(back.contact.every == record.contact.every);
    CHECK(back.notes.at(0).text == record.notes.at(0).text);
    CHECK(back.notes.at(0).event == record.notes.at(0).event);
    CHECK(back.reminders.at(0).every == record.reminders.at(0).every);
    CHECK(back.reminders.at(0).starts_on == record.reminders.at(0).starts_on);
    CHECK(back.asked.at(1).interaction_uuid == record.asked.at(1).interaction_uuid);
}

TEST_CASE("JSON shape: last_contacted is derived, so import ignores it") {
    auto document = json_shape::to_json(sample_record());
    document["last_contacted"] = "not a date";
    CHECK_FALSE(json_shape::record_from_json(document, 1).contact.last_contacted);
}

TEST_CASE("JSON shape: a reminder without starts_on starts on its due day") {
    auto document = json_shape::to_json(sample_record());
    document["reminders"][0].erase("starts_on");
    const auto back = json_shape::record_from_json(document, 1);
    CHECK(back.reminders.at(0).starts_on == back.reminders.at(0).due);
}
