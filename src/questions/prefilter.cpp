#include "questions/prefilter.h"

#include <hs/hs.h>

#include <cstddef>
#include <cstdlib>
#include <string>
#include <vector>

namespace kith::questions {

struct Prefilter::Database {
    hs_database_t* database = nullptr;
    hs_scratch_t* scratch = nullptr;  // kith reads on one thread: one scratch space is enough
    std::vector<char> always;         // the patterns Hyperscan did not take: searched every time
    ~Database() {
        hs_free_scratch(scratch);
        hs_free_database(database);
    }
};

Prefilter::Prefilter(std::unique_ptr<Database> database) : database_(std::move(database)) {}
Prefilter::~Prefilter() = default;

std::string without_group_names(std::string_view pattern) {
    std::string out;
    out.reserve(pattern.size());
    bool in_class = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\' && i + 1 < pattern.size()) {  // an escaped character, whatever it is
            out += pattern.substr(i, 2);
            ++i;
            continue;
        }
        if (in_class) {
            in_class = c != ']';
            out += c;
            continue;
        }
        if (c == '[') {
            in_class = true;
            out += c;
            if (i + 1 < pattern.size() && pattern[i + 1] == '^') out += pattern[++i];
            if (i + 1 < pattern.size() && pattern[i + 1] == ']') out += pattern[++i];  // "[]…]": ']' is a member
            continue;
        }
        // (?<name>, (?P<name> and (?'name': but not the lookbehinds (?<= and (?<!
        const auto rest = pattern.substr(i);
        std::size_t name_at = 0;
        char close = '>';
        if (rest.starts_with("(?P<")) name_at = 4;
        else if (rest.starts_with("(?<") && rest.size() > 3 && rest[3] != '=' && rest[3] != '!') name_at = 3;
        else if (rest.starts_with("(?'")) name_at = 3, close = '\'';
        if (name_at) {
            const auto end = rest.find(close, name_at);
            if (end != std::string_view::npos) {
                out += "(?:";
                i += end;
                continue;
            }
        }
        out += c;
    }
    return out;
}

std::unique_ptr<Prefilter> Prefilter::build(const std::vector<std::string>& patterns) {
    if (hs_valid_platform() != HS_SUCCESS) return nullptr;
    auto db = std::make_unique<Database>();
    db->always.assign(patterns.size(), 0);
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < patterns.size(); ++i) {
        texts.push_back(without_group_names(patterns[i]));
        // Unicode properties, grapheme clusters and verbs such as (*UCP): where Hyperscan's
        // reading of a byte might differ from PCRE2's, it is not asked.
        for (const std::string_view unlike : {"\\p", "\\P", "\\X", "(*"})
            if (patterns[i].find(unlike) != std::string::npos) db->always[i] = 1;
    }
    // Each pattern reported once, at its first match; allowed to match the empty string, as
    // PCRE2 allows; approximated where Hyperscan has no exact form (lookarounds, backreferences).
    constexpr unsigned flags = HS_FLAG_CASELESS | HS_FLAG_PREFILTER | HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY;
    // A pattern Hyperscan cannot parse is found alone, cheaply, rather than by building the set.
    for (std::size_t i = 0; i < texts.size(); ++i) {
        hs_expr_info_t* info = nullptr;
        hs_compile_error_t* error = nullptr;
        if (!db->always[i] && hs_expression_info(texts[i].c_str(), flags, &info, &error) != HS_SUCCESS) db->always[i] = 1;
        std::free(info);
        hs_free_compile_error(error);
    }
    for (;;) {
        std::vector<const char*> expressions;
        std::vector<unsigned> ids;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            if (db->always[i]) continue;
            expressions.push_back(texts[i].c_str());
            ids.push_back(static_cast<unsigned>(i));
        }
        if (expressions.empty()) return nullptr;  // nothing to filter with
        const std::vector<unsigned> all_flags(expressions.size(), flags);
        hs_compile_error_t* error = nullptr;
        const auto compiled = hs_compile_multi(expressions.data(), all_flags.data(), ids.data(),
                                               static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr,
                                               &db->database, &error);
        if (compiled == HS_SUCCESS) break;
        const int which = error ? error->expression : -1;
        hs_free_compile_error(error);
        if (which < 0) return nullptr;  // the set as a whole, not one pattern: no prefilter
        db->always[ids[static_cast<std::size_t>(which)]] = 1;  // that one is searched every time
    }
    if (hs_alloc_scratch(db->database, &db->scratch) != HS_SUCCESS) return nullptr;
    return std::unique_ptr<Prefilter>(new Prefilter(std::move(db)));
}

void Prefilter::may_match(const std::vector<std::string_view>& texts, std::vector<char>& may) const {
    may = database_->always;
    const auto found = [](unsigned id, unsigned long long, unsigned long long, unsigned, void* context) {
        auto& found_so_far = *static_cast<std::vector<char>*>(context);
        if (id < found_so_far.size()) found_so_far[id] = 1;  // a restored database is checked, but not trusted blindly
        return 0;  // go on: the other patterns' first matches too
    };
    for (const auto text : texts) {
        if (hs_scan(database_->database, text.data(), static_cast<unsigned>(text.size()), 0, database_->scratch, found,
                    &may) != HS_SUCCESS)
            may.assign(may.size(), 1);  // cannot say: every rule is searched, as without a prefilter
    }
}

// Saved as: the patterns Hyperscan did not take, one byte each ('0' or '1'), then its database.
std::string Prefilter::saved() const {
    char* bytes = nullptr;
    std::size_t length = 0;
    if (hs_serialize_database(database_->database, &bytes, &length) != HS_SUCCESS) return "";
    std::string out;
    out.reserve(database_->always.size() + length);
    for (const char always : database_->always) out += always ? '1' : '0';
    out.append(bytes, length);
    std::free(bytes);
    return out;
}

std::unique_ptr<Prefilter> Prefilter::restore(std::string_view saved, std::size_t patterns) {
    if (hs_valid_platform() != HS_SUCCESS || saved.size() <= patterns) return nullptr;
    auto db = std::make_unique<Database>();
    for (const char c : saved.substr(0, patterns)) {
        if (c != '0' && c != '1') return nullptr;
        db->always.push_back(c == '1' ? 1 : 0);
    }
    const auto bytes = saved.substr(patterns);
    if (hs_deserialize_database(bytes.data(), bytes.size(), &db->database) != HS_SUCCESS) return nullptr;
    if (hs_alloc_scratch(db->database, &db->scratch) != HS_SUCCESS) return nullptr;
    return std::unique_ptr<Prefilter>(new Prefilter(std::move(db)));
}

std::size_t Prefilter::unfiltered() const {
    std::size_t count = 0;
    for (const char always : database_->always) count += always ? 1 : 0;
    return count;
}

}  // namespace kith::questions
