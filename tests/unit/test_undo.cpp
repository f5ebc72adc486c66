// The undo history in the store: what is recorded and when, and every table accounted for.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "kith/core.h"
#include "kith/error.h"
#include "kith/store.h"
#include "store/store_internal.h"
#include "people.h"
#include "temp_dir.h"

using namespace kith;
using namespace std::chrono;

using kith::test::person;
using kith::test::TempDir;
using kith::test::today;

namespace {

const UndoLabel add_label{"add", "Sam Smith", 100};

}  // namespace

TEST_CASE("every table kith keeps records in is recorded for undo, and has a primary key") {
    TempDir dir;
    auto path = (dir.path / "kith.db").string();
    {
        auto store = Store::open(path, Store::Access::write);
        store->write([&] {});  // creates the file
    }
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    // Left out on purpose: the history itself, which rules the notes were read with, the
    // people changed since the last sync, which triggers keep (an undo's own changes among them),
    // and the flag that holds the tombstone triggers still while an undo applies.
    const std::vector<std::string> not_recorded{"undo_history", "kith_state", "sync_changed", "undo_applying"};
    std::vector<std::string> virtual_tables;
    SQLite::Statement virtuals(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'");
    while (virtuals.executeStep()) virtual_tables.push_back(virtuals.getColumn(0).getString());
    const auto& recorded = store_detail::undo_recorded_tables();
    SQLite::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    int seen = 0;
    while (tables.executeStep()) {
        auto name = tables.getColumn(0).getString();
        CAPTURE(name);
        // A full-text index and its shadow tables are kept by triggers on the recorded tables.
        bool full_text = std::any_of(virtual_tables.begin(), virtual_tables.end(),
                                     [&](const std::string& v) { return name == v || name.rfind(v + "_", 0) == 0; });
        if (full_text || std::count(not_recorded.begin(), not_recorded.end(), name)) continue;
        ++seen;
        CHECK(std::count(recorded.begin(), recorded.end(), name) == 1);
        SQLite::Statement key(db, "SELECT count(*) FROM pragma_table_info(?) WHERE pk > 0");
        key.bind(1, name);
        REQUIRE(key.executeStep());
        CHECK(key.getColumn(0).getInt() > 0);  // sessions skip a table without one
    }
    CHECK(seen == static_cast<int>(recorded.size()));
}

TEST_CASE("a labelled write that changes something is kept, and no other") {
    auto store = Store::open(":memory:", Store::Access::write);
    Contact sam = person("Sam Smith");
    store->write([&] { store->contacts().insert(sam); });  // no label: not kept
    CHECK(store->undo().history().empty());

    store->record_writes(add_label);
    Contact priya = person("Priya Shah");
    priya.emails = {"priya@x.org"};
    store->write([&] { store->contacts().insert(priya); });
    auto history = store->undo().history();
    REQUIRE(history.size() == 1);
    CHECK(history[0].command == "add");
    CHECK(history[0].summary == "Sam Smith");
    CHECK(history[0].bytes > 0);

    store->write([&] {});                                    // changes nothing
    store->write([&] { store->contacts().update(priya, Stamp::keep); });  // writes the same values
    Contact ana = person("Ana Ruiz");
    store->rehearse([&] { store->contacts().insert(ana); });  // rolled back
    CHECK(store->undo().history().size() == 1);

    auto undone = undo_last(*store);
    CHECK(undone.what() == "add Sam Smith");
    CHECK_FALSE(store->contacts().find(priya.id));
    CHECK(store->contacts().find(sam.id));
    CHECK(store->contacts().with_email("priya@x.org").empty());
    CHECK_THROWS_AS(undo_last(*store), Error);
}

TEST_CASE("the history keeps the newest undo.keep commands") {
    auto store = Store::open(":memory:", Store::Access::write);
    store->record_writes({"add", "", 3});
    for (int i = 0; i < 5; ++i) {
        Contact contact = person("Person " + std::to_string(i));
        store->write([&] { store->contacts().insert(contact); });
    }
    auto history = store->undo().history();
    REQUIRE(history.size() == 3);
    CHECK(history[0].id > history[1].id);
    CHECK(history[1].id > history[2].id);
}
