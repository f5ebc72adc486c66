// `kith search` over the full-text indexes of schema v3 (see schema.cpp for why there are three).
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "kith/store.h"
#include "kith/text.h"
#include "store/store_internal.h"

namespace kith {

using namespace store_detail;

namespace {

// One index, the table whose text it holds, and the day a hit in it is dated by.
struct Source {
    SearchHit::Kind kind;
    const char* index;
    const char* table;
    const char* text;
    const char* date;
};

constexpr Source sources[] = {
    {SearchHit::Kind::note, "search_notes", "notes", "text", "noted_on"},
    {SearchHit::Kind::interaction, "search_interactions", "interactions", "summary", "happened_on"},
    {SearchHit::Kind::reminder, "search_reminders", "reminders", "text", "due_on"},
};

// The triggers that index a record as it is inserted, one per source (schema v3).
std::string insert_trigger(const Source& source) { return fmt::format("{}_insert", source.index); }

// The largest id in a source's table (0 when empty): its rows up to it are in the index.
// Table names come from `sources`, never from input.
std::int64_t highest_id(SQLite::Database& db, const Source& source) {
    return db.execAndGet(fmt::format("SELECT coalesce(max(id), 0) FROM {}", source.table)).getInt64();
}

// Each word as an FTS5 string (a quote inside doubled), so `"`, `*`, `-`, `(`, `:`, NEAR or
// AND typed by a user are only text; a prefix word gets its `*` outside the quotes. All are
// required: FTS5's AND.
std::string match_expression(const std::vector<SearchWord>& words) {
    std::string out;
    for (const auto& word : words) {
        if (!out.empty()) out += " AND ";
        out += '"';
        for (char c : word.text) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
        if (word.prefix) out += '*';
    }
    return out;
}

// What snippet() puts around each matched word: control characters, which no stored text
// holds (kith refuses them in what it is given), so they cannot be confused with the text.
constexpr char match_open = '\x02';
constexpr char match_close = '\x03';

// snippet() weighs every stretch of a text against every match in it, and highlight() copies
// its whole output at each match: on a pasted text of megabytes full of the word either takes
// minutes. A text longer than this shows its opening words instead, unmarked.
constexpr int snippet_tokens = 12;
constexpr std::int64_t snippet_max_characters = 4096;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// The first `snippet_tokens` words of a text, as snippet() would cut them.
std::string opening_words(std::string_view text) {
    std::size_t end = 0;
    for (int spaces = 0; end < text.size(); ++end)
        if (is_space(text[end]) && ++spaces == snippet_tokens) break;
    return std::string(text.substr(0, end)) + (end < text.size() ? "…" : "");
}

// The snippet as runs, matched or not, on one line: a note's line breaks become spaces.
std::vector<SearchHit::Run> snippet_runs(std::string_view snippet) {
    std::vector<SearchHit::Run> runs;
    SearchHit::Run run;
    auto finish = [&](bool next_matched) {
        if (!run.text.empty()) runs.push_back(std::move(run));
        run = {};
        run.matched = next_matched;
    };
    bool in_space = false;
    for (char c : snippet) {
        if (c == match_open || c == match_close) {
            finish(c == match_open);
            continue;
        }
        bool space = is_space(c);
        if (space && in_space) continue;
        run.text += space ? ' ' : c;
        in_space = space;
    }
    finish(false);
    return runs;
}

// The best `limit` hits of one index for the query, with their snippets. FTS5 orders by rank
// (bm25) itself, so the rows the LIMIT leaves out are neither joined nor given a snippet.
std::string hits_statement(const Source& source, const SearchQuery& query) {
    std::string sql = fmt::format(
        "SELECT {index}.rowid, {index}.rank, "
        "CASE WHEN length(r.{text}) <= :longest THEN snippet({index}, 0, char(2), char(3), '…', :tokens) "
        "ELSE substr(r.{text}, 1, 1000) END, "
        "length(r.{text}) > :longest, r.{date}, r.contact_id, c.name, c.archived, r.{text} "
        "FROM {index} JOIN {table} AS r ON r.id = {index}.rowid JOIN contacts AS c ON c.id = r.contact_id "
        "WHERE {index} MATCH :match",
        fmt::arg("index", source.index), fmt::arg("table", source.table), fmt::arg("text", source.text),
        fmt::arg("date", source.date));
    if (query.since) sql += fmt::format(" AND r.{} >= :since", source.date);
    for (std::size_t i = 0; i < query.tags.size(); ++i)
        sql += fmt::format(
            " AND EXISTS (SELECT 1 FROM contact_values v WHERE v.contact_id = r.contact_id AND v.kind = 'tag' "
            "AND v.value_key = :tag{})",
            i);
    sql += fmt::format(" ORDER BY {}.rank LIMIT :limit", source.index);
    return sql;
}

}  // namespace

SearchResult SearchRepository::find(const SearchQuery& query) {
    SearchResult result;
    if (query.words.empty() || query.limit == 0) return result;
    const auto match = match_expression(query.words);
    // One more than asked from each index: then the merged list is longer than the limit
    // exactly when there were more hits than it lets through.
    const auto wanted = static_cast<std::int64_t>(query.limit) + 1;
    for (const auto& source : sources) {
        auto& statement = c_(hits_statement(source, query));
        statement.bind(":match", match);
        statement.bind(":limit", wanted);
        statement.bind(":longest", snippet_max_characters);
        statement.bind(":tokens", snippet_tokens);
        if (query.since) statement.bind(":since", stored_date(*query.since));
        for (std::size_t i = 0; i < query.tags.size(); ++i)
            statement.bind(fmt::format(":tag{}", i), fold_key(query.tags[i]));
        while (statement.executeStep()) {
            SearchHit hit;
            hit.kind = source.kind;
            hit.id = statement.getColumn(0).getInt64();
            hit.score = statement.getColumn(1).getDouble();
            const auto snippet = statement.getColumn(2).getString();
            hit.snippet = snippet_runs(statement.getColumn(3).getInt() ? opening_words(snippet) : snippet);
            hit.date = date_column(statement.getColumn(4));
            hit.contact_id = statement.getColumn(5).getInt64();
            hit.contact_name = statement.getColumn(6).getString();
            hit.contact_archived = statement.getColumn(7).getInt() != 0;
            hit.text = statement.getColumn(8).getString();
            result.hits.push_back(std::move(hit));
        }
    }
    // Each index scores by how rare a word is among its own kind of record; the scores are
    // merged as they are. Equal scores: the newer record first, then by kind and id.
    std::sort(result.hits.begin(), result.hits.end(), [](const SearchHit& a, const SearchHit& b) {
        return std::tuple(a.score, b.date, a.kind, a.id) < std::tuple(b.score, a.date, b.kind, b.id);
    });
    result.more = result.hits.size() > query.limit;
    if (result.more) result.hits.resize(query.limit);
    return result;
}

void SearchRepository::index_at_commit() {
    if (c_.held_index) return;
    Connection::HeldIndex held;
    for (const auto& source : sources) {
        held.indexed_up_to.push_back(highest_id(*c_.db, source));
        auto& trigger = c_("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?");
        trigger.bind(1, insert_trigger(source));
        if (!trigger.executeStep()) throw std::logic_error("no trigger " + insert_trigger(source));
        held.insert_triggers.push_back(trigger.getColumn(0).getString());
        trigger.reset();
        c_.db->exec(fmt::format("DROP TRIGGER {}", insert_trigger(source)));  // no binding in DDL
    }
    c_.held_index = std::move(held);
}

namespace store_detail {

void catch_up_search_index(Connection& c) {
    if (!c.held_index) return;
    for (std::size_t i = 0; i < std::size(sources); ++i) {
        const auto& source = sources[i];
        auto& index = c(fmt::format("INSERT INTO {0} (rowid, {1}) SELECT id, {1} FROM {2} WHERE id > ?",
                                    source.index, source.text, source.table));
        index.bind(1, c.held_index->indexed_up_to[i]);
        index.exec();
        c.held_index->indexed_up_to[i] = highest_id(*c.db, source);
    }
}

void index_if_behind(Connection& c, std::string_view table, std::int64_t id) {
    if (!c.held_index) return;
    for (std::size_t i = 0; i < std::size(sources); ++i) {
        const auto& source = sources[i];
        if (source.table != table || id > c.held_index->indexed_up_to[i]) continue;
        auto& index = c(fmt::format("INSERT INTO {0} (rowid, {1}) SELECT id, {1} FROM {2} WHERE id = ?",
                                    source.index, source.text, source.table));
        index.bind(1, id);
        index.exec();
    }
}

void release_search_index(Connection& c) {
    if (!c.held_index) return;
    catch_up_search_index(c);
    for (const auto& trigger : c.held_index->insert_triggers) c.db->exec(trigger);
    c.held_index.reset();
}

}  // namespace store_detail

}  // namespace kith
