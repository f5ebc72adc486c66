// The rules, compiled once on PCRE2, and what makes one rule's templates fit its pattern.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <set>

#include "kith/error.h"
#include "kith/questions.h"
#include "kith/text.h"
#include "questions/pattern.h"
#include "questions/rulebook.h"

namespace kith {

namespace {

std::string bad_rule(const QuestionRule& rule, std::string_view why) {
    if (!rule.source.empty()) return fmt::format("{}: question rule \"{}\": {}", rule.source, rule.id, why);
    return fmt::format("question rule \"{}\": {}", rule.id, why);
}

// 64-bit FNV-1a: a fingerprint, not a defence against anyone.
struct Fingerprint {
    std::uint64_t hash = 14695981039346656037ull;
    void add(std::string_view text) {
        for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
        hash = (hash ^ 0xff) * 1099511628211ull;  // a separator, so "ab"+"c" differs from "a"+"bc"
    }
    void add(const std::optional<Interval>& interval) { add(interval ? format_interval(*interval) : ""); }
    void add(const std::vector<std::string>& texts) {
        add(std::to_string(texts.size()));
        for (const auto& text : texts) add(text);
    }
};

void add_rules(Fingerprint& f, const std::vector<QuestionRule>& rules) {
    for (const auto& rule : rules) {
        f.add(rule.id);
        f.add(rule.kind);
        f.add(rule.match);
        f.add(rule.ask);
        f.add(rule.min_age);
        f.add(rule.max_age);
        f.add(rule.phrase);
        f.add(std::string(1, static_cast<char>('0' + rule.sensitive + 2 * rule.good_news + 4 * rule.about_them +
                                                8 * rule.hold_banks)));
        for (const auto* list : {&rule.before, &rule.on, &rule.after, &rule.congrats, &rule.during}) f.add(*list);
        for (const auto& later : rule.later) {
            f.add(format_interval(later.from));
            f.add(format_interval(later.to));
            f.add(later.ask);
        }
        f.add(rule.after_for);
        f.add(rule.before_for);
        f.add(rule.during_for);
    }
}

std::string fingerprint_of(const std::vector<QuestionRule>& rules, const std::map<std::string, std::vector<Date>>& dates) {
    Fingerprint f;
    f.add(questions::reading_version);
    for (const auto& [name, days] : dates) {
        f.add(name);
        for (const auto& day : days) f.add(format_iso(day));
    }
    add_rules(f, rules);
    return fmt::format("{:016x}", f.hash);
}

// Nothing is thrown through the compile: the error is kept and reported when the rule is used.
struct CompiledRule {
    std::optional<questions::Pattern> pattern;
    std::string error;
};

}  // namespace

struct RuleBook::Compiled {
    std::vector<CompiledRule> rules;
};

RuleBook::RuleBook(std::vector<QuestionRule> rules, std::map<std::string, std::vector<Date>> dates)
    : contents_(Contents{std::move(rules), std::move(dates)}),
      fingerprint_(fingerprint_of(contents_->rules, contents_->dates)) {}
RuleBook::RuleBook(std::string fingerprint, std::function<Contents()> load)
    : load_(std::move(load)), fingerprint_(std::move(fingerprint)) {}
RuleBook::~RuleBook() = default;

const RuleBook::Contents& RuleBook::contents() const {
    if (!contents_) contents_ = load_();
    return *contents_;
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
    }
    return *compiled_;
}

namespace questions {

const Pattern& pattern_of(const RuleBook& book, std::size_t index) {
    const auto& compiled = book.compiled().rules[index];
    if (!compiled.pattern)
        throw usage_error(bad_rule(book.rules()[index], fmt::format("bad regular expression: {}", compiled.error)));
    return *compiled.pattern;
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
    return fmt::format("{:016x}", f.hash);
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
    std::vector<std::string> templates{rule.ask, rule.phrase};
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
