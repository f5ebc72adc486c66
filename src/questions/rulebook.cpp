// The rules, compiled once on PCRE2, and what makes one rule's templates fit its pattern.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <ostream>
#include <set>

#include "files/atomic_file.h"
#include "files/mapped_file.h"
#include "kith/error.h"
#include "kith/questions.h"
#include "kith/text.h"
#include "questions/pattern.h"
#include "questions/prefilter.h"
#include "questions/rule_json.h"
#include "questions/rulebook.h"

namespace kith {

namespace {

std::string bad_rule(const QuestionRule& rule, std::string_view why) {
    if (!rule.source.empty()) return fmt::format("{}: question rule \"{}\": {}", rule.source, rule.id, why);
    return fmt::format("question rule \"{}\": {}", rule.id, why);
}

// Sixteen hex digits: how fingerprints are written, and the saved book's sizes and checksum.
std::string hex(std::uint64_t value) { return fmt::format("{:016x}", value); }

// 64-bit FNV-1a, eight bytes a step (every command fingerprints the 120 KB built-in rules file),
// the high half folded into the low after each so that every byte reaches every bit: a
// fingerprint, not a defence against anyone.
struct Fingerprint {
    static constexpr std::uint64_t prime = 1099511628211ull;
    std::uint64_t hash = 14695981039346656037ull;
    void mix(std::uint64_t value) {
        hash = (hash ^ value) * prime;
        hash ^= hash >> 32;
    }
    void add(std::string_view text) {
        std::size_t at = 0;
        for (; at + 8 <= text.size(); at += 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, text.data() + at, 8);
            mix(word);
        }
        for (; at < text.size(); ++at) mix(static_cast<unsigned char>(text[at]));
        mix(0x100);  // a separator, so "ab"+"c" differs from "a"+"bc"
    }
};

void add_rules(Fingerprint& f, const std::vector<QuestionRule>& rules) {
    for (const auto& rule : rules) f.add(questions::rule_to_json(rule).dump());
}

std::string fingerprint_of(const std::vector<QuestionRule>& rules, const std::map<std::string, std::vector<Date>>& dates) {
    Fingerprint f;
    f.add(questions::reading_version);
    for (const auto& [name, days] : dates) {
        f.add(name);
        for (const auto& day : days) f.add(format_iso(day));
    }
    add_rules(f, rules);
    return hex(f.hash);
}

// Nothing is thrown through the compile: the error is kept and reported when the rule is used.
struct CompiledRule {
    std::optional<questions::Pattern> pattern;
    std::string error;
};

// What a saved book must have been saved by (PCRE2 checks its own version when it decodes).
constexpr std::string_view saved_by = "kith " KITH_VERSION;

}  // namespace

struct RuleBook::Compiled {
    std::vector<CompiledRule> rules;
    // Built once a command has read enough notes to repay its build (see prefilter_of).
    mutable std::size_t reads = 0;
    mutable std::unique_ptr<questions::Prefilter> prefilter;
};

RuleBook::RuleBook(std::vector<QuestionRule> rules, std::map<std::string, std::vector<Date>> dates)
    : contents_(Contents{std::move(rules), std::move(dates)}),
      fingerprint_(fingerprint_of(contents_->rules, contents_->dates)),
      origin_(rules_origin(contents_->rules)) {}
RuleBook::RuleBook(std::string fingerprint, std::string origin, std::function<Contents()> load)
    : load_(std::move(load)), fingerprint_(std::move(fingerprint)), origin_(std::move(origin)) {}
RuleBook::~RuleBook() = default;

const RuleBook::Contents& RuleBook::contents() const {
    if (!contents_ && !questions::take_back_kept_rules(*this)) contents_ = load_();
    return *contents_;
}

const QuestionRule& RuleBook::rule(std::size_t index) const {
    (void)contents();
    auto& rule = contents_->rules.at(index);  // mutable: unpacked in place
    if (index < packed_.size() && !packed_[index].empty()) {
        try {
            const auto packed = nlohmann::json::from_msgpack(packed_[index]);
            rule = questions::rule_from_json(packed);
            rule.source = packed.at("source").get<std::string>();
        } catch (const nlohmann::json::exception& e) {
            // Its checksum and maker were checked when it was taken back: a bug, not a bad file.
            throw runtime_error(fmt::format("the question rules kept in the database cannot be read ({})", e.what()));
        }
        packed_[index].clear();
    }
    return rule;
}

const std::vector<QuestionRule>& RuleBook::rules() const {
    for (std::size_t i = 0; i < packed_.size(); ++i) (void)rule(i);
    return contents().rules;
}

const RuleBook::Compiled& RuleBook::compiled() const {
    if (!compiled_) {
        auto compiled = std::make_unique<Compiled>();
        for (const auto& rule : rules()) {
            CompiledRule out;
            auto pattern = questions::Pattern::compile(rule.match);
            if (pattern) out.pattern = *pattern;
            else out.error = pattern.error();
            compiled->rules.push_back(std::move(out));
        }
        compiled_ = std::move(compiled);
        questions::keep_rules(*this);  // restore() sets compiled_: these were loaded and compiled
    }
    return *compiled_;
}

// The saved book: a checksum (PCRE2 checks the version of what it decodes, not its
// integrity), the size of the patterns as PCRE2 serialized them, those patterns, the size of
// a header that names the rules the book was saved for, that header, then each rule. The
// header and the rules are MessagePack (nlohmann-json's binary JSON); a rule is unpacked only
// when a note matches it. The checksum is std::hash's: only the kith that wrote it reads it.
namespace {

constexpr std::size_t size_field = 16;  // hex digits

std::size_t checksum(std::string_view bytes) { return std::hash<std::string_view>{}(bytes); }

std::string packed(const nlohmann::json& json) {
    const auto bytes = nlohmann::json::to_msgpack(json);
    return {bytes.begin(), bytes.end()};
}

// The next `size` bytes of `in`, where the size comes first as hex; nullopt when they are not there.
std::optional<std::string_view> take_sized(std::string_view& in) {
    std::size_t size = 0;
    if (in.size() < size_field) return std::nullopt;
    const auto* end = in.data() + size_field;
    if (std::from_chars(in.data(), end, size, 16).ptr != end || size > in.size() - size_field) return std::nullopt;
    const auto out = in.substr(size_field, size);
    in.remove_prefix(size_field + size);
    return out;
}

}  // namespace

std::string RuleBook::saved() const {
    std::vector<const questions::Pattern*> patterns;
    for (const auto& rule : compiled().rules) {
        if (!rule.pattern) return {};
        patterns.push_back(&*rule.pattern);
    }
    const auto serialized = questions::Pattern::serialize(patterns);
    if (serialized.empty()) return {};
    nlohmann::json dates = nlohmann::json::object(), sizes = nlohmann::json::array();
    for (const auto& [name, days] : this->dates()) {
        auto& list = dates[name] = nlohmann::json::array();
        for (const auto& day : days) list.push_back(format_iso(day));
    }
    std::string rules;
    for (const auto& rule : this->rules()) {
        auto json = questions::rule_to_json(rule);
        json["source"] = rule.source;
        rules += packed(json);
        sizes.push_back(rules.size());
    }
    const auto header = packed({{"by", saved_by}, {"fingerprint", fingerprint_}, {"origin", origin_}, {"dates", dates}, {"ends", sizes}});
    const auto body = hex(serialized.size()) + serialized + hex(header.size()) + header + rules;
    return hex(checksum(body)) + body;
}

bool RuleBook::restore(std::string_view saved) const {
    if (contents_ || saved.size() < size_field || saved.substr(0, size_field) != hex(checksum(saved.substr(size_field))))
        return false;
    saved.remove_prefix(size_field);
    const auto serialized = take_sized(saved);
    const auto header_bytes = take_sized(saved);
    if (!serialized || !header_bytes) return false;
    try {
        const auto header = nlohmann::json::from_msgpack(*header_bytes);
        if (header.at("by") != saved_by || header.at("fingerprint") != fingerprint_ || header.at("origin") != origin_)
            return false;
        Contents contents;
        for (const auto& [name, days] : header.at("dates").items())
            for (const auto& day : days) {
                auto parsed = parse_iso_date(day.get<std::string>());
                if (!parsed) return false;
                contents.dates[name].push_back(*parsed);
            }
        std::vector<std::string> rules;
        std::size_t begin = 0;
        for (const auto& end : header.at("ends")) {
            const auto at = end.get<std::size_t>();
            if (at < begin || at > saved.size()) return false;
            rules.emplace_back(saved.substr(begin, at - begin));
            begin = at;
        }
        auto patterns = questions::Pattern::deserialize(*serialized, rules.size());
        if (!patterns) return false;
        auto compiled = std::make_unique<Compiled>();
        for (auto& pattern : *patterns) compiled->rules.push_back({std::move(pattern), {}});
        contents.rules.resize(rules.size());
        contents_ = std::move(contents);
        packed_ = std::move(rules);
        compiled_ = std::move(compiled);
        return true;
    } catch (const nlohmann::json::exception&) {
        return false;  // not a saved book, or one of another shape
    }
}

namespace questions {

const Pattern& pattern_of(const RuleBook& book, std::size_t index) {
    const auto& compiled = book.compiled().rules[index];
    if (!compiled.pattern)
        throw usage_error(bad_rule(book.rules()[index], fmt::format("bad regular expression: {}", compiled.error)));
    return *compiled.pattern;
}

namespace {

// A file kept in the book's cache folder, mapped (it is only ever replaced by a rename).
files::MappedFile kept_file(const RuleBook& book, std::string_view name) {
    return files::MappedFile(book.cache_dir().empty() ? std::string() : fmt::format("{}/{}", book.cache_dir(), name));
}

// A cache: when it cannot be written (a read-only home, a full disk) the next command makes
// the file's contents again, and nothing else changes. Each is checked when taken back, so a
// file torn by a crash is made again too.
void keep_file(const RuleBook& book, std::string_view name, std::string_view header, std::string_view bytes) {
    if (book.cache_dir().empty() || bytes.empty()) return;
    try {
        files::create_private_directories(book.cache_dir());
        files::AtomicFile file(fmt::format("{}/{}", book.cache_dir(), name));
        files::FdOutBuf buffer(file.fd());
        std::ostream out(&buffer);
        out << header << bytes;
        out.flush();
        if (out) file.commit(files::Durability::later);
    } catch (const std::exception&) {
    }
}

// The kept prefilter's first line: what it was built for. "1" changes with how kith builds it
// (the patterns' flags, without_group_names); the fingerprint, with the rules and the reading.
std::string kept_prefilter_header(const RuleBook& book) {
    return fmt::format("kith prefilter 1 {} {}\n", book.fingerprint(), book.size());
}

std::unique_ptr<Prefilter> kept_prefilter(const RuleBook& book) {
    const auto kept = kept_file(book, "prefilter");
    const auto header = kept_prefilter_header(book);
    if (!kept.bytes().starts_with(header)) return nullptr;  // other rules, another kith, or damaged
    return Prefilter::restore(kept.bytes().substr(header.size()), book.size());
}

}  // namespace

// The book checks what it takes back itself (RuleBook::restore), so the file has no header.
bool take_back_kept_rules(const RuleBook& book) {
    const auto kept = kept_file(book, "rules");
    return !kept.bytes().empty() && book.restore(kept.bytes());
}

void keep_rules(const RuleBook& book) { keep_file(book, "rules", "", book.saved()); }

const Prefilter* prefilter_of(const RuleBook& book) {
    const auto& compiled = book.compiled();
    ++compiled.reads;
    if (compiled.prefilter) return compiled.prefilter.get();
    const bool keeps = !book.cache_dir().empty();
    if (compiled.reads == reads_before_kept_prefilter) compiled.prefilter = kept_prefilter(book);
    if (compiled.reads == reads_before_prefilter) {
        std::vector<std::string> patterns;
        for (const auto& rule : book.rules()) patterns.push_back(rule.match);
        compiled.prefilter = Prefilter::build(patterns);
        if (compiled.prefilter && keeps)
            keep_file(book, "prefilter", kept_prefilter_header(book), compiled.prefilter->saved());
    }
    return compiled.prefilter.get();
}

[[noreturn]] void runaway(const QuestionRule& rule) {
    throw usage_error(bad_rule(rule, "its pattern needs too much backtracking on a note; simplify it "
                                     "(nested repeats such as (a+)+ or (\\w*\\s*)* are the usual cause)"));
}

std::vector<std::string> placeholders_of(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '{') continue;
        const auto close = text.find('}', i);
        if (close == std::string_view::npos) break;
        out.emplace_back(text.substr(i + 1, close - i - 1));
        i = close;
    }
    return out;
}

}  // namespace questions

std::vector<QuestionRule> merged_rules(const std::vector<QuestionRule>& builtin, const std::vector<QuestionRule>& user) {
    std::vector<QuestionRule> rules;
    std::set<std::string> replaced;
    for (const auto& rule : user) replaced.insert(rule.id);
    // A user's rule named as a built-in one takes its place (and its rank); the others follow.
    std::set<std::string> placed;
    for (const auto& rule : builtin) {
        if (!replaced.count(rule.id)) {
            rules.push_back(rule);
            continue;
        }
        for (const auto& mine : user)
            if (mine.id == rule.id) rules.push_back(mine);
        placed.insert(rule.id);
    }
    for (const auto& rule : user)
        if (!placed.count(rule.id)) rules.push_back(rule);
    return rules;
}

std::shared_ptr<const RuleBook> make_rulebook(const std::vector<QuestionRule>& builtin,
                                              const std::vector<QuestionRule>& user,
                                              const std::map<std::string, std::vector<Date>>& dates) {
    return std::make_shared<const RuleBook>(merged_rules(builtin, user), dates);
}

std::string rules_fingerprint(std::string_view builtin_source, const std::vector<QuestionRule>& user) {
    Fingerprint f;
    f.add(questions::reading_version);
    f.add(builtin_source);
    add_rules(f, user);
    return hex(f.hash);
}

std::string rules_origin(const std::vector<QuestionRule>& rules) {
    std::string origin;
    for (const auto& rule : rules)
        if (!rule.source.empty()) origin += rule.source + '\n';
    return origin;
}

void check_question_rule(const QuestionRule& rule) {
    static const std::set<std::string> kinds{"",         "event",   "milestone", "situation", "interest",
                                             "fact",     "loss",    "promise",   "mistake",   "feedback",
                                             "private",  "cancel"};
    if (trim(rule.match).empty()) throw usage_error(bad_rule(rule, "the pattern is empty"));
    if (!kinds.count(rule.kind))
        throw usage_error(bad_rule(rule, fmt::format("unknown kind \"{}\" (event, milestone, situation, interest, "
                                                     "fact, loss, promise, mistake, feedback, private, cancel)",
                                                     rule.kind)));
    if (rule.kind.empty() && trim(rule.ask).empty()) throw usage_error(bad_rule(rule, "the question (ask) is empty"));
    auto pattern = questions::Pattern::compile(rule.match);
    if (!pattern) throw usage_error(bad_rule(rule, fmt::format("bad regular expression: {}", pattern.error())));
    const auto names = pattern->group_names();
    std::vector<std::string> templates{rule.ask};
    templates.insert(templates.end(), rule.phrase.begin(), rule.phrase.end());
    for (const auto* list : {&rule.before, &rule.on, &rule.after, &rule.congrats, &rule.during})
        templates.insert(templates.end(), list->begin(), list->end());
    for (const auto& later : rule.later) templates.push_back(later.ask);
    static const std::set<std::string> known{"who", "Who", "whose", "Whose", "their", "theirs", "is", "Is", "was",
                                             "has", "does", "thing", "0"};
    for (const auto& text : templates) {
        for (const auto& name : questions::placeholders_of(text)) {
            if (known.count(name) || std::find(names.begin(), names.end(), name) != names.end()) continue;
            bool number = !name.empty() && name.find_first_not_of("0123456789") == std::string::npos;
            if (number && name.size() <= 3 && std::stoul(name) <= pattern->groups()) continue;
            if (number)
                throw usage_error(bad_rule(rule, fmt::format("{{{}}} names a group the pattern does not have (it has {})",
                                                             name, pattern->groups())));
            throw usage_error(bad_rule(rule, fmt::format("{{{}}} is no placeholder kith knows, nor a named group of the "
                                                         "pattern",
                                                         name)));
        }
    }
    if (rule.min_age && rule.max_age && nominal_days(*rule.min_age) > nominal_days(*rule.max_age))
        throw usage_error(bad_rule(rule, "min_age is longer than max_age"));
}

}  // namespace kith
