// The ids users see and type for notes, interactions and reminders: n12, i7, r3. The letter
// says which table, so `kith edit` and `kith rm` know what an id names without asking; a bare
// number or #12 is always a contact.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace kith {

enum class RecordKind { note, interaction, reminder };

struct RecordId {
    RecordKind kind = RecordKind::note;
    std::int64_t id = 0;
    bool operator==(const RecordId&) const = default;
};

constexpr char record_letter(RecordKind kind) {
    switch (kind) {
        case RecordKind::note: return 'n';
        case RecordKind::interaction: return 'i';
        case RecordKind::reminder: return 'r';
    }
    return '?';
}

// "note", "interaction", "reminder": for messages.
constexpr std::string_view record_kind_name(RecordKind kind) {
    switch (kind) {
        case RecordKind::note: return "note";
        case RecordKind::interaction: return "interaction";
        case RecordKind::reminder: return "reminder";
    }
    return "record";
}

// "a note", "an interaction", "a reminder".
constexpr std::string_view record_kind_with_article(RecordKind kind) {
    switch (kind) {
        case RecordKind::note: return "a note";
        case RecordKind::interaction: return "an interaction";
        case RecordKind::reminder: return "a reminder";
    }
    return "a record";
}

inline std::string format_record_id(RecordKind kind, std::int64_t id) {
    return record_letter(kind) + std::to_string(id);
}
inline std::string format_record_id(RecordId id) {
    return format_record_id(id.kind, id.id);
}

// The digits after `kind`'s letter ("n12" → 12 for notes); nullopt for anything else.
inline std::optional<std::int64_t> parse_record_number(RecordKind kind, std::string_view text) {
    if (text.size() < 2 || text.front() != record_letter(kind)) return std::nullopt;
    text.remove_prefix(1);
    if (text.front() < '0' || text.front() > '9') return std::nullopt;  // from_chars would take "-3"
    std::int64_t id = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
    return id;
}

// "n12", "i7", "r3" (lower-case letter, then a positive number); nullopt for any other text.
inline std::optional<RecordId> parse_record_id(std::string_view text) {
    for (auto kind : {RecordKind::note, RecordKind::interaction, RecordKind::reminder})
        if (auto id = parse_record_number(kind, text)) return RecordId{kind, *id};
    return std::nullopt;
}

}  // namespace kith
