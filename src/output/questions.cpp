// `kith ask` in every format.
#include <fmt/format.h>

#include "json_shape/json_shape.h"
#include "kith/output.h"
#include "output/table.h"

namespace kith {

using output::paint;
using output::Tone;

using json = json_shape::Json;

void render_questions(std::ostream& out, const Contact& contact, const std::vector<Question>& questions,
                      const InMind& mind, const Style& style) {
    switch (style.format) {
        case Format::text:
        case Format::plain: {
            bool color = style.color;
            out << paint(contact.name, Tone::bold, color) << "  " << paint(fmt::format("#{}", contact.id), Tone::id, color)
                << '\n';
            for (const auto& promise : mind.promises)
                out << "  " << paint("you promised:", Tone::warn, color) << ' ' << promise << '\n';
            for (const auto& said : mind.feedback) out << "  " << paint("last time:", Tone::dim, color) << ' ' << said << '\n';
            if (questions.empty()) out << "  Nothing to ask today (questions come from what you note: `kith note`).\n";
            for (const auto& question : questions)
                out << "  " << question.text << "  " << paint(fmt::format("[{}] {}", question.id, question.source), Tone::dim, color)
                    << '\n';
            return;
        }
        case Format::md:
            out << "# Questions for " << output::md_cell(contact.name) << " (#" << contact.id << ")\n\n";
            for (const auto& promise : mind.promises) out << "- **You promised:** " << output::md_cell(promise) << '\n';
            for (const auto& said : mind.feedback) out << "- **Last time:** " << output::md_cell(said) << '\n';
            for (const auto& question : questions)
                out << "- " << output::md_cell(question.text) << " `" << question.id << "` (" << output::md_cell(question.source)
                    << ")\n";
            return;
        case Format::tsv:
            for (const auto& question : questions)
                out << question.id << '\t' << output::tsv_cell(question.text) << '\t' << output::tsv_cell(question.source)
                    << '\n';
            return;
        case Format::json: {
            json document;
            document["id"] = contact.id;
            document["name"] = contact.name;
            document["questions"] = json::array();
            for (const auto& question : questions) document["questions"].push_back(json_shape::to_json(question));
            document["promises"] = mind.promises;
            document["feedback"] = mind.feedback;
            out << json_shape::dump_document(document) << '\n';
            return;
        }
        case Format::jsonl:
            for (const auto& question : questions) out << json_shape::dump_line(json_shape::to_json(question)) << '\n';
            return;
    }
}

}  // namespace kith
