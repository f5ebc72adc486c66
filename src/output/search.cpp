// `kith search` in every format.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "json_shape/json_shape.h"
#include "kith/output.h"
#include "kith/text.h"
#include "output/table.h"

namespace kith {

using output::paint;
using output::Tone;

namespace {

using json = json_shape::Json;

std::string person(const SearchHit& hit) { return hit.contact_archived ? hit.contact_name + " (archived)" : hit.contact_name; }

// Date, id and person in aligned columns, then the snippet with its matches in colour.
void render_lines(std::ostream& out, const SearchResult& result, bool color) {
    std::size_t id_width = 0, name_width = 0;
    for (const auto& hit : result.hits) {
        id_width = std::max(id_width, search_hit_id(hit).size());
        name_width = std::max(name_width, display_width(person(hit)));
    }
    for (const auto& hit : result.hits) {
        const auto id = search_hit_id(hit);
        const auto name = person(hit);
        out << paint(format_iso(hit.date), Tone::dim, color) << "  " << paint(id, Tone::id, color)
            << std::string(id_width - id.size() + 2, ' ') << name << std::string(name_width - display_width(name) + 2, ' ');
        for (const auto& run : hit.snippet) out << paint(run.text, run.matched ? Tone::match : Tone::none, color);
        out << '\n';
    }
}

void render_md(std::ostream& out, const SearchResult& result) {
    for (const auto& hit : result.hits) {
        out << "- **" << format_iso(hit.date) << "** `" << search_hit_id(hit) << "` " << output::md_cell(person(hit)) << ": ";
        for (const auto& run : hit.snippet)
            out << (run.matched ? "**" + output::md_cell(run.text) + "**" : output::md_cell(run.text));
        out << '\n';
    }
}

void render_tsv(std::ostream& out, const SearchResult& result) {
    for (const auto& hit : result.hits) {
        std::string snippet;
        for (const auto& run : hit.snippet) snippet += run.text;
        out << search_hit_id(hit) << '\t' << format_iso(hit.date) << '\t' << hit.contact_id << '\t'
            << output::tsv_cell(hit.contact_name) << '\t' << output::tsv_cell(snippet) << '\n';
    }
}

std::string more_hits(const SearchResult& result) {
    return fmt::format("(the {} most relevant hits; --limit N shows more)", result.hits.size());
}

}  // namespace

void render_search(std::ostream& out, const std::string& query, const SearchResult& result, const Style& style) {
    switch (style.format) {
        case Format::text:
        case Format::plain:
            render_lines(out, result, style.color);
            if (result.more) out << paint(more_hits(result), Tone::dim, style.color) << '\n';
            return;
        case Format::md:
            render_md(out, result);
            if (result.more) out << '\n' << output::md_cell(more_hits(result)) << '\n';
            return;
        case Format::tsv: render_tsv(out, result); return;
        case Format::json: {
            json document;
            document["query"] = query;
            document["hits"] = json::array();
            for (const auto& hit : result.hits) document["hits"].push_back(json_shape::to_json(hit));
            document["more"] = result.more;
            out << json_shape::dump_document(document) << '\n';
            return;
        }
        case Format::jsonl:
            for (const auto& hit : result.hits) out << json_shape::dump_line(json_shape::to_json(hit)) << '\n';
            return;
    }
}

}  // namespace kith
