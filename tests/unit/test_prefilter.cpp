// The rules' prefilter (Hyperscan): what it hands PCRE2 must never change a reading, only how
// many patterns PCRE2 searches. Read the same notes without it and with it, and compare.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kith/config.h"
#include "kith/questions.h"
#include "questions/prefilter.h"
#include "questions/rulebook.h"

using namespace kith;
using namespace std::chrono;

namespace {

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream out;
    out << in.rdbuf();
    return out.str();
}

// Every note of the question corpus ({ text = "…", on = "…" }) and of question-notes.txt:
// notes written as people write them, by other hands than the rules'.
std::vector<Note> fixture_notes() {
    std::vector<Note> notes;
    const auto add = [&](std::string text, Date on) {
        Note note;
        note.id = static_cast<std::int64_t>(notes.size()) + 1;
        note.contact_id = 1;
        note.text = std::move(text);
        note.on = on;
        notes.push_back(std::move(note));
    };
    const Date some_day{year{2026}, month{3}, day{14}};
    for (const auto& entry : std::filesystem::directory_iterator(KITH_FIXTURES "/questions")) {
        const auto toml = slurp(entry.path());
        for (std::size_t at = toml.find("{ text = \""); at != std::string::npos; at = toml.find("{ text = \"", at)) {
            at += 10;
            std::string text;
            for (; at < toml.size() && toml[at] != '"'; ++at) {
                if (toml[at] == '\\' && at + 1 < toml.size()) ++at;  // \" and \\ as themselves; enough here
                text += toml[at];
            }
            Date on = some_day;
            const auto date = toml.find("on = \"", at);
            if (date != std::string::npos && date < toml.find('\n', at))
                if (auto parsed = parse_iso_date(toml.substr(date + 6, 10))) on = *parsed;
            add(std::move(text), on);
        }
    }
    std::istringstream lines(slurp(KITH_FIXTURES "/notes/question-notes.txt"));
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) add(line, some_day);
    return notes;
}

}  // namespace

TEST_CASE("prefilter: a named group loses its name, a lookbehind, an escape or a class member stays") {
    using questions::without_group_names;
    CHECK(without_group_names("(?<topic>hip|knee) op") == "(?:hip|knee) op");
    CHECK(without_group_names("(?P<who>mum)(?'what'op)") == "(?:mum)(?:op)");
    CHECK(without_group_names("(?<!not )(?<=a )fan") == "(?<!not )(?<=a )fan");
    CHECK(without_group_names(R"(\(?<x>y)") == R"(\(?<x>y)");
    CHECK(without_group_names("[(?<x>](?<y>z)") == "[(?<x>](?:z)");
    CHECK(without_group_names("[]a(?<x>]b") == "[]a(?<x>]b");
}

TEST_CASE("prefilter: a pattern Hyperscan refuses or may read otherwise is searched on every note") {
    // \K Hyperscan refuses; \p it might read otherwise than PCRE2 does; "(unclosed" is no pattern
    // at all (PCRE2 reports it when the rule is used).
    const std::vector<std::string> patterns = {R"(\bfan\b)", R"(big \Kfan)", R"(\p{Lu}ake)", "(unclosed"};
    const auto prefilter = questions::Prefilter::build(patterns);
    REQUIRE(prefilter != nullptr);
    CHECK(prefilter->unfiltered() == 3);
    std::vector<char> may;
    prefilter->may_match({"a cake, no f-a-n"}, may);
    CHECK(may == std::vector<char>{0, 1, 1, 1});
    prefilter->may_match({"huge", "Wrexham FAN"}, may);
    CHECK(may == std::vector<char>{1, 1, 1, 1});
}

TEST_CASE("prefilter: every note of the corpora reads the same with the prefilter as without it, and every built-in rule is prefiltered") {
    // The built-in rules, a user's rule Hyperscan approximates (a conditional group) and one it
    // does not take (\K).
    auto rules = builtin_questions().rules;
    QuestionRule own;
    own.id = "own-cake";
    own.match = R"((b)?(?(1)ake|cake)\b)";
    own.kind = "event";
    own.after = {"How was the cake?"};
    rules.push_back(own);
    own.id = "own-fan";
    own.match = R"(\bbig \Kfan\b)";
    rules.push_back(own);
    const auto book = make_rulebook(rules, {}, builtin_questions().dates);
    const auto notes = fixture_notes();
    REQUIRE(notes.size() > 1000);

    std::vector<std::string> without;
    for (const auto& note : notes) without.push_back(reading_to_json(read_note(note, *book)));
    // Reading on until the book builds its prefilter, as an import does.
    for (int i = 0; i < 10000 && questions::prefilter_of(*book) == nullptr; ++i) (void)read_note(notes.front(), *book);
    REQUIRE(questions::prefilter_of(*book) != nullptr);
    // Hyperscan takes every built-in rule (none is searched on every note) and refuses the \K.
    CHECK(questions::prefilter_of(*book)->unfiltered() == 1);
    std::size_t same = 0;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const auto with = reading_to_json(read_note(notes[i], *book));
        if (with == without[i]) ++same;
        else CHECK_MESSAGE(with == without[i], notes[i].text);
    }
    CHECK(same == notes.size());
}

TEST_CASE("prefilter: kept as bytes and taken back it finds what it found, and damaged or other bytes are refused") {
    const std::vector<std::string> patterns = {R"(\bfan\b)", R"(big \Kfan)", R"(\bhip op(?!\w))"};
    const auto built = questions::Prefilter::build(patterns);
    REQUIRE(built != nullptr);
    const auto saved = built->saved();
    REQUIRE(saved.size() > patterns.size());
    CHECK(saved.substr(0, 3) == "010");  // \K is searched on every note, so kept as such

    const auto restored = questions::Prefilter::restore(saved, patterns.size());
    REQUIRE(restored != nullptr);
    CHECK(restored->unfiltered() == built->unfiltered());
    for (const std::string_view text : {"a Wrexham FAN", "Mum's hip op is on Friday", "nothing here"}) {
        std::vector<char> was, is;
        built->may_match({text}, was);
        restored->may_match({text}, is);
        CHECK(was == is);
    }

    // Another number of patterns, a flipped byte in Hyperscan's database (its checksum), a
    // truncated file, a flag that is neither 0 nor 1: refused, never read.
    CHECK(questions::Prefilter::restore(saved, patterns.size() + 1) == nullptr);
    auto flipped = saved;
    flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x5a);
    CHECK(questions::Prefilter::restore(flipped, patterns.size()) == nullptr);
    CHECK(questions::Prefilter::restore(saved.substr(0, saved.size() - 7), patterns.size()) == nullptr);
    auto bad_flag = saved;
    bad_flag[0] = 'x';
    CHECK(questions::Prefilter::restore(bad_flag, patterns.size()) == nullptr);
    CHECK(questions::Prefilter::restore("", patterns.size()) == nullptr);
}
