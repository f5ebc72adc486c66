// What literal text every match of a rule's pattern must contain.
#include "questions/literal_analysis.h"
#include "questions/quantifier.h"

#include <algorithm>
#include <cstdint>
#include <set>

namespace kith::questions {
namespace {

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// ---- literal prefilter -------------------------------------------------------------------
//
// From a pattern, sets of lower-case strings such that every match contains a string of each
// set: for `\b(?:his|her) (daughter|son) got into` that is {"his daughter", "his son",
// "her daughter", "her son"} and {" got into"}. The analysis walks the pattern's syntax: a
// literal run is exact, an alternation of exact parts is exact, a concatenation keeps the
// runs it saw; classes, `.`, `\w`, optional and repeated parts are not exact; lookaheads and
// anchors match the empty string. Whenever it is unsure it knows nothing (the rule's regex
// then always runs): it may let a note through needlessly, never wrongly hold one back.

constexpr std::size_t max_exact_set = 64;
constexpr std::size_t max_filters = 4;

struct Literals {
    bool exact = false;
    LiteralSet strings;               // exact: every text the part can match
    std::vector<LiteralSet> filters;  // not exact: each set has a string in any match
};

Literals exact_literal(std::string text) { return {true, {std::move(text)}, {}}; }
Literals unknown_literals() { return {}; }

// How telling a set is: its least telling string's letters (spaces say little), capped.
std::size_t strength(const LiteralSet& set) {
    if (set.empty()) return 0;
    std::size_t weakest = SIZE_MAX;
    for (const auto& s : set)
        weakest = std::min<std::size_t>(weakest, static_cast<std::size_t>(
                                                     std::count_if(s.begin(), s.end(), [](char c) { return c != ' '; })));
    return std::min<std::size_t>(weakest, 8);
}

bool usable(const LiteralSet& set) {
    return !set.empty() && std::none_of(set.begin(), set.end(), [](const std::string& s) { return s.empty(); });
}

bool more_selective(const LiteralSet& a, const LiteralSet& b) {
    if (strength(a) != strength(b)) return strength(a) > strength(b);
    return a.size() < b.size();
}

// The most telling single set for a part, if any.
LiteralSet best_filter(const Literals& literals) {
    if (literals.exact) return usable(literals.strings) ? literals.strings : LiteralSet{};
    return literals.filters.empty() ? LiteralSet{} : literals.filters.front();
}

// The same condition with fewer strings: when "came down with " is in the set, "came down
// with a " adds nothing (wherever it occurs, the shorter one does too).
LiteralSet minimal(LiteralSet set) {
    std::sort(set.begin(), set.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    LiteralSet out;
    for (auto& s : set)
        if (std::none_of(out.begin(), out.end(),
                         [&](const std::string& kept) { return s.find(kept) != std::string::npos; }))
            out.push_back(std::move(s));
    return out;
}

// A set with a usable string for every match.
std::optional<LiteralSet> usable_set(LiteralSet set) {
    if (!usable(set)) return std::nullopt;
    return minimal(std::move(set));
}

// Keeps the most telling sets, best first.
std::vector<LiteralSet> strongest(std::vector<LiteralSet> sets) {
    std::erase_if(sets, [](const LiteralSet& s) { return !usable(s) || strength(s) == 0; });
    for (auto& set : sets) set = minimal(std::move(set));
    std::stable_sort(sets.begin(), sets.end(), more_selective);
    sets.erase(std::unique(sets.begin(), sets.end()), sets.end());
    if (sets.size() > max_filters) sets.resize(max_filters);
    return sets;
}

class LiteralAnalysis {
public:
    explicit LiteralAnalysis(std::string_view pattern) : p_(pattern) {}

    PatternLiterals run() {
        Literals all = disjunction();
        if (failed_ || pos_ != p_.size()) return {};
        PatternLiterals result;
        result.required = all.exact ? strongest({all.strings}) : strongest(std::move(all.filters));
        if (top_alternatives_ == 1 && prefix_) result.prefix = usable_set(std::move(*prefix_));
        return result;
    }

private:
    std::string_view p_;
    std::size_t pos_ = 0;
    bool failed_ = false;
    int depth_ = 0;                    // group nesting
    int top_alternatives_ = 0;         // alternatives of the whole pattern
    std::optional<LiteralSet> prefix_;  // the literal run the whole pattern starts with

    bool at_end() const { return pos_ >= p_.size(); }
    static bool quantifier(char c) { return c == '*' || c == '+' || c == '?' || c == '{'; }
    // A character that stands for itself (what atom() reads through its default case).
    static bool plain_character(char c) {
        return c != '\0' && std::string_view("()[].\\*+?{}|^$").find(c) == std::string_view::npos;
    }
    char peek(std::size_t ahead = 0) const {
        return pos_ + ahead < p_.size() ? p_[pos_ + ahead] : '\0';
    }
    Literals fail() {
        failed_ = true;
        pos_ = p_.size();
        return unknown_literals();
    }

    Literals disjunction() {
        std::vector<Literals> alternatives{alternative()};
        while (!failed_ && peek() == '|') {
            ++pos_;
            alternatives.push_back(alternative());
        }
        if (alternatives.size() == 1) return std::move(alternatives.front());
        std::set<std::string> merged;
        const bool all_exact = std::all_of(alternatives.begin(), alternatives.end(),
                                           [](const Literals& l) { return l.exact; });
        if (all_exact) {
            for (const auto& a : alternatives) merged.insert(a.strings.begin(), a.strings.end());
            if (merged.size() <= max_exact_set) return {true, {merged.begin(), merged.end()}, {}};
            merged.clear();
        }
        for (const auto& a : alternatives) {
            auto filter = best_filter(a);
            if (filter.empty()) return unknown_literals();
            merged.insert(filter.begin(), filter.end());
        }
        return {false, {}, strongest({LiteralSet(merged.begin(), merged.end())})};
    }

    Literals alternative() {
        const bool top = depth_ == 0;
        if (top) ++top_alternatives_;
        LiteralSet run{""};  // the exact texts of the current literal run
        bool all_exact = true;
        std::vector<LiteralSet> found;
        while (!failed_ && !at_end() && peek() != '|' && peek() != ')') {
            if (plain_character(peek()) && !quantifier(peek(1))) {  // the common case, without allocating
                for (auto& a : run) a += ascii_lower(peek());
                ++pos_;
                continue;
            }
            Literals part = term();
            if (part.exact && part.strings.size() == 1) {  // most often one more character
                for (auto& a : run) a += part.strings.front();
                continue;
            }
            if (part.exact && run.size() * part.strings.size() <= max_exact_set) {
                LiteralSet joined;
                for (const auto& a : run)
                    for (const auto& b : part.strings) joined.push_back(a + b);
                run = std::move(joined);
                continue;
            }
            if (top && all_exact) prefix_ = run;
            all_exact = false;
            found.push_back(std::move(run));
            if (part.exact) {
                run = std::move(part.strings);
            } else {
                found.insert(found.end(), part.filters.begin(), part.filters.end());
                run = {""};
            }
        }
        if (all_exact) {
            if (top) prefix_ = run;
            return {true, std::move(run), {}};
        }
        found.push_back(std::move(run));
        return {false, {}, strongest(std::move(found))};
    }

    Literals term() {
        const char c = peek();
        if (c == '^' || c == '$') {
            ++pos_;
            return exact_literal("");
        }
        if (c == '\\' && (peek(1) == 'b' || peek(1) == 'B')) {
            pos_ += 2;
            return exact_literal("");
        }
        Literals part = atom();
        if (failed_) return part;
        return quantified(std::move(part));
    }

    Literals quantified(Literals part) {
        Quantifier q;
        switch (read_quantifier(p_, pos_, q)) {
            case Quantifier::Read::none: return part;
            case Quantifier::Read::malformed: return fail();
            case Quantifier::Read::read: break;
        }
        const std::size_t min = q.min, max = q.max;
        if (min == 0) {
            if (max == 1 && part.exact) {
                if (std::find(part.strings.begin(), part.strings.end(), "") == part.strings.end())
                    part.strings.emplace_back();
                return part;
            }
            return unknown_literals();
        }
        if (min == 1 && max == 1) return part;
        if (part.exact) return {false, {}, strongest({part.strings})};
        return {false, {}, std::move(part.filters)};
    }

    Literals atom() {
        const char c = peek();
        switch (c) {
            case '(': {
                ++pos_;
                bool lookahead = false;
                if (peek() == '?') {
                    if (peek(1) == ':') {
                        pos_ += 2;
                    } else if (peek(1) == '=' || peek(1) == '!') {
                        pos_ += 2;
                        lookahead = true;
                    } else {
                        return fail();
                    }
                }
                if (lookahead) {  // matches the empty string: only its end matters
                    skip_group();
                    return exact_literal("");
                }
                if (depth_ >= 100) return fail();  // no deeper than the engine compiles
                ++depth_;
                Literals inner = disjunction();
                --depth_;
                if (failed_ || peek() != ')') return fail();
                ++pos_;
                return inner;
            }
            case '[': skip_class(); return unknown_literals();
            case '.': ++pos_; return unknown_literals();
            case '\\': return escape();
            case '*': case '+': case '?': case '{': case '}': case ')': case '|': case ']':
                return fail();
            default: ++pos_; return exact_literal(std::string(1, ascii_lower(c)));
        }
    }

    // Past the ")" that closes the group whose "(" is already read.
    void skip_group() {
        int open = 1;
        while (!failed_ && !at_end()) {
            const char c = p_[pos_];
            if (c == '\\') {
                pos_ += 2;
            } else if (c == '[') {
                skip_class();
            } else {
                ++pos_;
                if (c == '(') ++open;
                if (c == ')' && --open == 0) return;
            }
        }
        fail();
    }

    void skip_class() {
        ++pos_;  // [
        if (peek() == '^') ++pos_;
        if (peek() == ']') {  // "[]" and "[]a]" read differently by different engines
            fail();
            return;
        }
        while (!at_end()) {
            const char c = p_[pos_];
            if (c == '\\') {
                pos_ += 2;
            } else if (c == '[' && (peek(1) == ':' || peek(1) == '.' || peek(1) == '=')) {
                const auto close = p_.find(std::string{peek(1), ']'}, pos_ + 2);
                if (close == std::string_view::npos) {
                    fail();
                    return;
                }
                pos_ = close + 2;
            } else if (c == ']') {
                ++pos_;
                return;
            } else {
                ++pos_;
            }
        }
        fail();
    }

    Literals escape() {
        ++pos_;  // backslash
        if (at_end()) return fail();
        const char e = p_[pos_++];
        switch (e) {
            case 'd': case 'D': case 'w': case 'W': case 's': case 'S': return unknown_literals();
            case 'x': pos_ += 2; break;
            case 'u': pos_ += 4; break;
            case 'c': pos_ += 1; break;
            case 'n': return exact_literal("\n");
            case 't': return exact_literal("\t");
            case 'r': return exact_literal("\r");
            case 'f': return exact_literal("\f");
            case 'v': return exact_literal("\v");
            case '0': return exact_literal(std::string(1, '\0'));
            default:
                if (is_digit(e)) {  // a back-reference
                    while (!at_end() && is_digit(peek())) ++pos_;
                    return unknown_literals();
                }
                if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z')) return fail();
                return exact_literal(std::string(1, ascii_lower(e)));
        }
        if (pos_ > p_.size()) return fail();
        return unknown_literals();  // \x.. \u.... \c.
    }
};

}  // namespace

PatternLiterals analyse_literals(std::string_view pattern) { return LiteralAnalysis(pattern).run(); }

}  // namespace kith::questions
