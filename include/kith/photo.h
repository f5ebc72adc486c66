// A person's photo: what kind of picture a file is, its pixels, and the picture drawn for a
// terminal. libjpeg, libpng and chafa (with GLib) live in src/photo/ alone.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/model.h"

namespace kith {

// The media type of a picture kith can decode, told by its first bytes, not its file name:
// "image/jpeg" or "image/png"; nothing for anything else.
std::optional<std::string> image_media_type(std::string_view data);

// A decoded picture: width × height pixels, four bytes each (red, green, blue, alpha), by rows.
struct Pixels {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgba;
};

// The picture's pixels; nothing when it is not a JPEG or PNG whole enough to decode.
std::optional<Pixels> decode_photo(const Photo& photo);

// How a terminal draws a picture: in one of the graphics protocols, or with block symbols in
// as many colours as it has (0: the symbols alone, in the terminal's own two colours).
struct PictureTerminal {
    enum class Mode { kitty, sixel, iterm, symbols };
    Mode mode = Mode::symbols;
    int colours = 0;  // symbols only: 16777216 (direct colour), 256, 16 or 0
    std::vector<std::string> environment;  // what it was told by: "TERM=xterm-kitty" …
};

// The terminal these environment variables describe (TERM, KITTY_WINDOW_ID, TERM_PROGRAM,
// TMUX …), as chafa's terminal database reads them, in the best mode it offers.
PictureTerminal detect_picture_terminal(std::vector<std::string> environment);

// The picture fitted in a box of `columns` × `rows` character cells (its shape kept), as the
// text to write to the terminal; its last line ends in a newline.
std::string draw_picture(const Pixels& pixels, const PictureTerminal& terminal, int columns, int rows);

}  // namespace kith
