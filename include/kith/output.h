// Renderers: turn result models into text, plain, md, tsv, json or jsonl (SPEC §4).
// A renderer never decides what to show beyond layout; the core decides content.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kith/model.h"
#include "kith/questions.h"
#include "kith/store.h"

namespace kith {

enum class Format { text, plain, md, tsv, json, jsonl };

const std::vector<std::string>& format_names();  // in enum order
std::optional<Format> parse_format(const std::string& name);

struct Style {
    Format format = Format::plain;
    bool color = false;  // ANSI colour; only ever true with Format::text
};

// Columns `list` can show, in the order the docs give them.
const std::vector<std::string>& contact_field_names();
const std::vector<std::string>& default_list_fields();
// "id,name,email": each must be a known field (singular aliases allowed); usage error otherwise.
std::vector<std::string> parse_fields(const std::string& text);

// `list` output built one person at a time, in any order: each row is rendered as it arrives and
// only its text is kept, not the person; finish() writes the rows ordered by sort key (equal keys
// in arrival order). The text table needs every row before its column widths are known anyway.
class ContactListWriter {
public:
    ContactListWriter(std::ostream& out, const std::vector<std::string>& fields, const Style& style);
    void add(const Contact& contact, const std::string& sort_key);
    void finish();

private:
    // Rows' keys and texts are kept back to back in 1 MiB blocks that never move, rather than as
    // two strings each: half the memory `list` touches, and every
    // fresh page is a page fault.
    struct Row {
        std::string_view sort_key;
        std::string_view text;  // the row as written, for every format but the table
        std::size_t cells = 0;  // the table's cells: its index in cells_
    };
    std::string_view keep(std::string_view bytes);

    std::ostream& out_;
    std::vector<std::string> columns_;
    std::vector<int> field_ids_;  // columns_ as positions in contact_field_names()
    bool all_fields_;
    Style style_;
    std::vector<Row> rows_;
    std::vector<std::vector<std::string>> cells_;  // the text table's cells, measured at the end
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::size_t block_used_ = 0, block_size_ = 0;
    std::string scratch_;  // the row being rendered
};

// The contacts in the order given.
void render_contact_list(std::ostream& out, const std::vector<Contact>& contacts,
                         const std::vector<std::string>& fields, const Style& style, Date today);
void render_contact_detail(std::ostream& out, const ContactDetail& detail, const Style& style, Date today);

// One reason as a sentence: "check-in 12 days overdue (every 30d, last spoke 2026-10-01)".
std::string describe_reason(const DueReason& reason, Date today);
// `kith ask`: one person's suggested questions with their ids and sources.
void render_questions(std::ostream& out, const Contact& contact, const std::vector<Question>& questions,
                      const InMind& mind,
                      const Style& style);

// `kith search`: one hit a line (text, plain), a list item (md) or row (tsv), or JSON. No hits:
// nothing, but the JSON document. The matched words are marked in colour (text) or bold (md).
void render_search(std::ostream& out, const std::string& query, const SearchResult& result, const Style& style);
// `kith undo --list`: the commands undo can take back, newest first.
void render_undo_history(std::ostream& out, const std::vector<UndoEntry>& entries, const Style& style);

// `quiet`: nothing at all when nobody is due (for cron).
// `total`: how many are due in all, for "8 people to reach out to (showing 5)".
void render_due(std::ostream& out, const std::vector<DueEntry>& entries, const Style& style, Date today, bool quiet,
                DueTotal total = {});

// `kith agenda`: a heading per day (md fit to mail), an item per line (tsv, jsonl), days holding
// items (json). Empty: a short line in text and md, nothing in plain, tsv and jsonl.
void render_agenda(std::ostream& out, const Agenda& agenda, const Style& style);

}  // namespace kith
