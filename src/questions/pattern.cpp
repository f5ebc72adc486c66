#define PCRE2_CODE_UNIT_WIDTH 8
#include "questions/pattern.h"

#include <fmt/format.h>
#include <pcre2.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kith::questions {

namespace {

// Backtracking steps one search may take: a few milliseconds at most. Real rules on real notes
// need thousands.
constexpr std::uint32_t match_limit = 1'000'000;

struct MatchContext {
    pcre2_match_context* context = pcre2_match_context_create(nullptr);
    MatchContext() { pcre2_set_match_limit(context, match_limit); }
    ~MatchContext() { pcre2_match_context_free(context); }
};

pcre2_match_context* match_context() {
    static MatchContext shared;
    return shared.context;
}

// One match data for every pattern, grown to the most groups asked for: a match data keeps
// the heap frames of its last match, so one per pattern took a fresh block of memory for each
// of the hundreds of rules a note is read with.
pcre2_match_data* match_data(std::size_t pairs) {
    struct Shared {
        pcre2_match_data* data = nullptr;
        std::size_t pairs = 0;
        ~Shared() { pcre2_match_data_free(data); }
    };
    thread_local Shared shared;
    if (shared.pairs < pairs) {
        pcre2_match_data_free(shared.data);
        shared.data = pcre2_match_data_create(static_cast<std::uint32_t>(pairs), nullptr);
        shared.pairs = shared.data ? pairs : 0;
    }
    return shared.data;
}

}  // namespace

// Searches a pattern runs interpreted before it is JIT-compiled. PCRE2's JIT searches several
// times faster but takes longer to compile all the rules than `kith note` takes to
// read its one note interpreted; an import reaches this count within its first hundred notes.
constexpr std::uint32_t jit_after = 100;

// The compiled pattern, with its JIT code once it has earned it. kith runs on one thread; a
// Pattern is never searched from two at once.
struct Pattern::Code {
    pcre2_code* code = nullptr;
    mutable std::uint32_t searches = 0;
    ~Code() { pcre2_code_free(code); }
};

Expected<Pattern> Pattern::compile(std::string_view text) {
    int error = 0;
    PCRE2_SIZE offset = 0;
    // As the rules were written (ECMAScript, case-insensitive): $ only at the very end.
    auto* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(),
                               PCRE2_CASELESS | PCRE2_DOLLAR_ENDONLY | PCRE2_DUPNAMES, &error, &offset, nullptr);
    if (!code) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(error, message, sizeof message);
        return unexpected(fmt::format("{} at offset {}", reinterpret_cast<const char*>(message), offset));
    }
    return adopt(code);
}

Expected<Pattern> Pattern::adopt(pcre2_code* code) {
    Pattern pattern;
    auto owned = std::make_shared<Code>();
    owned->code = code;
    std::uint32_t count = 0;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &count);
    std::uint32_t name_count = 0, entry_size = 0;
    PCRE2_SPTR table = nullptr;
    pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &name_count);
    pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
    pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table);
    for (std::uint32_t i = 0; i < name_count; ++i) {
        PCRE2_SPTR entry = table + i * entry_size;
        const std::size_t number = (static_cast<std::size_t>(entry[0]) << 8) | entry[1];
        pattern.names_.emplace_back(reinterpret_cast<const char*>(entry + 2), number);
    }
    pattern.code_ = std::move(owned);
    pattern.groups_ = count;
    return pattern;
}

std::string Pattern::serialize(const std::vector<const Pattern*>& patterns) {
    std::vector<const pcre2_code*> codes;
    for (const auto* pattern : patterns) codes.push_back(pattern->code_->code);
    std::uint8_t* bytes = nullptr;
    PCRE2_SIZE size = 0;
    if (pcre2_serialize_encode(codes.data(), static_cast<std::int32_t>(codes.size()), &bytes, &size, nullptr) < 0)
        return {};
    std::string out(reinterpret_cast<const char*>(bytes), size);
    pcre2_serialize_free(bytes);
    return out;
}

std::optional<std::vector<Pattern>> Pattern::deserialize(std::string_view bytes, std::size_t count) {
    // PCRE2 checks the bytes' magic number, version and code unit width, not their length: the
    // count it claims is compared first, and a truncated or foreign blob must not reach decode.
    const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
    if (bytes.size() < 16 || pcre2_serialize_get_number_of_codes(data) != static_cast<std::int32_t>(count))
        return std::nullopt;
    std::vector<pcre2_code*> codes(count, nullptr);
    const int decoded = pcre2_serialize_decode(codes.data(), static_cast<std::int32_t>(count), data, nullptr);
    std::optional<std::vector<Pattern>> out;
    if (decoded != static_cast<int>(count)) {
        for (auto* code : codes) pcre2_code_free(code);
        return out;
    }
    out.emplace();
    for (std::size_t i = 0; i < count; ++i) {
        auto pattern = adopt(codes[i]);  // owns codes[i] from here, whatever it returns
        if (!pattern) {
            for (std::size_t rest = i + 1; rest < count; ++rest) pcre2_code_free(codes[rest]);
            return std::nullopt;
        }
        out->push_back(std::move(*pattern));
    }
    return out;
}

std::vector<std::string> Pattern::group_names() const {
    std::vector<std::string> out;
    for (const auto& [name, number] : names_) out.push_back(name);
    return out;
}

Pattern::Found Pattern::search(std::string_view text, std::size_t from, bool anchored, Groups& out) const {
    // Where the JIT cannot be used (none on this machine, or a pattern it does not take),
    // pcre2_match goes on interpreting the pattern.
    if (++code_->searches == jit_after) pcre2_jit_compile(code_->code, PCRE2_JIT_COMPLETE);
    auto* data = match_data(groups_ + 1);
    if (!data) return Found::gave_up;  // out of memory
    int result = pcre2_match(code_->code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), from,
                             anchored ? PCRE2_ANCHORED : 0, data, match_context());
    if (result == PCRE2_ERROR_NOMATCH) return Found::none;
    if (result < 0) return Found::gave_up;  // the match or depth limit, or memory
    const PCRE2_SIZE* vector = pcre2_get_ovector_pointer(data);
    out.assign(groups_ + 1, {});
    for (std::size_t g = 0; g <= groups_ && g < static_cast<std::size_t>(result); ++g) {
        if (vector[2 * g] == PCRE2_UNSET) continue;
        out[g] = {static_cast<std::ptrdiff_t>(vector[2 * g]), static_cast<std::ptrdiff_t>(vector[2 * g + 1])};
    }
    return Found::match;
}

}  // namespace kith::questions
