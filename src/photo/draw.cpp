// A photo drawn for a terminal by chafa: in the kitty, sixel or iTerm2 protocol where the
// terminal speaks one, else in block symbols; chafa's terminal database tells which from the
// environment.
#include <chafa.h>

#include <memory>
#include <string>
#include <vector>

#include "kith/photo.h"

namespace kith {

namespace {

struct TermInfoFree {
    void operator()(ChafaTermInfo* info) const { chafa_term_info_unref(info); }
};
using TermInfo = std::unique_ptr<ChafaTermInfo, TermInfoFree>;

// chafa reads a NULL-terminated array of "NAME=value", as in environ.
TermInfo term_info(const std::vector<std::string>& environment) {
    std::vector<gchar*> envp;
    for (const auto& entry : environment) envp.push_back(const_cast<gchar*>(entry.c_str()));
    envp.push_back(nullptr);
    return TermInfo(chafa_term_db_detect(chafa_term_db_get_default(), envp.data()));
}

ChafaPixelMode pixel_mode(PictureTerminal::Mode mode) {
    switch (mode) {
        case PictureTerminal::Mode::kitty: return CHAFA_PIXEL_MODE_KITTY;
        case PictureTerminal::Mode::sixel: return CHAFA_PIXEL_MODE_SIXELS;
        case PictureTerminal::Mode::iterm: return CHAFA_PIXEL_MODE_ITERM2;
        case PictureTerminal::Mode::symbols: break;
    }
    return CHAFA_PIXEL_MODE_SYMBOLS;
}

ChafaCanvasMode canvas_mode(int colours) {
    if (colours >= 16777216) return CHAFA_CANVAS_MODE_TRUECOLOR;
    if (colours >= 256) return CHAFA_CANVAS_MODE_INDEXED_240;  // 240: the 16 the user themed are left out
    if (colours >= 16) return CHAFA_CANVAS_MODE_INDEXED_16;
    return CHAFA_CANVAS_MODE_FGBG;
}

// A character cell is about twice as tall as it is wide.
constexpr float cell_width_over_height = 0.5F;
// What chafa assumes a cell is in pixels, for the graphics protocols.
constexpr int cell_width_pixels = 10, cell_height_pixels = 20;

}  // namespace

PictureTerminal detect_picture_terminal(std::vector<std::string> environment) {
    PictureTerminal terminal;
    auto info = term_info(environment);
    terminal.environment = std::move(environment);
    if (chafa_term_info_have_seq(info.get(), CHAFA_TERM_SEQ_BEGIN_KITTY_IMMEDIATE_IMAGE_V1))
        terminal.mode = PictureTerminal::Mode::kitty;
    else if (chafa_term_info_have_seq(info.get(), CHAFA_TERM_SEQ_BEGIN_ITERM2_IMAGE))
        terminal.mode = PictureTerminal::Mode::iterm;
    else if (chafa_term_info_have_seq(info.get(), CHAFA_TERM_SEQ_BEGIN_SIXELS))
        terminal.mode = PictureTerminal::Mode::sixel;
    if (chafa_term_info_have_seq(info.get(), CHAFA_TERM_SEQ_SET_COLOR_FGBG_DIRECT))
        terminal.colours = 16777216;
    else if (chafa_term_info_have_seq(info.get(), CHAFA_TERM_SEQ_SET_COLOR_FGBG_256))
        terminal.colours = 256;
    else if (chafa_term_info_have_seq(info.get(), CHAFA_TERM_SEQ_SET_COLOR_FGBG_16))
        terminal.colours = 16;
    return terminal;
}

std::string draw_picture(const Pixels& pixels, const PictureTerminal& terminal, int columns, int rows) {
    gint width = columns, height = rows;
    chafa_calc_canvas_geometry(pixels.width, pixels.height, &width, &height, cell_width_over_height, FALSE, FALSE);
    ChafaCanvasConfig* config = chafa_canvas_config_new();
    chafa_canvas_config_set_geometry(config, width, height);
    chafa_canvas_config_set_cell_geometry(config, cell_width_pixels, cell_height_pixels);
    chafa_canvas_config_set_pixel_mode(config, pixel_mode(terminal.mode));
    chafa_canvas_config_set_canvas_mode(config, canvas_mode(terminal.colours));
    ChafaSymbolMap* symbols = chafa_symbol_map_new();
    chafa_symbol_map_add_by_tags(symbols, static_cast<ChafaSymbolTags>(CHAFA_SYMBOL_TAG_BLOCK | CHAFA_SYMBOL_TAG_SPACE));
    chafa_symbol_map_remove_by_tags(symbols, CHAFA_SYMBOL_TAG_BAD);
    chafa_canvas_config_set_symbol_map(config, symbols);
    ChafaCanvas* canvas = chafa_canvas_new(config);
    chafa_canvas_draw_all_pixels(canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, pixels.rgba.data(), pixels.width, pixels.height,
                            pixels.width * 4);
    auto info = term_info(terminal.environment);
    GString* printed = chafa_canvas_print(canvas, info.get());
    std::string text(printed->str, printed->len);
    g_string_free(printed, TRUE);
    chafa_canvas_unref(canvas);
    chafa_symbol_map_unref(symbols);
    chafa_canvas_config_unref(config);
    if (text.empty() || text.back() != '\n') text += '\n';
    return text;
}

}  // namespace kith
