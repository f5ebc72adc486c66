// A later note that says a promise of ours was kept ("sent Gareth the Q2 report ✅" after
// "promised to send him the Q2 report"): the promise's own verb in the past, or a tick, with a
// word of what was promised. Careful by design: a promise marked done by mistake leaves `due`.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "kith/questions.h"
#include "kith/text.h"
#include "questions/when.h"
#include "questions/words.h"

namespace kith {

namespace {

// A promise's verb and how a note says it was done.
struct Done {
    std::string_view verb;
    std::array<std::string_view, 4> past;
};
constexpr std::array done_forms{
    Done{"send", {"sent"}},           Done{"intro", {"intro'd", "introd", "introduced"}},
    Done{"introduce", {"introduced"}}, Done{"share", {"shared"}},
    Done{"follow", {"followed"}},      Done{"get", {"got"}},
    Done{"call", {"called", "rang"}},  Done{"email", {"emailed"}},
    Done{"write", {"wrote", "written"}}, Done{"review", {"reviewed"}},
    Done{"forward", {"forwarded", "fwded", "fwd"}}, Done{"check", {"checked"}},
    Done{"look", {"looked"}},          Done{"connect", {"connected"}},
    Done{"book", {"booked"}},          Done{"draft", {"drafted"}},
    Done{"ping", {"pinged"}},          Done{"find", {"found"}},
    Done{"make", {"made"}},            Done{"do", {"did", "done"}},
    Done{"sort", {"sorted"}},          Done{"arrange", {"arranged"}},
    Done{"pay", {"paid"}},             Done{"return", {"returned"}},
    Done{"lend", {"lent"}},            Done{"put", {"put"}},
    Done{"set", {"set"}},              Done{"reply", {"replied", "answered", "responded"}},
    Done{"buy", {"bought"}},           Done{"text", {"texted"}},
    Done{"post", {"posted"}},          Done{"order", {"ordered"}},
};

const Done* done_form(std::string_view verb) {
    for (const auto& form : done_forms)
        if (form.verb == verb) return &form;
    return nullptr;
}

bool is_third_person(std::string_view word) {
    return word == "he" || word == "she" || word == "they" || word == "who" || word == "hasn't" || word == "not";
}

bool ticked(std::string_view text) {
    return text.find("✅") != std::string_view::npos || text.find("✔") != std::string_view::npos ||
           text.find("☑") != std::string_view::npos;
}

// Words too plain to say which promise a note means: the words of any note, and of when
// (the dates themselves are found by the date reader, "by Friday", "end of March").
bool plain(std::string_view word) {
    static constexpr std::array<std::string_view, 10> when{"week", "month", "end",  "weekend", "asap",
                                                           "soon", "eod",   "eow",  "monthly", "later"};
    return word.size() < 3 || questions::is_common_word(word) || std::ranges::find(when, word) != when.end();
}

// Whether a word of the text lies in a date the text names.
bool in_a_date(const questions::Word& word, const questions::TextDates& dates) {
    return std::ranges::any_of(dates.dates, [&](const questions::TextDate& d) {
        return word.begin >= d.begin && word.end <= d.end;
    });
}

bool same_word(std::string_view a, std::string_view b) {
    if (a == b) return true;
    const auto shorter = std::min(a.size(), b.size());
    return shorter >= 4 && a.substr(0, shorter) == b.substr(0, shorter) &&
           std::max(a.size(), b.size()) - shorter <= 2;  // deck / decks, intro / intros
}

}  // namespace

bool may_keep_a_promise(std::string_view later) {
    if (ticked(later)) return true;
    // Every note that is imported asks this: one look-up a word.
    static const std::unordered_set<std::string_view> pasts = [] {
        std::unordered_set<std::string_view> out;
        for (const auto& form : done_forms)
            for (const auto past : form.past)
                if (!past.empty()) out.insert(past);
        return out;
    }();
    return std::ranges::any_of(questions::words_in(later),
                               [](const questions::Word& word) { return pasts.contains(word.text); });
}

bool keeps_promise(std::string_view promise, std::string_view later) {
    const auto promised = questions::words_in(promise);
    const auto said = questions::words_in(later);
    if (promised.empty() || said.empty()) return false;
    // The verb: the phrase's first word ("send the deck"), or what is owed ("a reply").
    const Done* form = done_form(promised.front().text);
    std::size_t object_from = form ? 1 : 0;
    if (!form)
        for (const auto& word : promised)
            if ((form = done_form(word.text))) break;
    bool done = ticked(later);
    for (std::size_t i = 0; form && i < said.size() && !done; ++i) {
        if (std::ranges::find(form->past, said[i].text) == form->past.end()) continue;
        done = i == 0 || !is_third_person(said[i - 1].text);  // "sent", "I sent", not "she sent"
    }
    if (!done) return false;
    bool named_a_thing = false;
    // Any day will do to find where the promise's dates are written.
    const auto dates = questions::find_dates(promise, Date{std::chrono::year{2000}, std::chrono::January,
                                                            std::chrono::day{1}}, false);
    for (std::size_t i = object_from; i < promised.size(); ++i) {
        const auto& word = promised[i].text;
        if (plain(word) || in_a_date(promised[i], dates) || (form && word == form->verb)) continue;
        named_a_thing = true;
        for (const auto& other : said)
            if (same_word(word, other.text)) return true;
    }
    return !named_a_thing && form;  // "owe him a reply", then "replied": nothing more to match
}

}  // namespace kith
