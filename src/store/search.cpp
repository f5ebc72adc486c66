// `kith search` over the full-text indexes of schema v3 (see schema.cpp for why there are three).
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <utility>
#include <cstddef>
#include <cstdint>
#include <iterator>
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

// How well a record matches, lower is better: BM25 without its length normalisation (b = 0).
// FTS5's own bm25() looks up the length of every matching record in the index's docsize table,
// which made most of a search's time when a common word is in thousands of notes; kith's notes
// are short, and without the length a word said twice still counts for more than one said once,
// and a rare word of the query for more than a common one.
constexpr double saturation = 1.2;  // BM25's k1

struct RarityOfWords {
    std::vector<double> idf;  // per phrase of the query
};

int count_row(const Fts5ExtensionApi*, Fts5Context*, void* rows) {
    ++*static_cast<sqlite3_int64*>(rows);
    return SQLITE_OK;
}

void kith_rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int, sqlite3_value**) {
    auto* rarity = static_cast<RarityOfWords*>(api->xGetAuxdata(fts, 0));
    const int phrases = api->xPhraseCount(fts);
    if (!rarity) {
        auto made = std::make_unique<RarityOfWords>();
        sqlite3_int64 rows = 0;
        if (api->xRowCount(fts, &rows) != SQLITE_OK) return sqlite3_result_error(result, "kith_rank: no row count", -1);
        for (int phrase = 0; phrase < phrases; ++phrase) {
            sqlite3_int64 with_it = 0;
            if (api->xQueryPhrase(fts, phrase, &with_it, count_row) != SQLITE_OK)
                return sqlite3_result_error(result, "kith_rank: cannot count a word", -1);
            double idf = std::log((rows - with_it + 0.5) / (with_it + 0.5));
            made->idf.push_back(idf > 0 ? idf : 1e-6);
        }
        rarity = made.get();
        if (api->xSetAuxdata(fts, made.release(), [](void* p) { delete static_cast<RarityOfWords*>(p); }) != SQLITE_OK)
            return sqlite3_result_error_nomem(result);
    }
    int instances = 0;
    if (api->xInstCount(fts, &instances) != SQLITE_OK) return sqlite3_result_error(result, "kith_rank: no matches", -1);
    std::vector<int> times(static_cast<std::size_t>(phrases), 0);
    for (int i = 0; i < instances; ++i) {
        int phrase = 0, column = 0, offset = 0;
        if (api->xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK) ++times[static_cast<std::size_t>(phrase)];
    }
    double score = 0;
    for (std::size_t phrase = 0; phrase < times.size(); ++phrase)
        score -= rarity->idf[phrase] * times[phrase] * (saturation + 1) / (times[phrase] + saturation);
    sqlite3_result_double(result, score);
}

// Makes kith_rank() known to FTS5 on this connection, once.
void register_rank(SQLite::Database& db) {
    sqlite3* handle = db.getHandle();
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(handle, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, &api, "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    if (!api || api->iVersion < 2) throw std::runtime_error("this SQLite has no FTS5");
    if (api->xCreateFunction(api, "kith_rank", nullptr, kith_rank, nullptr) != SQLITE_OK)
        throw std::runtime_error("cannot register kith_rank with FTS5");
}

// Every record of one index that holds the words, with its score.
std::string scores_statement(const Source& source) {
    return fmt::format("SELECT {0}.rowid, kith_rank({0}) FROM {0} WHERE {0} MATCH :match", source.index);
}

// Those of the chosen records that are of the day and the tags asked for, in full: each with its
// snippet, day and person.
std::string hits_statement(const Source& source, const SearchQuery& query) {
    std::string sql = fmt::format(
        "SELECT {index}.rowid, CASE WHEN length(r.{text}) <= :longest THEN snippet({index}, 0, char(2), char(3), '…', :tokens) "
        "ELSE substr(r.{text}, 1, 1000) END, "
        "length(r.{text}) > :longest, r.{date}, r.contact_id, c.name, c.archived, r.{text} "
        "FROM {index} JOIN {table} AS r ON r.id = {index}.rowid JOIN contacts AS c ON c.id = r.contact_id "
        "WHERE {index} MATCH :match AND {index}.rowid BETWEEN :lowest AND :highest "
        "AND +{index}.rowid IN (SELECT value FROM json_each(:ids))",
        fmt::arg("index", source.index), fmt::arg("table", source.table), fmt::arg("text", source.text),
        fmt::arg("date", source.date));
    if (query.since) sql += fmt::format(" AND r.{} >= :since", source.date);
    for (std::size_t i = 0; i < query.tags.size(); ++i)
        sql += fmt::format(
            " AND EXISTS (SELECT 1 FROM contact_values v WHERE v.contact_id = r.contact_id AND v.kind = 'tag' "
            "AND v.value_key = :tag{})",
            i);
    return sql;
}

// A matching record's id and score.
struct Scored {
    std::int64_t id;
    double score;
};

// Every record of one index that holds the words, best first; of equal scores, the record
// added last.
std::vector<Scored> ranked_matches(Connection& c, const Source& source, const std::string& match) {
    std::vector<Scored> ranked;
    auto& statement = c(scores_statement(source));
    statement.bind(":match", match);
    while (statement.executeStep())
        ranked.push_back({statement.getColumn(0).getInt64(), statement.getColumn(1).getDouble()});
    std::sort(ranked.begin(), ranked.end(),
              [](const Scored& a, const Scored& b) { return std::tuple(a.score, b.id) < std::tuple(b.score, a.id); });
    return ranked;
}

// The hits among some of the ranked records, in one statement: FTS5 finds a single rowid by
// walking the word's list of records up to it, so one pass over the stretch of ids they span is
// cheaper than a look-up each.
void add_hits(Connection& c, const Source& source, const SearchQuery& query, const std::string& match,
              std::vector<Scored> some, std::vector<SearchHit>& hits) {
    std::sort(some.begin(), some.end(), [](const Scored& a, const Scored& b) { return a.id < b.id; });
    std::string ids = "[";
    for (const auto& record : some) ids += (ids.size() > 1 ? "," : "") + std::to_string(record.id);
    ids += ']';
    auto& statement = c(hits_statement(source, query));
    statement.bind(":match", match);
    statement.bind(":lowest", some.front().id);
    statement.bind(":highest", some.back().id);
    statement.bind(":ids", ids);
    statement.bind(":longest", snippet_max_characters);
    statement.bind(":tokens", snippet_tokens);
    if (query.since) statement.bind(":since", stored_date(*query.since));
    for (std::size_t i = 0; i < query.tags.size(); ++i)
        statement.bind(fmt::format(":tag{}", i), fold_key(query.tags[i]));
    while (statement.executeStep()) {
        SearchHit hit;
        hit.kind = source.kind;
        hit.id = statement.getColumn(0).getInt64();
        hit.score = std::lower_bound(some.begin(), some.end(), hit.id,
                                     [](const Scored& record, std::int64_t id) { return record.id < id; })
                        ->score;
        const auto snippet = statement.getColumn(1).getString();
        hit.snippet = snippet_runs(statement.getColumn(2).getInt() ? opening_words(snippet) : snippet);
        hit.date = date_column(statement.getColumn(3));
        hit.contact_id = statement.getColumn(4).getInt64();
        hit.contact_name = statement.getColumn(5).getString();
        hit.contact_archived = statement.getColumn(6).getInt() != 0;
        hit.text = statement.getColumn(7).getString();
        hits.push_back(std::move(hit));
    }
}

// Each hit's order: by score, then by kind, and of one kind the record added last first.
bool ranks_before(const SearchHit& a, const SearchHit& b) {
    return std::tuple(a.score, a.kind, b.id) < std::tuple(b.score, b.kind, a.id);
}

}  // namespace

SearchResult SearchRepository::find(const SearchQuery& query) {
    SearchResult result;
    if (query.words.empty() || query.limit == 0) return result;
    if (!c_.rank_registered) {
        register_rank(*c_.db);
        c_.rank_registered = true;
    }
    const auto match = match_expression(query.words);
    // One more than asked from each index: then the merged list is longer than the limit
    // exactly when there were more hits than it lets through.
    const auto wanted = query.limit + 1;
    for (const auto& source : sources) {
        const auto ranked = ranked_matches(c_, source, match);
        // The best records first, in ever larger batches while a day or tag asked for passes
        // over some of them.
        std::vector<SearchHit> hits;
        for (std::size_t from = 0, batch = wanted; from < ranked.size() && hits.size() < wanted; from += batch, batch *= 2) {
            const auto to = std::min(ranked.size(), from + batch);
            add_hits(c_, source, query, match, {ranked.begin() + static_cast<std::ptrdiff_t>(from), ranked.begin() + static_cast<std::ptrdiff_t>(to)}, hits);
        }
        std::sort(hits.begin(), hits.end(), ranks_before);
        if (hits.size() > wanted) hits.resize(wanted);
        std::move(hits.begin(), hits.end(), std::back_inserter(result.hits));
    }
    // Each index scores by how rare a word is among its own kind of record; the scores are
    // merged as they are.
    std::sort(result.hits.begin(), result.hits.end(), ranks_before);
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
