// `kith show`: everything about one person, under their photo on a terminal that can draw it.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "kith/core.h"
#include "kith/output.h"
#include "kith/photo.h"
#include "kith/text.h"

extern char** environ;  // NOLINT: POSIX's, what chafa reads the terminal from

namespace kith::cli {

namespace {

// The box the photo is fitted in, in character cells: a face, not a poster.
constexpr int photo_columns = 20, photo_rows = 10;

// Only where the details themselves are drawn in colour on a terminal: never piped, redirected
// or in another --format, nor with --color never or NO_COLOR; and not when show.photo is off.
bool draws_photo(Session& session, const Style& style) {
    return style.format == Format::text && style.color && stdout_is_terminal() && session.config().show_photo;
}

std::vector<std::string> environment() {
    std::vector<std::string> entries;
    for (char** entry = environ; *entry; ++entry) entries.emplace_back(*entry);
    return entries;
}

// A photo kith cannot decode is kept, but not drawn.
void draw_photo(Store& store, std::int64_t contact_id) {
    auto photo = contact_photo(store, contact_id);
    if (!photo) return;
    auto pixels = decode_photo(*photo);
    if (!pixels) return;
    std::cout << draw_picture(*pixels, detect_picture_terminal(environment()), photo_columns, photo_rows);
}

}  // namespace

void add_show_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("show", "Show everything about a person: details, notes, interactions");
    command->footer("Example: kith show sam --format json");
    auto contact = std::make_shared<std::vector<std::string>>();
    auto format = std::make_shared<std::string>();
    add_contact_words(*command, *contact);
    add_format_option(*command, *format);
    command->callback([&session, contact, format] {
        auto style = session.style(*format);
        auto today = session.today();
        auto& store = session.store(Store::Access::read);
        auto detail = contact_detail(store, resolve_contact(store, join(*contact, " ")).id);
        if (detail.has_photo && draws_photo(session, style)) draw_photo(store, detail.contact.id);
        render_contact_detail(std::cout, detail, style, today);
    });
}

}  // namespace kith::cli
