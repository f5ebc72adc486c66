// Reading a note (SPEC §5a): which rule it is about, whom, when, in what words, with what
// tact; and from that, the questions to ask on which days.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <nlohmann/json.hpp>

#include "kith/questions.h"
#include "kith/text.h"
#include "questions/card_people.h"
#include "questions/pattern.h"
#include "questions/named_days.h"
#include "questions/prefilter.h"
#include "questions/phrases.h"
#include "questions/rulebook.h"
#include "questions/when.h"
#include "questions/words.h"

namespace kith {

namespace {

using questions::Word;

// ---- text ------------------------------------------------------------------------------

// Curly quotes and dashes as plain ones, and "w/" as "with", so patterns and word lists see one
// spelling.
std::string normalized(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto rest = text.substr(i);
        if (rest.starts_with("’") || rest.starts_with("‘")) {
            out += '\'';
            i += 2;
        } else if (rest.starts_with("“") || rest.starts_with("”")) {
            out += '"';
            i += 2;
        } else if (rest.starts_with("–") || rest.starts_with("—")) {
            out += " - ";  // "22 Dec–2 Jan": two dates, not one word
            i += 2;
        } else if ((i == 0 || text[i - 1] == ' ') && (rest.starts_with("w/ ") || rest.starts_with("w/o "))) {
            const bool without = rest[2] == 'o';  // shorthand a question must not repeat
            out += without ? "without" : "with";
            i += without ? 2 : 1;
        } else {
            out += text[i];
        }
    }
    return out;
}


std::string capitalised(std::string text) {
    if (!text.empty() && is_ascii_lower(text[0])) text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

// A day's name as the note writes it, with capitals when it has none ("plough monday" →
// "Plough Monday"): a question names an occasion as a name.
std::string occasion_name(std::string_view written) {
    std::string out(written);
    if (std::ranges::any_of(out, is_ascii_upper)) return out;
    for (std::size_t i = 0; i < out.size(); ++i)
        if ((i == 0 || out[i - 1] == ' ') && is_ascii_lower(out[i])) out[i] = static_cast<char>(out[i] - 'a' + 'A');
    return out;
}

// Sentences: up to . ! ? ; or a line break (not the dot of "Mr." or "3.5").
struct Span {
    std::size_t begin = 0, end = 0;
};

std::vector<Span> sentences(std::string_view text) {
    std::vector<Span> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        bool ends = c == '\n' || c == '!' || c == '?' || c == ';';
        if (c == '.') {
            const bool digit_after = i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9';
            std::size_t w = i;
            while (w > start && (is_ascii_lower(text[w - 1]) || is_ascii_upper(text[w - 1]))) --w;
            const auto before = text.substr(w, i - w);
            const bool title = before == "Mr" || before == "Mrs" || before == "Ms" || before == "Dr" ||
                               before == "St" || before == "vs" || before == "e.g" || before == "i.e" ||
                               before.size() == 1;
            ends = !digit_after && !title;
        }
        if (!ends) continue;
        if (i > start) out.push_back({start, i});
        start = i + 1;
    }
    if (start < text.size()) out.push_back({start, text.size()});
    if (out.empty()) out.push_back({0, text.size()});
    return out;
}

// The person's own words quoted in a note ("'worst conversation of my life'", “a scar like a
// necklace”): from an opening quote to its closing one on the same line, four words or more (a
// word or two in quotes is a label: "'highly commended'", "her role's been 'deleted'"). An
// apostrophe inside a word ("I've", "she's") neither opens nor closes one.
std::vector<Span> quotations(std::string_view text) {
    static constexpr std::string_view open_curly = "\xE2\x80\x98", close_curly = "\xE2\x80\x99",
                                      open_double = "\xE2\x80\x9C", close_double = "\xE2\x80\x9D";
    std::vector<Span> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::string_view closers[2];
        std::size_t inside = i + 1;
        if (text.substr(i, 3) == open_curly || text.substr(i, 3) == open_double) {
            closers[0] = text.substr(i, 3) == open_curly ? close_curly : close_double;
            closers[1] = closers[0];
            inside = i + 3;
        } else if (text[i] == '\'' || text[i] == '"') {
            // Opens after a space, a bracket, a dash or an emoji, never inside a word.
            const bool after_gap =
                i == 0 || text[i - 1] == ' ' || text[i - 1] == '(' || static_cast<unsigned char>(text[i - 1]) >= 0x80;
            if (!after_gap || i + 1 >= text.size() || text[i + 1] == ' ') continue;
            closers[0] = text.substr(i, 1);
            closers[1] = text[i] == '"' ? close_double : close_curly;
        } else {
            continue;
        }
        for (std::size_t j = inside; j < text.size() && text[j] != '\n'; ++j) {
            const auto closer =
                std::ranges::find_if(closers, [&](std::string_view c) { return text.substr(j, c.size()) == c; });
            if (closer == std::end(closers) || text[j - 1] == ' ') continue;
            const std::size_t after = j + closer->size();
            if (after < text.size() && is_ascii_alnum(text[after])) continue;  // "I've", "she's"
            if (std::count(text.begin() + static_cast<std::ptrdiff_t>(i), text.begin() + static_cast<std::ptrdiff_t>(j),
                           ' ') >= 3)
                out.push_back({i, after});
            i = after - 1;
            break;
        }
    }
    return out;
}

bool quoted(const std::vector<Span>& quotes, std::ptrdiff_t at) {
    return std::ranges::any_of(quotes, [&](const Span& q) {
        return at >= static_cast<std::ptrdiff_t>(q.begin) && at < static_cast<std::ptrdiff_t>(q.end);
    });
}

// The part of the text with every quotation in it blanked out but the one holding `keep`: a year
// the person says in passing ("'lost count in 2009'") dates nothing of the note around it.
std::string without_other_quotations(std::string_view text, const std::vector<Span>& quotes, Span part,
                                     std::size_t keep) {
    std::string out(text.substr(part.begin, part.end - part.begin));
    for (const auto& q : quotes) {
        const std::size_t from = std::max(q.begin, part.begin), to = std::min(q.end, part.end);
        if (from < to && (keep < q.begin || keep >= q.end))
            std::fill(out.begin() + static_cast<std::ptrdiff_t>(from - part.begin),
                      out.begin() + static_cast<std::ptrdiff_t>(to - part.begin), ' ');
    }
    return out;
}

// The clause of a sentence that holds the match: between commas, semicolons, dashes, brackets
// and emoji (a jotted note's full stops: "got the keys!! 🔑⛪ converting it").
Span clause_at(std::string_view text, Span sentence, Span match) {
    // An emoji's first byte (U+1Fxxx, four bytes); a clause after one starts past its last byte.
    const auto emoji = [&](std::size_t i) { return static_cast<unsigned char>(text[i]) == 0xF0; };
    Span out = sentence;
    for (std::size_t i = match.begin; i > sentence.begin; --i)
        if (std::string_view(",;:(").find(text[i - 1]) != std::string_view::npos ||
            (i >= 3 && text.substr(i - 3, 3) == " - ") ||
            (i + 2 < text.size() && i + 3 <= match.begin && emoji(i - 1))) {
            out.begin = emoji(i - 1) ? i + 3 : i;
            break;
        }
    for (std::size_t i = match.end; i < sentence.end; ++i)
        if (std::string_view(",;:()").find(text[i]) != std::string_view::npos || text.substr(i, 3) == " - " ||
            emoji(i)) {
            out.end = i;
            break;
        }
    return out;
}

// The part of a jotted sentence that holds the match: up to an emoji or a spaced dash, which
// end a thought where a full stop would ("proposed to her sat 💍 … — they met back in 2015").
Span part_at(std::string_view text, Span sentence, Span match) {
    // How many bytes the boundary starting at i takes (0: none there).
    const auto boundary = [&](std::size_t i) -> std::size_t {
        if (static_cast<unsigned char>(text[i]) == 0xF0) return 4;  // an emoji, U+1Fxxx
        if (text.substr(i, 3) == " - ") return 3;
        if (text.substr(i, 5) == " \xE2\x80\x94 " || text.substr(i, 5) == " \xE2\x80\x93 ") return 5;  // — –
        return 0;
    };
    Span out = sentence;
    for (std::size_t i = match.begin; i-- > sentence.begin;)
        if (const auto length = boundary(i); length > 0 && i + length <= match.begin) {
            out.begin = i + length;
            break;
        }
    for (std::size_t i = match.end; i < sentence.end; ++i)
        if (boundary(i) > 0) {
            out.end = i;
            break;
        }
    return out;
}

Span sentence_at(const std::vector<Span>& spans, std::size_t offset) {
    for (const auto& span : spans)
        if (offset >= span.begin && offset < std::max(span.end, span.begin + 1)) return span;
    return spans.back();
}

// Emoji and other symbols out, spaces collapsed, trailing punctuation off: text for a phrase.
std::string clean_phrase(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == 0xF0 || (byte == 0xE2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x9C) ||
            byte == 0xEF) {
            // A 4-byte sequence (emoji), a dingbat or symbol (U+27xx, U+2Bxx), a variation selector.
            i += byte == 0xF0 ? 3 : 2;
            continue;
        }
        if (text[i] == '\n' || text[i] == '\t') {
            out += ' ';
            continue;
        }
        out += text[i];
    }
    std::string collapsed;
    for (char c : out) {
        if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
        collapsed += c;
    }
    collapsed = trim(collapsed);
    while (!collapsed.empty() && std::string_view(".,;:!?-(\"'").find(collapsed.back()) != std::string_view::npos)
        collapsed.pop_back();
    return trim(collapsed);
}

// ---- whom a note is about ----------------------------------------------------------------

struct About {
    std::string relation;  // as a question says it: "mum"
    std::string name;      // "Priya"
    char gender = 'n';
    bool plural = false;
    bool ex = false;  // an ex-wife, an ex: their news is not ours to ask about
    bool mine = false;  // "my dad", "our twins": the user's own, told them in passing
    bool self() const { return relation.empty() && name.empty(); }
};

bool capitalised_in(std::string_view text, const Word& word) {
    return word.begin < text.size() && is_ascii_upper(text[word.begin]);
}

// The clause's subject before the thing is the user: "I'm speaking at UXLondon", "we're moving
// to Frome on the 30th", "my surgery". Someone else named or pointed to first ("she'll sit in
// the front row", "Kai's") makes it theirs.
// An "I" or "my" inside a quotation is the person's own ("'I've run a redundancy round'").
bool told_of_ourselves(const std::vector<Word>& words, Span clause, Span match, const std::vector<Span>& quotes) {
    static const std::set<std::string_view> ourselves{"i",  "i'm",   "im",    "i've", "ive",   "i'll", "my",
                                                      "we", "we're", "we've", "weve", "we'll", "our", "me"};
    static const std::set<std::string_view> others{"he",   "she",   "they",  "it",   "he's",  "she's", "they're",
                                                   "his",  "her",   "their", "him",  "them",  "you",   "your",
                                                   "it's", "he'll", "she'll", "they'll", "theyre", "hes", "shes"};
    for (std::size_t k = words.size(); k-- > 0;) {
        const Word& w = words[k];
        if (w.begin >= match.begin) continue;
        if (w.begin < clause.begin) break;
        if (quoted(quotes, static_cast<std::ptrdiff_t>(w.begin))) continue;
        if (ourselves.contains(w.text)) return true;
        if (others.contains(w.text) || w.text.ends_with("'s")) return false;
    }
    return false;
}

// Lent to us, for our thing: "Ingólfur's lent us his Transit for the move", "Mariela's lending
// us her cottage for the wknd". Whoever lends, the thing is ours.
bool lent_to_us(const std::vector<Word>& words, Span clause, Span match) {
    static const std::set<std::string_view> lending{"lent", "lend", "lending", "lends", "loaned", "loaning", "gave",
                                                    "giving", "helping", "helped", "help", "driving", "drove"};
    for (std::size_t k = 1; k < words.size() && words[k].begin < match.begin; ++k)
        if (words[k].begin >= clause.begin && words[k].text == "us" && lending.contains(words[k - 1].text)) return true;
    return false;
}

// Words whose relation reading needs a determiner before them ("their lab Biscuit", not "the lab").
bool ambiguous_relation(std::string_view word) {
    return word == "lab" || word == "pa" || word == "ma" || word == "sis" || word == "bro" || word == "dh" ||
           word == "dd" || word == "ds" || word == "dw" || word == "mil" || word == "fil" || word == "sil" ||
           word == "bil" || word == "baby" || word == "kid" || word == "boss" || word == "manager" ||
           word == "colleague" || word == "partner" || word == "horse" || word == "pony" || word == "rabbit" ||
           word == "cat" || word == "dog" || word == "eldest" || word == "youngest";
}

bool determiner(std::string_view word) {
    return word == "her" || word == "his" || word == "their" || word == "my" || word == "our" || word == "the" ||
           word == "old" || word == "new" || word == "little" || word == "black" || word == "yellow" ||
           word == "chocolate" || word == "elderly" || word == "poor";
}

bool article(std::string_view word) {
    return word == "the" || word == "a" || word == "an" || word == "my" || word == "our" || word == "this" ||
           word == "that" || word == "some" || word == "his" || word == "her" || word == "their";
}

// "Works as", "Looking for": a verb that starts a note, not a name.
bool preposition(std::string_view word) {
    return word == "as" || word == "at" || word == "for" || word == "on" || word == "in" || word == "with" ||
           word == "from" || word == "to" || word == "into" || word == "about" || word == "up" || word == "out";
}

// "dad handed in his licence": a verb in the past with what follows a verb, not "dad Handed"
// (and "son ahmed is", "brother ned at" stay names).
bool past_verb_at(const std::vector<Word>& words, std::size_t i) {
    static const std::set<std::string_view> after_a_verb{"in", "up", "out", "off", "down", "over", "away", "back",
                                                         "his", "her", "their", "the", "a", "an", "it", "him", "them"};
    return words[i].text.ends_with("ed") && i + 1 < words.size() && after_a_verb.count(words[i + 1].text) > 0;
}

// A name right after a relation: "daughter Priya", "husband Raj", "lab Biscuit", "twins (Bia & Leo)",
// "son jake" in a note written in lower case.
std::string name_after(std::string_view text, const std::vector<Word>& words, std::size_t k, bool lower_case_note) {
    auto name_word = [&](std::size_t i) -> std::string {
        if (i >= words.size()) return {};
        const Word& w = words[i];
        if (questions::never_a_name(w.text) || questions::relation_named(w.text)) return {};
        if (capitalised_in(text, w)) return std::string(text.substr(w.begin, w.end - w.begin));
        if (lower_case_note && !questions::is_common_word(w.text) && w.text.size() > 2 &&
            w.text.find_first_of("0123456789") == std::string::npos && !past_verb_at(words, i) &&
            !(w.text.size() > 5 && w.text.ends_with("ing")))  // "boss retiring in march": a verb
            return capitalised(w.text);
        return {};
    };
    if (k + 1 >= words.size() || words[k].text.ends_with("'s")) return {};  // "mum's dementia": a thing, not a name
    // Nothing but a space, a comma or an opening bracket between them.
    const auto gap = text.substr(words[k].end, words[k + 1].begin - words[k].end);
    if (gap.find_first_not_of(" ,(") != std::string_view::npos) return {};
    std::string first = name_word(k + 1);
    if (first.empty()) return {};
    if (first.ends_with("'s")) first.resize(first.size() - 2);
    // "twins (Bia & Leo)", "kids Sam and Ella"
    if (k + 3 < words.size()) {
        const auto join = text.substr(words[k + 1].end, words[k + 2].begin - words[k + 1].end);
        if ((trim(join) == "&" || words[k + 2].text == "and")) {
            const std::size_t second_at = words[k + 2].text == "and" ? k + 3 : k + 2;
            std::string second = name_word(second_at);
            if (!second.empty()) return first + " and " + second;
        }
    }
    return first;
}

// A word the person is called by ("Mum" for the one you call Mum, "Nina" for Nina): the note is
// about them, not someone of theirs.
bool own_name(const Circle& circle, std::string_view key) {
    return std::ranges::find(circle.own_names, fold_case(key)) != circle.own_names.end();
}

// "off" as the last word of its clause: "Taghazout's off 😖", not "Ana's off to Lima".
bool off_at_clause_end(std::string_view text, const Word& off) {
    const auto next = text.find_first_not_of(' ', off.end);
    return next == std::string_view::npos || !is_ascii_alnum(text[next]);
}

About find_about(std::string_view text, const std::vector<Word>& words, Span sentence, Span match,
                 const Circle& circle) {
    About about;
    const bool lower_case_note = std::none_of(text.begin(), text.end(), is_ascii_upper);
    // The relation word nearest the thing, as read: which word, the relation, and whether an ex's.
    // Someone named after the thing, in another clause, is not whose it is ("moving in w/ her
    // boyfriend 📦❤️ his flat, her cat").
    const Span clause = clause_at(text, sentence, match);
    std::optional<std::size_t> chosen;
    const questions::Relation* chosen_relation = nullptr;
    bool chosen_ex = false;
    int chosen_distance = 0;
    for (std::size_t k = 0; k < words.size(); ++k) {
        const Word& w = words[k];
        if (w.begin < sentence.begin || w.end > sentence.end || w.begin >= clause.end) continue;
        std::string key = w.text;
        if (key.ends_with("'s")) key.resize(key.size() - 2);
        const bool ex = key.starts_with("ex-") || (k > 0 && words[k - 1].text == "ex");
        if (key.starts_with("ex-")) key.erase(0, 3);
        const auto* relation = questions::relation_named(key);
        if (!relation || (ex && w.end > match.begin)) continue;  // "divorce from her ex" is hers
        if (w.end - w.begin >= 2 && is_ascii_upper(text[w.begin]) && is_ascii_upper(text[w.begin + 1]))
            continue;  // "MA dissertation": a degree, not a mum
        const bool has_determiner = k > 0 && (determiner(words[k - 1].text) || ex);
        if (!has_determiner && own_name(circle, key)) continue;  // "Mum's surgery", to Mum
        const bool sentence_start = w.begin == sentence.begin || text.substr(sentence.begin, w.begin - sentence.begin)
                                                                         .find_first_not_of(" \"(") == std::string_view::npos;
        if (ambiguous_relation(key) && !has_determiner && !sentence_start &&
            name_after(text, words, k, lower_case_note).empty())
            continue;
        // Company after the thing is not whose it is: "case study presentation, prepping it w/ her sister".
        if (w.begin >= match.end && k > 0) {
            const std::size_t before = has_determiner && k > 1 ? k - 2 : k - 1;
            const auto& word = words[before].text;
            if (word == "with" || word == "w" || word == "w/" || word == "alongside") continue;
        }
        // Someone gone is nobody a plan is about: "one's named after his late wife", "to sweep
        // her grandparents' graves".
        if (k > 0 && words[k - 1].text == "late") continue;
        if (k + 1 < words.size() && (words[k + 1].text == "grave" || words[k + 1].text == "graves" ||
                                     words[k + 1].text == "ashes" || words[k + 1].text == "headstone" ||
                                     words[k + 1].text == "memorial"))
            continue;
        // A word of a name: "the Bologna Children's Book Fair", "Mothers' Union".
        if (k > 0 && is_ascii_upper(text[w.begin]) && is_ascii_upper(text[words[k - 1].begin]) &&
            words[k - 1].end + 1 == w.begin && !questions::relation_named(words[k - 1].text))
            continue;
        // What someone was or plays, not someone of theirs: "since she was a teenager", "as a
        // kid", "Kobby is a mummy in his class assembly".
        if (k >= 2 && words[k - 1].text == "a" &&
            (words[k - 2].text == "was" || words[k - 2].text == "were" || words[k - 2].text == "as" ||
             words[k - 2].text == "is" || words[k - 2].text == "plays" || words[k - 2].text == "playing"))
            continue;
        // Not the relation of the topic itself ("had a baby", "new puppy" are the thing).
        if (w.begin >= match.begin && w.end <= match.end && (key == "baby" || relation->animal)) continue;
        const int distance = w.end <= match.begin ? static_cast<int>(match.begin - w.end)
                                                  : 1000 + static_cast<int>(w.begin - std::min(w.begin, match.end));
        if (!chosen || distance < chosen_distance) {
            chosen = k;
            chosen_relation = relation;
            chosen_ex = ex;
            chosen_distance = distance;
        }
    }
    if (chosen) {
        const auto* relation = chosen_relation;
        about.ex = chosen_ex;
        about.relation = (about.ex ? "ex-" : "") + std::string(relation->says);
        about.mine = *chosen > 0 && (words[*chosen - 1].text == "my" || words[*chosen - 1].text == "our");
        if (about.ex) return about;  // never the card's spouse, nor a name that follows
        about.gender = relation->gender;
        about.plural = relation->plural;
        about.name = name_after(text, words, *chosen, lower_case_note);
        if (about.name.empty()) about.name = questions::card_name_for(*relation, circle.related).value_or("");
        if (about.name.find(" and ") != std::string::npos) about.plural = true;
        return about;
    }
    // No relation: a name of someone else, "Emma's graduation", or the sentence's subject
    // ("Niamh finished her Leaving Cert").
    for (std::size_t k = 0; k < words.size(); ++k) {
        const Word& w = words[k];
        if (w.begin < sentence.begin || w.end > match.begin + 1) continue;
        if (!capitalised_in(text, w) || questions::never_a_name(w.text)) continue;
        std::string key = w.text;
        const bool possessive = key.ends_with("'s");
        if (possessive) key.resize(key.size() - 2);
        const std::string_view as_written = text.substr(w.begin, w.end - w.begin - (possessive ? 2 : 0));
        if (questions::never_a_name(key) || questions::relation_named(key)) continue;
        // "Taghazout's off 😖": a thing called off, not someone's.
        if (possessive && k + 1 < words.size() && words[k + 1].text == "off" && off_at_clause_end(text, words[k + 1]))
            continue;
        if (k > 0 && (words[k - 1].text == "st" || words[k - 1].text == "saint")) continue;  // St Martin's Day
        if (own_name(circle, key)) return about;  // "Nina's party", to Nina: hers
        // "our Líadan gets her grommets": someone of the user's own, told them in passing.
        if (k > 0 && words[k - 1].text == "our" && std::ranges::none_of(key, is_ascii_digit)) {
            about.mine = true;
            about.name = as_written;
            return about;
        }
        const bool first_word = text.substr(sentence.begin, w.begin - sentence.begin).find_first_not_of(" \"(") ==
                                std::string_view::npos;
        // A name is followed by its verb ("Niamh finished"), not by an article ("Running the Berlin marathon").
        const bool subject = first_word && k + 1 < words.size() && questions::is_common_word(words[k + 1].text) &&
                             !article(words[k + 1].text) && !preposition(words[k + 1].text) &&
                             !fold_case(key).ends_with("ing") && !questions::is_common_word(key);
        // "their Solvi (9) has her grade 3 ballet exam": someone of theirs, named with an age.
        const bool aged = text.substr(w.end).starts_with(" (") && w.end + 2 < text.size() &&
                          is_ascii_digit(text[w.end + 2]);
        const bool after_theirs = k > 0 && (words[k - 1].text == "their" || words[k - 1].text == "her" ||
                                            words[k - 1].text == "his");
        if (!possessive && !subject && !(aged && after_theirs)) continue;
        about.name = as_written;
        if (auto theirs = questions::card_relation_of(about.name, circle.related)) {
            about.relation = std::move(theirs->relation);  // "Joana's op", Joana the card's spouse: his wife's
            about.gender = theirs->gender;
        }
        return about;
    }
    return about;
}

// ---- templates ---------------------------------------------------------------------------

struct Fill {
    About about;
    std::string thing;
    std::map<std::string, std::string> groups;  // named and numbered groups of the match
};

std::string who(const About& about) {
    if (!about.name.empty()) return about.name;
    if (!about.relation.empty()) return "your " + about.relation;
    return "you";
}

std::string whose(const About& about) {
    if (about.self()) return "your";
    const std::string base = who(about);
    if (about.name.empty() && about.plural && base.ends_with("s")) return base + "'";
    return base + "'s";
}

std::string their(const About& about) {
    if (about.self()) return "your";
    if (about.plural) return "their";
    return about.gender == 'f' ? "her" : about.gender == 'm' ? "his" : "their";
}

bool plural_subject(const About& about) { return about.self() || about.plural; }

// The template with its placeholders filled; nothing when one of them has no value. A question
// starts with a capital; a phrase (`sentence` false) as it falls.
std::optional<std::string> fill(std::string_view text, const Fill& f, bool sentence = true) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '{') {
            out += text[i];
            continue;
        }
        const auto close = text.find('}', i);
        if (close == std::string_view::npos) return std::nullopt;
        const std::string name(text.substr(i + 1, close - i - 1));
        i = close;
        const bool many = plural_subject(f.about);
        std::string value;
        if (name == "who") value = who(f.about);
        else if (name == "Who") value = capitalised(who(f.about));
        else if (name == "whose") value = whose(f.about);
        else if (name == "Whose") value = capitalised(whose(f.about));
        else if (name == "their") value = their(f.about);
        else if (name == "theirs") value = f.about.self() ? std::string() : whose(f.about);  // only someone else's
        else if (name == "is") value = many ? "are" : "is";
        else if (name == "Is") value = many ? "Are" : "Is";
        else if (name == "was") value = many ? "were" : "was";
        else if (name == "has") value = many ? "have" : "has";
        else if (name == "does") value = many ? "do" : "does";
        else if (name == "thing") value = f.thing;
        else {
            // A named group; "place" also takes "place2", "place3" … from other alternatives.
            for (const auto& [group, captured] : f.groups) {
                const bool same = group == name || (group.starts_with(name) && group.size() > name.size() &&
                                                    group.find_first_not_of("0123456789", name.size()) == std::string::npos);
                if (same && !captured.empty()) {
                    value = captured;
                    break;
                }
            }
        }
        if (trim(value).empty()) return std::nullopt;
        out += value;
    }
    // "your your", "the the": what two placeholders can make together.
    for (std::string_view twice : {"your your ", "the the ", "the your ", "the their ", "the the "}) {
        for (auto at = out.find(twice); at != std::string::npos; at = out.find(twice))
            out.erase(at, twice.find(' ') + 1);
    }
    std::string collapsed;
    for (char c : out) {
        if (c == ' ' && !collapsed.empty() && collapsed.back() == ' ') continue;
        collapsed += c;
    }
    for (std::string_view gap : {" ?", " ,", " !"}) {
        for (auto at = collapsed.find(gap); at != std::string::npos; at = collapsed.find(gap)) collapsed.erase(at, 1);
    }
    return sentence ? capitalised(trim(collapsed)) : trim(collapsed);
}

std::optional<std::string> first_filled(const std::vector<std::string>& templates, const Fill& f) {
    for (const auto& text : templates)
        if (auto filled = fill(text, f)) return filled;
    return std::nullopt;
}

// A captured group as a question says it: cleaned, and a sentence's capital dropped unless it
// starts a proper name ("Hip operation" → "hip operation"; "Berlin Marathon", "UTMB" stay).
std::string group_text(std::string_view text, std::size_t begin, std::size_t end, const std::vector<Span>& spans) {
    std::string value = clean_phrase(text.substr(begin, end - begin));
    // Misspellings put right, word by word ("back surgury" → "back surgery").
    std::string fixed;
    for (const auto& word : split(value, ' ')) {
        if (!fixed.empty()) fixed += ' ';
        std::string lower = word;
        for (auto& c : lower) c = is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
        const auto right = questions::spelled(lower);
        fixed += right == lower ? word : std::string(right);
    }
    value = fixed;
    if (value.empty()) return value;
    const Span sentence = sentence_at(spans, begin);
    const bool starts_sentence =
        text.substr(sentence.begin, begin - sentence.begin).find_first_not_of(" \"(") == std::string_view::npos;
    if (starts_sentence && value.size() > 1 && is_ascii_upper(value[0]) && is_ascii_lower(value[1])) {
        const auto space = value.find(' ');
        const bool next_capitalised = space != std::string::npos && space + 1 < value.size() && is_ascii_upper(value[space + 1]);
        const std::string first_word = value.substr(0, space);
        std::string lower = first_word;
        for (auto& c : lower) c = is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
        if (!next_capitalised && !questions::is_proper_noun(lower)) value[0] = static_cast<char>(value[0] - 'A' + 'a');
    }
    return value;
}

// A team's name as a question says it: "the Red Sox", "the Yankees", but "Arsenal".
std::string team_name(std::string name) {
    if (name.starts_with("the ") || name.starts_with("The ")) return "the " + name.substr(4);
    const auto last = name.substr(name.rfind(' ') == std::string::npos ? 0 : name.rfind(' ') + 1);
    if (last.ends_with("s") || last.ends_with("x")) return "the " + name;
    return name;
}

// ---- tense and negation --------------------------------------------------------------------

// A note that celebrates what it tells: "🎉", "🥳", "🍾", "🥂", "!!!", "finally".
// Words of hurt in a note ("gutted", "heartbroken", 💔): what it tells has cost them.
bool hurts(std::string_view text, const std::vector<Word>& words) {
    for (const std::string_view mark : {"💔", "😢", "😭", "😞", "in bits"})
        if (text.find(mark) != std::string_view::npos) return true;
    static const std::set<std::string_view> hurt{"gutted", "heartbroken", "devastated", "distraught", "crushed", "upset"};
    return std::ranges::any_of(words, [&](const Word& w) { return hurt.contains(w.text); });
}

// Good news told glad, though not yet as done ("going to be grandparents!!", "the freedom of the
// city 🏅"): enough to congratulate when it is noted.
bool told_glad(std::string_view text) {
    for (const std::string_view mark : {"!!", "🏅", "🏆"})
        if (text.find(mark) != std::string_view::npos) return true;
    return false;
}

bool celebrates(std::string_view text, const std::vector<Word>& words) {
    for (const std::string_view mark : {"🎉", "🥳", "🍾", "🥂", "🙌", "!!!"})
        if (text.find(mark) != std::string_view::npos) return true;
    return std::ranges::any_of(words, [](const Word& w) { return w.text == "finally"; });
}

// A capitalised word inside a sentence ("Ørsted", "Mohammed"), which "-ed" does not make a verb
// in the past.
bool name_like(std::string_view text, const Word& w, Span sentence) {
    if (w.begin == sentence.begin) return false;
    return capitalised_in(text, w) || static_cast<unsigned char>(text[w.begin]) >= 0x80;
}

struct Tense {
    bool past = false, future = false, negated = false;
};

bool told_by_subject(std::string_view word) {
    return word == "i" || word == "he" || word == "she" || word == "they" || word == "we" || word == "who";
}

Tense tense_of(std::string_view text, const std::vector<Word>& words, Span sentence, Span clause, Span match) {
    Tense tense;
    const bool opens_clause =
        clause.begin <= match.begin &&
        text.substr(clause.begin, match.begin - clause.begin).find_first_not_of(" \"'(") == std::string_view::npos;
    std::size_t before_match = 0;
    for (std::size_t k = 0; k < words.size(); ++k) {
        const Word& w = words[k];
        if (w.begin < sentence.begin || w.end > sentence.end) continue;
        const bool before = w.end <= match.begin;
        if (before) ++before_match;
        const bool near = w.begin <= match.end + 40;
        if (!near) continue;
        // "getting married", "to be promoted": what is to come, however it ends.
        const bool to_come = k > 0 && (words[k - 1].text == "getting" || words[k - 1].text == "get" ||
                                       words[k - 1].text == "gets" || words[k - 1].text == "be");
        // "has broken", "Ozioma's torn", "they've fractured": a thing done, by its participle.
        const bool perfect = k > 0 &&
                             (words[k - 1].text == "has" || words[k - 1].text == "have" ||
                              words[k - 1].text.ends_with("'s") || words[k - 1].text.ends_with("'ve")) &&
                             ((w.text.size() > 4 && (w.text.ends_with("en") || w.text.ends_with("ed"))) ||
                              w.text == "torn" || w.text == "hurt");
        if (to_come && (questions::is_past_marker(w.text) || w.text.ends_with("ed"))) {
            tense.future = true;
        } else if (perfect || questions::is_past_marker(w.text) ||
                   (w.text.size() > 4 && w.text.ends_with("ed") && before && !name_like(text, w, sentence))) {
            tense.past = true;
        } else if (w.text.size() > 4 && w.text.ends_with("ed") && w.begin == match.begin &&
                   (before_match == 0 || opens_clause || (k > 0 && told_by_subject(words[k - 1].text)))) {
            // A clause that opens with the thing done ("engaged!!", "promoted!", "Taghazout's off
            // 😖 cracked 2 ribs on thurs"), or the thing done by its subject ("he proposed … sat").
            tense.past = true;
        }
        if (questions::is_future_marker(w.text)) {
            // "is having", "are moving": the present progressive speaks of what is to come.
            const bool progressive = (w.text == "is" || w.text == "are" || w.text == "am") && k + 1 < words.size() &&
                                     words[k + 1].text.ends_with("ing");
            if (progressive || (w.text != "is" && w.text != "are" && w.text != "this")) tense.future = true;
        }
    }
    // A negation shortly before the match turns it around: "not a Yankees fan", "no longer at
    // Globex", "never did the marathon".
    int seen = 0;
    for (std::size_t k = words.size(); k-- > 0;) {
        const Word& w = words[k];
        if (w.end > match.begin || w.begin < sentence.begin) continue;
        if (++seen > 4) break;
        // Only within the clause: "no longer at Globex - went freelance" is not "not freelance".
        if (text.substr(w.end, match.begin - w.end).find_first_of(",;:-(") != std::string_view::npos) break;
        if (questions::is_negation(w.text)) tense.negated = true;
        if (w.text == "longer" && k > 0 && words[k - 1].text == "no") tense.negated = true;
        if (w.text == "used" && k + 1 < words.size() && words[k + 1].text == "to") tense.negated = true;
        if (w.text == "quit" || w.text == "gave" || w.text == "stopped") tense.negated = true;
    }
    return tense;
}

// ---- the rule that reads a note ---------------------------------------------------------------

int strength(const std::string& kind, bool sensitive) {
    if (kind == "private") return 0;
    if (kind == "loss") return 1;
    if (kind == "promise" || kind == "mistake" || kind == "feedback") return 2;
    // A sensitive fact ("his asthma") is still no news: a dated thing beside it is what to ask about.
    if (sensitive && kind != "fact") return 3;
    if (kind == "event" || kind == "milestone") return 4;
    if (kind == "situation") return 5;
    if (kind == "interest") return 6;
    return 7;  // fact
}

struct Found {
    std::size_t rule = 0;
    questions::Groups groups;
};

// A match that is the start of a proper name ("Bar Lupo", "Marathon Oil", "Race St", "the
// startup Exam Ninja", "Wedding Cake Rock"): its last word capitalised and the next word too. Not
// "the Berlin Marathon on Sunday" (a day or a month may follow), nor in a note written in capitals
// or in Title Case, where capitals say nothing.
bool starts_a_proper_name(std::string_view text, const std::vector<Word>& words, questions::Span span) {
    static constexpr std::string_view calendar[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                                    "sunday", "mon", "tue", "tues", "wed", "thu", "thurs", "fri",
                                                    "sat", "sun", "january", "february", "march", "april", "may", "june",
                                                    "july", "august", "september", "october", "november", "december",
                                                    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                                                    "oct", "nov", "dec", "i", "i'm", "i'll", "i've", "i'd"};
    std::size_t capitalised = 0;
    for (const auto& w : words) capitalised += is_ascii_upper(text[w.begin]);
    if (words.empty() || capitalised * 2 > words.size()) return false;
    if (span.begin < 0 || span.end < 0) return false;
    const auto begin = static_cast<std::size_t>(span.begin), end = static_cast<std::size_t>(span.end);
    auto last = std::find_if(words.rbegin(), words.rend(), [&](const Word& w) { return w.end <= end; });
    if (last == words.rend() || last->end != end || last->begin < begin) return false;
    const auto is_name_word = [&](const Word& w) {
        return is_ascii_upper(text[w.begin]) && w.end > w.begin + 1 && is_ascii_lower(text[w.begin + 1]);
    };
    const auto next = last.base();  // the word after the match's last
    if (next == words.end() || !is_name_word(*last) || !is_name_word(*next)) return false;
    if (text.substr(last->end, next->begin - last->end) != " ") return false;
    return std::find(std::begin(calendar), std::end(calendar), next->text) == std::end(calendar);
}

// Rules match line by line, long lines in pieces at a sentence's end: a match never spans two
// lines, and a long line costs its length, not its length squared.
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

// The rule's first match in the text, its spans counted from the start of the whole text.
std::optional<Found> search(const RuleBook& book, std::size_t index, std::string_view text,
                            const std::vector<std::string_view>& pieces) {
    Found found{index, {}};
    for (const auto piece : pieces) {
        switch (questions::pattern_of(book, index).search(piece, 0, false, found.groups)) {
            case questions::Pattern::Found::none: continue;
            case questions::Pattern::Found::gave_up: questions::runaway(book.rule(index));
            case questions::Pattern::Found::match: break;
        }
        const auto offset = static_cast<std::ptrdiff_t>(piece.data() - text.data());
        for (auto& group : found.groups) {
            if (group.begin < 0) continue;
            group.begin += offset;
            group.end += offset;
        }
        return found;
    }
    return std::nullopt;
}

// ---- timing ------------------------------------------------------------------------------

Date day_after(Date date, int n = 1) { return Date{std::chrono::sys_days{date} + std::chrono::days{n}}; }
Date far_future(Date from) { return add(from, Interval{100, Interval::Unit::years}); }
Date last_of_month(Date first) {
    return Date{first.year(), first.month(),
                std::chrono::year_month_day_last{first.year(), std::chrono::month_day_last{first.month()}}.day()};
}

struct Planner {
    Reading& reading;
    const QuestionRule& rule;
    const Fill& fill_with;

    void plan(char source, const std::string& key, const std::vector<std::string>& templates, Date from, Date until) {
        if (from > until || templates.empty()) return;
        auto text = first_filled(templates, fill_with);
        if (!text) return;
        reading.questions.push_back({source, key, *text, from, until});
    }
    void plan_phase(const std::string& phase, const std::vector<std::string>& templates, Date from, Date until) {
        plan('r', rule.id + "-" + phase, templates, from, until);
    }
};

// The groups of a match, by number and by name, as the templates use them.
void add_groups(Fill& f, const RuleBook& book, const Found& found, std::string_view text, const std::vector<Span>& spans) {
    const auto& pattern = questions::pattern_of(book, found.rule);
    for (std::size_t g = 0; g < found.groups.size(); ++g) {
        const auto& span = found.groups[g];
        if (span.begin < 0) continue;
        f.groups[std::to_string(g)] =
            group_text(text, static_cast<std::size_t>(span.begin), static_cast<std::size_t>(span.end), spans);
    }
    for (const auto& [name, number] : pattern.named_groups()) {
        if (number >= found.groups.size() || found.groups[number].begin < 0) continue;
        auto value = f.groups[std::to_string(number)];
        // A place or a team is a name wherever it stands ("Svalbard next fri", "wrexham diehard").
        const bool a_name = name.starts_with("place") || name.starts_with("team");
        if (a_name && !value.starts_with("the ")) value = capitalised(value);
        if (name.starts_with("team")) value = team_name(value);
        f.groups[name] = value;
    }
}

// A user's plain rule (a pattern and a question, no kind): asked while the note, or the event
// it names, is between min_age and max_age old.
void plan_plain(Reading& reading, const Note& note, const QuestionRule& rule, const Fill& f) {
    const Date from_day = note.event && note.event->ok() ? *note.event : note.on;
    const Date from = rule.min_age ? add(from_day, *rule.min_age) : note.on;
    const Date until = rule.max_age ? add(from_day, *rule.max_age) : far_future(note.on);
    auto text = fill(rule.ask, f);
    if (text && from <= until) reading.questions.push_back({'r', rule.id, *text, std::max(from, note.on), until});
}

// Six months on, a note that planned questions and went quiet: "Any news on the house hunt?".
void plan_stale(Reading& reading, const Note& note) {
    if (reading.phrase.empty() || reading.sensitive || reading.questions.empty()) return;
    const bool open_ended = reading.kind == "situation" || (!reading.when && reading.kind == "event");
    if (!open_ended) return;
    reading.questions.push_back({'s', "", fmt::format("Any news on {}?", reading.phrase),
                                 add(note.on, Interval{6, Interval::Unit::months}),
                                 add(note.on, Interval{1, Interval::Unit::years})});
}

// A secret kept till a day the note names ("not telling anyone till the 12 wk scan mid Jan",
// "not public yet, announcing on the 1st"): the words from the secret to that day, and
// the last day of keeping it (a month named alone: its last day).
struct Secret {
    std::size_t begin = 0, end = 0;
    Date until{};
};
std::optional<Secret> secret_till(std::string_view text, questions::Span secret, Date noted) {
    if (secret.begin < 0) return std::nullopt;
    const auto from = static_cast<std::size_t>(secret.begin);
    const auto after = static_cast<std::size_t>(secret.end);
    const auto sentence_end = text.find_first_of(".!?\n", after);
    const auto rest = text.substr(after, sentence_end == std::string_view::npos ? std::string_view::npos
                                                                                 : sentence_end - after);
    const auto words = questions::words_in(rest);
    const bool till = std::ranges::any_of(words, [](const Word& w) {
        return w.text == "till" || w.text == "until" || w.text == "til" || w.text == "before" ||
               w.text.starts_with("announc");  // "not public yet, announcing on the 1st"
    });
    auto last_day = [](const questions::TextDate& d) { return d.month_only ? last_of_month(d.date) : d.date; };
    if (till)
        for (const auto& d : questions::find_dates(rest, noted, false).dates) {
            if (d.date <= noted) continue;
            return Secret{from, after + d.end, last_day(d)};
        }
    // A surprise ("her 70th on the 22nd!! it's a surprise so shhh") is kept till the day it happens.
    const bool surprise = std::ranges::any_of(questions::words_in(text.substr(from, after - from)), [](const Word& w) {
        return w.text.starts_with("surprise") || w.text.starts_with("shh");
    });
    if (surprise)
        for (const auto& d : questions::find_dates(text, noted, false).dates)
            if (d.date > noted) return Secret{from, after, last_day(d)};
    return std::nullopt;
}

bool ours(const std::string& kind) { return kind == "promise" || kind == "mistake" || kind == "feedback"; }

// Every rule's first match in a note's text (nothing for a rule that does not match, or whose
// match starts a proper name), found once however often the note is read.
using Matches = std::vector<std::optional<Found>>;
// An event or milestone told as the time since which something is so ("first trip abroad since her
// knee op", "first holiday since the twins were born"): the past, nothing to ask about.
bool told_as_since(const std::vector<Word>& words, const questions::Span& span) {
    std::size_t k = 0;
    while (k < words.size() && words[k].begin < static_cast<std::size_t>(span.begin)) ++k;
    const auto at = [&](std::size_t back) -> std::string_view { return k >= back ? std::string_view(words[k - back].text) : ""; };
    const auto owner = [](std::string_view w) {
        return w == "her" || w == "his" || w == "their" || w == "my" || w == "our" || w == "the";
    };
    return (owner(at(1)) && at(2) == "since") || (owner(at(2)) && at(3) == "since");
}

Matches matches_in(const RuleBook& book, std::string_view text, const std::vector<Word>& words) {
    Matches out(book.size());
    const auto pieces = segments(text);
    std::vector<char> may;
    const auto* prefilter = questions::prefilter_of(book);
    if (prefilter) prefilter->may_match(pieces, may);
    for (std::size_t i = 0; i < book.size(); ++i) {
        if (prefilter && !may[i]) continue;
        auto found = search(book, i, text, pieces);
        if (!found || starts_a_proper_name(text, words, found->groups[0])) continue;  // a venue, a firm, a street
        const auto& kind = book.rule(i).kind;
        if ((kind == "event" || kind == "milestone") && !book.rule(i).sensitive && told_as_since(words, found->groups[0]))
            continue;
        out[i] = std::move(found);
    }
    return out;
}

// Reads the note by the strongest rule that matches, or by rule `forced`; `next` is set to the
// strongest rule that is not ours to do, for a note that holds both ("starts nursery in Feb. I
// promised to send her Gail's number"), and `beside` to a second event or milestone of theirs
// told in another clause ("first quarter in profit!!! and the taproom opens on Earth Day").
// `known` holds the rules' matches in this note's text when it was read before.
Reading read_by(const Note& note, const RuleBook& book, const Circle& circle, std::optional<std::size_t> forced,
                std::optional<std::size_t>* next, Matches& known, std::optional<std::size_t>* beside = nullptr) {
    Reading reading;
    const std::string text = normalized(note.text);
    const auto spans = sentences(text);
    const auto words = questions::words_in(text);
    const auto quotes = quotations(text);
    const Date noted = note.on;
    if (known.empty()) known = matches_in(book, text, words);

    // The rule that reads it: the strongest kind that matches, then the first in order.
    std::optional<Found> best;
    int best_strength = 99;
    bool best_in_quotes = false;
    std::vector<Found> plain;  // user rules without a kind: pattern → question, alongside
    std::vector<std::string> matched;
    struct Other {
        std::size_t rule;
        int strength;
        questions::Span span;
    };
    std::vector<Other> others;
    bool moved = false;  // called off to another day: "launch pushed to June"
    for (std::size_t i = 0; i < book.size(); ++i) {
        if (!known[i]) continue;
        auto found = known[i];
        const auto& rule = book.rule(i);  // only now: a saved book unpacks a rule when it is used
        if (rule.kind.empty()) {
            plain.push_back(std::move(*found));
            continue;
        }
        if (rule.kind == "cancel") {
            reading.cancels = true;
            moved = moved || rule.id == "rescheduled";
            continue;
        }
        matched.push_back(rule.id);
        const int s = forced ? (i == *forced ? -1 : 99) : strength(rule.kind, rule.sensitive);
        if (!ours(rule.kind) && rule.kind != "private" && rule.kind != "fact")
            others.push_back({i, strength(rule.kind, rule.sensitive), found->groups[0]});
        // Of two things as strong, one told in the note's own words outweighs one the person is
        // quoted saying ("going their separate ways … 'and I've run a redundancy round'").
        const bool in_quotes = quoted(quotes, found->groups[0].begin);
        if (s < best_strength || (s == best_strength && best_in_quotes && !in_quotes)) {
            best = std::move(found);
            best_strength = s;
            best_in_quotes = in_quotes;
        }
    }
    // A loss told as long past ("first time since her ama passed in 2019") is why a journey
    // matters, not the news: the strongest thing of theirs outside its clause is read instead.
    bool past_loss_passed_over = false;
    if (best && !forced && book.rule(best->rule).kind == "loss") {
        const Span loss{static_cast<std::size_t>(best->groups[0].begin), static_cast<std::size_t>(best->groups[0].end)};
        const Span around = clause_at(text, sentence_at(spans, loss.begin), loss);
        const auto dated_around =
            questions::find_dates(std::string_view(text).substr(around.begin, around.end - around.begin), noted, true);
        if (dated_around.history_at(loss.begin - around.begin)) {
            const Other* instead = nullptr;
            for (const auto& other : others) {
                const bool in_clause = other.span.begin < static_cast<long>(around.end) &&
                                       other.span.end > static_cast<long>(around.begin);
                if (in_clause || book.rule(other.rule).sensitive || book.rule(other.rule).kind == "loss") continue;
                if (!instead || other.strength < instead->strength) instead = &other;
            }
            if (instead) {
                best = known[instead->rule];
                best_strength = instead->strength;
                past_loss_passed_over = true;
            }
        }
    }
    // The strongest thing of theirs outside what the best rule matched ("I promised to send the SEO
    // audit" is one promise, not an audit too).
    if (next && best)
        for (const auto& other : others) {
            const auto& span = best->groups[0];
            const bool inside = other.span.begin < span.end && other.span.end > span.begin;
            if (other.rule == best->rule || inside) continue;
            if (!*next || other.strength < strength(book.rule(**next).kind, book.rule(**next).sensitive)) *next = other.rule;
        }
    if (beside && best && !forced) {
        const auto& kind = book.rule(best->rule).kind;
        const Span own{static_cast<std::size_t>(best->groups[0].begin), static_cast<std::size_t>(best->groups[0].end)};
        const Span own_clause = clause_at(text, sentence_at(spans, own.begin), own);
        const Other* found = nullptr;
        for (const auto& other : others) {
            const auto& rule = book.rule(other.rule);
            const bool elsewhere = other.span.begin >= static_cast<long>(own_clause.end) ||
                                   other.span.end <= static_cast<long>(own_clause.begin);
            if (other.rule == best->rule || !elsewhere || rule.sensitive || rule.hold_banks ||
                (rule.kind != "event" && rule.kind != "milestone"))
                continue;
            // An event is a second thing only with its own day in its clause ("best man at his
            // brother's wedding sat, terrified of the speech" is one day); good news is news now.
            const Span at{static_cast<std::size_t>(other.span.begin), static_cast<std::size_t>(other.span.end)};
            const Span its_clause = clause_at(text, sentence_at(spans, at.begin), at);
            if (rule.kind == "event" &&
                questions::find_dates(std::string_view(text).substr(its_clause.begin, its_clause.end - its_clause.begin),
                                      noted, false)
                    .dates.empty())
                continue;
            if (!found || other.strength < found->strength) found = &other;
        }
        if (found && (kind == "event" || kind == "milestone") && !book.rule(best->rule).sensitive) *beside = found->rule;
    }
    for (const auto& name : matched)
        if (!best || name != book.rule(best->rule).id) reading.also.push_back(name);

    // A note that is a question to ask: marked --ask, or ending in "?" and starting as a question
    // does ("did the visa come through?"), not a note unsure of itself ("birthday in March I think??").
    const bool explicit_ask = note.ask || ((trim(note.text).ends_with("?") || trim(note.text).ends_with("？")) &&
                                           !words.empty() && questions::starts_a_question(words.front().text));
    if (best && book.rule(best->rule).kind == "private") {
        if (auto secret = secret_till(text, best->groups[0], noted)) {
            // "pregnant!! not telling anyone till the 12 wk scan mid Jan": news like any other,
            // read without its secret, and nothing of it asked before then.
            Note open = note;
            open.text = text;
            std::fill(open.text.begin() + secret->begin, open.text.begin() + secret->end, ' ');
            Matches unknown;  // another text
            Reading news = read_by(open, book, circle, std::nullopt, next, unknown);
            news.quiet_until = secret->until;
            const Date told = day_after(secret->until);
            // What would have been asked while it was secret waits till it is told, as long as the
            // thing is still to come ("How are you feeling?" of a pregnancy); the rest is gone.
            const bool still_to_come = !news.when || *news.when >= told;
            for (auto& q : news.questions) {
                const bool waits =
                    q.key.ends_with("-before") || q.key.ends_with("-during") || q.key.ends_with("-congrats");
                if (q.until < told && waits && still_to_come)
                    q.until = add(told, Interval{days_between(q.from, q.until), Interval::Unit::days});
                q.from = std::max(q.from, told);
            }
            std::erase_if(news.questions, [](const PlannedQuestion& q) { return q.until < q.from; });
            return news;
        }
        reading.kind = "fact";
        reading.rule = book.rule(best->rule).id;
        reading.do_not_raise = true;
        // A loss or a diagnosis kept quiet ("heard his wife passed — don't raise it") still keeps
        // our work's questions back for a while.
        for (std::size_t i = 0; i < known.size(); ++i)
            if (known[i] && (book.rule(i).kind == "loss" || book.rule(i).sensitive || book.rule(i).hold_banks))
                reading.hold_banks = true;
        return reading;  // nothing comes of it, ever
    }
    // "Launch pushed to June": the earlier note is silenced (see the engine), and this one, read
    // by what it moves, asks about it on its new day.
    std::optional<questions::TextDate> new_day;
    if (moved)
        for (const auto& d : questions::find_dates(text, noted, false).dates)
            if (!new_day && d.date > noted) new_day = d;
    const bool to_a_new_day = new_day && best;
    // "Captain's Day rained off — moved to sat 19 Sept": no rule reads the thing, but the note
    // names it before its new day; asked about on that day as any dated event is (below).
    const std::string moved_thing =
        new_day && !best ? questions::event_named_in(std::string_view(text).substr(0, new_day->begin)) : "";
    const bool unread_to_a_new_day = !moved_thing.empty();
    // A death, a hard time or a hurt to recover from outweighs what it called off ("Euan died on
    // Ben Nevis … fergal pulled out w/ flu", "wedding's off, her dad's cancer is back", "broken
    // her wrist so she's off the tour"), which still asks nothing more.
    const bool grave = best && (book.rule(best->rule).kind == "loss" || book.rule(best->rule).sensitive ||
                                book.rule(best->rule).recovery);
    if (reading.cancels && !to_a_new_day && !unread_to_a_new_day && !grave) {
        // "The wedding's off": it silences the earlier note (see the engine) and asks nothing itself,
        // unless it hurts ("the adoption fell through 💔 they're gutted"): then a gentle word, for a
        // fortnight, never quoting it.
        reading.kind = "fact";
        if (best) reading.also.insert(reading.also.begin(), book.rule(best->rule).id);  // what it calls off
        if (hurts(text, words)) {
            reading.kind = "situation";
            reading.sensitive = true;
            reading.questions.push_back({'r', "called-off-during", "How are you doing?", day_after(noted),
                                         add(noted, Interval{2, Interval::Unit::weeks})});
        }
        return reading;
    }

    Span match{0, text.size()};
    if (best) match = {static_cast<std::size_t>(best->groups[0].begin), static_cast<std::size_t>(best->groups[0].end)};
    const Span sentence = sentence_at(spans, match.begin);
    const QuestionRule* rule = best ? &book.rule(best->rule) : nullptr;
    const Span clause = clause_at(text, sentence, match);
    Tense tense = tense_of(text, words, sentence, clause, match);
    // Beside a loss passed over, whose the thing is is read in its own clause: not the one who died.
    const Span whose_span = past_loss_passed_over ? clause : sentence;
    About about = rule && rule->about_them ? About{} : find_about(text, words, whose_span, match, circle);
    // "my dad died on sunday, told Odile I'm stepping back": the user's own news, the person
    // named in passing; nothing of it is theirs to be asked about.
    if ((about.mine || (about.self() && told_of_ourselves(words, clause, match, quotes)) ||
         lent_to_us(words, clause, match)) &&
        rule && !ours(rule->kind)) {
        reading.kind = "fact";
        reading.rule = rule->id;
        return reading;
    }

    // When: --event, else a date in the same clause as the thing, else the same sentence, else
    // anywhere in the note; the nearest, and a day rather than a month.
    const bool past_tense = tense.past && !tense.future && !moved;  // a new date is ahead
    auto dates = questions::find_dates(text, noted, past_tense);
    // "in 2009" dates its own sentence only, up to an emoji or a dash; beside a loss passed over,
    // its own clause only.
    const Span dated = past_loss_passed_over ? clause : part_at(text, sentence, match);
    if (best) {
        const auto in_dated =
            questions::find_dates(without_other_quotations(text, quotes, dated, match.begin), noted, past_tense);
        // "since her ama passed in 2019" is history for the loss it tells, not for what it follows.
        dates.history = in_dated.history_at(match.begin - dated.begin);
    }
    // A second thing read beside the first lasts only as long as its own words say, up to where
    // the next thing begins ("Bath Half sun 15 March 🏃‍♀️ then flying to Chania on the 19th for a
    // wk": the race is one day).
    if (best && forced) {
        std::size_t until = sentence.end;
        for (std::size_t i = 0; i < known.size(); ++i)
            if (known[i] && i != best->rule && known[i]->groups[0].begin >= static_cast<long>(match.end))
                until = std::min(until, static_cast<std::size_t>(known[i]->groups[0].begin));
        dates.lasting =
            questions::find_dates(std::string_view(text).substr(sentence.begin, until - sentence.begin), noted, past_tense)
                .lasting;
    }
    std::optional<questions::TextDate> when;
    auto distance = [&](const questions::TextDate& d) {
        return std::min<long>(std::labs(static_cast<long>(d.begin) - static_cast<long>(match.begin)),
                              std::labs(static_cast<long>(d.end) - static_cast<long>(match.end)));
    };
    // The thing named again beside a day is as near as its first naming ("her wedding in Pune —
    // sangeet on the 9th, the wedding itself Fri 11 Dec").
    const std::string named =
        match.end - match.begin >= 4 ? fold_case(text.substr(match.begin, match.end - match.begin)) : "";
    auto names_it_again = [&](const questions::TextDate& d) {
        if (named.empty()) return false;
        const Span its = clause_at(text, sentence_at(spans, d.begin), Span{d.begin, d.end});
        return its.begin >= match.end &&
               fold_case(text.substr(its.begin, its.end - its.begin)).find(named) != std::string::npos;
    };
    auto nearness = [&](const questions::TextDate& d) {
        if (!best) return 0;
        if (d.begin >= clause.begin && d.end <= clause.end) return 0;
        if (names_it_again(d)) return 0;
        if (d.begin >= sentence.begin && d.end <= sentence.end) return 1;
        return 2;
    };
    // A hard time is not dated by a date nearer something else the note names ("her dad's been
    // diagnosed, surgery in a few wks", "wedding pushed to spring bc her mum's starting chemo"):
    // the hard time is now; nor is a hurt ("Solvi's broken her wrist — ballet exam pushed to Feb":
    // a recovery nobody plans, with nothing to ask before it), though an operation is dated as
    // any event is.
    const bool hurt = rule && rule->recovery && rule->before.empty();
    const bool hard = rule && (rule->sensitive || rule->kind == "loss" || hurt);
    auto someone_elses = [&](const questions::TextDate& d) {
        for (std::size_t i = 0; i < known.size(); ++i) {
            if (!known[i] || i == best->rule) continue;
            const auto& span = known[i]->groups[0];
            const auto gap = std::min(std::labs(static_cast<long>(d.begin) - span.end),
                                      std::labs(span.begin - static_cast<long>(d.end)));
            if (gap < distance(d)) return true;
        }
        return false;
    };
    for (const auto& d : dates.dates) {
        if (hard && someone_elses(d)) continue;
        if (!when) {
            when = d;
            continue;
        }
        const auto key = std::tuple(nearness(d), d.month_only, distance(d));
        if (key < std::tuple(nearness(*when), when->month_only, distance(*when))) when = d;
    }
    // A month made a day by a day in it elsewhere ("graduates in June!! party on the 21st").
    if (when && when->month_only) {
        for (const auto& d : dates.dates)
            if (!d.month_only && d.date.year() == when->date.year() && d.date.month() == when->date.month()) {
                when = d;
                break;
            }
    }
    // A feast that moves, named without its day: the next one ("Diwali at her parents'").
    if (!when && best && !note.event) {
        const auto& days = book.dates();
        std::string topic;
        if (auto span = best->groups[0]; span.begin >= 0)
            topic = text.substr(static_cast<std::size_t>(span.begin), static_cast<std::size_t>(span.end - span.begin));
        for (auto& c : topic) c = is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
        const std::string lower = fold_case(text);  // "getting married on Chinese New Year"
        for (const auto& [name, list] : days) {
            if (topic.find(name) == std::string::npos && lower.find("on " + name) == std::string::npos) continue;
            for (const auto& day : list)
                if (day >= day_after(noted, -1)) {
                    questions::TextDate found;
                    found.date = day;
                    found.begin = match.begin;
                    found.end = match.end;
                    when = found;
                    break;
                }
            if (when) break;
        }
    }
    if (note.event && note.event->ok()) {
        reading.when = *note.event;
    } else if (when) {
        reading.when = when->date;
        reading.month_only = when->month_only;
    }
    // A day ahead in the thing's own clause is no history, whatever past the rest of the sentence
    // names ("10 days till her talk … (she quit law in 2021)").
    const bool day_ahead = when && !when->month_only && when->date > noted && nearness(*when) == 0 &&
                           !questions::find_dates(std::string_view(text).substr(clause.begin, clause.end - clause.begin),
                                                  noted, past_tense).history;
    reading.history = dates.history && !note.event && !day_ahead;
    // "got into Stanford!! starts in Sept": the news is past; "starts at Wise 16 Mar 🎉": news
    // told as news, to be congratulated now, whenever the thing itself begins.
    const bool celebrated = celebrates(text, words);
    const bool told_as_done = tense.past || celebrated;
    if (reading.when && *reading.when < noted) tense.past = true;
    if (reading.when && *reading.when > noted) tense.past = false;

    reading.relation = about.relation;
    reading.name = about.name;
    reading.negated = tense.negated;

    // The groups of the match, by name and number, as the templates use them.
    Fill f;
    f.about = about;
    if (best) add_groups(f, book, *best, text, spans);
    // Plain rules ask their own question, whatever else the note is.
    auto plan_plains = [&] {
        if (reading.do_not_raise || reading.negated) return;
        for (const auto& found : plain) {
            Fill plain_fill;
            plain_fill.about = about;
            add_groups(plain_fill, book, found, text, spans);
            plan_plain(reading, note, book.rule(found.rule), plain_fill);
        }
    };

    if (explicit_ask && (!rule || rule->kind == "fact" || rule->kind == "situation" || rule->kind == "interest" ||
                         tense.past || !reading.when)) {
        reading.kind = "question";
        reading.phrase = questions::second_person(text);
        if (!reading.phrase.empty())
            reading.questions.push_back({'n', "", reading.phrase, noted, far_future(noted)});
        plan_plains();
        return reading;
    }

    // No rule but a day in the text: an event all the same, named by the clause that dates it.
    if ((!rule || rule->kind == "fact") && !reading.history && when && !note.event && when->date >= noted) {
        const Span around = sentence_at(spans, when->begin);
        auto phrase = questions::dated_phrase(std::string_view(text).substr(around.begin, around.end - around.begin),
                                              when->begin - around.begin, when->end - around.begin);
        if (phrase.empty()) phrase = moved_thing;
        // A day called by its name is itself the occasion when the clause names no other ("runs
        // with the Krampus troupe on Krampusnacht"): asked about by that name, as written.
        bool occasion = phrase.empty() && when->named &&
                        !questions::is_solemn_day(text.substr(when->begin, when->end - when->begin));
        for (const auto& w : words)  // "no meetings on Tisha B'Av": a day kept clear, nothing to ask
            if (occasion && w.begin >= around.begin && w.end <= around.end && questions::is_negation(w.text)) occasion = false;
        if (occasion) phrase = occasion_name(std::string_view(text).substr(when->begin, when->end - when->begin));
        if (!phrase.empty()) {
            reading.kind = "event";
            reading.rule.clear();
            reading.phrase = phrase;
            f.thing = phrase;
            Planner planner{reading, QuestionRule{}, f};
            const Date start = when->date;
            const Date end = when->month_only ? last_of_month(start) : start;
            planner.plan('e', "", {"How are you feeling about {thing}?"}, std::max(noted, day_after(start, -30)),
                         day_after(start, -1));
            // On the day, never how it went: luck for what they are judged at, a good time for
            // what they will enjoy, and nothing for the rest (a deadline kept quiet).
            const std::string noun = fold_case(phrase.substr(phrase.rfind(' ') + 1));
            if (!when->month_only && !occasion && questions::wishes_luck(noun))
                planner.plan('e', "", {"Good luck with {thing} today — how are you feeling?"}, start, start);
            else if (!when->month_only && (occasion || questions::wishes_fun(noun)))
                planner.plan('e', "", {"Enjoy {thing} today — are you all set?"}, start, start);
            planner.plan('e', "", {occasion ? "How was {thing}?" : "How did {thing} go?"}, day_after(end), day_after(end, 42));
            plan_plains();
            return reading;
        }
    }

    if (!rule) {
        // No rule, but a day it happens (--event): ask about it by its own words.
        if (note.event && note.event->ok()) {
            reading.kind = "event";
            reading.phrase = questions::event_phrase(text, dates);
            f.thing = reading.phrase;
            Planner planner{reading, QuestionRule{}, f};
            const Date event = *note.event;
            if (!reading.phrase.empty()) {
                planner.plan('e', "", {"How are you feeling about {thing}?"},
                             std::max(noted, day_after(event, -30)), day_after(event, -1));
                planner.plan('e', "", {"How did {thing} go?"}, day_after(event), day_after(event, 60));
            }
        }
        plan_plains();
        return reading;
    }

    reading.kind = rule->kind;
    reading.rule = rule->id;
    reading.answers = rule->answers;
    reading.sensitive = rule->sensitive;
    reading.hold_banks = rule->hold_banks || rule->sensitive;
    for (const auto& phrase : rule->phrase)
        if (f.thing.empty()) f.thing = fill(phrase, f, false).value_or("");
    if (f.thing.empty() && f.groups.count("topic")) f.thing = fill("{whose} {topic}", f, false).value_or("");
    reading.phrase = f.thing;
    if (reading.kind == "promise" || reading.kind == "mistake" || reading.kind == "feedback") {
        reading.phrase = questions::our_phrase(reading.kind, text, f.groups);
        return reading;  // work for us, shown in `due`, never a question to them
    }
    const bool an_exs_news = about.ex && (reading.kind == "event" || reading.kind == "milestone");
    if (reading.negated || reading.history || reading.kind == "fact" || an_exs_news) {
        plan_plains();
        return reading;
    }

    Planner planner{reading, *rule, f};
    const Interval four_weeks{4, Interval::Unit::weeks}, six_weeks{6, Interval::Unit::weeks};
    const Interval before_for = rule->before_for.value_or(four_weeks);
    const Interval after_for = rule->after_for.value_or(six_weeks);
    const bool is_past = tense.past && !(reading.when && *reading.when > noted);

    if (reading.kind == "loss") {
        planner.plan_phase("after", rule->after, day_after(noted), add(noted, rule->after_for.value_or(Interval{8, Interval::Unit::weeks})));
        plan_plains();
        return reading;
    }
    if (reading.kind == "situation" || reading.kind == "interest") {
        // From when it starts ("moving in with them in March"), else from now; until then, how
        // they feel about it. A deadline ("close by end of Q1") is not a start, nor is the last day
        // of a hard thing already told ("been laid off, last day fri 29th"): unless told as to
        // come ("is being made redundant in March"), that starts now.
        const bool starts_later = reading.when && *reading.when > noted && !(when && when->deadline) &&
                                  !(rule->sensitive && !tense.future);
        // On a day ("moves in the day after Boxing Day"), from the day after it: how someone is
        // settling in is not asked on the day they move. A hard time ("starts chemo on the
        // 14th") is asked about gently on its first day.
        const Date from = !starts_later                               ? noted
                          : reading.month_only || rule->sensitive ? *reading.when
                                                                  : day_after(*reading.when);
        if (starts_later) planner.plan_phase("before", rule->before, noted, day_after(*reading.when, -1));
        const Date until = rule->during_for ? add(from, *rule->during_for)
                           : reading.kind == "interest" ? far_future(from)
                                                       : add(from, Interval{3, Interval::Unit::months});
        planner.plan_phase("during", rule->during, from, until);
        if (!rule->after.empty() && reading.when && !reading.month_only && *reading.when > noted)
            planner.plan_phase("after", rule->after, day_after(*reading.when), add(*reading.when, after_for));
        for (const auto& later : rule->later)
            planner.plan('r', rule->id + "-later", {later.ask}, add(noted, later.from), add(noted, later.to));
        plan_stale(reading, note);
        plan_plains();
        return reading;
    }

    // Events and milestones: before, on the day, after, later; good news first congratulated.
    std::optional<Date> anchor = reading.when;
    if (!anchor && is_past) anchor = noted;  // it has happened: as good as on the day it was noted
    Date congrats_until = noted;
    // News that is nothing but good news ("scan all clear!"): congratulated as told.
    const bool only_news = rule->before.empty() && rule->on.empty() && rule->after.empty();
    // Good news told glad ("her appointment to the board is official!!") is news now, whenever
    // its day.
    if (rule->good_news && (is_past || told_as_done || only_news || told_glad(text)) && !rule->congrats.empty()) {
        // News of something long done is not congratulated, unless told as fresh news ("FINALLY
        // got his visa 🥹").
        congrats_until = add(is_past && anchor && !celebrated ? *anchor : noted, Interval{2, Interval::Unit::weeks});
        // On its day, good luck rather than congratulations again ("first shift mon 4th").
        if (anchor && *anchor > noted && !reading.month_only && !rule->on.empty())
            congrats_until = std::min(congrats_until, day_after(*anchor, -1));
        planner.plan_phase("congrats", rule->congrats, noted, congrats_until);
    }
    if (!anchor) {
        // To come, but when is not known: ready-or-not questions for a while, nothing after.
        planner.plan_phase("before", rule->before, noted, add(noted, before_for));
        plan_stale(reading, note);
        plan_plains();
        return reading;
    }
    const Date start = *anchor;
    // A month, or a part of one ("mid-April"): over when it ends.
    const bool part_of_month = !note.event && when && when->last;
    Date end = reading.month_only ? (part_of_month ? *when->last : last_of_month(start)) : start;
    // "for 3 wks", "a 4-month sabbatical": after it is over (a stay of years is where they live,
    // not a trip). After an operation, "in a sling for 6 wks" is the recovery, asked about from
    // the next day for that long.
    const bool lasts = dates.lasting && add(start, *dates.lasting) <= add(start, Interval{6, Interval::Unit::months});
    if (lasts && !rule->recovery) end = day_after(add(start, *dates.lasting), -1);
    Date after_until = add(end, after_for);
    if (lasts && rule->recovery) after_until = std::max(after_until, add(start, *dates.lasting));
    if (start > noted) {
        planner.plan_phase("before", rule->before, std::max(noted, subtract(start, before_for)), day_after(start, -1));
        if (!reading.month_only) planner.plan_phase("on", rule->on, start, start);
    }
    // After it: from the next day; for something told after it happened, from now; for good
    // news, once the congratulations are over.
    Date after_from = day_after(end);
    // Starting a job "in Sept": settled in by the middle of the month.
    if (reading.kind == "milestone" && reading.month_only && !part_of_month) after_from = Date{start.year(), start.month(), std::chrono::day{15}};
    if (is_past && !reading.when) after_from = noted;
    if (congrats_until > noted) after_from = std::max(after_from, day_after(congrats_until));
    planner.plan_phase("after", rule->after, after_from, after_until);
    for (const auto& later : rule->later)
        planner.plan('r', rule->id + "-later", {later.ask}, add(start, later.from), add(start, later.to));
    plan_plains();
    return reading;
}

}  // namespace

Circle circle_of(const Contact& contact, const ContactCard& card) {
    Circle circle;
    const auto add_words = [&](std::string_view name) {
        for (const auto& word : questions::words_in(name))
            if (!word.text.empty()) circle.own_names.push_back(fold_case(word.text));
    };
    add_words(contact.name);
    for (const auto& nickname : contact.nicknames) add_words(nickname);
    circle.related = card.related;
    return circle;
}

Reading read_note(const Note& whole, const RuleBook& book, const Circle& circle) {
    // A pasted report or email is no life event: the rules read a note's first 64 KiB (cut at
    // a character's start), which keeps `note` of a 10 MB paste quick.
    constexpr std::size_t read_at_most = 64 * 1024;
    std::optional<Note> cut;
    if (whole.text.size() > read_at_most) {
        cut = whole;
        std::size_t end = read_at_most;
        while (end > 0 && (static_cast<unsigned char>(cut->text[end]) & 0xC0) == 0x80) --end;
        cut->text.resize(end);
    }
    const Note& note = cut ? *cut : whole;
    std::optional<std::size_t> next, beside;
    Matches matches;
    Reading reading = read_by(note, book, circle, std::nullopt, &next, matches, &beside);
    // Ours to do, and something of theirs besides: their thing's questions too.
    if (ours(reading.kind) && next) {
        Reading theirs = read_by(note, book, circle, next, nullptr, matches);
        for (auto& planned : theirs.questions) reading.questions.push_back(std::move(planned));
    }
    // Two things of theirs in one note, each in its own clause: the second's questions too, on
    // its own day, unless it says nothing of its own (no day, or long past). When the first is
    // long past, it is why the second matters ("first time back in the Keys since her honeymoon
    // in 2011"): the note is read as the second.
    if (beside && !reading.do_not_raise && !reading.negated) {
        Reading second = read_by(note, book, circle, beside, nullptr, matches);
        // The second is good news beside a dated first, or has a day of its own. Good news is
        // dated by the nearest day, which may be the second thing's ("in profit!!! and the
        // taproom opens on Earth Day"), so a shared day does not make them one thing.
        const bool news_now = second.kind == "milestone" && reading.when;
        // Someone else's thing beside theirs ("promoted to director — her old boss is retiring in
        // June") is nothing to ask them about; their own beside someone else's is ("moving flats on
        // the 7th, then his sister's wedding on the 21st"), and so is their family's day beside
        // their own ("her op's thurs 12th + her son graduates in Galway thurs 26th, she's
        // determined to be there"); a colleague's is not.
        const bool at_work = second.relation == "boss" || second.relation == "manager" ||
                             second.relation == "colleague" || second.relation == "co-founder";
        const bool family_beside_own = reading.relation.empty() && reading.name.empty() && !second.relation.empty() &&
                                       !second.relation.starts_with("ex-") && !at_work;
        const bool same_person = (second.relation == reading.relation && second.name == reading.name) ||
                                 (second.relation.empty() && second.name.empty()) || family_beside_own;
        const bool own_day = (news_now || (second.when && (second.when != reading.when || reading.kind == "milestone"))) &&
                             !second.history && !second.negated && same_person;
        // So is a first that is only a fact, asking nothing and calling nothing off ("their booking
        // site goes live 2026-310, we run the load test the night before": our test, their launch).
        const bool only_a_fact = reading.kind == "fact" && reading.questions.empty() && !reading.cancels &&
                                 !reading.sensitive && !reading.hold_banks;
        if ((reading.history || only_a_fact) && own_day && !ours(reading.kind))
            reading = std::move(second);
        else if (!reading.history && own_day)
            for (auto& planned : second.questions) reading.questions.push_back(std::move(planned));
    }
    return reading;
}

}  // namespace kith
