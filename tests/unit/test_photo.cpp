// The photo module: what a file is by its bytes, its pixels, and chafa's drawing of it for a
// terminal described by its environment.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "kith/photo.h"

using kith::decode_photo;
using kith::detect_picture_terminal;
using kith::draw_picture;
using kith::image_media_type;
using kith::Photo;
using kith::PictureTerminal;

namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(KITH_FIXTURES "/photos/" + name, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("a picture's kind is told by its first bytes") {
    CHECK(image_media_type(fixture("face.jpg")) == "image/jpeg");
    CHECK(image_media_type(fixture("face.png")) == "image/png");
    CHECK_FALSE(image_media_type("GIF89a"));
    CHECK_FALSE(image_media_type(""));
}

TEST_CASE("JPEG and PNG decode to their pixels, a damaged or mislabelled one does not") {
    auto jpeg = decode_photo(Photo{"image/jpeg", fixture("face.jpg")});
    REQUIRE(jpeg);
    CHECK(jpeg->width == 32);
    CHECK(jpeg->height == 32);
    CHECK(jpeg->rgba.size() == 32u * 32u * 4u);
    auto png = decode_photo(Photo{"image/png", fixture("face.png")});
    REQUIRE(png);
    // The corner is the blue ground, the middle the face (make-fixtures.sh).
    CHECK(png->rgba[0] == 40);
    CHECK(png->rgba[2] == 200);
    const auto middle = (16u * 32u + 16u) * 4u;
    CHECK(png->rgba[middle] == 240);
    CHECK_FALSE(decode_photo(Photo{"image/png", fixture("cut.png")}));
    CHECK_FALSE(decode_photo(Photo{"image/jpeg", fixture("face.jpg").substr(0, 100)}));
    CHECK_FALSE(decode_photo(Photo{"image/jpeg", "hello"}));
}

TEST_CASE("the terminal's best way to draw comes from its environment") {
    CHECK(detect_picture_terminal({"TERM=xterm-kitty"}).mode == PictureTerminal::Mode::kitty);
    CHECK(detect_picture_terminal({"TERM=xterm-256color", "TERM_PROGRAM=iTerm.app"}).mode ==
          PictureTerminal::Mode::iterm);
    const auto xterm = detect_picture_terminal({"TERM=xterm-256color"});
    CHECK(xterm.mode == PictureTerminal::Mode::symbols);
    CHECK(xterm.colours >= 256);
}

TEST_CASE("a picture drawn in block symbols fits its box, and without colours it holds no escape") {
    auto pixels = decode_photo(Photo{"image/png", fixture("face.png")});
    REQUIRE(pixels);
    PictureTerminal plain;  // symbols, no colours
    plain.environment = {"TERM=xterm-256color"};
    const auto drawn = draw_picture(*pixels, plain, 20, 10);
    CHECK(drawn.find('\x1b') == std::string::npos);
    CHECK(std::count(drawn.begin(), drawn.end(), '\n') == 10);
    CHECK(drawn.find("\xE2\x96") != std::string::npos);  // U+2580… block elements
    const auto coloured = draw_picture(*pixels, detect_picture_terminal({"TERM=xterm-256color"}), 20, 10);
    CHECK(coloured.find("\x1b[") != std::string::npos);
    // A wide picture keeps its shape: 20 columns, fewer rows.
    kith::Pixels wide{64, 16, std::vector<unsigned char>(64u * 16u * 4u, 255)};
    const auto strip = draw_picture(wide, plain, 20, 10);
    CHECK(std::count(strip.begin(), strip.end(), '\n') < 10);
}
