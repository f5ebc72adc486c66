#include "questions/phrases.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <vector>

#include "kith/text.h"
#include "questions/words.h"

namespace kith::questions {

namespace {


std::string capitalised_word(std::string_view word) {
    std::string out(word);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (is_ascii_upper(c)) c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::vector<std::string> split_words(std::string_view text) {
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

std::string join_words(const std::vector<std::string>& words) { return join(words, " "); }

// A word as the lists know it: lower case, without surrounding punctuation.
std::string key_of(std::string_view word) {
    std::string key = lower_ascii(word);
    while (!key.empty() && std::string_view(",.;:!?\"()").find(key.back()) != std::string_view::npos) key.pop_back();
    while (!key.empty() && std::string_view("\"(").find(key.front()) != std::string_view::npos) key.erase(key.begin());
    return key;
}

// Words after which "her" is not possessive ("told her about", "with her").
bool ends_phrase(std::string_view key) {
    static constexpr std::array<std::string_view, 31> words{
        "", "about", "to", "for", "with", "in", "on", "at", "up", "out", "and", "or", "that", "the", "a", "an",
        "off", "back", "down", "over", "into", "again", "know", "if", "how", "what", "is", "was", "has", "had", "will"};
    return std::find(words.begin(), words.end(), key) != words.end();
}

// Third person to second: "his/her/their" → "your", "he/she/they" → "you" (with the verb that
// follows agreeing), "him/her/them" → "you"; "her son Lou" → "Lou", "their dog Bear" → "Bear".
std::vector<std::string> to_second_person(std::vector<std::string> words) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string word = words[i];
        const std::string key = key_of(word);
        const std::string next = i + 1 < words.size() ? key_of(words[i + 1]) : std::string();
        const std::string trail = word.size() > key.size() ? word.substr(word.find_last_not_of(",.;:!?\")") + 1) : "";
        const bool possessive = key == "his" || key == "their" || (key == "her" && !ends_phrase(next));
        if (possessive && i + 1 < words.size()) {
            // "her son Lou" → "Lou"
            if (relation_named(next) && i + 2 < words.size() && is_ascii_upper(words[i + 2][0]) &&
                !never_a_name(key_of(words[i + 2]))) {
                out.push_back(words[i + 2]);
                i += 2;
                continue;
            }
            out.push_back("your" + trail);
            continue;
        }
        if (key == "he" || key == "she" || key == "they") {
            // "Has she found a flat?" → "Have you found a flat?"
            static const std::array<std::pair<std::string_view, std::string_view>, 8> inverted{
                {{"is", "are"}, {"was", "were"}, {"has", "have"}, {"does", "do"}, {"isn't", "aren't"},
                 {"wasn't", "weren't"}, {"hasn't", "haven't"}, {"doesn't", "don't"}}};
            if (!out.empty() && key != "they")
                for (const auto& [from, to] : inverted)
                    if (key_of(out.back()) == from) {
                        const bool capital = is_ascii_upper(out.back()[0]);
                        out.back() = std::string(to);
                        if (capital) out.back()[0] = static_cast<char>(out.back()[0] - 'a' + 'A');
                        break;
                    }
            out.push_back("you" + trail);
            if (i + 1 < words.size()) {
                static const std::array<std::pair<std::string_view, std::string_view>, 5> agree{
                    {{"is", "are"}, {"was", "were"}, {"has", "have"}, {"does", "do"}, {"doesn't", "don't"}}};
                for (const auto& [from, to] : agree)
                    if (next == from) {
                        out.push_back(std::string(to));
                        ++i;
                        break;
                    }
            }
            continue;
        }
        if (key == "he's" || key == "she's" || key == "they're") {
            out.push_back("you're" + trail);
            continue;
        }
        if (key == "him" || key == "them" || key == "her") {
            out.push_back("you" + trail);
            continue;
        }
        if (key == "himself" || key == "herself" || key == "themselves") {
            out.push_back("yourself" + trail);
            continue;
        }
        out.push_back(word);
    }
    return out;
}

// Irregular past forms to the verb's base, for "Did you …?".
std::string base_of_irregular(std::string_view past) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 30> verbs{{
        {"got", "get"},     {"went", "go"},     {"took", "take"},   {"had", "have"},     {"made", "make"},
        {"found", "find"},  {"heard", "hear"},  {"sold", "sell"},   {"bought", "buy"},   {"won", "win"},
        {"gave", "give"},   {"came", "come"},   {"ran", "run"},     {"left", "leave"},   {"felt", "feel"},
        {"kept", "keep"},   {"began", "begin"}, {"chose", "choose"}, {"said", "say"},    {"told", "tell"},
        {"did", "do"},      {"saw", "see"},     {"met", "meet"},    {"paid", "pay"},     {"sent", "send"},
        {"spent", "spend"}, {"wrote", "write"}, {"flew", "fly"},    {"drove", "drive"},  {"thought", "think"},
    }};
    for (const auto& [form, base] : verbs)
        if (past == form) return std::string(base);
    return {};
}

bool is_auxiliary(std::string_view key) {
    static constexpr std::array<std::string_view, 16> words{"is",   "are",   "was",    "were",  "has",  "have",
                                                            "had",  "will",  "can",    "could", "would", "should",
                                                            "does", "do",    "did",    "might"};
    return std::find(words.begin(), words.end(), key) != words.end();
}

std::string finish(std::vector<std::string> words) {
    std::string text = join_words(words);
    while (!text.empty() && std::string_view(" .,;:!").find(text.back()) != std::string_view::npos) text.pop_back();
    if (text.empty()) return {};
    if (text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    if (!text.ends_with("?")) text += "?";
    return text;
}

// "ask how the physio is going" → "How is the physio going?"; "ask how the opening went" →
// "How did the opening go?".
std::string wh_question(const std::string& wh, std::vector<std::string> clause) {
    for (std::size_t i = 0; i < clause.size(); ++i) {
        const std::string key = key_of(clause[i]);
        if (i > 0 && is_auxiliary(key)) {
            std::vector<std::string> out{wh, clause[i]};
            out.insert(out.end(), clause.begin(), clause.begin() + static_cast<long>(i));
            out.insert(out.end(), clause.begin() + static_cast<long>(i) + 1, clause.end());
            return finish(out);
        }
        if (i > 0) {
            std::string base = base_of_irregular(key);
            if (base.empty() && key.size() > 4 && key.ends_with("ed")) continue;  // not sure of its base
            if (!base.empty()) {
                std::vector<std::string> out{wh, "did"};
                out.insert(out.end(), clause.begin(), clause.begin() + static_cast<long>(i));
                out.push_back(base);
                out.insert(out.end(), clause.begin() + static_cast<long>(i) + 1, clause.end());
                return finish(out);
            }
        }
    }
    std::vector<std::string> out{wh};
    out.insert(out.end(), clause.begin(), clause.end());
    return finish(out);
}

// "ask if Lou got the place" → "Did Lou get the place?"; "whether he ended up taking the job"
// → "Have you ended up taking the job?"; "if the visa has come through" → "Has the visa come through?".
std::string yes_no_question(std::vector<std::string> clause) {
    for (std::size_t i = 1; i < clause.size(); ++i) {
        const std::string key = key_of(clause[i]);
        if (is_auxiliary(key)) {
            std::vector<std::string> out{clause[i]};
            out.insert(out.end(), clause.begin(), clause.begin() + static_cast<long>(i));
            out.insert(out.end(), clause.begin() + static_cast<long>(i) + 1, clause.end());
            return finish(out);
        }
        if (auto base = base_of_irregular(key); !base.empty()) {
            std::vector<std::string> out{"did"};
            out.insert(out.end(), clause.begin(), clause.begin() + static_cast<long>(i));
            out.push_back(base);
            out.insert(out.end(), clause.begin() + static_cast<long>(i) + 1, clause.end());
            return finish(out);
        }
        if (key.size() > 3 && key.ends_with("ed")) {
            const bool plural = key_of(clause[0]) == "you" || i > 1;
            std::vector<std::string> out{key_of(clause[0]) == "you" || plural ? "have" : "has"};
            out.insert(out.end(), clause.begin(), clause.end());
            return finish(out);
        }
    }
    return {};
}

}  // namespace

std::string second_person(std::string_view note) {
    std::string text = trim(note);
    while (!text.empty() && (text.back() == '?' || text.back() == '.' || text.back() == '!')) text.pop_back();
    auto words = to_second_person(split_words(text));
    if (words.empty()) return {};
    std::string first = key_of(words[0]);
    if (first == "ask" || first == "remember" || first == "find") {
        words.erase(words.begin());
        if (!words.empty() && (key_of(words[0]) == "you" || key_of(words[0]) == "out")) words.erase(words.begin());
        if (words.empty()) return {};
        first = key_of(words[0]);
        if (first == "if" || first == "whether") {
            words.erase(words.begin());
            return yes_no_question(words);
        }
        if (first == "how" || first == "what" || first == "when" || first == "where" || first == "why" ||
            first == "who" || first == "which") {
            words.erase(words.begin());
            return wh_question(capitalised_word(first), words);
        }
        if (first == "about") {
            words.erase(words.begin());
            if (words.empty()) return {};
            std::vector<std::string> out{"How", "is"};
            out.insert(out.end(), words.begin(), words.end());
            out.push_back("going");
            return finish(out);
        }
        return {};
    }
    return finish(words);
}

std::string event_phrase(std::string_view note, const TextDates& dates) {
    // The first sentence, without the dates in it.
    std::string text(note.substr(0, note.find_first_of(".!?\n")));
    for (auto it = dates.dates.rbegin(); it != dates.dates.rend(); ++it) {
        if (it->end > text.size()) continue;
        std::size_t begin = it->begin;
        // "on 3 March", "this Friday": the little word before the date goes too.
        for (std::string_view lead : {"on ", "this ", "next ", "by ", "in ", "the "})
            if (begin >= lead.size() && lower_ascii(text.substr(begin - lead.size(), lead.size())) == lead)
                begin -= lead.size();
        text.erase(begin, it->end - begin);
    }
    auto words = split_words(text);
    // Hashtags at the end, then "He's", "She is", "They will be" before the thing itself.
    while (words.size() > 1 && words.back().size() > 1 && words.back()[0] == '#') words.pop_back();
    for (auto& w : words)
        if (w.size() > 1 && w[0] == '#') w.erase(w.begin());
    if (words.empty()) return {};
    std::size_t skip = 0;
    const std::string first = key_of(words[0]);
    if (first == "he's" || first == "she's" || first == "they're" || first == "he'll" || first == "she'll" ||
        first == "they'll") {
        skip = 1;
    } else if (words.size() > 1 && (first == "he" || first == "she" || first == "they") &&
               (is_auxiliary(key_of(words[1])) || key_of(words[1]) == "'s")) {
        skip = 2;
    }
    if (skip && skip < words.size() && key_of(words[skip]) == "be") ++skip;
    words.erase(words.begin(), words.begin() + static_cast<long>(std::min(skip, words.size())));
    // "Running the Berlin marathon" → "the Berlin marathon": an -ing verb before an event's
    // name; "presenting the new routing system to the board" keeps its verb, or says nothing.
    if (words.size() > 1 && key_of(words[0]).ends_with("ing") && !relation_named(key_of(words[0]))) {
        const std::string next = key_of(words[1]);
        const bool article = next == "the" || next == "a" || next == "an" || next == "his" || next == "her" ||
                             next == "their" || next == "in" || next == "at";
        bool names_an_event = false;
        for (std::size_t k = 2; k < words.size() && k < 6; ++k) {
            const std::string key = key_of(words[k]);
            if (is_event_noun(key)) names_an_event = true;
            if (key == "to" || key == "for" || key == "with" || key == "of") break;  // the noun phrase ends
        }
        if (article && names_an_event)
            words.erase(words.begin(), words.begin() + (next == "in" || next == "at" ? 2 : 1));
    }
    words = to_second_person(words);
    std::string out = join_words(words);
    while (!out.empty() && std::string_view(".!?,;:- ").find(out.back()) != std::string_view::npos) out.pop_back();
    out = trim(out);
    if (out.empty()) return {};
    const std::string lead = key_of(out.substr(0, out.find(' ')));
    if (is_ascii_upper(out[0]) && (is_common_word(lead) || !never_a_name(lead)) && out.size() > 1 && !is_ascii_upper(out[1]) &&
        (out.find(' ') == std::string::npos || !is_ascii_upper(out[out.find(' ') + 1])))
        out[0] = static_cast<char>(out[0] - 'A' + 'a');
    if (lead != "the" && lead != "your" && lead != "a" && lead != "an" && !lead.ends_with("ing") && !is_ascii_upper(out[0]))
        out = "the " + out;
    return excerpt(out, 80);
}

namespace {

// A named occasion's last word: "Captain's Day", "Twelfth Night", "the Supreme Cat Show"; or a
// day named for what happens on it: "pub day", "moving day", "results day".
bool names_an_occasion(const std::vector<std::string>& words, std::size_t i) {
    static const std::set<std::string> days_of{"pub",    "publication", "launch", "race",      "moving",
                                               "sports", "open",        "results", "match",    "polling",
                                               "release", "opening",    "selection", "award", "awards",
                                               "graduation", "wedding", "induction", "demo",   "game"};
    const std::string key = key_of(words[i]);
    if (key != "day" && key != "night") return false;
    if (i == 0) return false;
    return (is_ascii_upper(words[i][0]) && is_ascii_upper(words[i - 1][0])) || days_of.count(key_of(words[i - 1]));
}

}  // namespace

std::string event_named_in(std::string_view clause) {
    const auto words = split_words(clause);
    std::size_t noun = words.size();
    for (std::size_t i = words.size(); i-- > 0;) {
        if (is_event_noun(key_of(words[i])) || names_an_occasion(words, i)) {
            noun = i;
            break;
        }
    }
    if (noun == words.size()) return {};
    // Its qualifiers: up to three words back, stopping at a determiner, a verb or a preposition.
    static const std::set<std::string> stops{"her",  "his", "their", "the", "a",    "an",   "my",    "our",  "your",
                                             "its",  "has", "have",  "had", "is",   "are",  "was",   "were", "at",
                                             "for",  "on",  "in",    "to",  "of",   "with", "and",   "or",   "but",
                                             "into", "by",  "from",  "w/",  "&",    "+",    "then",  "after", "before",
                                             "got",  "get", "gets",  "be",  "been", "this", "that",  "next", "last"};
    std::size_t first = noun;
    while (first > 0 && noun - first < 3) {
        const std::string& before = words[first - 1];
        const std::string key = key_of(before);
        if (key.empty() || stops.count(key) || static_cast<unsigned char>(before[0]) >= 0x80) break;
        const bool a_name = is_ascii_upper(before[0]);
        // A lower-case verb before the noun ("sitting", "entered") is not part of its name.
        if (!a_name && (key.ends_with("ing") || key.ends_with("ed") || key.ends_with("'s") || is_past_marker(key))) break;
        --first;
    }
    std::string out;
    for (std::size_t i = first; i <= noun; ++i) out += (out.empty() ? "" : " ") + words[i];
    while (!out.empty() && std::string_view(".!?,;:").find(out.back()) != std::string_view::npos) out.pop_back();
    const bool named = is_ascii_upper(words[first][0]) && !is_proper_noun(key_of(words[first]));
    const bool after_the = first > 0 && key_of(words[first - 1]) == "the";
    if (!named || after_the) out = "the " + out;
    return out;
}

std::string dated_phrase(std::string_view sentence, std::size_t date_begin, std::size_t date_end) {
    // A date read across a sentence break ("May. 30") may end past the sentence that holds its start.
    date_end = std::min(date_end, sentence.size());
    date_begin = std::min(date_begin, date_end);
    // The clause that holds the date: up to a comma, a semicolon or a dash.
    std::size_t begin = 0, end = sentence.size();
    for (std::string_view cut : {",", ";", " - ", " (", "!", ":"}) {
        auto before = sentence.rfind(cut, date_begin);
        if (before != std::string_view::npos && before + cut.size() > begin && before < date_begin)
            begin = before + cut.size();
        auto after = sentence.find(cut, date_end);
        if (after != std::string_view::npos && after < end) end = after;
    }
    std::string text(sentence.substr(begin, date_begin - begin));
    text += ' ';
    text += sentence.substr(date_end, end - date_end);
    auto words = split_words(text);
    // The little word before the date goes with it ("on 3 May", "in Nov", "this weekend").
    static const std::set<std::string> leads{"on", "in", "by", "this", "next", "from", "the", "at", "for", "til",
                                             "until", "starting", "from"};
    auto key_at = [&](std::size_t i) { return i < words.size() ? key_of(words[i]) : std::string(); };
    // Drop a subject and its verb at the start: "she's", "they're", "he is", "we", "I'm".
    static const std::set<std::string> subjects{"she's", "he's", "they're", "we're", "i'm", "she", "he", "they",
                                                "we", "i", "she'll", "he'll", "they'll", "we'll", "i'll", "it's"};
    static const std::set<std::string> auxiliaries{"is", "are", "will", "be", "was", "has", "have", "am", "got"};
    while (!words.empty() && (subjects.count(key_at(0)) || auxiliaries.count(key_at(0)))) words.erase(words.begin());
    // And a verb group after the thing: "goes live", "kicks off", "opens", "is on".
    static const std::set<std::string> tails{"goes", "go", "going", "live", "opens", "open", "opening", "starts",
                                             "start", "kicks", "kick", "off", "launches", "ships", "is", "are",
                                             "happens", "begins", "lands", "out", "drops", "closes", "wraps",
                                             "due", "on", "in", "at", "this", "next", "by", "from", "planned",
                                             "scheduled", "booked", "coming", "up", "soon", "set", "for", "til",
                                             "until", "the", "and", "then", "lol", "!!", "finally"};
    while (!words.empty() && (tails.count(key_at(words.size() - 1)) || leads.count(key_at(words.size() - 1))))
        words.pop_back();
    for (auto& w : words) {
        if (w.size() > 1 && w[0] == '#') w.erase(w.begin());
        if (key_of(w) == "w/") w = "with";
    }
    std::erase_if(words, [](const std::string& w) { return key_of(w).empty() || static_cast<unsigned char>(w[0]) >= 0xE2; });
    for (const auto& w : words)
        if (is_past_marker(key_of(w)) || key_of(w) == "needs" || key_of(w) == "no" || key_of(w) == "not") return {};
    // Only a short phrase that names an event ("the public beta", "the probation review"), or
    // the event a longer clause names before its date; any other clause with a date ("no
    // meetings after 3") is not something to ask how it went.
    if (words.empty() || words.size() > 6 || !is_event_noun(key_of(words.back()))) {
        // A date in a clause of its own ("… the Supreme Cat Show, sat 21 Nov") dates the
        // clause before it.
        const bool alone =
            std::ranges::all_of(words, [](const std::string& w) { return weekday_named(key_of(w)).has_value(); });
        return excerpt(event_named_in(sentence.substr(alone ? 0 : begin, date_begin - (alone ? 0 : begin))), 60);
    }
    // "pitching to Sequoia" → "the pitch to Sequoia"
    static const std::map<std::string, std::string> nouns{
        {"pitching", "pitch"}, {"presenting", "presentation"}, {"moving", "move"}, {"interviewing", "interview"},
        {"launching", "launch"}, {"speaking", "talk"}, {"performing", "performance"}, {"competing", "competition"},
        {"racing", "race"}, {"running", "run"}, {"flying", "flight"}, {"hosting", "event they are hosting"},
        {"visiting", "visit"}, {"meeting", "meeting"}, {"auditioning", "audition"}, {"playing", "game"}};
    if (auto noun = nouns.find(key_at(0)); noun != nouns.end()) words[0] = noun->second;
    words = to_second_person(words);
    std::string out = join_words(words);
    while (!out.empty() && std::string_view(".!?,;:- ").find(out.back()) != std::string_view::npos) out.pop_back();
    out = trim(out);
    if (out.empty()) return {};
    const std::string lead = key_of(out.substr(0, out.find(' ')));
    if (is_ascii_upper(out[0]) && out.size() > 1 && !is_ascii_upper(out[1]) && !is_proper_noun(lead) &&
        (out.find(' ') == std::string::npos || !is_ascii_upper(out[out.find(' ') + 1])))
        out[0] = static_cast<char>(out[0] - 'A' + 'a');
    if (lead != "the" && lead != "your" && lead != "a" && lead != "an" && !is_ascii_upper(out[0])) out = "the " + out;
    return excerpt(out, 60);
}

std::string our_phrase(const std::string& kind, std::string_view text, const std::map<std::string, std::string>& groups) {
    std::string phrase;
    if (auto thing = groups.find("thing"); thing != groups.end() && !thing->second.empty()) phrase = thing->second;
    else phrase = std::string(trim(text));
    if (kind == "promise") {
        // "intro her to Sam" → "intro to Sam": the person is who the promise is to.
        auto words = split_words(phrase);
        if (words.size() > 2) {
            const std::string second = key_of(words[1]);
            if (second == "her" || second == "him" || second == "them") words.erase(words.begin() + 1);
        }
        phrase = join_words(words);
    } else if (kind == "feedback") {
        for (std::string_view lead : {"feedback:", "feedback -", "feedback"})
            if (lower_ascii(phrase).starts_with(lead)) {
                phrase = trim(std::string_view(phrase).substr(lead.size()));
                break;
            }
    } else if (kind == "mistake") {
        // What we did, without the asides: it ends at a comma, a bracket, a dash or an emoji ("I
        // used her old married name in the all-hands email 😬 (she went back to Adeleke after the
        // divorce)" keeps nothing of her divorce).
        std::size_t end = phrase.find_first_of(",;(");
        for (std::string_view stop : {std::string_view("\xF0"), std::string_view(" \xE2\x80\x94 "), std::string_view(" - ")})
            end = std::min(end, phrase.find(stop));
        phrase = phrase.substr(0, end);
    }
    while (!phrase.empty() && std::string_view(".!,;: ").find(phrase.back()) != std::string_view::npos) phrase.pop_back();
    return excerpt(trim(phrase), 80);
}

std::string excerpt(std::string_view text, std::size_t limit) {
    std::string flat;
    for (char c : text) {
        const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (blank) {
            if (!flat.empty() && flat.back() != ' ') flat += ' ';
        } else {
            flat += c;
        }
    }
    flat = trim(flat);
    std::size_t chars = 0, cut = flat.size();
    for (std::size_t i = 0; i < flat.size(); ++i) {
        if ((static_cast<unsigned char>(flat[i]) & 0xC0) == 0x80) continue;
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
    while (!head.empty() && std::string_view(",;:- ").find(head.back()) != std::string_view::npos) head.pop_back();
    return head + "…";
}

}  // namespace kith::questions
