// Choosing what to ask a person today (SPEC §5b), from the readings of their notes: explicit
// asks, the questions each reading planned for today, occasions, tag banks and stale notes, in
// that order of rank, with tact. Pure and deterministic: everything comes from the input,
// "today" included.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <set>

#include "kith/questions.h"
#include "kith/text.h"
#include "questions/words.h"

namespace kith {

namespace {

std::string note_source(const Note& note) { return fmt::format("note {} ({})", note.id, format_iso(note.on)); }

std::string question_id(const Note& note, const PlannedQuestion& planned) {
    if (planned.source == 'r') return fmt::format("r{}:{}", note.id, planned.key);
    return fmt::format("{}{}", planned.source, note.id);
}

// How a planned question ranks among a person's: the day itself and good news first, then what
// just happened, what is coming, what lasts.
int phase_rank(const PlannedQuestion& planned) {
    if (planned.source == 'n') return 0;
    const std::string& key = planned.key;
    if (key.ends_with("-congrats") || key.ends_with("-on")) return 1;
    if (planned.source == 'e' || key.ends_with("-after")) return 2;
    if (key.ends_with("-before")) return 3;
    if (key.ends_with("-later")) return 4;
    if (key.ends_with("-during")) return 5;
    return 6;  // a plain rule's
}

std::string_view month_name(Date date) {
    static constexpr std::array<std::string_view, 12> names{"January", "February", "March",     "April",
                                                            "May",     "June",     "July",      "August",
                                                            "September", "October", "November", "December"};
    return names[unsigned{date.month()} - 1];
}

std::string weekday_name(Date date) {
    static const std::map<std::string, std::string, std::less<>> names{
        {"Mon", "Monday"}, {"Tue", "Tuesday"},  {"Wed", "Wednesday"}, {"Thu", "Thursday"},
        {"Fri", "Friday"}, {"Sat", "Saturday"}, {"Sun", "Sunday"}};
    const auto short_name = weekday_short(date);
    auto it = names.find(short_name);
    return it == names.end() ? short_name : it->second;
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

class Suggestions {
public:
    explicit Suggestions(std::size_t limit) : limit_(limit) {}
    bool full() const { return out_.size() >= limit_; }
    void add(Question question) {
        if (full()) return;
        if (!seen_.insert(fold_case(trim(question.text))).second) return;
        out_.push_back(std::move(question));
    }
    std::vector<Question> take() { return std::move(out_); }

private:
    std::size_t limit_;
    std::vector<Question> out_;
    std::set<std::string> seen_;
};

struct Read {
    const Note* note;
    Reading reading;
};

bool shares_a_name(const Note& a, const Note& b) {
    for (std::size_t i = 0; i < a.text.size();) {
        while (i < a.text.size() && !(a.text[i] >= 'A' && a.text[i] <= 'Z')) ++i;
        std::size_t j = i;
        while (j < a.text.size() && ((a.text[j] >= 'a' && a.text[j] <= 'z') || (a.text[j] >= 'A' && a.text[j] <= 'Z')))
            ++j;
        std::string lower(a.text.substr(i, j - i));
        for (auto& c : lower) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        const bool a_name = j - i >= 4 && !questions::never_a_name(lower) && !questions::is_common_word(lower);
        if (a_name && b.text.find(a.text.substr(i, j - i)) != std::string::npos) return true;
        i = j == i ? i + 1 : j;
    }
    return false;
}

// Whether a note names the thing of an earlier reading by a word of its phrase ("the portal's
// stillborn" names "the launch of the school admissions portal"), not a short or common word.
bool names_the_thing(const Note& later, const std::string& phrase) {
    const auto later_words = questions::words_in(later.text);
    for (const auto& word : questions::words_in(phrase)) {
        if (word.text.size() < 4 || questions::is_common_word(word.text)) continue;
        for (const auto& other : later_words)
            if (other.text == word.text || other.text == word.text + "'s") return true;
    }
    return false;
}

// "The wedding's off", "pulled out of Devoxx": a later note calls off what an earlier one said,
// by the rule that read it or a name both use. "He GOT IT!!!", written once the interview is
// past, tells how it went: the interview's note asks nothing more.
bool calls_off(const Note& later, const Reading& later_reading, const Note& note, const Reading& reading) {
    if (later.on < note.on || (later.on == note.on && later.id < note.id)) return false;
    // "Biscuit was put down": nothing more about Biscuit's leg; "her grandma died": nothing more
    // about her grandma's fall.
    const bool same_relation = !later_reading.relation.empty() && later_reading.relation == reading.relation;
    if (later_reading.kind == "loss" && reading.kind != "loss" && (same_relation || shares_a_name(later, note)))
        return true;
    if (later.on > note.on && (!reading.when || later.on >= *reading.when) && !reading.rule.empty() &&
        std::find(later_reading.answers.begin(), later_reading.answers.end(), reading.rule) != later_reading.answers.end())
        return true;
    if (!later_reading.cancels) return false;
    // What it calls off, by the rule that read the earlier note or another that matched it there
    // ("not retiring after all" calls off "retires 31 March … leaving do TBC").
    const auto& names = later_reading.also;
    const auto called_off = [&](const std::string& rule) {
        return !rule.empty() && (later_reading.rule == rule || std::find(names.begin(), names.end(), rule) != names.end());
    };
    if (called_off(reading.rule) || std::ranges::any_of(reading.also, called_off)) return true;
    return shares_a_name(later, note) || names_the_thing(later, reading.phrase);
}

class Engine {
public:
    Engine(const QuestionInput& input, const QuestionSettings& settings, std::size_t limit)
        : in_(input), settings_(settings), out_(limit) {
        // Readings are stored with their notes, made with the card's people; only a database
        // kith cannot write reads a note here, without them.
        const auto circle = circle_of(input.contact);
        for (const auto& note : input.notes)
            if (note.on.ok() && note.on <= input.today)
                notes_.push_back({&note, reading_of(note, *settings.rules, circle)});
        std::sort(notes_.begin(), notes_.end(), [](const Read& a, const Read& b) {
            if (a.note->on != b.note->on) return a.note->on > b.note->on;
            return a.note->id > b.note->id;
        });
    }

    std::vector<Question> run() {
        const bool birthday_today = birthday_is_today();
        if (birthday_today) birthday();
        planned();
        if (!birthday_today) birthday();
        met();
        banks();
        stale();
        return out_.take();
    }

private:
    const QuestionInput& in_;
    const QuestionSettings& settings_;
    Suggestions out_;
    std::vector<Read> notes_;  // newest first

    std::optional<Date> asked(const std::string& id) const {
        auto it = in_.asked.find(id);
        if (it == in_.asked.end()) return std::nullopt;
        return it->second;
    }

    // A loss, a diagnosis, a layoff noted in the last `span`: tact before all else.
    bool hard_time(Interval span, bool banks = false) const {
        const Date since = subtract(in_.today, span);
        for (const auto& read : notes_) {
            const bool grave = read.reading.kind == "loss" || read.reading.sensitive;
            if (!(grave || (banks && read.reading.hold_banks)) || read.reading.history || read.reading.negated) continue;
            // A loss or a layoff from the day you heard, until `span` after its day ("last day 31
            // Oct"); an operation next month from its day.
            const bool later = read.reading.when && *read.reading.when > read.note->on;
            const Date from = !grave && later ? *read.reading.when : read.note->on;
            const Date to = later ? *read.reading.when : from;
            if (to >= since && from <= in_.today) return true;
        }
        return false;
    }

    // A loss gets one gentle check-in: a loss's check-in asked since `since` (a second note about
    // the same death, "funeral friday", asks nothing again).
    bool loss_asked_since(Date since) const {
        for (const auto& read : notes_) {
            if (read.reading.kind != "loss") continue;
            for (const auto& planned : read.reading.questions)
                if (auto last = asked(question_id(*read.note, planned)); last && *last >= since) return true;
        }
        return false;
    }

    bool called_off(const Read& read) const {
        return std::any_of(notes_.begin(), notes_.end(), [&](const Read& later) {
            return &later != &read && calls_off(*later.note, later.reading, *read.note, read.reading);
        });
    }

    bool read_by(std::string_view rule) const {
        return std::any_of(notes_.begin(), notes_.end(), [&](const Read& read) {
            const auto& also = read.reading.also;
            return read.reading.rule == rule || std::find(also.begin(), also.end(), rule) != also.end();
        });
    }

    void planned() {
        struct Candidate {
            int rank;
            std::size_t order;  // newest note first
            const Read* read;
            const PlannedQuestion* planned;
        };
        std::vector<Candidate> candidates;
        for (std::size_t i = 0; i < notes_.size(); ++i) {
            const auto& read = notes_[i];
            if (read.reading.do_not_raise || called_off(read)) continue;
            for (const auto& planned : read.reading.questions) {
                if (planned.source == 's') continue;  // stale notes come last, below
                if (in_.today < planned.from || in_.today > planned.until) continue;
                const auto last = asked(question_id(*read.note, planned));
                if (last && *last >= planned.from) continue;
                if (read.reading.kind == "loss") {
                    // Looking back as long as this check-in's own window lasts (the rule's after_for).
                    const std::chrono::sys_days from{planned.from};
                    if (loss_asked_since(Date{from - (std::chrono::sys_days{planned.until} - from)})) continue;
                }
                candidates.push_back({phase_rank(planned), i, &read, &planned});
            }
        }
        // In a phase, what began most recently first: the marathon of yesterday before the
        // college of last year; then the newest note.
        std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
            return std::tie(a.rank, b.planned->from, a.order) < std::tie(b.rank, a.planned->from, b.order);
        });
        for (const auto& c : candidates)
            out_.add({question_id(*c.read->note, *c.planned), c.planned->text, note_source(*c.read->note),
                      c.read->note->id});
    }

    bool birthday_is_today() const {
        return in_.contact.birthday && next_birthday(*in_.contact.birthday, in_.today) == in_.today;
    }

    void birthday() {
        if (!in_.contact.birthday || read_by("no-birthdays")) return;
        const Birthday& birthday = *in_.contact.birthday;
        const Interval window = settings_.birthday_window;
        const Date next = next_birthday(birthday, in_.today);
        const auto last = asked("b");
        const int ahead = days_between(in_.today, next);
        // Asked about their plans in the days before: not again, but the wish on the day still;
        // wished on the day: done for the year.
        const bool asked_this_time = last && *last >= subtract(next, window) && (ahead > 0 || *last >= next);
        if (next > add(in_.today, window) || asked_this_time) return;
        const bool grieving = hard_time(Interval{8, Interval::Unit::weeks});
        const auto age = age_on(birthday, next);
        const std::string which = age && *age >= 20 && *age % 10 == 0 ? ordinal(*age) + " birthday" : "birthday";
        std::string text;
        if (grieving) {
            if (ahead != 0) return;  // no "any plans?" in a hard time
            text = "Thinking of you on your birthday — how are you doing?";
        } else if (ahead == 0) {
            text = fmt::format("Happy {}! Doing anything special today?", which);
        } else if (ahead == 1) {
            text = fmt::format("Any plans for your {} tomorrow?", which);
        } else if (ahead < 7) {
            text = fmt::format("Any plans for your {} on {}?", which, weekday_name(next));
        } else {
            text = fmt::format("Any plans for your {} on {} {}?", which, month_name(next), unsigned{next.day()});
        }
        out_.add({"b", std::move(text), "birthday " + format_birthday(birthday), 0});
    }

    // "A year since you met" only from a real day you met: --met, or the first interaction.
    void met() {
        std::optional<Date> met = in_.contact.met_on;
        if (!met)
            for (const auto& interaction : in_.interactions)
                if (interaction.on.ok() && (!met || interaction.on < *met)) met = interaction.on;
        if (!met) return;
        const Interval window = settings_.birthday_window;
        const Birthday day_met{std::nullopt, unsigned{met->month()}, unsigned{met->day()}};
        const Date next = next_birthday(day_met, in_.today);
        const int years_since = int{next.year()} - int{met->year()};
        const auto last = asked("y");
        if (years_since < 1 || next > add(in_.today, window) || (last && *last >= subtract(next, window))) return;
        if (hard_time(Interval{4, Interval::Unit::weeks})) return;
        const std::string span = years_since == 1 ? "a year" : fmt::format("{} years", years_since);
        const std::string when = next == in_.today ? fmt::format("It's {} today since we met", span)
                                                   : fmt::format("It's nearly {} since we met", span);
        out_.add({"y", when + " — what has changed most for you since then?", "met " + format_iso(*met), 0});
    }

    const std::vector<std::string>* bank_for(const std::string& tag) const {
        if (auto it = settings_.banks.find(tag); it != settings_.banks.end()) return &it->second;
        const std::string key = fold_case(tag);
        for (const auto& [name, questions] : settings_.banks)
            if (fold_case(name) == key) return &questions;
        return nullptr;
    }

    void banks() {
        // Four weeks after a loss, a diagnosis, a layoff or an operation: nothing about our work,
        // nothing to sell.
        if (hard_time(Interval{4, Interval::Unit::weeks}, true)) return;
        for (const auto& tag : in_.contact.tags) {
            const auto* bank = bank_for(tag);
            if (!bank) continue;
            for (std::size_t k = 0; k < bank->size(); ++k) {
                const std::string id = fmt::format("t:{}:{}", tag, k + 1);
                if (asked(id) || trim((*bank)[k]).empty()) continue;
                out_.add({id, trim((*bank)[k]), "tag " + tag, 0});
                if (out_.full()) return;
            }
        }
    }

    // A note that once gave a question and has gone quiet for six months: "Any news on …?".
    void stale() {
        std::optional<Date> last_spoke;
        for (const auto& interaction : in_.interactions)
            if (interaction.on.ok() && (!last_spoke || interaction.on > *last_spoke)) last_spoke = interaction.on;
        for (auto it = notes_.rbegin(); it != notes_.rend() && !out_.full(); ++it) {  // oldest first
            if (it->reading.do_not_raise || called_off(*it)) continue;
            for (const auto& planned : it->reading.questions) {
                if (planned.source != 's' || in_.today < planned.from || in_.today > planned.until) continue;
                if (last_spoke && *last_spoke >= planned.from) continue;
                const std::string id = question_id(*it->note, planned);
                if (asked(id)) continue;
                out_.add({id, planned.text, note_source(*it->note), it->note->id});
            }
        }
    }
};

}  // namespace

bool called_off(const Note& note, const std::vector<Note>& notes) {
    std::optional<Reading> reading;  // parsed only once a later note could call it off
    for (const auto& later : notes) {
        if (later.id == note.id || later.on < note.on) continue;
        // Only a note that calls something off, tells of a loss or answers a rule can; the rest are
        // not parsed.
        if (later.reading.find("\"cancels\"") == std::string::npos && later.reading.find("\"loss\"") == std::string::npos &&
            later.reading.find("\"answers\"") == std::string::npos)
            continue;
        if (!reading) reading = reading_from_json(note.reading);
        if (!reading) return false;
        const auto later_reading = reading_from_json(later.reading);
        if (later_reading && calls_off(later, *later_reading, note, *reading)) return true;
    }
    return false;
}

InMind in_mind(const QuestionInput& input, const QuestionSettings& settings) {
    InMind mind;
    if (!settings.rules) return mind;
    std::optional<Date> last_spoke;
    for (const auto& interaction : input.interactions)
        if (interaction.on.ok() && (!last_spoke || interaction.on > *last_spoke)) last_spoke = interaction.on;
    std::vector<const Note*> notes;
    for (const auto& note : input.notes)
        if (note.on.ok() && note.on <= input.today) notes.push_back(&note);
    std::sort(notes.begin(), notes.end(), [](const Note* a, const Note* b) {
        return std::tie(a->on, a->id) < std::tie(b->on, b->id);
    });
    const auto circle = circle_of(input.contact);
    for (const Note* note : notes) {
        const Reading reading = reading_of(*note, *settings.rules, circle);
        if (reading.phrase.empty()) continue;
        if (reading.kind == "promise" && !note->done_on) mind.promises.push_back(reading.phrase);
        // Feedback counts until you are in touch after the day it was given.
        if (reading.kind == "feedback" && !(last_spoke && *last_spoke > note->on)) mind.feedback.push_back(reading.phrase);
    }
    return mind;
}

std::vector<Question> suggest_questions(const QuestionInput& input, const QuestionSettings& settings,
                                        std::size_t limit) {
    if (limit == 0 || !settings.rules) return {};
    return Engine(input, settings, limit).run();
}

}  // namespace kith
