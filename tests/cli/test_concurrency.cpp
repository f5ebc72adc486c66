// Many kith processes on one database at once (SPEC §6): none fails with "database is
// locked", and every write is there afterwards.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "harness.h"
#include "spawn.h"

using kith::test::Launch;
using kith::test::Result;
using kith::test::Sandbox;
namespace fs = std::filesystem;

namespace {

std::set<std::string> column_values(const std::string& db_path, const std::string& sql) {
    SQLite::Database db(db_path, SQLite::OPEN_READONLY);
    SQLite::Statement query(db, sql);
    std::set<std::string> values;
    while (query.executeStep()) values.insert(query.getColumn(0).getString());
    return values;
}

struct Outcome {
    std::vector<std::string> args;
    Result result;
};

// Runs each command in turn, as a script or a person would, keeping every outcome.
std::vector<Outcome> run_all(const Sandbox& box, const std::vector<std::vector<std::string>>& commands,
                             const std::string& stdin_file = "") {
    std::vector<Outcome> outcomes;
    for (const auto& args : commands) {
        Launch launch;
        launch.args = args;
        launch.stdin_file = stdin_file;
        outcomes.push_back({args, kith::test::run_launch(box, launch)});
    }
    return outcomes;
}

void check_all_succeeded(const std::vector<std::vector<Outcome>>& lanes) {
    for (const auto& lane : lanes) {
        for (const auto& outcome : lane) {
            const auto& args = outcome.args;  // not a structured binding: clang 14 cannot capture those
            const auto& result = outcome.result;
            CAPTURE(args.front());
            CAPTURE(args.back());
            INFO("stderr: ", result.err);
            CHECK(result.code == 0);
            CHECK(result.err.find("locked") == std::string::npos);
            CHECK(result.err.find("busy") == std::string::npos);
        }
    }
}

}  // namespace

TEST_CASE("8 processes x 50 writes, an import and due runs at once: all succeed and every write is there") {
    constexpr int writers = 8;
    constexpr int writes = 50;
    constexpr int imported = 1000;
    Sandbox box;
    for (int w = 0; w < writers; ++w) box.ok({"add", "Writer " + std::to_string(w)});  // ids 1..8

    // Each writer cycles through add, note and log; every text is unique so each can be found.
    std::vector<std::vector<std::vector<std::string>>> scripts(writers);
    std::set<std::string> expected_names, expected_notes, expected_logs;
    for (int w = 0; w < writers; ++w) expected_names.insert("Writer " + std::to_string(w));
    for (int w = 0; w < writers; ++w) {
        auto who = "#" + std::to_string(w + 1);
        for (int i = 0; i < writes; ++i) {
            auto tag = std::to_string(w) + "." + std::to_string(i);
            if (i % 3 == 0) {
                scripts[w].push_back({"add", "Person " + tag});
                expected_names.insert("Person " + tag);
            } else if (i % 3 == 1) {
                scripts[w].push_back({"note", who, "note " + tag});
                expected_notes.insert("note " + tag);
            } else {
                scripts[w].push_back({"log", who, "--via", "call", "log " + tag});
                expected_logs.insert("log " + tag);
            }
        }
    }
    auto import_file = box.dir + "/import.jsonl";
    {
        std::ofstream out(import_file);
        for (int i = 0; i < imported; ++i) {
            out << "{\"name\":\"Imported " << i << "\",\"notes\":[{\"text\":\"imported note " << i << "\"}]}\n";
            expected_names.insert("Imported " + std::to_string(i));
            expected_notes.insert("imported note " + std::to_string(i));
        }
    }
    std::vector<std::vector<std::string>> readers;
    for (int i = 0; i < 20; ++i) {
        readers.push_back({"due", "--limit", "100"});
        readers.push_back({"list", "--format", "tsv", "--fields", "name"});
    }

    std::vector<std::vector<Outcome>> lanes(writers + 2);
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w)
        threads.emplace_back([&, w] { lanes[w] = run_all(box, scripts[w]); });
    threads.emplace_back([&] { lanes[writers] = run_all(box, {{"import", import_file}}); });
    threads.emplace_back([&] { lanes[writers + 1] = run_all(box, readers); });
    for (auto& thread : threads) thread.join();

    check_all_succeeded(lanes);
    CHECK(column_values(box.db, "SELECT name FROM contacts") == expected_names);
    CHECK(column_values(box.db, "SELECT text FROM notes") == expected_notes);
    CHECK(column_values(box.db, "SELECT summary FROM interactions") == expected_logs);
    MESSAGE(writers, " writers x ", writes, " writes + an import of ", imported, " + ", readers.size(),
            " reads: ", expected_names.size(), " contacts, ", expected_notes.size(), " notes, ", expected_logs.size(),
            " interactions, all present");
}

TEST_CASE("8 processes that all create the same new database at once all succeed") {
    constexpr int writers = 8;
    Sandbox box;
    std::vector<kith::test::Child> children;
    for (int w = 0; w < writers; ++w) {
        Launch launch;
        launch.args = {"add", "First " + std::to_string(w)};
        children.push_back(kith::test::start(box, launch));
    }
    std::vector<std::vector<Outcome>> lanes(1);
    std::set<std::string> expected;
    for (int w = 0; w < writers; ++w) {
        lanes[0].push_back({{"add", "First " + std::to_string(w)}, children[static_cast<std::size_t>(w)].wait()});
        expected.insert("First " + std::to_string(w));
    }
    check_all_succeeded(lanes);
    CHECK(column_values(box.db, "SELECT name FROM contacts") == expected);
    CHECK(column_values(box.db, "PRAGMA journal_mode") == std::set<std::string>{"wal"});
}

TEST_CASE("a command waits for another program's rollback-journal write, then puts the file back in WAL mode") {
    // Any SQLite program may leave the file in rollback-journal mode. SQLite refuses a switch
    // into WAL beside such a writer at once, without its busy timeout: kith must wait instead.
    Sandbox box;
    box.ok({"add", "Ada Lovelace"});
    // With a busy timeout, as any careful program has: its commit waits for kith's brief reads.
    SQLite::Database other(box.db, SQLite::OPEN_READWRITE, 30000);
    other.exec("PRAGMA journal_mode = DELETE");
    other.exec("BEGIN IMMEDIATE");
    other.exec("UPDATE contacts SET company = 'Analytical Engines' WHERE name = 'Ada Lovelace'");

    Launch launch;
    launch.args = {"add", "Grace Hopper"};
    auto child = kith::test::start(box, launch);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    other.exec("COMMIT");
    auto result = child.wait();

    INFO("stderr: ", result.err);
    CHECK(result.code == 0);
    CHECK(result.err.empty());
    CHECK(column_values(box.db, "SELECT name FROM contacts") == std::set<std::string>{"Ada Lovelace", "Grace Hopper"});
    CHECK(column_values(box.db, "SELECT company FROM contacts WHERE name = 'Ada Lovelace'") ==
          std::set<std::string>{"Analytical Engines"});
    CHECK(column_values(box.db, "PRAGMA journal_mode") == std::set<std::string>{"wal"});
}
