// `kith search`: what the user typed, as words the store looks up in its full-text indexes.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "kith/core.h"
#include "kith/error.h"
#include "kith/text.h"

namespace kith {

namespace {

// The words of the query, split at white space. Only a trailing `*` means anything (a prefix);
// every other character is text, and a word with no letter or digit (`-`, `"`, `(`) is left
// out, as the index keeps no such word and would then find nothing at all.
std::vector<SearchWord> search_words(const std::string& text) {
    std::vector<SearchWord> words;
    std::string word;
    auto finish = [&] {
        SearchWord found;
        found.prefix = word.ends_with('*');
        while (word.ends_with('*')) word.pop_back();
        found.text = std::move(word);
        word.clear();
        if (has_word_character(found.text)) words.push_back(std::move(found));
    };
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!word.empty()) finish();
        } else {
            word += c;
        }
    }
    if (!word.empty()) finish();
    return words;
}

// --since takes a DATE (a weekday or month-day being its latest one, as for --on) or an
// INTERVAL counted back from today: `--since 2w` is the last two weeks.
Date since_date(const std::string& value, Date today) {
    if (auto interval = parse_interval(value)) return subtract(today, *interval);
    auto date = parse_past_date(value, today);
    if (!date) throw usage_error("--since: " + date.error());
    return *date;
}

}  // namespace

SearchResult search_records(Store& store, const SearchRequest& request, Date today) {
    if (!is_valid_utf8(request.text)) throw usage_error("search: the text is not valid UTF-8");
    if (trim(request.text).empty()) throw usage_error("search: give the words to look for, e.g. kith search beagle");
    SearchQuery query;
    query.words = search_words(request.text);
    if (query.words.empty())
        throw usage_error(fmt::format("search: \"{}\" has no word to look for (letters or digits)",
                                      escape_control_characters(request.text)));
    query.tags = request.tags;
    if (!request.since.empty()) query.since = since_date(request.since, today);
    query.limit = request.limit;
    SearchResult result;
    store.read([&] { result = store.search().find(query); });
    return result;
}

}  // namespace kith
