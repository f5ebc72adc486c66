// The question engine's own matcher must find exactly what std::regex finds, which it stands
// in for: the same match and the same groups, for every built-in rule on every note the
// question tests use, and for each construct on its own.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "../../fuzz/properties.h"
#include "kith/questions.h"
#include "questions/matcher.h"

using kith::questions::Matcher;

namespace {

std::vector<std::string> notes() {
    std::ifstream in(std::string(KITH_FIXTURES) + "/notes/question-notes.txt");
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE("matcher: every built-in rule compiles, quickly, and matches every test note as std::regex does") {
    const auto& rules = kith::builtin_question_rules();
    const auto corpus = notes();
    REQUIRE(corpus.size() > 200);
    for (const auto& rule : rules) {
        CAPTURE(rule.id);
        REQUIRE(Matcher::compile(rule.match).has_value());
        for (const auto& note : corpus) {
            CAPTURE(note);
            CHECK_NOTHROW(kith::fuzzing::check_matcher_on(rule.match, note));
        }
    }
}

TEST_CASE("matcher: the built-in rules compiled when kith was built are what compile() gives today, and match alike") {
    // A stale or misaligned generated table would run one rule's program for another.
    const auto& rules = kith::builtin_question_rules();
    const auto corpus = notes();
    std::size_t matches = 0;
    for (std::size_t r = 0; r < rules.size(); ++r) {
        CAPTURE(rules[r].id);
        const auto built = kith::questions::builtin_matcher(r);
        const auto fresh = Matcher::compile(rules[r].match);
        REQUIRE(built.has_value());
        REQUIRE(fresh.has_value());
        CHECK(built->groups() == fresh->groups());
        CHECK(std::equal(built->program().begin(), built->program().end(), fresh->program().begin(),
                         fresh->program().end()));
        CHECK(std::equal(built->sets().begin(), built->sets().end(), fresh->sets().begin(), fresh->sets().end()));
        for (const auto& note : corpus) {
            Matcher::Groups a, b;
            const bool found = built->search(note, 0, false, a);
            CHECK(found == fresh->search(note, 0, false, b));
            if (!found) continue;
            ++matches;
            REQUIRE(a.size() == b.size());
            for (std::size_t g = 0; g < a.size(); ++g) CHECK((a[g].begin == b[g].begin && a[g].end == b[g].end));
        }
    }
    CHECK(matches > 100);
}

TEST_CASE("matcher: each construct matches as std::regex does") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"a|ab", "xab"},                                  // alternatives in order
        {"(a|ab)(c|bcd)(d*)", "abcd"},                    // the first match, not the longest
        {"a+?b", "aaab"}, {"a*?", "aaa"}, {"(a{1,3}?)(a*)", "aaaa"},  // lazy
        {"(a{2,3})(a?)", "aaaa"}, {"x(?:ab){0,2}y", "xababy xaby xy"}, {"(?:ab){2}", "abab"},
        {"\\bcat\\b", "concat cat"}, {"\\Bat", "cat at"}, {"^ab", "ab ab"}, {"ab$", "ab ab"},
        {"(?=(\\w+))\\w", "hello"}, {"a(?!b)", "abac"}, {"(?!the\\b)\\w+", "the theme"},
        {"[a-c]+", "xAbCd"}, {"[^a-c]+", "abcXYZ"}, {"[\\w-]+", "well-known_x!"}, {"[^\\s,]+", "a, b"},
        {"\\d+\\.\\d", "pi is 3.14"}, {"[\\x80-\\xff]+", "caf\xc3\xa9 ok"}, {"\\S+\\s\\W", "ab !"},
        {"(x)?y", "y"}, {"(?:(a)|b)+", "ab"}, {"a.c", "a\nc abc"}, {"A\\x42c", "xabc"},
        {"(\\w+) (?:and|or) (\\w+)", "Tom and Jerry"}, {"St\\. (\\w+)", "st. Louis"},
    };
    for (const auto& item : cases) {
        const auto& pattern = item.first;  // not a structured binding: clang 14 cannot capture those
        const auto& text = item.second;
        INFO(pattern << " on " << text);
        REQUIRE(Matcher::compile(pattern).has_value());
        CHECK_NOTHROW(kith::fuzzing::check_matcher_on(pattern, text));
    }
}

TEST_CASE("matcher: what it does not do is left to std::regex") {
    for (const char* pattern : {"(a)\\1", "\\u0041", "\\cA", "[[:alpha:]]", "(?:a?)*", "(?:)+", "a{2,1}", "(a", "a)",
                                "[]a]", "(?<=a)b", "*a", "a**"}) {
        CAPTURE(pattern);
        CHECK_FALSE(Matcher::compile(pattern).has_value());
    }
}
