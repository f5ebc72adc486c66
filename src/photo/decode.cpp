// What kind of picture a photo is, and its pixels: JPEG by libjpeg(-turbo), PNG by libpng.
// jpeglib.h needs size_t and FILE declared before it.
#include <cstddef>
#include <cstdio>

#include <jpeglib.h>
#include <png.h>

#include <csetjmp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/photo.h"

namespace kith {

namespace {

// A picture larger than this either way is not a face on a card; refusing it keeps a small
// file that claims a huge size from asking for gigabytes.
constexpr unsigned max_side = 8192;
// JPEGs are decoded at 1/2, 1/4 or 1/8 of their size while still this wide: the terminal shows
// a few hundred pixels at most, and that is much faster.
constexpr unsigned enough_side = 1024;

bool starts_with(std::string_view data, std::string_view magic) { return data.substr(0, magic.size()) == magic; }

struct JpegFailure {
    jpeg_error_mgr manager{};
    std::jmp_buf jump{};
};

[[noreturn]] void jpeg_fail(j_common_ptr info) {
    // libjpeg's documented way out of a broken file: back to the setjmp in decode_jpeg.
    std::longjmp(reinterpret_cast<JpegFailure*>(info->err)->jump, 1);
}

void jpeg_ignore_message(j_common_ptr) {}  // a warning (a few corrupt bytes) is not printed

// Everything the jump may cross is made before setjmp, and none of it after has a destructor.
std::optional<Pixels> decode_jpeg(const std::string& data) {
    jpeg_decompress_struct info{};
    JpegFailure failure;
    std::optional<Pixels> pixels = Pixels{};
    info.err = jpeg_std_error(&failure.manager);
    failure.manager.error_exit = jpeg_fail;
    failure.manager.output_message = jpeg_ignore_message;
    if (setjmp(failure.jump)) {
        jpeg_destroy_decompress(&info);
        return std::nullopt;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(data.data()), static_cast<unsigned long>(data.size()));
    if (jpeg_read_header(&info, TRUE) != JPEG_HEADER_OK || info.image_width > max_side ||
        info.image_height > max_side) {
        jpeg_destroy_decompress(&info);
        return std::nullopt;
    }
    info.out_color_space = JCS_EXT_RGBA;
    info.scale_num = 1;
    info.scale_denom = 1;
    while (info.scale_denom < 8 && info.image_width / (info.scale_denom * 2) >= enough_side &&
           info.image_height / (info.scale_denom * 2) >= enough_side)
        info.scale_denom *= 2;
    jpeg_start_decompress(&info);
    pixels->width = static_cast<int>(info.output_width);
    pixels->height = static_cast<int>(info.output_height);
    pixels->rgba.resize(std::size_t{info.output_width} * info.output_height * 4);
    while (info.output_scanline < info.output_height) {
        unsigned char* row = pixels->rgba.data() + std::size_t{info.output_scanline} * info.output_width * 4;
        jpeg_read_scanlines(&info, &row, 1);
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    return pixels;
}

// libpng's simplified API reports failure by its return values: no setjmp here.
std::optional<Pixels> decode_png(const std::string& data) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data.data(), data.size())) return std::nullopt;
    if (image.width > max_side || image.height > max_side) {
        png_image_free(&image);
        return std::nullopt;
    }
    image.format = PNG_FORMAT_RGBA;
    Pixels pixels;
    pixels.width = static_cast<int>(image.width);
    pixels.height = static_cast<int>(image.height);
    pixels.rgba.resize(std::size_t{image.width} * image.height * 4);
    if (!png_image_finish_read(&image, nullptr, pixels.rgba.data(), 0, nullptr)) {
        png_image_free(&image);
        return std::nullopt;
    }
    return pixels;
}

}  // namespace

std::optional<std::string> image_media_type(std::string_view data) {
    if (starts_with(data, "\xFF\xD8\xFF")) return "image/jpeg";
    if (starts_with(data, "\x89PNG\r\n\x1A\n")) return "image/png";
    return std::nullopt;
}

std::optional<Pixels> decode_photo(const Photo& photo) {
    auto type = image_media_type(photo.data);
    if (!type) return std::nullopt;
    auto pixels = *type == "image/jpeg" ? decode_jpeg(photo.data) : decode_png(photo.data);
    if (pixels && (pixels->width == 0 || pixels->height == 0)) return std::nullopt;
    return pixels;
}

}  // namespace kith
