// The face of everyone you meet (issue 21, point 7): `add`/`edit --photo`, kept through undo and
// export, and drawn by `show` on a terminal, never when piped.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "harness.h"

using kith::test::check_error;
using kith::test::count_rows;
using kith::test::RunOptions;
using kith::test::Sandbox;

namespace {

const std::string photos = KITH_SOURCE_DIR "/tests/fixtures/photos/";

bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

bool has_photo(const Sandbox& box, const std::string& who) {
    return nlohmann::json::parse(box.ok({"show", who, "--format", "json"})).at("photo").get<bool>();
}

// What a picture drawn by chafa holds and kith's own text never does: the kitty or iTerm2
// protocols' and sixels' introducers, or block symbols (U+2580–U+259F, "\xE2\x96\x80"…).
bool has_picture(const std::string& out) {
    return has(out, "\x1b_G") || has(out, "\x1b]1337;File=") || has(out, "\x1bP") || has(out, "\xE2\x96");
}

// Standard output on a pseudo-terminal, as a person runs it, with this TERM.
RunOptions on_terminal(const std::string& term) {
    RunOptions options;
    options.terminal_stdout = true;
    options.env["TERM"] = term;
    return options;
}

}  // namespace

TEST_CASE("add --photo keeps a JPEG or PNG, told by its bytes, and show --format json says so") {
    Sandbox box;
    box.ok({"add", "Sam Lee", "--photo", photos + "face.jpg"});
    box.ok({"add", "Ann Ray", "--photo", photos + "face.png"});
    box.ok({"add", "Bo Diaz"});
    CHECK(has_photo(box, "sam"));
    CHECK(has_photo(box, "ann"));
    CHECK_FALSE(has_photo(box, "bo"));
    // A PNG named .jpg is a PNG.
    box.write_file(box.dir + "/really-a-png.jpg", box.read_file(photos + "face.png"));
    box.ok({"add", "Cy Moss", "--photo", box.dir + "/really-a-png.jpg"});
    const auto card = box.ok({"export", "--format", "vcard"});
    CHECK(has(card, "PHOTO;ENCODING=b;TYPE=JPEG:/9j/"));  // base64 of a JPEG's FF D8 FF
    CHECK(has(card, "PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgo"));  // of a PNG's signature
    CHECK(count_rows(box.db, "contact_photos") == 3);
}

TEST_CASE("edit --photo replaces the photo, --photo none removes it, and undo takes each back") {
    Sandbox box;
    box.ok({"add", "Sam Lee", "--photo", photos + "face.png"});
    CHECK(has(box.ok({"edit", "sam", "--photo", photos + "face.jpg"}), "Updated Sam Lee (#1)"));
    CHECK(has(box.ok({"export", "--format", "vcard"}), "TYPE=JPEG:"));
    box.ok({"undo"});
    CHECK(has(box.ok({"export", "--format", "vcard"}), "TYPE=PNG:"));
    box.ok({"edit", "sam", "--photo", "none"});
    CHECK_FALSE(has_photo(box, "sam"));
    CHECK_FALSE(has(box.ok({"export", "--format", "vcard"}), "PHOTO"));
    box.ok({"undo"});
    CHECK(has_photo(box, "sam"));
    // Undoing the add takes the photo with the person.
    box.ok({"add", "Ann Ray", "--photo", photos + "face.jpg"});
    box.ok({"undo"});
    CHECK(count_rows(box.db, "contact_photos") == 1);
}

TEST_CASE("a photo that is not a picture, is damaged or is over 256 KB is refused and nothing is written") {
    Sandbox box;
    box.write_file(box.dir + "/notes.jpg", "Not a picture at all\n");
    check_error(box.run({"add", "Sam Lee", "--photo", box.dir + "/notes.jpg"}), 2, "is not a JPEG or PNG picture");
    CHECK(kith::test::mode_of(box.db) == 0);  // no database was even made
    check_error(box.run({"add", "Sam Lee", "--photo", photos + "cut.png"}), 2, "damaged or cut short");
    // A JPEG's first bytes, then more than kith keeps.
    box.write_file(box.dir + "/huge.jpg", std::string("\xFF\xD8\xFF\xE0", 4) + std::string(300 * 1024, 'x'));
    check_error(box.run({"add", "Sam Lee", "--photo", box.dir + "/huge.jpg"}), 2, "larger than the 256 KB");
    check_error(box.run({"add", "Sam Lee", "--photo", box.dir + "/missing.png"}), 1, "cannot open");
    CHECK(kith::test::mode_of(box.db) == 0);

    box.ok({"add", "Sam Lee", "--company", "Acme", "--photo", photos + "face.png"});
    check_error(box.run({"edit", "sam", "--company", "Globex", "--photo", box.dir + "/notes.jpg"}), 2,
                "not a JPEG or PNG");
    check_error(box.run({"edit", "sam", "--photo", box.dir + "/huge.jpg"}), 2, "256 KB");
    const auto shown = box.ok({"export", "--format", "vcard"});
    CHECK(has(shown, "ORG:Acme"));  // the edit changed nothing
    CHECK(has(shown, "TYPE=PNG:"));
    // A photo is a person's, not a note's.
    box.ok({"note", "sam", "Likes hiking"});
    check_error(box.run({"edit", "n1", "--photo", photos + "face.png"}), 2, "--photo is for people");
}

TEST_CASE("show draws the photo on a terminal: block symbols, or kitty's protocol where it is kitty") {
    Sandbox box;
    box.ok({"add", "Sam Lee", "--photo", photos + "face.jpg"});
    box.ok({"add", "Bo Diaz"});

    const auto blocks = box.run({"show", "sam"}, on_terminal("xterm-256color"));
    REQUIRE(blocks.code == 0);
    const auto name_at = blocks.out.find("Sam Lee");
    REQUIRE(name_at != std::string::npos);
    const auto picture = blocks.out.substr(0, name_at);
    CHECK(has(picture, "\xE2\x96"));  // block symbols
    CHECK(has(picture, "\x1b[38;"));  // in colour
    CHECK(std::count(picture.begin(), picture.end(), '\n') == 10);  // a square face fills the 20 × 10 box's height

    const auto kitty = box.run({"show", "sam"}, on_terminal("xterm-kitty"));
    CHECK(kitty.code == 0);
    CHECK(kitty.out.starts_with("\x1b_G"));
    CHECK(has(kitty.out, "Sam Lee"));

    // No photo, nothing drawn.
    CHECK_FALSE(has_picture(box.run({"show", "bo"}, on_terminal("xterm-256color")).out));
}

TEST_CASE("show never draws the photo piped, with --format, without colour or with show.photo = false") {
    Sandbox box;
    box.ok({"add", "Sam Lee", "--photo", photos + "face.png"});
    const auto piped = box.ok({"show", "sam"});
    CHECK_FALSE(has(piped, "\x1b"));
    CHECK(has(piped, "photo"));  // the details still say there is one
    CHECK_FALSE(has_picture(box.ok({"show", "sam", "--color", "always"}, kith::test::with_env({{"TERM", "xterm-kitty"}}))));
    for (const auto& format : {"plain", "md", "tsv"})
        CHECK_FALSE(has_picture(box.run({"show", "sam", "--format", format}, on_terminal("xterm-kitty")).out));
    auto no_color = on_terminal("xterm-kitty");
    no_color.env["NO_COLOR"] = "1";
    CHECK_FALSE(has_picture(box.run({"show", "sam"}, no_color).out));
    CHECK_FALSE(has_picture(box.run({"show", "sam", "--color", "never"}, on_terminal("xterm-kitty")).out));
    box.write_file(box.config, "[show]\nphoto = false\n");
    const auto off = box.run({"show", "sam"}, on_terminal("xterm-kitty"));
    CHECK(off.code == 0);
    CHECK_FALSE(has_picture(off.out));
    CHECK(has(off.out, "Sam Lee"));
}

TEST_CASE("a photo from a card that kith cannot decode is kept, and show on a terminal skips it") {
    Sandbox box;
    box.write_file(box.dir + "/sam.vcf",
                   "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam Lee\r\nN:Lee;Sam;;;\r\n"
                   "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ==\r\nEND:VCARD\r\n");
    box.ok({"import", box.dir + "/sam.vcf"});
    CHECK(has_photo(box, "sam"));
    const auto shown = box.run({"show", "sam"}, on_terminal("xterm-kitty"));
    CHECK(shown.code == 0);
    CHECK(shown.err.empty());
    CHECK_FALSE(has_picture(shown.out));
    CHECK(has(shown.out, "Sam Lee"));
    CHECK(has(box.ok({"export", "--format", "vcard"}), "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ=="));
}
