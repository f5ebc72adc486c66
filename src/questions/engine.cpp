// The question engine (SPEC §5): what a caring friend would ask a person, from what they
// told you. Sources in rank order: explicit asks, events, rules, occasions, tag banks, stale
// notes. Pure and deterministic: everything comes from the input, "today" included.
//
// Speed: `due` asks this for up to ten people per run, each with maybe dozens of notes, and
// there are some eighty built-in rules. std::regex is slow (tens of microseconds to search a
// short note, more with lookaheads), so for each note, in this order: a rule's age window is
// checked; one Aho–Corasick pass finds which of all the rules' required literals the note
// contains (a rule runs only if it can match); the regex, compiled once per process and
// only when first needed, is tried only where a match can start when its pattern begins
// with known words. See literal_analysis.cpp for what "required" means; the built-in rules
// were analysed when kith was built.
#include "kith/questions.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <span>
#include <string_view>

#include "kith/error.h"
#include "kith/text.h"
#include "questions/literal_analysis.h"
#include "questions/literal_scanner.h"
#include "questions/matcher.h"
#include "questions/pattern.h"

namespace kith {
namespace {

using namespace std::chrono;
using questions::LiteralScanner;
using questions::LiteralSet;
using questions::Matcher;
using questions::PatternLiterals;

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string ascii_lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// ---- compiled rules ----------------------------------------------------------------------

std::string bad_rule(const QuestionRule& rule, std::string_view why) {
    if (!rule.source.empty()) return fmt::format("{}: question rule \"{}\": {}", rule.source, rule.id, why);
    return fmt::format("question rule \"{}\": {}", rule.id, why);
}

// libstdc++ reads the number of a back-reference (\12) or a repeat ({2,5}) into a long with
// no overflow check (undefined behaviour, found by fuzz_config); nobody means one that long.
bool has_huge_number(std::string_view pattern) {
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '\\' && pattern[i] != '{' && pattern[i] != ',') continue;
        std::size_t digits = 0;
        while (i + 1 + digits < pattern.size() && pattern[i + 1 + digits] >= '0' && pattern[i + 1 + digits] <= '9')
            ++digits;
        if (digits > 6) return true;
    }
    return false;
}

// Both std::regex's compiler and Matcher's parser recurse once per group level: a pattern with
// a thousand "(" overflowed the stack (found by fuzz_config). Nobody nests groups that deep.
bool too_deep(std::string_view pattern) {
    constexpr int deepest = 100;
    int depth = 0;
    bool in_class = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\') ++i;
        else if (in_class) in_class = c != ']';
        else if (c == '[') in_class = true;
        else if (c == '(' && ++depth > deepest) return true;
        else if (c == ')' && depth > 0) --depth;
    }
    return false;
}

// Why a pattern must not be compiled at all, if it must not.
std::optional<std::string> unsafe(std::string_view pattern) {
    if (has_huge_number(pattern)) return "bad regular expression: a number of more than 6 digits after \\ or in {}";
    if (too_deep(pattern)) return "bad regular expression: groups nested more than 100 deep";
    return std::nullopt;
}

// A rule's pattern and its literals; its regex is compiled the first time a note gets past
// the literal filter (most built-in rules never need it in a run). A built-in rule's text,
// literals and compiled program are read in place from where kith keeps them.
class CompiledPattern {
public:
    // A user's pattern: `required` holds, for each set of literals a match needs one of, their
    // ids in the shared scanner.
    CompiledPattern(std::string pattern, std::vector<std::vector<std::size_t>> required,
                    std::optional<LiteralSet> prefix)
        : owned_pattern_(std::move(pattern)),
          owned_required_(std::move(required)),
          owned_prefix_(std::move(prefix)),
          pattern_(owned_pattern_) {
        required_.assign(owned_required_.begin(), owned_required_.end());
        if (owned_prefix_) prefix_.emplace(owned_prefix_->begin(), owned_prefix_->end());
    }

    // Built-in rule number `builtin`: its pattern was analysed and compiled when kith was built.
    CompiledPattern(std::size_t builtin, std::string_view pattern)
        : pattern_(pattern),
          builtin_(builtin),
          required_(questions::builtin_required_sets(builtin)),
          prefix_(questions::builtin_prefix_strings(builtin)) {}

    CompiledPattern(const CompiledPattern&) = delete;  // pattern_ and the spans may view its own members
    CompiledPattern& operator=(const CompiledPattern&) = delete;

    // Could a text match at all, given which literals it contains?
    bool may_match(const std::vector<char>& found) const {
        return std::all_of(required_.begin(), required_.end(), [&](std::span<const std::size_t> set) {
            return std::any_of(set.begin(), set.end(), [&](std::size_t id) { return found[id] != 0; });
        });
    }

    // Where in a (lower-cased) text a match could start, when every match starts with a
    // known literal; nothing when a match could start anywhere.
    std::optional<std::vector<std::size_t>> starts(std::string_view lowered) const {
        if (!prefix_) return std::nullopt;
        std::vector<std::size_t> out;
        for (const auto& p : *prefix_)
            for (auto at = lowered.find(p); at != std::string_view::npos; at = lowered.find(p, at + 1))
                out.push_back(at);
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }

    // The first match in `piece` from `from` (only at `from` when `continuous`), as std::regex
    // finds it with match_prev_avail past the piece's start. Throws usage_error naming the
    // rule when the pattern does not compile.
    bool find(const QuestionRule& rule, std::string_view piece, std::size_t from, bool continuous,
              Matcher::Groups& out) const {
        if (const auto& why = unsafe_to_compile()) throw usage_error(bad_rule(rule, *why));
        std::call_once(matcher_compiled_, [&] {
            matcher_ = builtin_ ? questions::builtin_matcher(*builtin_) : Matcher::compile(pattern_);
        });
        if (matcher_) return matcher_->search(piece, from, continuous, out);
        switch (pcre(rule).search(piece, from, continuous, out)) {
            case questions::Pattern::Found::match: return true;
            case questions::Pattern::Found::none: return false;
            case questions::Pattern::Found::gave_up: break;
        }
        throw usage_error(bad_rule(rule, "its pattern needs too much backtracking on a note; simplify it "
                                         "(nested repeats such as (a+)+ or (\\w*\\s*)* are the usual cause)"));
    }

    // Checked when first needed: scanning every rule's pattern in every run costs.
    const std::optional<std::string>& unsafe_to_compile() const {
        std::call_once(checked_, [&] {
            if (!builtin_) unsafe_ = unsafe(pattern_);  // kith's own patterns are known to be safe
        });
        return unsafe_;
    }

    // Throws usage_error naming the rule when the pattern does not compile.
    const questions::Pattern& pcre(const QuestionRule& rule) const {
        // Nothing is thrown through call_once (it runs inside pthread_once, a C function):
        // the error is kept and thrown here, every time the rule is asked for.
        if (const auto& why = unsafe_to_compile()) throw usage_error(bad_rule(rule, *why));
        std::call_once(compiled_, [&] {
            auto compiled = questions::Pattern::compile(pattern_);
            if (compiled) pcre_ = *compiled;
            else error_ = compiled.error();
        });
        if (error_) throw usage_error(bad_rule(rule, fmt::format("bad regular expression: {}", *error_)));
        return *pcre_;
    }

private:
    std::string owned_pattern_;  // a user's pattern (pattern_ views it)
    std::vector<std::vector<std::size_t>> owned_required_;
    std::optional<LiteralSet> owned_prefix_;
    std::string_view pattern_;
    std::optional<std::size_t> builtin_;  // its number among the built-in rules, if it is one
    mutable std::once_flag checked_;
    mutable std::optional<std::string> unsafe_;  // why it is never compiled, if so
    std::vector<std::span<const std::size_t>> required_;     // a literal of each set occurs in any match
    std::optional<std::vector<std::string_view>> prefix_;  // every match starts with one of these
    // The built-in rules' patterns and most others run on Matcher; PCRE2 does the rest, and
    // checks every user's pattern when the config is read.
    mutable std::once_flag matcher_compiled_;
    mutable std::optional<Matcher> matcher_;
    mutable std::once_flag compiled_;
    mutable std::optional<questions::Pattern> pcre_;
    mutable std::optional<std::string> error_;  // why the pattern did not compile
};

// What one call needs to match its rules: their patterns, in rule order, and a scanner that
// knows every literal they look for.
struct RuleSet {
    std::vector<const CompiledPattern*> patterns;
    std::shared_ptr<const LiteralScanner> scanner;
};

// Patterns are analysed once per distinct text for the life of the process (the built-in
// ones when kith was built, scanner included); the scanner is rebuilt only when a pattern
// brings new literals.
class PatternCache {
public:
    RuleSet prepare(const std::vector<const QuestionRule*>& rules) {
        std::lock_guard lock(mutex_);
        RuleSet out;
        for (const QuestionRule* rule : rules) out.patterns.push_back(&entry(*rule));
        const std::size_t literal_count = literals_.empty() ? questions::builtin_literal_strings().size() : literals_.size();
        if (!scanner_ || scanner_->size() != literal_count) {
            scanner_ = literals_.empty()  // only the built-in rules' literals
                           ? std::make_shared<const LiteralScanner>(questions::builtin_scanner_tables())
                           : std::make_shared<const LiteralScanner>(literals_);
        }
        out.scanner = scanner_;
        return out;
    }

    const CompiledPattern& pattern(const QuestionRule& rule) {
        std::lock_guard lock(mutex_);
        return entry(rule);
    }

private:
    std::mutex mutex_;
    std::vector<std::unique_ptr<const CompiledPattern>> builtin_;  // by rule number, made when first asked for
    std::map<std::string, std::unique_ptr<const CompiledPattern>, std::less<>> patterns_;  // the others
    // Filled only once a pattern is analysed here, from the built-in literals on.
    std::vector<std::string> literals_;
    std::map<std::string, std::size_t, std::less<>> literal_ids_;
    std::shared_ptr<const LiteralScanner> scanner_;

    const CompiledPattern& entry(const QuestionRule& rule) {
        // A built-in rule is known by where it lives, not by comparing kilobytes of pattern.
        const auto& builtin = builtin_question_rules();
        if (&rule >= builtin.data() && &rule < builtin.data() + builtin.size()) {
            const auto i = static_cast<std::size_t>(&rule - builtin.data());
            if (i < questions::builtin_literals_count()) {
                if (builtin_.empty()) builtin_.resize(builtin.size());
                if (!builtin_[i]) builtin_[i] = std::make_unique<const CompiledPattern>(i, rule.match);
                return *builtin_[i];
            }
        }
        const std::string& match = rule.match;
        auto it = patterns_.find(match);
        if (it != patterns_.end()) return *it->second;
        if (literals_.empty()) {
            for (const auto literal : questions::builtin_literal_strings()) {
                literal_ids_.emplace(literal, literals_.size());
                literals_.emplace_back(literal);
            }
        }
        auto analysis = questions::analyse_literals(match);
        std::vector<std::vector<std::size_t>> required;
        for (const auto& set : analysis.required) {
            std::vector<std::size_t> ids;
            for (const auto& literal : set) {
                auto [at, added] = literal_ids_.emplace(literal, literals_.size());
                if (added) literals_.push_back(literal);
                ids.push_back(at->second);
            }
            required.push_back(std::move(ids));
        }
        auto compiled = std::make_unique<const CompiledPattern>(match, std::move(required), std::move(analysis.prefix));
        return *patterns_.emplace(match, std::move(compiled)).first->second;
    }
};

PatternCache& pattern_cache() {
    static PatternCache cache;
    return cache;
}

// The {n} placeholders of a template, in order.
struct Placeholder {
    std::size_t begin, end, group;
};

std::vector<Placeholder> placeholders(std::string_view ask) {
    std::vector<Placeholder> out;
    for (std::size_t i = 0; i < ask.size(); ++i) {
        if (ask[i] != '{') continue;
        std::size_t j = i + 1;
        while (j < ask.size() && is_digit(ask[j]) && j - i <= 3) ++j;
        if (j == i + 1 || j >= ask.size() || ask[j] != '}') continue;
        out.push_back({i, j + 1, std::stoul(std::string(ask.substr(i + 1, j - i - 1)))});
        i = j;
    }
    return out;
}

// The template with its groups filled in; nothing when a group it names did not take part.
std::optional<std::string> fill(std::string_view ask, std::string_view piece, const Matcher::Groups& groups) {
    std::string out;
    std::size_t from = 0;
    for (const auto& p : placeholders(ask)) {
        if (p.group >= groups.size() || groups[p.group].begin < 0) return std::nullopt;
        const auto& span = groups[p.group];
        std::string value = trim(piece.substr(static_cast<std::size_t>(span.begin),
                                              static_cast<std::size_t>(span.end - span.begin)));
        if (value.empty()) return std::nullopt;
        out.append(ask.substr(from, p.begin - from));
        out += value;
        from = p.end;
    }
    out.append(ask.substr(from));
    return out;
}

// Rules match line by line, long lines in pieces: a capture never spans two lines, and
// std::regex, which recurses per character, never sees a pasted 50 kB email at once.
std::vector<std::string_view> segments(std::string_view text) {
    constexpr std::size_t longest = 1000;
    std::vector<std::string_view> out;
    while (!text.empty()) {
        const auto newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        while (line.size() > longest) {
            const std::string_view head = line.substr(0, longest);
            auto cut = head.find_last_of(".!?;");
            if (cut == std::string_view::npos || cut < longest / 2) cut = head.find_last_of(' ');
            if (cut == std::string_view::npos || cut == 0) cut = longest - 1;
            out.push_back(line.substr(0, cut + 1));
            line.remove_prefix(cut + 1);
        }
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

// The rule's question for the note, from its first match that fills the template. `text` is
// the note, `lowered` the same lower-cased, `pieces` its segments.
std::optional<std::string> apply_rule(const QuestionRule& rule, const CompiledPattern& pattern,
                                      std::string_view text, const std::string& lowered,
                                      const std::vector<std::string_view>& pieces) {
    Matcher::Groups match;
    for (const auto piece : pieces) {
        const auto offset = static_cast<std::size_t>(piece.data() - text.data());
        if (auto starts = pattern.starts(std::string_view(lowered).substr(offset, piece.size()))) {
            // Only where a match can start, rather than at every position.
            for (const auto at : *starts) {
                if (!pattern.find(rule, piece, at, true, match)) continue;
                if (auto question = fill(rule.ask, piece, match)) return question;
            }
            continue;
        }
        std::size_t from = 0;
        while (from <= piece.size()) {
            if (!pattern.find(rule, piece, from, false, match)) break;
            if (auto question = fill(rule.ask, piece, match)) return question;
            const auto end = static_cast<std::size_t>(match[0].end);
            if (match[0].end > match[0].begin) from = end;
            else if (end == piece.size()) break;
            else from = end + 1;
        }
    }
    return std::nullopt;
}

bool in_window(const QuestionRule& rule, Date noted, Date today) {
    if (noted > today) return false;
    if (rule.min_age && add(noted, *rule.min_age) > today) return false;
    if (rule.max_age && add(noted, *rule.max_age) < today) return false;
    return true;
}

// ---- wording helpers ---------------------------------------------------------------------

const std::array<std::string_view, 12> month_names{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string_view month_name(Date date) { return month_names[unsigned{date.month()} - 1]; }

std::string weekday_name(Date date) {
    static const std::map<std::string, std::string, std::less<>> names{
        {"Mon", "Monday"}, {"Tue", "Tuesday"},  {"Wed", "Wednesday"}, {"Thu", "Thursday"},
        {"Fri", "Friday"}, {"Sat", "Saturday"}, {"Sun", "Sunday"}};
    const auto short_name = weekday_short(date);
    auto it = names.find(short_name);
    return it == names.end() ? short_name : it->second;
}

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The text on one line: whitespace runs, newlines included, become one space.
std::string one_line(std::string_view text) {
    std::string flat;
    for (char c : text) {
        const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
        if (blank) {
            if (!flat.empty() && flat.back() != ' ') flat += ' ';
        } else {
            flat += c;
        }
    }
    return trim(flat);
}

// At most `limit` characters (not bytes) of the text, on one line, cut at a word when one is
// near, with "…" when anything was left out.
std::string excerpt(std::string_view text, std::size_t limit) {
    const std::string flat = one_line(text);
    std::size_t chars = 0, cut = flat.size();
    for (std::size_t i = 0; i < flat.size(); ++i) {
        if (is_continuation_byte(flat[i])) continue;
        if (chars == limit) {
            cut = i;
            break;
        }
        ++chars;
    }
    if (cut == flat.size()) return flat;
    std::string head = flat.substr(0, cut);
    const auto space = head.find_last_of(' ');
    if (space != std::string::npos && space >= head.size() * 2 / 3) head.resize(space);
    while (true) {  // no dangling punctuation before the ellipsis
        if (!head.empty() && std::string_view(",;:- ").find(head.back()) != std::string_view::npos)
            head.pop_back();
        else if (head.ends_with("–") || head.ends_with("—"))
            head.resize(head.size() - std::string_view("–").size());
        else
            break;
    }
    return head + "…";
}

bool is_explicit_ask(const Note& note) {
    if (note.ask) return true;
    const std::string text = trim(note.text);
    return !text.empty() && (text.back() == '?' || text.ends_with("？"));
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ') ++i;
        if (i > start) out.emplace_back(text.substr(start, i - start));
    }
    return out;
}

// A word compared the way the lists below are written: lower case, straight apostrophe,
// without surrounding punctuation.
std::string word_key(std::string_view word) {
    std::string key;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (word.substr(i).starts_with("’")) {
            key += '\'';
            i += std::string_view("’").size() - 1;
        } else {
            key += ascii_lower(word[i]);
        }
    }
    while (!key.empty() && std::string_view(",.;:!?\"()").find(key.back()) != std::string_view::npos)
        key.pop_back();
    while (!key.empty() && std::string_view("\"(").find(key.front()) != std::string_view::npos)
        key.erase(key.begin());
    return key;
}

// The word lists below are constant arrays rather than sets: nothing to build when kith
// starts (most commands never ask a question), and a short linear search is as quick here.
template <std::size_t N>
bool listed(const std::string_view (&list)[N], std::string_view key) {
    return std::find(std::begin(list), std::end(list), key) != std::end(list);
}

// Words that start a phrase about something that happens: lower-cased when first
// ("Running the marathon" → "How did running the marathon go?"); a name never is.
constexpr std::string_view ordinary_first_words[]{
    "a", "an", "the", "this", "that", "first", "second", "next", "big", "new", "another",
    "running", "moving", "starting", "taking", "flying", "launching", "presenting", "going",
    "getting", "having", "giving", "leaving", "visiting", "hosting", "speaking", "doing",
    "sitting", "playing", "performing", "opening", "closing", "selling", "buying", "meeting",
    "interviewing", "pitching", "defending", "finishing", "competing", "travelling",
    "traveling", "heading", "attending", "renovating", "celebrating", "graduating",
    "marrying", "hiking", "climbing", "cycling", "swimming", "racing", "training", "teaching",
    "signing", "applying", "joining", "returning", "becoming", "welcoming", "writing",
    "recording", "releasing", "shipping", "submitting", "hitting", "turning", "walking",
    "sailing", "driving", "seeing", "catching", "watching", "reading", "raising", "your"};

// Nouns that read better with "the" ("Wedding in Tuscany" → "the wedding in Tuscany").
constexpr std::string_view the_nouns[]{
    "wedding", "surgery", "operation", "interview", "marathon", "half-marathon", "race",
    "exam", "exams", "finals", "move", "trip", "launch", "presentation", "talk", "keynote",
    "conference", "party", "concert", "recital", "performance", "premiere", "match", "game",
    "tournament", "competition", "audition", "appointment", "procedure", "test", "defense",
    "defence", "viva", "pitch", "demo", "meeting", "review", "hearing", "trial", "sale",
    "funeral", "ceremony", "graduation", "christening", "baptism", "anniversary", "holiday",
    "vacation", "honeymoon", "retreat", "workshop", "course", "exhibition", "show", "gig",
    "festival", "fundraiser", "dinner", "lunch", "reunion", "scan", "biopsy", "treatment",
    "hike", "climb", "ride", "tour", "retirement", "housewarming", "opening", "half",
    "replacement", "checkup", "check-up", "results", "date"};

// Words that describe such a noun and are not names ("Knee surgery" → "the knee surgery");
// any other first word before one keeps its case ("Berlin trip" → "the Berlin trip").
constexpr std::string_view noun_modifiers[]{
    "knee", "hip", "back", "eye", "shoulder", "heart", "dental", "job", "board", "dentist",
    "doctor", "team", "company", "family", "school", "work", "birthday", "book", "product",
    "charity", "half", "final", "driving", "bar", "house", "art", "photo", "music", "piano",
    "dance", "ballet", "football", "soccer", "tennis", "golf", "chess", "wine", "dinner",
    "launch", "wedding", "engagement", "retirement", "leaving", "farewell", "housewarming",
    "ski", "road", "business", "sales", "investor", "client", "year-end", "end-of-year",
    "graduation", "baby", "gender", "kitchen", "bathroom", "big", "first", "last", "next"};

// Before these a trailing #hashtag is part of the sentence ("Emma's #recital").
constexpr std::string_view lead_in_words[]{
    "the", "a", "an", "my", "his", "her", "their", "your", "our", "of", "to", "for", "at", "in",
    "on", "with", "about", "big", "first", "new"};

bool is_possessive(std::string_view key) {
    return key.ends_with("'s") || key.ends_with("s'");
}

// "He's running …", "She will be presenting …": the subject is dropped (the question is put
// to them).
constexpr std::string_view subject_contractions[]{
    "he's", "she's", "they're", "he'll", "she'll", "they'll", "he'd", "she'd", "they'd"};
constexpr std::string_view subjects[]{"he", "she", "they"};
constexpr std::string_view auxiliaries[]{"is", "are", "was", "were", "will",
                                                     "has", "have", "had", "'s"};

// After "her", words that show it is not possessive ("told her about").
constexpr std::string_view not_after_possessive[]{
    "about", "to", "for", "with", "in", "on", "at", "up", "out", "and", "or", "that", "the",
    "a", "an", "off", "back", "down", "over", "into", "again", "know", "if", "how", "what"};

// What the event is, in words that fit "How did <x> go?": the note's first sentence without
// trailing hashtags and punctuation, with "his/her/their" turned to "your".
std::string event_subject(std::string_view note_text) {
    std::string text = trim(note_text.substr(0, note_text.find('\n')));
    for (std::string_view end : {". ", "! ", "? ", "; ", " — ", " – ", " - "}) {
        const auto at = text.find(end);
        if (at != std::string::npos && at > 0) text.resize(at);
    }
    auto words = words_of(text);
    while (words.size() > 1 && words.back().size() > 1 && words.back().front() == '#') {
        const std::string before = word_key(words[words.size() - 2]);
        if (is_possessive(before) || listed(lead_in_words, before)) break;
        words.pop_back();
    }
    if (words.empty()) return trim(note_text);
    for (auto& w : words)
        if (w.size() > 1 && w.front() == '#') w.erase(w.begin());

    // Drop "He's" / "She is" / "They will be" before the thing itself.
    std::size_t skip = 0;
    if (listed(subject_contractions, word_key(words[0]))) {
        skip = 1;
    } else if (words.size() > 1 && listed(subjects, word_key(words[0])) &&
               listed(auxiliaries, word_key(words[1]))) {
        skip = 2;
    }
    if (skip && skip < words.size() && word_key(words[skip]) == "be") ++skip;
    if (skip < words.size()) words.erase(words.begin(), words.begin() + static_cast<long>(skip));

    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string key = word_key(words[i]);
        const bool possessive =
            key == "his" || key == "their" ||
            (key == "her" && i + 1 < words.size() && words[i].size() == 3 &&
             !listed(not_after_possessive, word_key(words[i + 1])));
        if (possessive && words[i].size() == key.size()) words[i] = "your";
        else if (key == "himself" || key == "herself" || key == "themselves") words[i] = "yourself";
    }
    const std::string first = word_key(words[0]);
    const std::string second = words.size() > 1 ? word_key(words[1]) : std::string();
    if (listed(ordinary_first_words, first)) {
        words[0][0] = ascii_lower(words[0][0]);
    } else if (listed(the_nouns, first)) {
        words[0][0] = ascii_lower(words[0][0]);
        words[0].insert(0, "the ");
    } else if (!is_possessive(first) && listed(the_nouns, second)) {
        if (listed(noun_modifiers, first)) words[0][0] = ascii_lower(words[0][0]);
        words[0].insert(0, "the ");
    }

    std::string out = join(words, " ");
    while (!out.empty() && std::string_view(".!?,;:").find(out.back()) != std::string_view::npos)
        out.pop_back();
    while (out.ends_with("…")) out.resize(out.size() - std::string_view("…").size());
    out = trim(out);
    if (out.empty()) return trim(note_text);
    return excerpt(out, 80);
}

std::string ordinal(int n) {
    const int tens = n % 100;
    const char* suffix = "th";
    if (tens < 11 || tens > 13) {
        switch (n % 10) {
            case 1: suffix = "st"; break;
            case 2: suffix = "nd"; break;
            case 3: suffix = "rd"; break;
            default: break;
        }
    }
    return fmt::format("{}{}", n, suffix);
}

std::string note_source(const Note& note) {
    return fmt::format("note {} ({})", note.id, format_iso(note.on));
}

// ---- the ranked list ---------------------------------------------------------------------

class Suggestions {
public:
    explicit Suggestions(std::size_t limit) : limit_(limit) {}

    bool full() const { return out_.size() >= limit_; }

    void add(std::string id, std::string text, std::string source) {
        if (full()) return;
        if (!seen_.insert(fold_case(trim(text))).second) return;
        out_.push_back(Question{std::move(id), std::move(text), std::move(source)});
    }

    std::vector<Question> take() { return std::move(out_); }

private:
    std::size_t limit_;
    std::vector<Question> out_;
    std::set<std::string> seen_;
};

class Engine {
public:
    Engine(const QuestionInput& input, const QuestionSettings& settings, std::size_t limit)
        : in_(input), settings_(settings), out_(limit) {
        for (const auto& note : input.notes)
            if (note.on.ok()) notes_.push_back(&note);
        std::sort(notes_.begin(), notes_.end(), [](const Note* a, const Note* b) {
            if (a->on != b->on) return a->on > b->on;
            return a->id > b->id;
        });
    }

    std::vector<Question> run() {
        explicit_asks();
        if (!out_.full()) events();
        if (!out_.full()) rules();
        if (!out_.full()) occasions();
        if (!out_.full()) banks();
        if (!out_.full()) stale_notes();
        return out_.take();
    }

private:
    const QuestionInput& in_;
    const QuestionSettings& settings_;
    Suggestions out_;
    std::vector<const Note*> notes_;     // newest first
    std::set<std::int64_t> used_notes_;  // notes that gave a question (not offered again as stale)

    std::optional<Date> asked(const std::string& id) const {
        auto it = in_.asked.find(id);
        if (it == in_.asked.end()) return std::nullopt;
        return it->second;
    }

    void offer(const Note& note, std::string id, std::string text) {
        used_notes_.insert(note.id);
        out_.add(std::move(id), std::move(text), note_source(note));
    }

    void explicit_asks() {
        for (const Note* note : notes_) {
            if (!is_explicit_ask(*note)) continue;
            const std::string id = fmt::format("n{}", note->id);
            if (asked(id)) continue;
            const std::string text = one_line(note->text);
            if (text.empty()) continue;
            offer(*note, id, text);
        }
    }

    void events() {
        struct Due {
            int distance;  // days from today, either way
            bool ahead;
            const Note* note;
        };
        std::vector<Due> due;
        for (const Note* note : notes_) {
            if (!note->event || !note->event->ok() || is_explicit_ask(*note)) continue;
            const Date event = *note->event;
            const int ahead = days_between(in_.today, event);
            const auto last_asked = asked(fmt::format("e{}", note->id));
            if (ahead > 0 && ahead <= 30) {
                if (last_asked) continue;
                due.push_back({ahead, true, note});
            } else if (ahead <= 0 && ahead >= -60) {
                if (last_asked && *last_asked >= event) continue;  // asked after it: followed up
                due.push_back({-ahead, false, note});
            }
        }
        std::stable_sort(due.begin(), due.end(), [](const Due& a, const Due& b) {
            if (a.distance != b.distance) return a.distance < b.distance;
            if (a.ahead != b.ahead) return a.ahead;
            return a.note->id < b.note->id;
        });
        for (const auto& d : due) {
            const std::string subject = event_subject(d.note->text);
            offer(*d.note, fmt::format("e{}", d.note->id),
                  d.ahead ? fmt::format("How are you feeling about {}?", subject)
                          : fmt::format("How did {} go?", subject));
        }
    }

    void rules() {
        std::vector<const QuestionRule*> rules;
        if (settings_.builtin_rules)
            for (const auto& rule : builtin_question_rules()) rules.push_back(&rule);
        for (const auto& rule : settings_.rules) rules.push_back(&rule);
        if (rules.empty()) return;
        const RuleSet rule_set = pattern_cache().prepare(rules);
        std::vector<char> found;

        for (const Note* note : notes_) {
            if (is_explicit_ask(*note)) continue;
            // A note about a dated event ages from the event: "How was Japan?" waits for the trip.
            const Date noted = note->event && note->event->ok() ? *note->event : note->on;
            std::optional<std::string> lowered;
            std::vector<std::string_view> pieces;
            for (std::size_t r = 0; r < rules.size(); ++r) {
                const QuestionRule& rule = *rules[r];
                if (!in_window(rule, noted, in_.today)) continue;
                if (!lowered) {
                    lowered = ascii_lowercase(note->text);
                    pieces = segments(note->text);
                    rule_set.scanner->scan(*lowered, found);
                }
                const CompiledPattern& pattern = *rule_set.patterns[r];
                if (!pattern.may_match(found)) continue;
                std::string id = fmt::format("r{}:{}", note->id, rule.id);
                if (asked(id)) continue;
                auto question = apply_rule(rule, pattern, note->text, *lowered, pieces);
                if (!question) continue;
                offer(*note, std::move(id), std::move(*question));
                if (out_.full()) return;
            }
        }
    }

    void occasions() {
        const Date today = in_.today;
        const Interval window = settings_.birthday_window;
        const Date horizon = add(today, window);
        if (in_.contact.birthday) {
            const Birthday& birthday = *in_.contact.birthday;
            const Date next = next_birthday(birthday, today);
            const auto last_asked = asked("b");
            if (next <= horizon && !(last_asked && *last_asked >= subtract(next, window))) {
                const auto age = age_on(birthday, next);
                const std::string which =
                    age && *age >= 20 && *age % 10 == 0 ? ordinal(*age) + " birthday" : "birthday";
                const int ahead = days_between(today, next);
                std::string text;
                if (ahead == 0)
                    text = fmt::format("Happy {}! Doing anything special today?", which);
                else if (ahead == 1)
                    text = fmt::format("Any plans for your {} tomorrow?", which);
                else if (ahead < 7)
                    text = fmt::format("Any plans for your {} on {}?", which, weekday_name(next));
                else
                    text = fmt::format("Any plans for your {} on {} {}?", which, month_name(next),
                                       unsigned{next.day()});
                out_.add("b", std::move(text), "birthday " + format_birthday(birthday));
            }
        }

        std::optional<Date> met;
        if (in_.contact.added_on.ok()) met = in_.contact.added_on;
        for (const auto& interaction : in_.interactions)
            if (interaction.on.ok() && (!met || interaction.on < *met)) met = interaction.on;
        if (met) {
            const Birthday day_met{std::nullopt, unsigned{met->month()}, unsigned{met->day()}};
            const Date next = next_birthday(day_met, today);
            const int years_since = int{next.year()} - int{met->year()};
            const auto last_asked = asked("y");
            if (years_since >= 1 && next <= horizon &&
                !(last_asked && *last_asked >= subtract(next, window))) {
                const std::string span =
                    years_since == 1 ? "a year" : fmt::format("{} years", years_since);
                const std::string when = next == today
                                             ? fmt::format("It's {} today since you met", span)
                                             : fmt::format("It's nearly {} since you met", span);
                out_.add("y", when + " — what has changed most for you since then?",
                         "met " + format_iso(*met));
            }
        }
    }

    const std::vector<std::string>* bank_for(const std::string& tag) const {
        if (auto it = settings_.banks.find(tag); it != settings_.banks.end()) return &it->second;
        const std::string key = fold_case(tag);
        for (const auto& [name, questions] : settings_.banks)
            if (fold_case(name) == key) return &questions;
        return nullptr;
    }

    void banks() {
        for (const auto& tag : in_.contact.tags) {
            const auto* bank = bank_for(tag);
            if (!bank) continue;
            for (std::size_t k = 0; k < bank->size(); ++k) {
                const std::string id = fmt::format("t:{}:{}", tag, k + 1);
                if (asked(id) || trim((*bank)[k]).empty()) continue;
                out_.add(id, trim((*bank)[k]), "tag " + tag);
                if (out_.full()) return;
            }
        }
    }

    void stale_notes() {
        constexpr Interval quiet{180, Interval::Unit::days};
        std::optional<Date> last_spoke;
        for (const auto& interaction : in_.interactions)
            if (interaction.on.ok() && (!last_spoke || interaction.on > *last_spoke))
                last_spoke = interaction.on;
        for (auto it = notes_.rbegin(); it != notes_.rend() && !out_.full(); ++it) {  // oldest first
            const Note& note = **it;
            if (is_explicit_ask(note) || note.event || used_notes_.count(note.id)) continue;
            const Date followed_up_by = add(note.on, quiet);
            if (followed_up_by > in_.today) continue;
            if (last_spoke && *last_spoke > followed_up_by) continue;
            const std::string id = fmt::format("s{}", note.id);
            if (asked(id) || trim(note.text).empty()) continue;
            out_.add(id,
                     fmt::format("In {} {} you noted: \"{}\" — any news?", month_name(note.on),
                                 int{note.on.year()}, excerpt(note.text, 60)),
                     note_source(note));
        }
    }
};

}  // namespace

std::vector<Question> suggest_questions(const QuestionInput& input, const QuestionSettings& settings,
                                        std::size_t limit) {
    if (limit == 0) return {};
    return Engine(input, settings, limit).run();
}

void check_question_rule(const QuestionRule& rule) {
    if (trim(rule.match).empty()) throw usage_error(bad_rule(rule, "the pattern is empty"));
    if (trim(rule.ask).empty()) throw usage_error(bad_rule(rule, "the question (ask) is empty"));
    const std::size_t groups = pattern_cache().pattern(rule).pcre(rule).groups();
    for (const auto& p : placeholders(rule.ask)) {
        if (p.group > groups)
            throw usage_error(bad_rule(
                rule, fmt::format("{{{}}} names a group the pattern does not have (it has {})",
                                  p.group, groups)));
    }
    if (rule.min_age && rule.max_age && nominal_days(*rule.min_age) > nominal_days(*rule.max_age))
        throw usage_error(bad_rule(rule, "min_age is longer than max_age"));
}

}  // namespace kith
