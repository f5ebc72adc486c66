#include "questions/words.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

namespace kith::questions {

namespace {

// How people write their relatives in a hurry, misspellings and shorthand included.
constexpr std::array relations{
    Relation{"mum", "mum", 'f', false, false},          Relation{"mom", "mom", 'f', false, false},
    Relation{"mother", "mother", 'f', false, false},    Relation{"ma", "mum", 'f', false, false},
    Relation{"mam", "mam", 'f', false, false},          Relation{"mummy", "mum", 'f', false, false},
    Relation{"mommy", "mom", 'f', false, false},        Relation{"mama", "mum", 'f', false, false},
    Relation{"dad", "dad", 'm', false, false},          Relation{"father", "father", 'm', false, false},
    Relation{"pa", "dad", 'm', false, false},           Relation{"papa", "dad", 'm', false, false},
    Relation{"daddy", "dad", 'm', false, false},        Relation{"pops", "dad", 'm', false, false},
    Relation{"parents", "parents", 'n', true, false},   Relation{"folks", "parents", 'n', true, false},
    Relation{"husband", "husband", 'm', false, false},  Relation{"husbnad", "husband", 'm', false, false},
    Relation{"hubby", "husband", 'm', false, false},    Relation{"hubs", "husband", 'm', false, false},
    Relation{"dh", "husband", 'm', false, false},       Relation{"wife", "wife", 'f', false, false},
    Relation{"wifey", "wife", 'f', false, false},       Relation{"dw", "wife", 'f', false, false},
    Relation{"partner", "partner", 'n', false, false},  Relation{"spouse", "partner", 'n', false, false},
    Relation{"fiance", "fiancé", 'm', false, false},    Relation{"fiancé", "fiancé", 'm', false, false},
    Relation{"fiancee", "fiancée", 'f', false, false},  Relation{"fiancée", "fiancée", 'f', false, false},
    Relation{"boyfriend", "boyfriend", 'm', false, false}, Relation{"bf", "boyfriend", 'm', false, false},
    Relation{"girlfriend", "girlfriend", 'f', false, false}, Relation{"gf", "girlfriend", 'f', false, false},
    Relation{"son", "son", 'm', false, false},          Relation{"daughter", "daughter", 'f', false, false},
    Relation{"daugther", "daughter", 'f', false, false}, Relation{"dd", "daughter", 'f', false, false},
    Relation{"ds", "son", 'm', false, false},           Relation{"kid", "kid", 'n', false, false},
    Relation{"kids", "kids", 'n', true, false},         Relation{"child", "child", 'n', false, false},
    Relation{"children", "children", 'n', true, false}, Relation{"twins", "twins", 'n', true, false},
    Relation{"triplets", "triplets", 'n', true, false}, Relation{"baby", "baby", 'n', false, false},
    Relation{"toddler", "little one", 'n', false, false}, Relation{"teenager", "teenager", 'n', false, false},
    Relation{"eldest", "eldest", 'n', false, false},    Relation{"youngest", "youngest", 'n', false, false},
    Relation{"stepson", "stepson", 'm', false, false},  Relation{"stepdaughter", "stepdaughter", 'f', false, false},
    Relation{"stepdad", "stepdad", 'm', false, false},  Relation{"stepmum", "stepmum", 'f', false, false},
    Relation{"stepmom", "stepmom", 'f', false, false},  Relation{"brother", "brother", 'm', false, false},
    Relation{"bro", "brother", 'm', false, false},      Relation{"sister", "sister", 'f', false, false},
    Relation{"sis", "sister", 'f', false, false},       Relation{"sibling", "sibling", 'n', false, false},
    Relation{"grandma", "grandma", 'f', false, false},  Relation{"granny", "granny", 'f', false, false},
    Relation{"gran", "gran", 'f', false, false},        Relation{"nan", "nan", 'f', false, false},
    Relation{"nana", "nana", 'f', false, false},        Relation{"nanna", "nana", 'f', false, false},
    Relation{"grandmother", "grandmother", 'f', false, false}, Relation{"grandpa", "grandpa", 'm', false, false},
    Relation{"grandad", "grandad", 'm', false, false},  Relation{"granddad", "granddad", 'm', false, false},
    Relation{"grandfather", "grandfather", 'm', false, false}, Relation{"gramps", "grandad", 'm', false, false},
    Relation{"grandparents", "grandparents", 'n', true, false}, Relation{"grandson", "grandson", 'm', false, false},
    Relation{"granddaughter", "granddaughter", 'f', false, false}, Relation{"grandchild", "grandchild", 'n', false, false},
    Relation{"grandkids", "grandkids", 'n', true, false}, Relation{"grandchildren", "grandchildren", 'n', true, false},
    Relation{"aunt", "aunt", 'f', false, false},        Relation{"auntie", "aunt", 'f', false, false},
    Relation{"aunty", "aunt", 'f', false, false},       Relation{"uncle", "uncle", 'm', false, false},
    Relation{"cousin", "cousin", 'n', false, false},    Relation{"niece", "niece", 'f', false, false},
    Relation{"nephew", "nephew", 'm', false, false},    Relation{"in-laws", "in-laws", 'n', true, false},
    Relation{"mil", "mother-in-law", 'f', false, false}, Relation{"mother-in-law", "mother-in-law", 'f', false, false},
    Relation{"fil", "father-in-law", 'm', false, false}, Relation{"father-in-law", "father-in-law", 'm', false, false},
    Relation{"sil", "sister-in-law", 'f', false, false}, Relation{"sister-in-law", "sister-in-law", 'f', false, false},
    Relation{"bil", "brother-in-law", 'm', false, false}, Relation{"brother-in-law", "brother-in-law", 'm', false, false},
    Relation{"boss", "boss", 'n', false, false},        Relation{"manager", "manager", 'n', false, false},
    Relation{"cofounder", "co-founder", 'n', false, false}, Relation{"co-founder", "co-founder", 'n', false, false},
    Relation{"colleague", "colleague", 'n', false, false}, Relation{"dog", "dog", 'n', false, true},
    Relation{"puppy", "puppy", 'n', false, true},       Relation{"pup", "pup", 'n', false, true},
    Relation{"cat", "cat", 'n', false, true},           Relation{"kitten", "kitten", 'n', false, true},
    Relation{"lab", "dog", 'n', false, true},           Relation{"labrador", "dog", 'n', false, true},
    Relation{"spaniel", "dog", 'n', false, true},       Relation{"terrier", "dog", 'n', false, true},
    Relation{"retriever", "dog", 'n', false, true},     Relation{"collie", "dog", 'n', false, true},
    Relation{"beagle", "dog", 'n', false, true},        Relation{"whippet", "dog", 'n', false, true},
    Relation{"greyhound", "dog", 'n', false, true},     Relation{"dachshund", "dog", 'n', false, true},
    Relation{"poodle", "dog", 'n', false, true},        Relation{"horse", "horse", 'n', false, true},
    Relation{"pony", "pony", 'n', false, true},         Relation{"snake", "snake", 'n', false, true},
    Relation{"tortoise", "tortoise", 'n', false, true}, Relation{"hamster", "hamster", 'n', false, true},
    Relation{"parrot", "parrot", 'n', false, true},     Relation{"budgie", "budgie", 'n', false, true},
    Relation{"ferret", "ferret", 'n', false, true},     Relation{"gecko", "gecko", 'n', false, true},
    Relation{"rabbit", "rabbit", 'n', false, true},
    Relation{"pug", "dog", 'n', false, true},           Relation{"cockapoo", "dog", 'n', false, true},
    Relation{"labradoodle", "dog", 'n', false, true},   Relation{"schnauzer", "dog", 'n', false, true},
    Relation{"frenchie", "dog", 'n', false, true},      Relation{"husky", "dog", 'n', false, true},
    Relation{"corgi", "dog", 'n', false, true},         Relation{"bulldog", "dog", 'n', false, true},
    Relation{"springer", "dog", 'n', false, true},      Relation{"cocker", "dog", 'n', false, true},
    Relation{"lurcher", "dog", 'n', false, true},       Relation{"staffie", "dog", 'n', false, true},
    Relation{"vizsla", "dog", 'n', false, true},        Relation{"weimaraner", "dog", 'n', false, true},
    Relation{"cavapoo", "dog", 'n', false, true},       Relation{"sheepdog", "dog", 'n', false, true},
    Relation{"dalmatian", "dog", 'n', false, true},     Relation{"rottweiler", "dog", 'n', false, true},
};

const std::unordered_map<std::string_view, const Relation*>& relation_index() {
    static const auto index = [] {
        std::unordered_map<std::string_view, const Relation*> out;
        for (const auto& relation : relations) out.emplace(relation.word, &relation);
        return out;
    }();
    return index;
}

using WordSet = std::unordered_set<std::string_view>;

// Function words and the verbs and nouns notes are made of: in a lower-case note, a word
// after "son" or "daughter" that is none of these is taken for a name.
const WordSet& common_words() {
    static const WordSet words{
        "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "back", "be",
        "been", "before", "being", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "done", "down",
        "each", "even", "ever", "every", "for", "from", "get", "gets", "getting", "got", "had", "has", "have",
        "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just",
        "last", "like", "made", "make", "may", "me", "might", "more", "most", "much", "must", "my", "new", "next",
        "no", "not", "now", "of", "off", "old", "on", "once", "one", "only", "or", "other", "our", "out", "over", "own",
        "really", "said", "same", "says", "see", "she", "should", "so", "some", "soon", "still", "such", "than", "that",
        "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "too", "two", "under", "up",
        "us", "very", "was", "way", "we", "well", "went", "were", "what", "when", "where", "which", "while", "who",
        "why", "will", "with", "would", "yet", "you", "your", "just", "finally", "starts", "started", "starting",
        "start", "finished", "finishing", "passed", "died", "having", "having", "going", "gone", "goes", "left",
        "leaves", "leaving", "moved", "moving", "moves", "turned", "turns", "turning", "sitting", "sits", "sat",
        "doing", "is", "graduates", "graduated", "graduating", "won", "wins", "lost", "loses", "broke", "broken",
        "fell", "falls", "playing", "plays", "played", "took", "takes", "taking", "now", "also", "still", "recently",
        "home", "school", "uni", "college", "work", "job", "trouble", "exam", "exams", "surgery", "operation",
        "hospital", "birthday", "wedding", "baby", "first", "second", "third", "eldest", "youngest", "little", "big",
        "older", "younger", "oldest", "w", "w/", "re", "pls", "ppl", "bc", "bday", "tbh", "lol", "omg", "v", "ok",
        "okay", "thanks", "hopes", "hoping", "wants", "needs", "thinks", "says", "told", "asked", "loves", "hates",
        "likes", "hated", "loved", "plans", "planning", "planned", "visiting", "visit", "visited", "coming", "came",
        "comes", "was", "due", "expecting", "getting", "got", "gets", "will", "wont", "won't", "can't", "cant",
        "didn't", "doesn't", "isn't", "wasn't", "hasn't", "haven't", "he's", "she's", "they're", "it's", "there's",
        "i'm", "i'll", "we'll", "she'll", "he'll", "they'll", "today", "tomorrow", "yesterday", "tonight", "week",
        "weeks", "month", "months", "year", "years", "day", "days", "weekend", "morning", "evening", "night",
    };
    return words;
}

// Capitalised words that do not name anyone, even right after "daughter" or before "'s".
const WordSet& non_names() {
    static const WordSet words{
        "i", "i'm", "i've", "i'll", "i'd",  // "I've been made redundant": never a name, though capitalised
        "the", "a", "an", "he", "she", "they", "we", "it", "his", "her", "their", "my", "our", "your", "mum",
        "mom", "dad", "mother", "father", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun", "january",
        "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs",
        "ms", "dr", "prof", "sir", "lady", "christmas", "easter", "diwali", "eid", "hanukkah", "ramadan", "passover",
        "thanksgiving", "new", "big", "just", "also", "and", "but", "so", "then", "now", "today", "tomorrow",
        "yesterday", "next", "last", "this", "that", "these", "those", "ok", "omg", "lol", "re", "fyi", "asap", "eta",
        "ceo", "cto", "cfo", "coo", "vp", "hr", "it", "uk", "us", "usa", "eu", "nhs", "gp", "icu", "phd", "mba", "ivf",
        "adhd", "covid", "zoom", "teams", "slack", "signal", "whatsapp", "linkedin", "google", "apple", "facebook",
        "uni", "university", "college", "school", "hospital", "wedding", "graduation", "surgery", "baby", "boy",
        "girl", "twins", "god", "jesus", "lord", "bday", "xmas", "ps", "nb",
    };
    return words;
}

const WordSet& past_markers() {
    static const WordSet words{
        "had", "was", "were", "got", "went", "did", "passed", "died", "lost", "finished", "graduated", "ran", "won",
        "yesterday", "ago", "came", "gave", "took", "moved", "started", "began", "launched", "left", "quit", "broke",
        "fell", "became", "sold", "bought", "married", "divorced", "retired", "announced", "landed", "accepted",
        "delivered", "completed", "arrived", "returned", "been", "wrapped", "shipped", "signed", "closed", "opened",
        "hired", "fired", "passed", "made", "met", "turned", "adopted", "rescued", "welcomed", "born", "qualified",
        "defended", "submitted", "presented", "spoke", "visited", "travelled", "traveled", "flew", "drove",
        "since",
    };
    return words;
}

const WordSet& future_markers() {
    static const WordSet words{
        "will", "'ll", "going", "gonna", "next", "upcoming", "planning", "plans", "booked", "due", "soon", "tomorrow",
        "tmrw", "tmw", "later", "expecting", "hoping", "hopes", "considering", "thinking", "scheduled", "set",
        "coming", "starts", "begins", "launches", "opens", "ahead", "prepping", "preparing", "training", "counting",
        "i'll", "she'll", "he'll", "they'll", "we'll", "it'll", "is", "are", "this",
    };
    return words;
}

const WordSet& negations() {
    static const WordSet words{"not", "no", "never", "isn't", "isnt", "doesn't", "doesnt", "don't", "dont",
                               "wasn't", "aren't", "ex", "hates", "hate", "dislikes", "can't", "cant",
                               "won't", "wont", "nobody", "neither", "nor"};
    return words;
}

const WordSet& proper_nouns() {
    static const WordSet words{
        "christmas", "xmas", "easter", "diwali", "deepavali", "eid", "holi", "hanukkah", "chanukah", "ramadan",
        "passover", "pesach", "thanksgiving", "navratri", "vaisakhi", "kwanzaa", "nowruz", "onam", "pongal", "tet",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "june", "july", "august", "september", "october", "november", "december"};
    return words;
}

}  // namespace

bool is_proper_noun(std::string_view word) { return proper_nouns().count(word) > 0; }

std::string_view spelled(std::string_view word) {
    static const std::unordered_map<std::string_view, std::string_view> fixes{
        {"surgury", "surgery"},     {"surgey", "surgery"},       {"sugery", "surgery"},
        {"operaton", "operation"},  {"opperation", "operation"}, {"weddding", "wedding"},
        {"wedd", "wedding"},        {"graduaton", "graduation"}, {"gradution", "graduation"},
        {"marathn", "marathon"},    {"interveiw", "interview"},  {"retirment", "retirement"},
        {"anniversery", "anniversary"}, {"vacaton", "vacation"}, {"holliday", "holiday"},
        {"presentaton", "presentation"}, {"confrence", "conference"}, {"recieved", "received"},
        {"lny", "Lunar New Year"}, {"cny", "Chinese New Year"}, {"anniv", "anniversary"},
        {"extention", "extension"},
    };
    auto found = fixes.find(word);
    return found == fixes.end() ? word : found->second;
}

bool is_event_noun(std::string_view word) {
    static const WordSet words{
        "review",      "beta",        "campaign",    "date",       "appointment", "concert",     "gig",
        "show",        "match",       "game",        "final",      "performance", "recital",     "audition",
        "ceremony",    "opening",     "premiere",    "exhibition", "meeting",     "call",        "dinner",
        "lunch",       "visit",       "trip",        "retreat",    "offsite",     "workshop",    "hearing",
        "interview",   "exam",        "test",        "scan",       "checkup",     "check-up",    "screening",
        "vote",        "election",    "auction",     "race",       "tournament",  "competition", "festival",
        "fair",        "pitch",       "demo",        "presentation", "talk",      "keynote",     "webinar",
        "conference",  "summit",      "launch",      "release",    "deadline",    "closing",     "move",
        "handover",    "kickoff",     "kick-off",    "onsite",     "visit",       "weekend",     "holiday",
        "vacation",    "holidays",    "christening", "baptism",    "bar mitzvah", "mitzvah",     "communion",
        "reunion",     "party",       "wedding",     "graduation", "operation",   "surgery",     "procedure",
        "treatment",   "transplant",  "induction",   "orientation", "residency",  "internship",  "placement",
        "course",      "camp",        "tryout",      "trial",      "mediation",   "settlement",  "closing",
        "completion",  "renewal",     "appraisal",   "1:1",        "one-on-one",  "standup",     "sprint",
        "hackathon",   "marathon",    "half",        "ultra",      "triathlon",   "regatta",     "expo",
        "tourney",     "gala",        "showcase",   "playoff",     "playoffs",    "semi-final",
    };
    return words.count(word) > 0;
}

bool wishes_luck(std::string_view event_noun) {
    static const WordSet words{
        "audition", "exam",        "test",      "interview", "race",     "match",      "final",    "game",
        "pitch",    "competition", "tournament", "hearing",  "trial",    "tryout",     "presentation", "talk",
        "keynote",  "demo",        "review",    "appraisal", "show",     "marathon",   "triathlon", "regatta",
        "ultra",    "half",        "vote",      "election",  "auction",  "launch",     "release",  "performance",
        "recital",  "gig",         "concert",   "premiere",  "mediation", "hackathon", "webinar",
        "tourney",  "showcase",  "playoff",   "playoffs", "semi-final",
    };
    return words.count(event_noun) > 0;
}

bool wishes_fun(std::string_view event_noun) {
    static const WordSet words{
        "party",   "festival", "wedding",  "reunion",   "holiday",    "holidays", "vacation", "trip",
        "weekend", "dinner",   "lunch",    "fair",      "expo",       "christening", "baptism", "communion",
        "graduation", "ceremony", "opening", "exhibition", "camp",   "retreat",  "day",      "night",
        "visit",   "mitzvah",  "offsite",  "conference", "summit",
    };
    return words.count(event_noun) > 0;
}

bool starts_a_question(std::string_view word) {
    static const WordSet words{"how", "what", "what's", "whats", "when", "where", "why", "who", "which", "did",
                               "does", "do", "is", "are", "was", "were", "has", "have", "had", "will", "would",
                               "can", "could", "should", "any", "ask", "remember", "find", "how's", "hows",
                               "did's", "isn't", "didn't", "doesn't", "has", "shall", "might"};
    return words.count(word) > 0;
}

const Relation* relation_named(std::string_view word) {
    const auto& index = relation_index();
    auto found = index.find(word);
    return found == index.end() ? nullptr : found->second;
}

bool is_common_word(std::string_view word) { return common_words().count(word) > 0; }
bool never_a_name(std::string_view word) { return non_names().count(word) > 0; }
bool is_past_marker(std::string_view word) { return past_markers().count(word) > 0; }
bool is_future_marker(std::string_view word) { return future_markers().count(word) > 0; }
bool is_negation(std::string_view word) { return negations().count(word) > 0; }

std::vector<Word> words_in(std::string_view text) {
    std::vector<Word> out;
    auto is_word_byte = [](unsigned char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' || c == '-' ||
               c >= 0x80;  // a letter beyond ASCII (é, ł)
    };
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
        std::size_t begin = i;
        while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
        std::size_t end = i;
        // Apostrophes and hyphens around a word are punctuation ('quoted', -dash-).
        while (begin < end && (text[begin] == '\'' || text[begin] == '-')) ++begin;
        while (end > begin && (text[end - 1] == '\'' || text[end - 1] == '-')) --end;
        if (begin == end) continue;
        Word word;
        word.begin = begin;
        word.end = end;
        word.text.reserve(end - begin);
        for (std::size_t k = begin; k < end; ++k) {
            const char c = text[k];
            word.text += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
        out.push_back(std::move(word));
    }
    return out;
}

}  // namespace kith::questions
