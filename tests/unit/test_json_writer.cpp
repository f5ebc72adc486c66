// The streaming JSON writer behind `export --format json/jsonl` and `list --format jsonl` must
// write exactly the bytes the nlohmann documents of `show --format json` would.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "output/json_model.h"
#include "output/json_writer.h"

using namespace kith;
using namespace std::chrono;

namespace {

std::string written(const std::string& text) {
    std::string out;
    output::JsonWriter(out).value(text);
    return out;
}

std::string dumped(const std::string& text) { return output::dump_line(nlohmann::ordered_json(text)); }

}  // namespace

TEST_CASE("JSON writer: text is escaped byte for byte as nlohmann escapes it") {
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

TEST_CASE("JSON writer: a contact's fields come out as contact_json dumps them") {
    Contact c;
    c.id = 42;
    c.uuid = "00000000-0000-4000-8000-000000000042";
    c.name = "Renée \"Q\" Dubois";
    c.emails = {"a@example.com", "b@example.com"};
    c.tags = {"client"};
    c.birthday = Birthday{std::nullopt, 6, 2};
    c.added_on = Date{year{2026}, January, day{5}};
    c.last_contacted = Date{year{2026}, October, day{1}};
    c.created_at = c.updated_at = "2026-01-05T10:00:00Z";
    std::string out;
    output::JsonWriter writer(out);
    writer.begin_object();
    output::write_contact_fields(writer, c);
    writer.end_object();
    CHECK(out == output::dump_line(output::contact_json(c)));

    Note note;
    note.id = 3;
    note.text = "line\nbreak";
    note.on = Date{year{2026}, February, day{29}};  // not a real day: written as format_iso writes it
    note.event = Date{year{12026}, March, day{1}};
    note.tags = {"x", "y"};
    out.clear();
    output::JsonWriter note_writer(out);
    output::write_note(note_writer, note);
    CHECK(out == output::dump_line(output::note_json(note)));
}
