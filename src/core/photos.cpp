// A photo from a file, for `add --photo` and `edit --photo`: a JPEG or PNG told by its bytes,
// whole enough to decode, at most max_photo_bytes.
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>

#include "kith/core.h"
#include "kith/error.h"
#include "kith/photo.h"
#include "kith/store.h"
#include "kith/text.h"

namespace kith {

Photo read_photo_file(const std::string& path) {
    const auto shown = escape_control_characters(path);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw runtime_error(fmt::format("cannot open {}: {}", shown, std::strerror(errno)));
    // One byte more than kith keeps is enough to know the file is too large.
    std::string data(max_photo_bytes + 1, '\0');
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    if (in.bad()) throw runtime_error(fmt::format("cannot read {}: {}", shown, std::strerror(errno)));
    data.resize(static_cast<std::size_t>(in.gcount()));
    if (data.size() > max_photo_bytes)
        throw usage_error(fmt::format("{} is larger than the {} KB kith keeps for a photo: make it smaller first",
                                      shown, max_photo_bytes / 1024));
    auto type = image_media_type(data);
    if (!type) throw usage_error(fmt::format("{} is not a JPEG or PNG picture", shown));
    Photo photo{*type, std::move(data)};
    if (!decode_photo(photo))
        throw usage_error(fmt::format("{} is a {} kith cannot read: the file is damaged or cut short", shown,
                                      *type == "image/jpeg" ? "JPEG" : "PNG"));
    return photo;
}

std::optional<Photo> contact_photo(Store& store, std::int64_t contact_id) {
    std::map<std::int64_t, Photo> photos;
    store.read([&] { photos = store.contacts().photos({contact_id}); });
    auto found = photos.find(contact_id);
    if (found == photos.end()) return std::nullopt;
    return std::move(found->second);
}

}  // namespace kith
