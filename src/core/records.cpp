// Notes (what people told you) and interactions (when you were in touch).
#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "core/validate.h"
#include "kith/core.h"
#include "kith/error.h"
#include "kith/text.h"

namespace kith {

namespace {

// Notes and interactions record what already happened; a future date is almost always a typo.
Date past_date(const std::optional<std::string>& value, Date today) {
    if (!value) return today;
    auto parsed = parse_past_date(*value, today);
    if (!parsed) throw usage_error("--on: " + parsed.error());
    auto date = *parsed;
    if (days_between(today, date) > 0)
        throw usage_error(fmt::format("--on {} is in the future; use --event for things still to come", format_iso(date)));
    return date;
}

}  // namespace

Note add_note(Store& store, std::int64_t contact_id, const NewNote& input, Date today) {
    Note note;
    note.contact_id = contact_id;
    note.text = trim(validate::text(input.text, "note"));
    if (note.text.empty()) throw usage_error("empty note: nothing saved");
    note.on = past_date(input.on, today);
    if (input.event) note.event = validate::date(*input.event, today, "--event");
    note.ask = input.ask;
    std::unordered_set<std::string> seen;  // a set: a note may carry thousands of #hashtags
    auto add_tag = [&](std::string tag) {
        if (seen.insert(tag).second) note.tags.push_back(std::move(tag));
    };
    for (const auto& tag : input.tags) add_tag(normalize_tag(tag));
    for (auto& tag : hashtags(note.text)) add_tag(std::move(tag));
    store.write([&] { store.insert_note(note); });
    return note;
}

Interaction log_interaction(Store& store, std::int64_t contact_id, const NewInteraction& input, Date today) {
    Interaction interaction;
    interaction.contact_id = contact_id;
    interaction.summary = trim(validate::text(input.summary, "summary"));
    const auto& channels = interaction_channels();
    if (std::find(channels.begin(), channels.end(), input.channel) == channels.end())
        throw usage_error(fmt::format("bad channel \"{}\": expected one of {}", input.channel, join(channels, ", ")));
    interaction.channel = input.channel;
    interaction.on = past_date(input.on, today);
    store.write([&] {
        store.insert_interaction(interaction);
        if (!input.asked.empty()) store.record_asked(contact_id, input.asked, interaction.on, interaction.id);
    });
    return interaction;
}

}  // namespace kith
