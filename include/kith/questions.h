// The suggestion engine (SPEC §5): what kith understands of a note (its reading) and what to
// ask a person, from what they told you. Pure functions of their input, "today" included.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/model.h"

namespace kith {

// A question kith plans to ask about a note (SPEC §5b), on the days from `from` to `until`.
struct PlannedQuestion {
    char source = 'r';  // n: an explicit ask; e: an event's; r: a rule's; s: a stale note's
    std::string key;    // a rule's question: its name and phase (r42:operation-after); else ""
    std::string text;
    Date from{};
    Date until{};
};

// What kith understood of a note (SPEC §5a), made when it is written and stored with it.
struct Reading {
    std::string kind = "fact";  // event milestone situation interest fact loss promise mistake feedback question
    std::string rule;           // the rule that read it; "" when none did
    std::string relation;       // whom it is about when not the person: "mum", "daughter", "dog" …
    std::string name;           // their name when the note gives it: "Priya"
    std::string phrase;         // the thing, ready for a question: "your mum's hip operation"
    std::optional<Date> when;   // the day it happens, or the first day of its month
    bool month_only = false;    // `when` names a month, not a day
    bool history = false;       // long past ("in 2015", "years ago"): no timed question follows
    bool negated = false;       // "not a Yankees fan", "no longer at Globex"
    bool sensitive = false;     // a death, a diagnosis, a layoff, a divorce …
    bool do_not_raise = false;  // "asked me not to bring it up": nothing comes of it, ever
    std::optional<Date> quiet_until;  // "not telling anyone till the scan mid Jan": nothing before
    bool hold_banks = false;    // no tag-bank questions (our work, selling) for four weeks after it
    bool cancels = false;       // "the wedding's off": earlier notes about the same thing ask nothing more
    std::vector<std::string> answers;  // "he GOT IT!!!": earlier notes read by these rules ask nothing more
    std::vector<std::string> also;  // the other rules that matched
    std::vector<PlannedQuestion> questions;
};

// A question a rule asks at some time after the thing it read, measured from the thing (or
// the note, when the thing has no date): "Is {who} graduating this year?" 3½ to 5 years on.
struct LaterQuestion {
    Interval from{};
    Interval to{};
    std::string ask;
};

// A rule, in the shape of [[questions.rule]] (built-in ones live in src/questions/rules.toml).
// `match` is a regular expression (PCRE2), matched case-insensitively; its named groups and
// {1}, {2} … fill the templates.
//
// A plain rule (no `kind`) is a pattern → question: `ask`, asked while the note is between
// min_age and max_age old. A rule with a `kind` reads the note (SPEC §5a): what it is about,
// when it happens, and then asks `before`, `on` the day, `after` it, `later`, a congratulation
// for good news, or `during` an ongoing situation. A user rule with a built-in rule's name
// replaces it.
struct QuestionRule {
    std::string id;  // its name: "operation", "user1"
    std::string match;
    std::string ask;
    std::optional<Interval> min_age;
    std::optional<Interval> max_age;
    std::string source;  // where a user wrote it, for errors: "config ~/.config/kith/config.toml: line 12"
    std::string kind;    // "" for a plain rule; event milestone situation interest fact loss promise mistake
                         // feedback private cancel (a note that calls off what an earlier one said)
    bool sensitive = false;
    bool good_news = false;
    bool hold_banks = false;  // no tag-bank questions for four weeks after it (a loss, surgery)
    bool recovery = false;    // a day, then recovery: "in a sling for 6 wks" is how long that takes
    bool about_them = false;  // never someone else's, whatever relation the note names
    std::vector<std::string> answers;  // rules whose earlier note this one tells the end of ("got the job": interview)
    std::vector<std::string> phrase;  // the thing: "{whose} {topic}"; the first that fills is used
    std::vector<std::string> before, on, after, congrats, during;
    std::vector<LaterQuestion> later;
    std::optional<Interval> after_for;   // how long "after" questions last (6 weeks)
    std::optional<Interval> before_for;  // how long before the day "before" questions start (4 weeks)
    std::optional<Interval> during_for;  // how long "during" questions last (3 months; interests: always)
};

// The rules in the order they are tried, compiled once, with a fingerprint that changes when
// any of them does (a stored reading made with other rules is read again).
class RuleBook {
public:
    struct Contents {
        std::vector<QuestionRule> rules;
        std::map<std::string, std::vector<Date>> dates;  // the days of feasts that move ("diwali")
    };
    explicit RuleBook(std::vector<QuestionRule> rules, std::map<std::string, std::vector<Date>> dates = {});
    // Rules loaded when first used: `due` only compares fingerprints, and must not pay for reading
    // rules it never runs. `fingerprint` must change whenever what `load` returns would, but for
    // where the user's rules were written (their config lines), which `origin` names.
    RuleBook(std::string fingerprint, std::string origin, std::function<Contents()> load);
    ~RuleBook();
    RuleBook(const RuleBook&) = delete;
    RuleBook& operator=(const RuleBook&) = delete;

    const std::vector<QuestionRule>& rules() const;  // all of them, in the order they are tried
    std::size_t size() const { return contents().rules.size(); }
    const QuestionRule& rule(std::size_t index) const;  // one, unpacked from a saved book when first used
    const std::map<std::string, std::vector<Date>>& dates() const { return contents().dates; }
    const std::string& fingerprint() const { return fingerprint_; }

    struct Compiled;
    const Compiled& compiled() const;  // the patterns, compiled when first needed

    // The book as bytes to keep, its rules read and its patterns compiled ("" when a pattern does
    // not compile), and taken back: the next command then neither parses rules.toml nor compiles
    // a pattern. restore() is false, and changes nothing, for bytes of other rules, of another
    // kith or PCRE2, or damaged ones.
    std::string saved() const;
    bool restore(std::string_view saved) const;
    bool loaded() const { return contents_.has_value(); }

    // The folder where kith keeps, for later commands, what it made of these rules ("" keeps
    // nothing): `rules`, the book saved() once its patterns were compiled, taken back instead of
    // loading and compiling them; `prefilter`, the Hyperscan prefilter a command that read many
    // notes built. A cache: whatever is missing, damaged or made for other rules is made again.
    void keep_in(std::string cache_dir) const { cache_dir_ = std::move(cache_dir); }
    const std::string& cache_dir() const { return cache_dir_; }

private:
    const Contents& contents() const;

    mutable std::optional<Contents> contents_;
    mutable std::vector<std::string> packed_;  // a restored book's rules, each "" once unpacked
    std::function<Contents()> load_;
    std::string fingerprint_;
    std::string origin_;
    mutable std::unique_ptr<Compiled> compiled_;
    mutable std::string cache_dir_;
};

// The built-in rules with the user's: a user rule named as a built-in one takes its place.
std::vector<QuestionRule> merged_rules(const std::vector<QuestionRule>& builtin, const std::vector<QuestionRule>& user);
std::shared_ptr<const RuleBook> make_rulebook(const std::vector<QuestionRule>& builtin,
                                              const std::vector<QuestionRule>& user,
                                              const std::map<std::string, std::vector<Date>>& dates = {});
// The fingerprint of the built-in rules file's text with the user's rules, for a lazy RuleBook.
std::string rules_fingerprint(std::string_view builtin_source, const std::vector<QuestionRule>& user);
// Where the user's rules were written (their config lines), which no fingerprint includes: a
// saved book whose rules moved in the config file is not taken back, so an error about one
// names its line as it is now.
std::string rules_origin(const std::vector<QuestionRule>& rules);

struct QuestionSettings {
    std::shared_ptr<const RuleBook> rules;                  // see make_rulebook
    std::map<std::string, std::vector<std::string>> banks;  // tag → questions
    Interval birthday_window{7, Interval::Unit::days};      // "birthday near"
};

// Whom a person's notes may name: the person, by the words they are called by (their name's and
// nicknames', folded) — a note that names them ("Mum's cataract surgery" about the one you call
// Mum, "Nina's party" about Nina) is about them — and the people their card names (spouse "Joana
// Silva", child "Emma"): "his wife" is Joana, and "Joana" is his wife.
struct Circle {
    std::vector<std::string> own_names;
    std::vector<LabeledText> related;
    bool operator==(const Circle&) const = default;
};
Circle circle_of(const Contact& contact, const ContactCard& card = {});

// What kith understands of a note, and the questions it will ask when (SPEC §5a): made when the
// note is written, imported or edited, and again when the rules change or its person's circle does.
Reading read_note(const Note& note, const RuleBook& rules, const Circle& circle = {});

// The note's stored reading when it was made with these rules, else a new one.
Reading reading_of(const Note& note, const RuleBook& rules, const Circle& circle = {});
// Whether a later note of theirs calls this one off ("the wedding's off", "launch pushed to
// June", "Biscuit was put down"), by the readings stored with `notes` (the person's, any order).
bool called_off(const Note& note, const std::vector<Note>& notes);

// A reading as stored with its note (Note::reading), and back; nothing for text that is not one.
std::string reading_to_json(const Reading& reading);
std::optional<Reading> reading_from_json(std::string_view json);

// Whether a later note says a promise of ours was kept: `promise` is its phrase ("send the Q2
// report by end of the month"), `later` the note ("sent Gareth the Q2 report ✅"): the promise's
// verb in the past (not "she sent") or a tick, and a word of what was promised.
bool keeps_promise(std::string_view promise, std::string_view later);
// Whether a note could say any promise was kept (a tick, a verb of keeping one): the cheap test first.
bool may_keep_a_promise(std::string_view later);

// One line saying what kith understood and what it will ask when, for `kith note`:
// `understood: your mum's hip operation, in 2026-12 · after it: "How is your mum recovering?"`.
// `note_id`, when given, names the note in the `kith done n12` a promise waits for.
std::string describe_reading(const Reading& reading, Date today, std::int64_t note_id = 0);

// Everything the engine may look at for one person.
struct QuestionInput {
    const Contact& contact;
    const std::vector<Note>& notes;                // any order
    const std::vector<Interaction>& interactions;  // any order
    // Question id → the last day it was asked (from `log --asked`).
    const std::map<std::string, Date>& asked;
    Date today{};
};

// Ranked suggestions, best first, at most `limit`, never the same text twice.
std::vector<Question> suggest_questions(const QuestionInput& input, const QuestionSettings& settings,
                                        std::size_t limit);

// What to keep in mind before you next speak (SPEC §5b): promises of ours not kept ("intro to Sam
// at Globex"), and the feedback they gave since you last spoke ("said our report was too long").
struct InMind {
    std::vector<std::string> promises;
    std::vector<std::string> feedback;
};
InMind in_mind(const QuestionInput& input, const QuestionSettings& settings);

// Usage error naming the rule when its regular expression does not compile, or a template
// names a group the pattern does not have.
void check_question_rule(const QuestionRule& rule);

// The built-in rules and banks, src/questions/rules.toml as kith was built with it.
std::string_view builtin_rules_toml();

}  // namespace kith
