// One list of columns per table, from which its SELECT list, INSERT, UPDATE, binding and reading
// are all made, so each column is named once.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kith/dates.h"
#include "kith/error.h"
#include "kith/text.h"
#include "store/store_internal.h"

namespace kith::store_detail {

// How each type of value is stored: a date as YYYY-MM-DD, a missing one as NULL, a flag as 0/1,
// tags joined by spaces, an interval as it is written (30d, 2w).
inline void bind_value(SQLite::Statement& s, int index, std::int64_t value) { s.bind(index, value); }
inline void bind_value(SQLite::Statement& s, int index, const std::string& value) { s.bind(index, value); }
inline void bind_value(SQLite::Statement& s, int index, bool value) { s.bind(index, value ? 1 : 0); }
inline void bind_value(SQLite::Statement& s, int index, Date value) { s.bind(index, stored_date(value)); }
inline void bind_value(SQLite::Statement& s, int index, const std::optional<Date>& value) {
    bind_optional(s, index, optional_iso(value));
}
inline void bind_value(SQLite::Statement& s, int index, const std::vector<std::string>& tags) {
    s.bind(index, join(tags, " "));
}
inline void bind_value(SQLite::Statement& s, int index, const std::optional<Interval>& every) {
    bind_optional(s, index, every ? std::optional(format_interval(*every)) : std::nullopt);
}

inline void read_value(const SQLite::Column& c, std::int64_t& value) { value = c.getInt64(); }
inline void read_value(const SQLite::Column& c, std::string& value) { value = c.getString(); }
inline void read_value(const SQLite::Column& c, bool& value) { value = c.getInt() != 0; }
inline void read_value(const SQLite::Column& c, Date& value) { value = date_column(c); }
inline void read_value(const SQLite::Column& c, std::optional<Date>& value) { value = optional_date_column(c); }
inline void read_value(const SQLite::Column& c, std::vector<std::string>& tags) {
    tags.clear();
    for (auto& tag : split(c.getString(), ' '))
        if (!tag.empty()) tags.push_back(std::move(tag));
}
inline void read_value(const SQLite::Column& c, std::optional<Interval>& every) {
    every.reset();
    if (c.isNull()) return;
    auto parsed = parse_interval(c.getString());
    if (!parsed) throw runtime_error("database holds a bad reminder interval: " + parsed.error());
    every = *parsed;
}

template <class Record>
struct Column {
    const char* name;
    void (*bind)(SQLite::Statement&, int index, const Record&);
    void (*read)(const SQLite::Column&, Record&);
    bool insert_only = false;  // uuid and created_at: written once, never updated
};

template <class Member>
struct MemberOf;
template <class Record, class Value>
struct MemberOf<Value Record::*> {
    using record = Record;
};

// The column `name` holding `member`, stored as its type says (bind_value, read_value).
template <auto member, class Record = typename MemberOf<decltype(member)>::record>
Column<Record> column(const char* name) {
    return {name, [](SQLite::Statement& s, int index, const Record& r) { bind_value(s, index, r.*member); },
            [](const SQLite::Column& c, Record& r) { read_value(c, r.*member); }};
}

template <auto member>
auto insert_only(const char* name) {
    auto written_once = column<member>(name);
    written_once.insert_only = true;
    return written_once;
}

// A table's rows. The first column is the id. Parameter ?N of the INSERT and the UPDATE is
// column N of the list, so values are bound by index with nothing to look up; the SQL is made
// once, so the connection's statement cache finds the same text every time.
template <class Record>
class Rows {
public:
    Rows(const char* table, std::vector<Column<Record>> columns) : table_(table), columns_(std::move(columns)) {
        std::string names, values, sets;
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            const std::string name = columns_[i].name, slot = "?" + std::to_string(i + 1);
            names += (i == 0 ? "" : ", ") + name;
            values += i == 0 ? keep_id(table, slot) : ", " + slot;
            if (i > 0 && !columns_[i].insert_only) sets += (sets.empty() ? "" : ", ") + name + " = " + slot;
        }
        select_ = "SELECT " + names + " FROM " + table + " ";
        insert_ = "INSERT INTO " + std::string(table) + " (" + names + ") VALUES (" + values + ")";
        update_ = "UPDATE " + std::string(table) + " SET " + sets + " WHERE id = ?1";
        remove_ = "DELETE FROM " + std::string(table) + " WHERE id = ?1";
    }

    // The same rows without some columns, for reading only: those members stay empty.
    Rows without(std::initializer_list<std::string_view> names) const {
        std::vector<Column<Record>> kept;
        for (const auto& column : columns_)
            if (std::find(names.begin(), names.end(), std::string_view(column.name)) == names.end())
                kept.push_back(column);
        return Rows(table_, std::move(kept));
    }

    // "SELECT <every column> FROM <table> ", for a query to finish with WHERE and ORDER BY.
    const std::string& select() const { return select_; }

    // The record in the current row of a query that starts with select().
    Record read(SQLite::Statement& row) const {
        Record record;
        for (std::size_t i = 0; i < columns_.size(); ++i) columns_[i].read(row.getColumn(static_cast<int>(i)), record);
        return record;
    }

    std::vector<Record> read_all(SQLite::Statement& query) const {
        std::vector<Record> records;
        while (query.executeStep()) records.push_back(read(query));
        return records;
    }

    // Keeps the record's id when it is set and free (see keep_id), and gives it the row's id.
    void insert(Connection& c, Record& record) const {
        auto& insert = c(insert_);
        bind(insert, record, true);
        insert.exec();
        record.id = c.db->getLastInsertRowid();
        index_if_behind(c, table_, record.id);
    }

    void update(Connection& c, const Record& record) const {
        catch_up_search_index(c);
        auto& update = c(update_);
        bind(update, record, false);
        update.exec();
    }

    // Deletes the row with this id; false when there was none.
    // A removal leaves a tombstone (a trigger), so older ones are forgotten now.
    bool remove(Connection& c, std::int64_t id) const {
        release_search_index(c);
        auto& erase = c(remove_);
        erase.bind(1, id);
        const bool removed = erase.exec() > 0;
        if (removed) prune_tombstones(c);
        return removed;
    }

private:
    void bind(SQLite::Statement& statement, const Record& record, bool inserting) const {
        for (std::size_t i = 0; i < columns_.size(); ++i)
            if (inserting || !columns_[i].insert_only) columns_[i].bind(statement, static_cast<int>(i + 1), record);
    }

    const char* table_;
    std::vector<Column<Record>> columns_;
    std::string select_, insert_, update_, remove_;
};

}  // namespace kith::store_detail
