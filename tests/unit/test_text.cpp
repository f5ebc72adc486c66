#include <doctest/doctest.h>

#include "kith/core.h"
#include "kith/text.h"

using namespace kith;

TEST_CASE("fold_key ignores case and accents, fold_case only case") {
    CHECK(fold_key("RENÉE") == "renee");
    CHECK(fold_key("Straße") == "strasse");
    CHECK(fold_case("RENÉE") == "renée");
    CHECK(fold_key("ｓａｍ") == "sam");  // full-width compatibility forms
}

TEST_CASE("UTF-8 validation") {
    CHECK(is_valid_utf8("Renée 😀 東京"));
    CHECK_FALSE(is_valid_utf8("\xff\xfe"));
    CHECK_FALSE(is_valid_utf8("\xc3"));  // truncated sequence
    CHECK_FALSE(is_valid_utf8(std::string("a\0b", 3)));
}

TEST_CASE("display width counts wide characters twice") {
    CHECK(display_width("Sam") == 3);
    CHECK(display_width("東京") == 4);
    CHECK(display_width("Renée") == 5);
}

TEST_CASE("hashtags become lower-case tags, but not C# or #1") {
    CHECK(hashtags("Loves #Sailing and #golf.") == std::vector<std::string>{"sailing", "golf"});
    CHECK(hashtags("Writes C# at work, ranked #1") == std::vector<std::string>{});
    CHECK(hashtags("#family-news first") == std::vector<std::string>{"family-news"});
    CHECK(hashtags("#café #café") == std::vector<std::string>{"café"});
    CHECK(hashtags("issue#3 # alone") == std::vector<std::string>{});
}

TEST_CASE("tags are normalised and must be single words") {
    CHECK(normalize_tag("#Client") == "client");
    CHECK_THROWS(normalize_tag("two words"));
    CHECK_THROWS(normalize_tag("a,b"));
    CHECK_THROWS(normalize_tag(""));
}

TEST_CASE("split, join and trim") {
    CHECK(split("a,,b", ',') == std::vector<std::string>{"a", "", "b"});
    CHECK(join({"a", "b"}, ", ") == "a, b");
    CHECK(trim("  x y \n") == "x y");
}

TEST_CASE("control characters: C0, DEL and C1 are caught, newline and tab are not") {
    CHECK_FALSE(has_control_characters("line\nnext\tcol Renée"));
    CHECK(has_control_characters("esc \x1b[31m"));
    CHECK(has_control_characters("del \x7f"));
    CHECK(has_control_characters("csi \xc2\x9b"));  // U+009B
    CHECK_FALSE(has_control_characters("\xc2\xa0nbsp"));  // U+00A0 is printable
    CHECK(escape_control_characters("a\nb\x1b") == "a\\nb\\x1b");
}

TEST_CASE("edit distance counts a swap of neighbours as one edit") {
    CHECK(edit_distance("list", "list") == 0);
    CHECK(edit_distance("lsit", "list") == 1);
    CHECK(edit_distance("nto", "note") == 2);
    CHECK(edit_distance("", "due") == 3);
}

TEST_CASE("nearest suggests what a typo most likely meant, and nothing for another word") {
    std::vector<std::string> commands{"due", "add", "note", "ask", "done", "list", "ls", "rm", "remind"};
    CHECK(nearest("nto", commands) == std::vector<std::string>{"note"});
    CHECK(nearest("lsit", commands) == std::vector<std::string>{"list"});
    CHECK(nearest("remnid", commands) == std::vector<std::string>{"remind"});
    CHECK(nearest("remi", commands) == std::vector<std::string>{"remind"});
    CHECK(nearest("rem", commands) == std::vector<std::string>{"rm", "remind"});  // both one edit away
    CHECK(nearest("frobnicate", commands).empty());
    CHECK(nearest("xy", commands).empty());
    std::vector<std::string> keys{"color", "due.limit", "due.birthday_window"};
    CHECK(nearest("due.limt", keys) == std::vector<std::string>{"due.limit"});
    CHECK(nearest("colour", keys) == std::vector<std::string>{"color"});
    CHECK(nearest("birthday_window", keys) == std::vector<std::string>{"due.birthday_window"});
    CHECK(nearest("shoe_size", keys).empty());
}

TEST_CASE("has_word_character: letters and digits of any script, not punctuation or spaces") {
    CHECK(has_word_character("beagle"));
    CHECK(has_word_character("-x-"));
    CHECK(has_word_character("\"42\""));
    CHECK(has_word_character("René"));
    CHECK(has_word_character("東京"));
    CHECK(!has_word_character(""));
    CHECK(!has_word_character("-"));
    CHECK(!has_word_character("\"()*:^+"));
    CHECK(!has_word_character("— …"));
}
