// CSV import and export (RFC 4180, SPEC §7): kith's own columns, and the headers Google
// Contacts and Outlook export. The reader streams: one row is held at a time, handed to the
// sink as soon as it is read.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <istream>
#include <optional>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interchange/foreign_records.h"
#include "kith/dates.h"
#include "kith/interchange.h"
#include "kith/text.h"

namespace kith::interchange {
namespace {

// What a column holds. kith's own columns come first, then those other files share with kith.
enum class Field {
    ignored,
    // kith's own
    id,
    uuid,
    every,
    archived,
    snoozed_until,
    added_on,
    created_at,
    updated_at,
    kith_tags,
    // kith's, Google's and Outlook's
    name,
    file_as,
    given,
    middle,
    family,
    nicknames,
    emails,
    phones,
    company,
    birthday,
    notes,
    google_labels,
    outlook_categories,
    // Google's and Outlook's parts of a card (ContactCard): kept, not dropped
    name_prefix,
    name_suffix,
    title,
    department,
    address_part,   // Column::part of ADR's seven, of the address Column::group names
    address_label,  // Google's "Address 1 - Label" (or Type)
    url,
    url_label,
    related,
    related_label,
    event,
    event_label,
};

// kith's header, in the order write_csv_header writes it.
constexpr std::array<std::pair<std::string_view, Field>, 15> kith_columns{{
    {"id", Field::id},
    {"uuid", Field::uuid},
    {"name", Field::name},
    {"nicknames", Field::nicknames},
    {"emails", Field::emails},
    {"phones", Field::phones},
    {"company", Field::company},
    {"tags", Field::kith_tags},
    {"birthday", Field::birthday},
    {"every", Field::every},
    {"archived", Field::archived},
    {"snoozed_until", Field::snoozed_until},
    {"added_on", Field::added_on},
    {"created_at", Field::created_at},
    {"updated_at", Field::updated_at},
}};

// Google's separator for several values in one cell; kith uses it too.
constexpr std::string_view multi_separator = " ::: ";

// A missing closing quote would otherwise swallow the rest of the file before being reported,
// and a header of a million empty cells would cost gigabytes: both are malformed, so cap them.
constexpr std::size_t max_row_bytes = std::size_t{16} << 20;
constexpr std::size_t max_columns = 4096;

std::string lowercase_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// User text quoted in an error message stays one line and cannot drive the terminal.
std::string quoted(std::string_view text) {
    return fmt::format("\"{}\"", escape_control_characters(text));
}

// ---- RFC 4180 rows ---------------------------------------------------------------------

// Splits the input into rows of cells, counting physical lines (LF, CRLF or a lone CR) so
// errors and records name the line a row starts on.
class RowReader {
public:
    explicit RowReader(std::streambuf* source) : source_(source) {}

    // A UTF-8 byte order mark is dropped; a UTF-16 one is refused, since no UTF-8 text starts
    // with the bytes FF or FE.
    void skip_byte_order_mark() {
        fill_to(3);
        const std::string_view start(buffer_.data() + pos_, end_ - pos_);
        if (starts_with(start, "\xEF\xBB\xBF"))
            pos_ += 3;
        else if (!start.empty() && (start[0] == '\xFF' || start[0] == '\xFE'))
            throw FormatError(1, "the file is UTF-16: save it as UTF-8 and import it again");
    }

    // The next row that is not blank (blank: every cell empty or spaces), or false at the end.
    // More than max_cells cells is an error worded by too_many. After a malformed row the
    // reader goes on at the next line, for a caller that skips it.
    bool next(std::vector<std::string>& cells, std::size_t max_cells, std::string_view too_many) {
        while (peek() != eof) {
            row_line_ = line_;
            try {
                read_row(cells, max_cells, too_many);
            } catch (const FormatError&) {
                skip_rest_of_line();
                throw;
            }
            const bool blank =
                std::all_of(cells.begin(), cells.end(), [](const std::string& cell) { return trim(cell).empty(); });
            if (!blank) return true;
        }
        return false;
    }

    std::size_t row_line() const { return row_line_; }

private:
    static constexpr int eof = -1;

    void fill_to(std::size_t wanted) {
        if (end_ - pos_ >= wanted || at_end_) return;
        std::copy(buffer_.begin() + static_cast<std::ptrdiff_t>(pos_),
                  buffer_.begin() + static_cast<std::ptrdiff_t>(end_), buffer_.begin());
        end_ -= pos_;
        pos_ = 0;
        while (end_ < buffer_.size()) {
            const auto got =
                source_ ? source_->sgetn(buffer_.data() + end_, static_cast<std::streamsize>(buffer_.size() - end_))
                        : 0;
            if (got <= 0) {
                at_end_ = true;
                break;
            }
            end_ += static_cast<std::size_t>(got);
            if (end_ - pos_ >= wanted) break;
        }
    }

    int peek() {
        if (pos_ == end_) fill_to(1);
        return pos_ == end_ ? eof : static_cast<unsigned char>(buffer_[pos_]);
    }

    int bump() {
        const int c = peek();
        if (c != eof) ++pos_;
        return c;
    }

    void append(std::string& cell, int c) {
        if (++row_bytes_ > max_row_bytes)
            throw FormatError(row_line_, "row is longer than 16 MiB: is a closing quote missing?");
        cell.push_back(static_cast<char>(c));
    }

    void skip_rest_of_line() {
        while (true) {
            const int c = bump();
            if (c == eof) return;
            if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') bump();
                ++line_;
                return;
            }
        }
    }

    void read_row(std::vector<std::string>& cells, std::size_t max_cells, std::string_view too_many) {
        cells.clear();
        row_bytes_ = 0;
        while (true) {
            if (cells.size() == max_cells) throw FormatError(row_line_, std::string(too_many));
            cells.emplace_back();
            read_cell(cells.back());
            const int c = bump();
            if (c == ',') continue;
            if (c == eof) return;
            if (c == '\r' && peek() == '\n') bump();
            ++line_;
            return;
        }
    }

    void read_cell(std::string& cell) {
        if (peek() != '"') {
            while (true) {
                const int c = peek();
                if (c == ',' || c == '\r' || c == '\n' || c == eof) return;
                if (c == '"')
                    throw FormatError(line_, "a \" inside an unquoted field: quote the whole field and double the \"");
                append(cell, bump());
            }
        }
        const std::size_t opened_on = line_;
        bump();
        while (true) {
            const int c = bump();
            if (c == eof) throw FormatError(opened_on, "unterminated quoted field: the closing \" is missing");
            if (c == '"') {
                if (peek() != '"') break;
                bump();
            } else if (c == '\n' || (c == '\r' && peek() != '\n')) {
                ++line_;
            }
            append(cell, c);
        }
        const int after = peek();
        if (after != ',' && after != '\r' && after != '\n' && after != eof)
            throw FormatError(line_, "text after a closing quote: quote the whole field and double any \" inside");
    }

    std::streambuf* source_;
    std::vector<char> buffer_ = std::vector<char>(std::size_t{1} << 16);
    std::size_t pos_ = 0;
    std::size_t end_ = 0;
    bool at_end_ = false;
    std::size_t line_ = 1;
    std::size_t row_line_ = 1;
    std::size_t row_bytes_ = 0;
};

// ---- header ----------------------------------------------------------------------------

struct Column {
    Field field = Field::ignored;
    std::string label;  // as the header spells it, for error messages
    // For a part of the card: which of its kind the column belongs to ("1" for Google's
    // "Address 1 - City", "work" for Outlook's "Business City"), that kind's label when the file
    // has no label column for it (Outlook's "work", "spouse"), and an address's part (ADR's order).
    std::string group;
    std::string tag;
    int part = -1;
};

struct Layout {
    std::vector<Column> columns;
    bool kith = false;  // kith's own columns: values exact, the writer's ' marks removed
};

Field kith_field(std::string_view key) {
    for (const auto& [name, field] : kith_columns)
        if (name == key) return field;
    return Field::ignored;
}

// "e-mail 2 - value": prefix, a number, suffix.
bool numbered(std::string_view key, std::string_view prefix, std::string_view suffix) {
    if (!starts_with(key, prefix) || !ends_with(key, suffix) || key.size() <= prefix.size() + suffix.size())
        return false;
    return all_ascii_digits(key.substr(prefix.size(), key.size() - prefix.size() - suffix.size()));
}

// Outlook's many phone columns: Mobile Phone, Home Phone 2, Business Fax, Assistant's Phone …
bool is_phone_column(std::string_view key) {
    const auto space = key.rfind(' ');
    if (space != std::string_view::npos && all_ascii_digits(key.substr(space + 1))) key = key.substr(0, space);
    return key == "phone" || key == "fax" || ends_with(key, " phone") || ends_with(key, " fax");
}

// Google's old and current headers and Outlook's, plus a few obvious names a hand-made file uses.
Field foreign_field(std::string_view key) {
    static constexpr std::array<std::pair<std::string_view, Field>, 22> fields{{
        {"name", Field::name},
        {"full name", Field::name},
        {"display name", Field::name},
        {"file as", Field::file_as},
        {"first name", Field::given},
        {"given name", Field::given},
        {"middle name", Field::middle},
        {"additional name", Field::middle},
        {"last name", Field::family},
        {"family name", Field::family},
        {"nickname", Field::nicknames},
        {"e-mail address", Field::emails},
        {"email address", Field::emails},
        {"email", Field::emails},
        {"e-mail", Field::emails},
        {"organization name", Field::company},
        {"company", Field::company},
        {"birthday", Field::birthday},
        {"notes", Field::notes},
        {"group membership", Field::google_labels},
        {"labels", Field::google_labels},
        {"categories", Field::outlook_categories},
    }};
    for (const auto& [name, field] : fields)
        if (name == key) return field;
    if (numbered(key, "e-mail ", " - value") || numbered(key, "e-mail ", " address")) return Field::emails;
    if (numbered(key, "phone ", " - value") || is_phone_column(key)) return Field::phones;
    if (numbered(key, "organization ", " - name")) return Field::company;
    return Field::ignored;
}

// ADR's seven parts (post office box, extended address, street, locality, region, postal code,
// country), as Google's and Outlook's address columns end; and Google's whole address in one
// cell, which is none of them (its street when no part is given).
constexpr int formatted_address = 7;
int address_part(std::string_view ending) {
    static constexpr std::array<std::pair<std::string_view, int>, 9> parts{{
        {"po box", 0},
        {"extended address", 1},
        {"street", 2},
        {"city", 3},
        {"region", 4},
        {"state", 4},
        {"postal code", 5},
        {"country", 6},
        {"country/region", 6},
    }};
    for (const auto& [name, part] : parts)
        if (name == ending) return part;
    return -1;
}

// Google's numbered groups, "address 1 - city": the kind, its number and what the column holds.
struct Numbered {
    std::string_view kind, number, ending;
};
std::optional<Numbered> numbered_group(std::string_view key) {
    const auto space = key.find(' ');
    const auto dash = key.find(" - ");
    if (space == std::string_view::npos || dash == std::string_view::npos || dash <= space + 1) return std::nullopt;
    const auto number = key.substr(space + 1, dash - space - 1);
    if (!all_ascii_digits(number)) return std::nullopt;
    return Numbered{key.substr(0, space), number, key.substr(dash + 3)};
}

// The parts of a card in Google's and Outlook's columns: title, department, name prefix and
// suffix, postal addresses, web pages, related people and dated events.
Column card_column(std::string_view key) {
    Column column;
    const auto is = [&](Field field, std::string group = "", std::string tag = "", int part = -1) {
        column.field = field;
        column.group = std::move(group);
        column.tag = std::move(tag);
        column.part = part;
        return column;
    };
    if (key == "name prefix" || key == "title") return is(Field::name_prefix);  // Outlook's Title: Mr., Dr.
    if (key == "name suffix" || key == "suffix") return is(Field::name_suffix);
    if (key == "organization title" || key == "job title") return is(Field::title);
    if (key == "organization department" || key == "department") return is(Field::department);
    if (key == "web page") return is(Field::url, "work", "work");
    if (key == "personal web page") return is(Field::url, "home", "home");
    if (key == "spouse") return is(Field::related, "spouse", "spouse");
    if (key == "manager's name") return is(Field::related, "manager", "manager");
    if (key == "assistant's name") return is(Field::related, "assistant", "assistant");
    if (key == "children") return is(Field::related, "child", "child");
    if (key == "anniversary") return is(Field::event, "anniversary", "anniversary");
    // Outlook's "Business Street", "Home City", "Other Postal Code" (and "Business Street 2").
    for (const auto& [prefix, tag] : {std::pair{"business ", "work"}, std::pair{"home ", "home"},
                                      std::pair{"other ", "other"}}) {
        if (!starts_with(key, prefix)) continue;
        auto ending = key.substr(std::string_view(prefix).size());
        if (const auto space = ending.rfind(' '); space != std::string_view::npos &&
                                                  all_ascii_digits(ending.substr(space + 1)) && ending.size() > space + 1)
            ending = ending.substr(0, space);
        if (const int part = address_part(ending); part >= 0) return is(Field::address_part, tag, tag, part);
    }
    if (const auto group = numbered_group(key)) {
        const std::string number(group->number);
        const bool label = group->ending == "label" || group->ending == "type";
        if (group->kind == "organization" && group->ending == "title") return is(Field::title);
        if (group->kind == "organization" && group->ending == "department") return is(Field::department);
        if (group->kind == "address") {
            if (label) return is(Field::address_label, number);
            if (group->ending == "formatted") return is(Field::address_part, number, "", formatted_address);
            if (const int part = address_part(group->ending); part >= 0) return is(Field::address_part, number, "", part);
        }
        if (group->kind == "website") return is(label ? Field::url_label : Field::url, number);
        if (group->kind == "relation") return is(label ? Field::related_label : Field::related, number);
        if (group->kind == "event") return is(label ? Field::event_label : Field::event, number);
    }
    return column;
}

Column foreign_column(std::string_view key) {
    if (const Field field = foreign_field(key); field != Field::ignored) {
        Column column;
        column.field = field;
        return column;
    }
    return card_column(key);
}

bool names_someone(Field field) {
    return field == Field::name || field == Field::file_as || field == Field::given || field == Field::middle ||
           field == Field::family;
}

// kith's own when every column is one of kith's (in any order, some may be left out) and
// the name is there: Google's and Outlook's headers always have columns kith does not.
Layout read_header(const std::vector<std::string>& cells, std::size_t line) {
    std::vector<std::string> keys;
    for (const auto& cell : cells) keys.push_back(lowercase_ascii(trim(cell)));
    const auto is_kith_column = [](const std::string& key) { return kith_field(key) != Field::ignored; };
    Layout layout;
    layout.kith = std::all_of(keys.begin(), keys.end(), is_kith_column) &&
                  std::find(keys.begin(), keys.end(), "name") != keys.end();
    for (std::size_t i = 0; i < cells.size(); ++i) {
        Column column = layout.kith ? Column{} : foreign_column(keys[i]);
        if (layout.kith) column.field = kith_field(keys[i]);
        column.label = trim(cells[i]);
        layout.columns.push_back(std::move(column));
    }
    if (std::none_of(layout.columns.begin(), layout.columns.end(),
                     [](const Column& c) { return names_someone(c.field); }))
        throw FormatError(line,
                          "no name column in the CSV header: expected name (kith), Name, First Name/Last Name or "
                          "Given Name/Family Name");
    return layout;
}

// ---- values ----------------------------------------------------------------------------

[[noreturn]] void bad_value(std::size_t line, const Column& column, std::string_view why) {
    throw FormatError(line, fmt::format("column {}: {}", quoted(column.label), escape_control_characters(why)));
}

// kith's cells are split exactly, so a value holding ":::" or spaces comes back unchanged;
// other files are hand-edited and spreadsheet-made, so be lenient about the spaces.
std::vector<std::string> split_values(std::string_view cell, bool exact) {
    std::vector<std::string> values;
    const std::string_view separator = exact ? multi_separator : std::string_view(":::");
    while (true) {
        const auto at = cell.find(separator);
        const auto piece = cell.substr(0, at);
        std::string value = exact ? std::string(piece) : trim(piece);
        if (!value.empty()) values.push_back(std::move(value));
        if (at == std::string_view::npos) return values;
        cell.remove_prefix(at + separator.size());
    }
}

void append_all(std::vector<std::string>& to, std::vector<std::string> values) {
    for (auto& value : values) to.push_back(std::move(value));
}

// Google's labels: "* myContacts" and "* starred" are Google's own groups, not the user's;
// other system groups ("* Friends") keep their name without the star.
std::vector<std::string> google_labels(std::string_view cell) {
    std::vector<std::string> tags;
    for (auto& label : split_values(cell, false)) {
        if (label.front() != '*') {
            tags.push_back(std::move(label));
            continue;
        }
        std::string name = trim(std::string_view(label).substr(1));
        std::string key = lowercase_ascii(name);
        key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
        if (!name.empty() && key != "mycontacts" && key != "starred") tags.push_back(std::move(name));
    }
    return tags;
}

std::vector<std::string> outlook_categories(std::string_view cell) {
    std::vector<std::string> tags;
    std::string_view rest = cell;
    while (true) {
        const auto at = rest.find_first_of(";,");
        std::string tag = trim(rest.substr(0, at));
        if (!tag.empty()) tags.push_back(std::move(tag));
        if (at == std::string_view::npos) return tags;
        rest.remove_prefix(at + 1);
    }
}

// Outlook writes M/D/YYYY, and 0/0/00 for none; everything else goes to parse_birthday
// (1986-03-15, --03-15 …).
// `what` names the value in a message: "birthday", or "date" for an anniversary.
std::optional<Birthday> birthday_value(std::string_view cell, std::size_t line, const Column& column,
                                       std::string_view what = "birthday") {
    const std::string text = trim(cell);
    if (text.empty()) return std::nullopt;
    std::string iso = text;
    if (text.find('/') != std::string::npos) {
        const auto parts = split(text, '/');
        if (parts.size() == 3 && std::all_of(parts.begin(), parts.end(), all_ascii_digits)) {
            if (parts[0].find_first_not_of('0') == std::string::npos &&
                parts[1].find_first_not_of('0') == std::string::npos)
                return std::nullopt;
            if (parts[0].size() <= 2 && parts[1].size() <= 2 && parts[2].size() == 4)
                iso = fmt::format("{}-{:0>2}-{:0>2}", parts[2], parts[0], parts[1]);
        }
        if (iso == text) bad_value(line, column, fmt::format("bad {} {}: expected M/D/YYYY", what, quoted(text)));
    }
    auto birthday = parse_birthday(iso);
    if (!birthday && iso == text) bad_value(line, column, birthday.error());
    if (!birthday) bad_value(line, column, fmt::format("bad {} {}: no such date", what, quoted(text)));
    return birthday.value();
}

Date date_value(std::string_view cell, std::size_t line, const Column& column) {
    auto date = parse_iso_date(cell);
    if (!date) bad_value(line, column, date.error());
    return date.value();
}

// The store's timestamps: 2026-11-22T09:30:00Z.
std::string timestamp_value(std::string_view cell, std::size_t line, const Column& column) {
    const std::string text = trim(cell);
    if (!is_utc_timestamp(text))
        bad_value(line, column, fmt::format("expected a UTC time like 2026-11-22T09:30:00Z, got {}", quoted(text)));
    return text;
}

std::int64_t id_value(std::string_view cell, std::size_t line, const Column& column) {
    const std::string text = trim(cell);
    std::int64_t id = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size() || id < 0)
        bad_value(line, column, fmt::format("expected a contact number, got {}", quoted(text)));
    return id;
}

bool archived_value(std::string_view cell, std::size_t line, const Column& column) {
    const std::string text = lowercase_ascii(trim(cell));
    if (text == "1" || text == "true") return true;
    if (text == "0" || text == "false" || text.empty()) return false;
    bad_value(line, column, fmt::format("expected 0 or 1, got {}", quoted(cell)));
}

// The parts a name may be built from; the first non-empty cell of each kind counts.
struct NameParts {
    std::string name, file_as, given, middle, family;
};

void keep_first(std::string& slot, std::string value) {
    if (slot.empty()) slot = std::move(value);
}

// Name, else File As, else the given, middle and family names; "" for none.
std::string full_name(NameParts parts) {
    if (!trim(parts.name).empty()) return std::move(parts.name);
    if (!parts.file_as.empty()) return std::move(parts.file_as);
    std::vector<std::string> words;
    for (auto* part : {&parts.given, &parts.middle, &parts.family})
        if (!part->empty()) words.push_back(std::move(*part));
    return join(words, " ");
}

// A label of Google's ("Home", "* Work") as kith keeps a card's labels: "home", "work".
std::string card_label(std::string_view cell) {
    std::string label = trim(cell);
    if (starts_with(label, "* ")) label.erase(0, 2);
    return lowercase_ascii(trim(label));
}

// A cell of several lines (Outlook's street) as one: "1 Globex Way, Suite 9".
std::string one_line(std::string_view cell) {
    std::vector<std::string> lines;
    for (auto& part : split(std::string(cell), '\n'))
        if (auto text = trim(part); !text.empty()) lines.push_back(std::move(text));
    return join(lines, ", ");
}

// The parts of a card that come in groups of columns (Google's "Website 1 - Label" and
// "Website 1 - Value", Outlook's "Business Street" and "Business City"), by group, in the
// order the header names them.
template <class Item>
Item& in_group(std::vector<std::pair<std::string, Item>>& groups, const std::string& group) {
    for (auto& [name, item] : groups)
        if (name == group) return item;
    return groups.emplace_back(group, Item{}).second;
}

struct CardGroups {
    struct Address {
        PostalAddress address;
        std::string formatted;  // Google's "Address 1 - Formatted"
    };
    struct Event {
        std::string label;
        std::optional<Birthday> date;
    };
    std::vector<std::pair<std::string, Address>> addresses;
    std::vector<std::pair<std::string, LabeledText>> urls, related;
    std::vector<std::pair<std::string, Event>> events;

    void add(const Column& column, std::string value, std::size_t line);
    void finish(ContactCard& card) &&;
};

void CardGroups::add(const Column& column, std::string value, std::size_t line) {
    const auto labeled = [&](LabeledText& item) -> LabeledText& {
        if (item.label.empty()) item.label = column.tag;
        return item;
    };
    switch (column.field) {
        case Field::address_part: {
            auto& group = in_group(addresses, column.group);
            if (group.address.label.empty()) group.address.label = column.tag;
            if (column.part == formatted_address) {
                group.formatted = one_line(value);
                break;
            }
            auto& part = group.address.parts[static_cast<std::size_t>(column.part)];
            part = part.empty() ? one_line(value) : part + ", " + one_line(value);  // Street 2, Street 3
            break;
        }
        case Field::address_label: in_group(addresses, column.group).address.label = card_label(value); break;
        case Field::url: labeled(in_group(urls, column.group)).value = std::move(value); break;
        case Field::url_label: in_group(urls, column.group).label = card_label(value); break;
        case Field::related: labeled(in_group(related, column.group)).value = one_line(value); break;
        case Field::related_label: in_group(related, column.group).label = card_label(value); break;
        case Field::event: {
            auto& event = in_group(events, column.group);
            if (event.label.empty()) event.label = column.tag;
            event.date = birthday_value(value, line, column, "date");  // "0/0/00": Outlook's none
            break;
        }
        case Field::event_label: in_group(events, column.group).label = card_label(value); break;
        default: break;
    }
}

void CardGroups::finish(ContactCard& card) && {
    for (auto& [group, item] : addresses) {
        auto& parts = item.address.parts;
        if (std::all_of(parts.begin(), parts.end(), [](const std::string& p) { return p.empty(); }))
            parts[2] = std::move(item.formatted);
        if (std::any_of(parts.begin(), parts.end(), [](const std::string& p) { return !p.empty(); }))
            card.addresses.push_back(std::move(item.address));
    }
    for (auto& [group, item] : urls)
        if (!item.value.empty()) card.urls.push_back(std::move(item));
    for (auto& [group, item] : related)
        if (!item.value.empty()) card.related.push_back(std::move(item));
    for (auto& [group, item] : events)
        if (item.date) card.events.push_back({std::move(item.label), *item.date});
}

ImportRecord to_record(const Layout& layout, std::vector<std::string>& cells, std::size_t line) {
    ImportRecord out;
    out.line = line;
    Contact& contact = out.record.contact;
    ContactCard& card = out.record.card;
    CardGroups groups;
    NameParts parts;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const Column& column = layout.columns[i];
        if (column.field == Field::ignored) continue;
        std::string value = std::move(cells[i]);
        if (layout.kith && !value.empty() && value.front() == '\'') value.erase(0, 1);  // the writer's mark
        if (!layout.kith) value = trim(value);
        if (value.empty()) continue;
        switch (column.field) {
            case Field::ignored: break;
            case Field::id: contact.id = id_value(value, line, column); break;
            case Field::uuid: keep_first(contact.uuid, std::move(value)); break;
            case Field::name: keep_first(parts.name, std::move(value)); break;
            case Field::file_as: keep_first(parts.file_as, std::move(value)); break;
            case Field::given: keep_first(parts.given, std::move(value)); break;
            case Field::middle: keep_first(parts.middle, std::move(value)); break;
            case Field::family: keep_first(parts.family, std::move(value)); break;
            case Field::nicknames: append_all(contact.nicknames, split_values(value, layout.kith)); break;
            case Field::emails:
                for (auto& email : split_values(value, layout.kith)) add_email(out, std::move(email));
                break;
            case Field::phones: append_all(contact.phones, split_values(value, layout.kith)); break;
            case Field::company: keep_first(contact.company, std::move(value)); break;
            case Field::kith_tags: append_all(contact.tags, split_values(value, true)); break;
            case Field::google_labels: append_all(contact.tags, google_labels(value)); break;
            case Field::outlook_categories: append_all(contact.tags, outlook_categories(value)); break;
            case Field::birthday:
                if (!contact.birthday) contact.birthday = birthday_value(value, line, column);
                break;
            case Field::every: {
                auto every = parse_cadence(value);
                if (!every) bad_value(line, column, every.error());
                contact.every = every.value();
                break;
            }
            case Field::archived: contact.archived = archived_value(value, line, column); break;
            case Field::snoozed_until: contact.snoozed_until = date_value(value, line, column); break;
            case Field::added_on: contact.added_on = date_value(value, line, column); break;
            case Field::created_at: contact.created_at = timestamp_value(value, line, column); break;
            case Field::updated_at: contact.updated_at = timestamp_value(value, line, column); break;
            case Field::notes: {
                Note note;
                note.text = std::move(value);
                out.record.notes.push_back(std::move(note));
                break;
            }
            case Field::name_prefix: keep_first(card.name_prefix, std::move(value)); break;
            case Field::name_suffix: keep_first(card.name_suffix, std::move(value)); break;
            case Field::title: keep_first(card.title, one_line(value)); break;
            case Field::department: keep_first(card.department, one_line(value)); break;
            case Field::address_part:
            case Field::address_label:
            case Field::url:
            case Field::url_label:
            case Field::related:
            case Field::related_label:
            case Field::event:
            case Field::event_label: groups.add(column, std::move(value), line); break;
        }
    }
    std::move(groups).finish(card);
    contact.name = layout.kith ? std::move(parts.name) : full_name(std::move(parts));
    if (trim(contact.name).empty() && (layout.kith || !name_from_what_it_has(out)))
        throw FormatError(line, layout.kith ? "row has no name" : "row has no name, organisation, e-mail or phone");
    return out;
}

// ---- writing ---------------------------------------------------------------------------

// A spreadsheet runs a cell starting with = or @ (or a tab or CR) as a formula, and one
// starting with + or - unless the rest is a number or a date: without letters there is no
// function or reference to run, so "+44 7700 900123" and "--03-15" stay as they are. The ' in
// front makes a cell text, and marking a leading ' too lets the reader remove exactly one.
bool needs_formula_mark(std::string_view cell) {
    if (cell.empty()) return false;
    const char first = cell.front();
    if (first == '=' || first == '@' || first == '\t' || first == '\r' || first == '\'') return true;
    if (first != '+' && first != '-') return false;
    const auto rest = cell.substr(1);
    return rest.find_first_of("0123456789") == std::string_view::npos ||
           rest.find_first_not_of("0123456789 ()-./") != std::string_view::npos;
}

void append_cell(std::string& line, std::string_view value) {
    std::string cell;
    if (needs_formula_mark(value)) cell += '\'';
    cell += value;
    const bool quote = cell.find_first_of(",\"\r\n") != std::string::npos ||
                       (!cell.empty() && (cell.front() == ' ' || cell.back() == ' ' || cell.back() == '\t'));
    if (!quote) {
        line += cell;
        return;
    }
    line += '"';
    for (char c : cell) {
        if (c == '"') line += '"';
        line += c;
    }
    line += '"';
}

std::string joined(const std::vector<std::string>& values) {
    return join(values, multi_separator);
}

std::string optional_date(const std::optional<Date>& date) {
    return date ? format_iso(*date) : std::string();
}

}  // namespace

void read_csv(std::istream& in, const RecordSink& sink, const SkipSink& skip) {
    RowReader reader(in.rdbuf());
    reader.skip_byte_order_mark();
    std::vector<std::string> cells;
    const auto check_utf8 = [&] {
        for (const auto& cell : cells)
            if (!is_valid_utf8(cell))
                throw FormatError(reader.row_line(), "invalid UTF-8 or a NUL byte: save the file as UTF-8");
    };
    if (!reader.next(cells, max_columns, fmt::format("the header has more than {} columns", max_columns))) return;
    check_utf8();
    const Layout layout = read_header(cells, reader.row_line());
    const std::string too_many = fmt::format("row has more cells than the header's {} columns", layout.columns.size());
    while (true) {
        ImportRecord record;
        try {
            if (!reader.next(cells, layout.columns.size(), too_many)) break;
            check_utf8();
            record = to_record(layout, cells, reader.row_line());
        } catch (const FormatError& e) {
            if (!skip) throw;
            skip(e);
            continue;
        }
        sink(std::move(record));
    }
}

void write_csv_header(std::ostream& out) {
    std::string line;
    for (const auto& column : kith_columns) {
        if (!line.empty()) line += ',';
        line += column.first;
    }
    line += "\r\n";
    out << line;
}

void write_csv_row(std::ostream& out, const ContactRecord& record) {
    const Contact& contact = record.contact;
    const std::array<std::string, kith_columns.size()> cells{
        std::to_string(contact.id),
        contact.uuid,
        contact.name,
        joined(contact.nicknames),
        joined(contact.emails),
        joined(contact.phones),
        contact.company,
        joined(contact.tags),
        contact.birthday ? format_birthday(*contact.birthday) : std::string(),
        contact.every ? format_cadence(*contact.every) : std::string(),
        contact.archived ? "1" : "0",
        optional_date(contact.snoozed_until),
        contact.added_on.ok() ? format_iso(contact.added_on) : std::string(),
        contact.created_at,
        contact.updated_at,
    };
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) line += ',';
        append_cell(line, cells[i]);
    }
    line += "\r\n";
    out << line;
}

}  // namespace kith::interchange
