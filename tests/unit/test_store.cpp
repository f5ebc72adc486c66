#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <stdlib.h>

#include "kith/core.h"
#include "kith/error.h"
#include "kith/store.h"
#include "store/schema.h"
#include "people.h"
#include "temp_dir.h"

using namespace kith;
using namespace std::chrono;

using kith::test::person;
using kith::test::TempDir;
using kith::test::today;

TEST_CASE("a contact round-trips through the store with all its fields") {
    auto store = Store::open(":memory:", Store::Access::write);
    Contact sam = person("Sam Smith");
    sam.emails = {"sam@acme.com", "sam@home.net"};
    sam.phones = {"+1 555 0100"};
    sam.nicknames = {"Sammy"};
    sam.tags = {"client", "golf"};
    sam.company = "Acme";
    sam.birthday = Birthday{1986, 3, 15};
    sam.every = Cadence{Interval{3, Interval::Unit::weeks}, Interval{6, Interval::Unit::weeks}};
    store->write([&] { store->contacts().insert(sam); });
    REQUIRE(sam.id > 0);
    CHECK(sam.uuid.size() == 36);

    auto loaded = store->contacts().find(sam.id);
    REQUIRE(loaded);
    CHECK(loaded->name == "Sam Smith");
    CHECK(loaded->emails == sam.emails);
    CHECK(loaded->phones == sam.phones);
    CHECK(loaded->nicknames == sam.nicknames);
    CHECK(loaded->tags == sam.tags);
    CHECK(loaded->company == "Acme");
    CHECK(loaded->birthday == sam.birthday);
    CHECK(loaded->every == sam.every);
    CHECK(loaded->uuid == sam.uuid);
    CHECK_FALSE(loaded->last_contacted);
}

TEST_CASE("last contacted is the latest interaction, whatever order they were logged in") {
    auto store = Store::open(":memory:", Store::Access::write);
    Contact sam = person("Sam");
    store->contacts().insert(sam);
    for (auto date : {Date{year{2026}, October, day{1}}, Date{year{2026}, November, day{2}}, Date{year{2026}, March, day{9}}}) {
        Interaction interaction;
        interaction.contact_id = sam.id;
        interaction.on = date;
        interaction.channel = "call";
        store->interactions().insert(interaction);
    }
    auto loaded = store->contacts().find(sam.id);
    REQUIRE(loaded->last_contacted);
    CHECK(*loaded->last_contacted == Date{year{2026}, November, day{2}});
    auto interactions = store->interactions().for_contact(sam.id);
    REQUIRE(interactions.size() == 3);
    CHECK(interactions.front().on == Date{year{2026}, November, day{2}});  // newest first
}

TEST_CASE("last contacted on the day they were added is not never, in every way contacts are read") {
    // The stored last_touch falls back to the day added: equal days must still ask the interactions.
    auto store = Store::open(":memory:", Store::Access::write);
    Contact same_day = person("Same Day"), earlier = person("Earlier"), never = person("Never");
    for (Contact* c : {&same_day, &earlier, &never}) store->contacts().insert(*c);
    auto log = [&](const Contact& c, Date on) {
        Interaction interaction;
        interaction.contact_id = c.id;
        interaction.on = on;
        interaction.channel = "call";
        store->interactions().insert(interaction);
    };
    log(same_day, today);
    log(earlier, Date{year{2025}, May, day{1}});  // before they were added: still the latest
    std::map<std::string, std::optional<Date>> listed;
    store->contacts().for_each({}, [&](const Contact& c, const std::string&) { listed[c.name] = c.last_contacted; });
    for (const auto& found : {store->contacts().find_many({same_day.id, earlier.id, never.id}),
                              std::vector<Contact>{*store->contacts().find(same_day.id), *store->contacts().find(earlier.id),
                                                   *store->contacts().find(never.id)}}) {
        for (const auto& c : found) {
            CAPTURE(c.name);
            CHECK(listed.at(c.name) == c.last_contacted);
            if (c.name == "Same Day") CHECK(c.last_contacted == std::optional<Date>(today));
            if (c.name == "Earlier") CHECK(c.last_contacted == std::optional<Date>(Date{year{2025}, May, day{1}}));
            if (c.name == "Never") CHECK_FALSE(c.last_contacted);
        }
    }
}

TEST_CASE("notes come back newest first with event, ask flag and tags") {
    auto store = Store::open(":memory:", Store::Access::write);
    Contact sam = person("Sam");
    store->contacts().insert(sam);
    Note old_note;
    old_note.contact_id = sam.id;
    old_note.text = "Old";
    old_note.on = Date{year{2020}, January, day{5}};
    Note new_note;
    new_note.contact_id = sam.id;
    new_note.text = "Marathon";
    new_note.on = today;
    new_note.event = Date{year{2026}, December, day{5}};
    new_note.ask = true;
    new_note.tags = {"running", "berlin"};
    store->notes().insert(old_note);
    store->notes().insert(new_note);
    auto notes = store->notes().for_contact(sam.id);
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].text == "Marathon");
    CHECK(notes[0].event == new_note.event);
    CHECK(notes[0].ask);
    CHECK(notes[0].tags == std::vector<std::string>{"running", "berlin"});
    CHECK(notes[1].text == "Old");
}

TEST_CASE("a failed write leaves nothing behind") {
    auto store = Store::open(":memory:", Store::Access::write);
    CHECK_THROWS(store->write([&] {
        Contact a = person("Half Written");
        store->contacts().insert(a);
        throw usage_error("boom");
    }));
    CHECK(store->contacts().list({}).empty());
}

TEST_CASE("deleting a contact removes their notes and interactions") {
    auto store = Store::open(":memory:", Store::Access::write);
    Contact sam = person("Sam");
    store->contacts().insert(sam);
    Note note;
    note.contact_id = sam.id;
    note.text = "x";
    note.on = today;
    store->notes().insert(note);
    store->contacts().remove(sam.id);
    CHECK(store->notes().for_contact(sam.id).empty());
    CHECK_FALSE(store->contacts().find(sam.id));
}

TEST_CASE("list filters archived people and requires every tag") {
    auto store = Store::open(":memory:", Store::Access::write);
    Contact a = person("Ann"), b = person("Bob"), c = person("Cy");
    a.tags = {"client", "golf"};
    b.tags = {"client"};
    c.tags = {"client", "golf"};
    c.archived = true;
    for (auto* contact : {&a, &b, &c}) store->contacts().insert(*contact);
    ContactFilter filter;
    filter.tags = {"client", "golf"};
    auto listed = store->contacts().list(filter);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].name == "Ann");
    filter.include_archived = true;
    CHECK(store->contacts().list(filter).size() == 2);
}

TEST_CASE("a database file is created 0600 in a 0700 directory, in WAL mode, at schema version 1") {
    TempDir temp;
    auto path = (temp.path / "nested" / "kith.db").string();
    {
        auto store = Store::open(path, Store::Access::write);
        CHECK_FALSE(std::filesystem::exists(path));  // not until the first write
        store->write([] {});
        CHECK(store->schema_version() == Store::current_schema_version());
    }
    struct stat file_info{}, dir_info{};
    REQUIRE(::stat(path.c_str(), &file_info) == 0);
    REQUIRE(::stat((temp.path / "nested").c_str(), &dir_info) == 0);
    CHECK((file_info.st_mode & 0777) == 0600);
    CHECK((dir_info.st_mode & 0777) == 0700);
    SQLite::Database db(path);
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("reading a database that does not exist creates nothing") {
    TempDir temp;
    auto path = (temp.path / "kith.db").string();
    auto store = Store::open(path, Store::Access::read);
    CHECK(store->contacts().list({}).empty());
    CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("a name prefix with a limit: names and nicknames, each person once, the first by name") {
    auto store = Store::open(":memory:", Store::Access::write);
    for (std::string name : {"Sam Smith", "Samantha Jones", "Sammy Lee", "Bo Park"}) {
        auto contact = person(name);
        if (name == "Bo Park") contact.nicknames = {"Sambo"};
        if (name == "Sam Smith") contact.nicknames = {"Sammy"};
        store->contacts().insert(contact);
    }
    auto names = [&](const std::string& key, std::size_t limit) {
        std::vector<std::string> out;
        for (const auto& ref : store->contacts().with_key_prefix(key, limit)) out.push_back(ref.name);
        return out;
    };
    CHECK(names("sam", 10) == std::vector<std::string>{"Bo Park", "Sam Smith", "Samantha Jones", "Sammy Lee"});
    CHECK(names("sam", 2).size() == 2);
    CHECK(names("sammy", 10) == std::vector<std::string>{"Sam Smith", "Sammy Lee"});
    CHECK(names("", 10).size() == 4);
}

TEST_CASE("read_only access reads the database and never writes to it, not even an upgrade") {
    TempDir temp;
    auto path = (temp.path / "kith.db").string();
    {
        auto store = Store::open(path, Store::Access::write);
        auto ann = person("Ann Lee");
        store->write([&] { store->contacts().insert(ann); });
    }
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA journal_mode = DELETE");  // WAL mode is switched on by a writable open
    }
    auto before_time = std::filesystem::last_write_time(path);
    CHECK(Store::open(path, Store::Access::read_only)->contacts().list({}).size() == 1);
    CHECK(std::filesystem::last_write_time(path) == before_time);
    CHECK(SQLite::Database(path).execAndGet("PRAGMA journal_mode").getString() == "delete");
    // A kith with one more migration finds an older schema here: Access::read would upgrade it.
    const int version = Store::current_schema_version();
    schema::TestMigration next("CREATE TABLE later (x TEXT);");
    before_time = std::filesystem::last_write_time(path);
    CHECK_THROWS_AS(Store::open(path, Store::Access::read_only), Error);
    CHECK(std::filesystem::last_write_time(path) == before_time);
    CHECK(SQLite::Database(path).execAndGet("PRAGMA user_version").getInt() == version);
}

TEST_CASE("a database from a newer kith is refused and left byte-for-byte untouched") {
    TempDir temp;
    auto path = (temp.path / "kith.db").string();
    { Store::open(path, Store::Access::write)->write([] {}); }
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA journal_mode = DELETE");
        db.exec("PRAGMA user_version = 99");
    }
    auto before = std::filesystem::file_size(path);
    auto before_time = std::filesystem::last_write_time(path);
    try {
        Store::open(path, Store::Access::write);
        FAIL("a newer database was opened");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::runtime);
        CHECK(std::string(e.what()).find("newer") != std::string::npos);
    }
    CHECK(std::filesystem::file_size(path) == before);
    CHECK(std::filesystem::last_write_time(path) == before_time);
    CHECK_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST_CASE("a file that is not a database is an error, not a crash") {
    TempDir temp;
    auto path = (temp.path / "kith.db").string();
    std::FILE* file = std::fopen(path.c_str(), "w");
    std::fputs("this is not sqlite, just text long enough to have a header..........................", file);
    std::fclose(file);
    CHECK_THROWS_AS(Store::open(path, Store::Access::read), Error);
}

TEST_CASE("a directory where the database should be is refused") {
    TempDir temp;
    CHECK_THROWS_AS(Store::open(temp.path.string(), Store::Access::read), Error);
}

TEST_CASE("an unset date is refused before it reaches the database") {
    auto store = Store::open(":memory:", Store::Access::write);
    Contact nobody;
    nobody.name = "No Date";
    CHECK_THROWS_AS(store->contacts().insert(nobody), Error);
}

TEST_CASE("uuids are version-7 uuids, each larger than the one before, starting with the time") {
    const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    std::vector<std::string> made;
    for (int i = 0; i < 20000; ++i) made.push_back(make_uuid());  // many share a millisecond
    for (std::size_t i = 0; i < made.size(); ++i) {
        const auto& u = made[i];
        CAPTURE(u);
        REQUIRE(u.size() == 36);
        CHECK(u[8] == '-');
        CHECK(u[14] == '7');
        CHECK(std::string("89ab").find(u[19]) != std::string::npos);
        if (i > 0) CHECK(made[i - 1] < u);
    }
    const auto ms = std::stoll(made.front().substr(0, 8) + made.front().substr(9, 4), nullptr, 16);
    CHECK(ms >= now_ms);
    CHECK(ms < now_ms + 60000);
}

TEST_CASE("a phone number is found however it is written, in the region the keys were made in") {
    TempDir dir;
    const auto path = (dir.path / "kith.db").string();
    auto ids = [](const std::vector<ContactRef>& refs) {
        std::vector<std::int64_t> out;
        for (const auto& ref : refs) out.push_back(ref.id);
        return out;
    };
    std::int64_t sam_id = 0;
    {
        auto store = Store::open(path, Store::Access::write);
        store->use_phone_region("GB");
        Contact sam = person("Sam Smith");
        sam.phones = {"07700 900123", "+1 415 555 0123"};
        store->write([&] { store->contacts().insert(sam); });
        sam_id = sam.id;
        CHECK(ids(store->contacts().with_phone("+44 7700 900123")) == std::vector<std::int64_t>{sam_id});
        CHECK(ids(store->contacts().with_phone("(415) 555-0123")).empty());  // a British number, in GB
        CHECK(ids(store->contacts().with_phone("+1 (415) 555-0123")) == std::vector<std::int64_t>{sam_id});
    }
    {
        // No region of its own (a cron job without a locale): the database's is kept.
        auto store = Store::open(path, Store::Access::write);
        store->use_phone_region("");
        CHECK(store->phone_region() == "GB");
        CHECK(ids(store->contacts().with_phone("07700900123")) == std::vector<std::int64_t>{sam_id});
    }
    {
        // Another region remakes the keys: the number written without its country code is now read
        // as American (and is none), the one written with it is still found.
        auto store = Store::open(path, Store::Access::write);
        store->use_phone_region("US");
        CHECK(ids(store->contacts().with_phone("+44 7700 900123")).empty());
        CHECK(ids(store->contacts().with_phone("(07700) 900-123")) == std::vector<std::int64_t>{sam_id});
        CHECK(ids(store->contacts().with_phone("(415) 555-0123")) == std::vector<std::int64_t>{sam_id});
        // What was written is what is kept.
        CHECK(store->contacts().find(sam_id)->phones == std::vector<std::string>{"07700 900123", "+1 415 555 0123"});
    }
    {
        // A database that cannot be written is searched in the region of its keys.
        auto store = Store::open(path, Store::Access::read_only);
        store->use_phone_region("GB");
        CHECK(store->phone_region() == "US");
        CHECK(ids(store->contacts().with_phone("(415) 555-0123")) == std::vector<std::int64_t>{sam_id});
    }
}
