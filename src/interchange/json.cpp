// kith's own JSON and JSONL files (version 1): every record, lossless. The contact objects are
// the ones `show --format json` prints, with the person's notes, interactions, reminders and
// asked questions nested in them, so a file is readable with jq and merges per person. The
// fields themselves are mapped in json_shape; this is the file around them.
#include <fmt/format.h>

#include <istream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>

#include "interchange/lines.h"
#include "json_shape/json_shape.h"
#include "kith/interchange.h"
#include "kith/text.h"

namespace kith::interchange {

namespace {

using json = json_shape::Json;

constexpr int shape_version = 1;

// One record per write: the stream sees a few large writes rather than many small ones.
void write_record_line(std::ostream& out, const ContactRecord& record, const char* before, const char* after) {
    std::string buffer;
    buffer.reserve(4096);  // most people fit: no regrowing
    buffer += before;
    json_shape::append_line(buffer, record);
    buffer += after;
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

// Where the parser is in the file: the line, for messages, and how many bytes it has read
// since the last thing it handed over, which no single value may stretch past the cap.
struct Position {
    std::size_t line = 1;
    std::size_t bytes = 0;
    std::size_t since = 0;  // bytes at the last parser event
    std::size_t record_start = 0;
    bool in_record = false;
};

// Reads characters from a stream, counting lines and bytes.
class CountingIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    CountingIterator() = default;
    CountingIterator(std::istream& in, Position* position) : it_(in), position_(position) {}
    char operator*() const { return *it_; }
    CountingIterator& operator++() {
        if (*it_ == '\n') ++position_->line;
        // A string or number without end (a damaged file, /dev/zero) fails here, before the
        // parser has gathered it all in memory.
        if (++position_->bytes - position_->since > max_line_bytes)
            throw FormatError(position_->line, fmt::format("a value is longer than {} MiB", max_line_bytes >> 20));
        ++it_;
        return *this;
    }
    CountingIterator operator++(int) {
        auto copy = *this;
        ++*this;
        return copy;
    }
    friend bool operator==(const CountingIterator& a, const CountingIterator& b) { return a.it_ == b.it_; }
    friend bool operator!=(const CountingIterator& a, const CountingIterator& b) { return !(a == b); }

private:
    std::istreambuf_iterator<char> it_;
    Position* position_ = nullptr;
};

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1,
// column 2: ..."; what follows is the part worth showing.
std::string json_message(std::string message) {
    if (message.starts_with("[json.exception.")) {
        if (auto close = message.find("] "); close != std::string::npos) message.erase(0, close + 2);
    }
    if (message.starts_with("parse error")) {
        if (auto colon = message.find(": "); colon != std::string::npos) message.erase(0, colon + 2);
    }
    // "...; last read: '<the text it choked on>'", which may be megabytes long.
    if (auto last_read = message.find("; last read:"); last_read != std::string::npos) message.resize(last_read);
    return escape_control_characters(message);
}

// Walks {"kith_version": 1, "contacts": [...], "tombstones": [...]} and builds one contact (or
// deletion) object at a time, handing each to the sink as soon as it is complete: the document
// is never held whole.
class DocumentReader : public nlohmann::json_sax<json> {
public:
    DocumentReader(const RecordSink& sink, const SkipSink& skip, Position& position)
        : sink_(sink), skip_(skip), position_(position) {}

    bool null() override { return value(json(nullptr)); }
    bool boolean(bool b) override { return value(json(b)); }
    bool number_integer(number_integer_t n) override { return value(json(n)); }
    bool number_unsigned(number_unsigned_t n) override { return value(json(n)); }
    bool number_float(number_float_t n, const string_t&) override { return value(json(n)); }
    bool string(string_t& s) override { return value(json(std::move(s))); }
    bool binary(binary_t&) override { return value(json(nullptr)); }

    bool start_object(std::size_t) override {
        event();
        if (depth_ == 0) {
            ++depth_;
            return true;
        }
        return open(json::object());
    }
    bool key(string_t& name) override {
        event();
        if (depth_ == 1)
            top_key_ = name;
        else
            key_ = name;
        return true;
    }
    bool end_object() override {
        event();
        return close();
    }
    bool start_array(std::size_t) override {
        event();
        if (depth_ == 1 && stack_.empty() && (top_key_ == "contacts" || top_key_ == json_shape::tombstones_key)) {
            in_contacts_ = true;
            in_tombstones_ = top_key_ != "contacts";
            ++depth_;
            return true;
        }
        return open(json::array());
    }
    bool end_array() override {
        event();
        if (in_contacts_ && depth_ == 2 && stack_.empty()) {
            in_contacts_ = false;
            seen_contacts_ = seen_contacts_ || !in_tombstones_;
            in_tombstones_ = false;
            --depth_;
            return true;
        }
        return close();
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
        throw FormatError(position_.line, fmt::format("not valid JSON: {}", json_message(e.what())));
    }

    void finish() const {
        if (!seen_contacts_) throw FormatError(position_.line, "not a kith JSON export: no \"contacts\" list");
    }

private:
    // Each event ends a token; a contact as a whole is held to max_record_bytes.
    void event() {
        position_.since = position_.bytes;
        if (position_.in_record && position_.bytes - position_.record_start > max_record_bytes)
            throw FormatError(record_line_, fmt::format("contact is larger than {} MiB", max_record_bytes >> 20));
    }

    bool open(json container) {
        ++depth_;
        if (stack_.empty()) {  // a contact (or something skipped) begins
            record_line_ = position_.line;
            position_.record_start = position_.bytes;
            position_.in_record = true;
        }
        if (stack_.empty() && !in_contacts_) {
            // Something other than the contacts list at the top: skipped, like unknown keys.
            skipping_ = true;
        }
        if (stack_.empty()) {
            current_ = std::move(container);
            stack_.push_back(&current_);
            return true;
        }
        auto* parent = stack_.back();
        json* child = parent->is_object() ? &((*parent)[key_] = std::move(container))
                                          : &parent->emplace_back(std::move(container));
        stack_.push_back(child);
        return true;
    }

    bool close() {
        --depth_;
        if (stack_.empty()) return true;  // the document's own closing brace
        stack_.pop_back();
        if (!stack_.empty()) return true;
        position_.in_record = false;
        if (skipping_) {
            skipping_ = false;
        } else {
            std::optional<ImportRecord> record;
            try {
                if (in_tombstones_)
                    record = ImportRecord{{}, record_line_, {}, {}, json_shape::tombstone_from_json(current_, record_line_)};
                else
                    record = ImportRecord{json_shape::record_from_json(current_, record_line_), record_line_, {}, {}, {}};
            } catch (const FormatError& e) {
                if (!skip_) throw;
                skip_(e);
            }
            if (record) sink_(std::move(*record));
        }
        current_ = json();
        return true;
    }

    bool value(json scalar) {
        event();
        if (stack_.empty()) {
            if (depth_ == 1 && top_key_ == "kith_version")
                check_version(scalar);
            else if (in_contacts_)
                throw FormatError(position_.line, in_tombstones_ ? "tombstone must be an object" : "contact must be an object");
            return true;
        }
        auto* parent = stack_.back();
        if (parent->is_object())
            (*parent)[key_] = std::move(scalar);
        else
            parent->push_back(std::move(scalar));
        return true;
    }

    void check_version(const json& version) const {
        if (!version.is_number_integer() || version.get<std::int64_t>() < 1)
            throw FormatError(position_.line, "\"kith_version\" must be a whole number from 1");
        if (version.get<std::int64_t>() > shape_version)
            throw FormatError(position_.line, fmt::format("written by a newer kith (kith_version {}, this kith reads {}): "
                                                 "upgrade kith",
                                                 version.get<std::int64_t>(), shape_version));
    }

    const RecordSink& sink_;
    const SkipSink& skip_;
    Position& position_;
    std::size_t record_line_ = 1;
    int depth_ = 0;
    bool in_contacts_ = false;    // in the contacts list, or in the tombstones list:
    bool in_tombstones_ = false;  // that one
    bool seen_contacts_ = false;
    bool skipping_ = false;
    std::string top_key_;
    std::string key_;
    json current_;
    std::vector<json*> stack_;
};

}  // namespace

void read_json(std::istream& in, const RecordSink& sink, const SkipSink& skip) {
    const auto first_byte = in.peek();
    if (first_byte == 0xFF || first_byte == 0xFE) refuse_utf16("\xFF\xFE");  // no JSON starts so
    Position position;
    DocumentReader reader(sink, skip, position);
    CountingIterator first(in, &position);
    CountingIterator last;
    json::sax_parse(first, last, &reader);
    reader.finish();
}

void read_jsonl(std::istream& in, const RecordSink& sink, const SkipSink& skip) {
    LineSource lines(in, max_record_bytes);
    for (std::string text; lines.next(text);) {
        const auto line = lines.number();
        if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
        std::optional<ImportRecord> record;
        try {
            json object;
            try {
                object = json::parse(text);
            } catch (const json::exception& e) {
                throw FormatError(line, fmt::format("not valid JSON: {}", json_message(e.what())));
            }
            // A deletion's line: {"tombstone": {…}}; any other, a person.
            if (auto tombstone = object.find(json_shape::tombstone_key);
                object.is_object() && object.size() == 1 && tombstone != object.end())
                record = ImportRecord{{}, line, {}, {}, json_shape::tombstone_from_json(*tombstone, line)};
            else
                record = ImportRecord{json_shape::record_from_json(object, line), line, {}, {}, {}};
        } catch (const FormatError& e) {
            if (!skip) throw;
            skip(e);
        }
        if (record) sink(std::move(*record));
    }
}

void write_json_begin(std::ostream& out) {
    out << "{\"kith_version\":" << shape_version << ",\"contacts\":[\n";
}

void write_json_contact(std::ostream& out, const ContactRecord& record, bool first) {
    write_record_line(out, record, first ? "" : ",\n", "");
}

void write_json_end(std::ostream& out, const std::vector<Tombstone>& tombstones) {
    std::string buffer = "\n]";
    if (!tombstones.empty()) {
        buffer += fmt::format(",\"{}\":[\n", json_shape::tombstones_key);
        for (std::size_t i = 0; i < tombstones.size(); ++i) {
            if (i > 0) buffer += ",\n";
            json_shape::append_line(buffer, tombstones[i]);
        }
        buffer += "\n]";
    }
    buffer += "}\n";
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

void write_jsonl_tombstones(std::ostream& out, const std::vector<Tombstone>& tombstones) {
    std::string buffer;
    for (const auto& tombstone : tombstones) {
        buffer += fmt::format("{{\"{}\":", json_shape::tombstone_key);
        json_shape::append_line(buffer, tombstone);
        buffer += "}\n";
    }
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

void write_jsonl_contact(std::ostream& out, const ContactRecord& record) {
    write_record_line(out, record, "", "\n");
}

}  // namespace kith::interchange
