// Black-box tests of `kith search`: folding, ranking, every format, --tag, --since, --limit,
// FTS syntax typed by a user, and the index kept by every writer.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness.h"

using kith::test::Sandbox;
using kith::test::check_error;
using kith::test::count_rows;
using kith::test::lines_of;
using json = nlohmann::json;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The ids of the hits, best first.
std::vector<std::string> hit_ids(const Sandbox& box, std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--format", "json"});
    const auto document = json::parse(box.ok(args));
    std::vector<std::string> ids;
    for (const auto& hit : document["hits"]) ids.push_back(hit["id"].get<std::string>());
    return ids;
}

using ids = std::vector<std::string>;

// Two people with a note, an interaction and a reminder each.
void seed(const Sandbox& box) {
    box.ok({"add", "Renée Dubois", "--tag", "friend"});
    box.ok({"add", "Sam Smith", "--tag", "client"});
    box.ok({"note", "renee", "--on", "2026-10-01", "Her beagle Max met us at the café on Rue Cler"});   // n1
    box.ok({"note", "sam", "--on", "2026-11-20", "Talked about Renee's new job at the Cafe Luna"});    // n2
    box.ok({"log", "sam", "--on", "2026-11-21", "--via", "call", "Walked his beagle while we talked"});  // i1
    box.ok({"remind", "renee", "2026-12-01", "Send the beagle photos"});                                // r1
}

}  // namespace

TEST_CASE("search finds notes, interactions and reminders, accents folded both ways") {
    Sandbox box;
    seed(box);
    CHECK(hit_ids(box, {"renee"}) == ids{"n2"});  // "Renee's" in Sam's note, not Renée's name
    CHECK(hit_ids(box, {"renée"}) == ids{"n2"});
    CHECK(hit_ids(box, {"cafe"}).size() == 2);   // café and Cafe
    CHECK(hit_ids(box, {"CAFÉ"}).size() == 2);
    auto beagle = hit_ids(box, {"beagle"});
    std::sort(beagle.begin(), beagle.end());
    CHECK(beagle == ids{"i1", "n1", "r1"});
    // Every word must be there.
    CHECK(hit_ids(box, {"beagle", "cafe"}) == ids{"n1"});
    CHECK(hit_ids(box, {"beagle photos"}) == ids{"r1"});
}

TEST_CASE("search ranks a record that says the word more first, then the record added last") {
    Sandbox box;
    box.ok({"add", "Ann Lee"});
    box.ok({"note", "ann", "--on", "2026-11-01",
            "A long note about many things: work, the kids, the garden, the new car, and, once, sailing."});
    box.ok({"note", "ann", "--on", "2026-10-01", "Sailing, sailing, sailing every weekend."});
    box.ok({"note", "ann", "--on", "2026-09-01", "Loves sailing."});
    // n3 and n1 say it once each: n3 was added after n1, though n1 is dated later.
    CHECK(hit_ids(box, {"sailing"}) == ids{"n2", "n3", "n1"});
    // The same order every time.
    CHECK(hit_ids(box, {"sailing"}) == hit_ids(box, {"sailing"}));
    // Of two words, the rarer counts for more: among fifteen notes "sailing" is in five and
    // "weekend" in three, so n4's two weekends outweigh n2's three sailings.
    box.ok({"note", "ann", "--on", "2026-08-01", "Sailing this weekend, and next weekend too."});  // n4
    box.ok({"note", "ann", "--on", "2026-07-01", "Sailing and sailing, a weekend of it."});        // n5
    for (int i = 0; i < 10; ++i) box.ok({"note", "ann", "--on", "2026-06-01", "Lunch at the usual place."});
    CHECK(hit_ids(box, {"sailing", "weekend"}) == ids{"n4", "n2", "n5"});
}

TEST_CASE("search --tag and --since look past the best records they leave out") {
    Sandbox box;
    box.ok({"add", "Ann Lee"});
    box.ok({"add", "Bo Chan", "--tag", "golf"});
    for (int i = 0; i < 6; ++i) box.ok({"note", "ann", "--on", "2026-11-01", "Kayak, kayak, kayak again."});
    box.ok({"note", "bo", "--on", "2026-11-20", "Bought a kayak."});  // n7: the least relevant
    CHECK(hit_ids(box, {"kayak", "--limit", "1"}) == ids{"n6"});
    CHECK(hit_ids(box, {"kayak", "--tag", "golf", "--limit", "1"}) == ids{"n7"});
    CHECK(hit_ids(box, {"kayak", "--since", "2026-11-15", "--limit", "1"}) == ids{"n7"});
}

TEST_CASE("search text output: date, id, person and the snippet, matches coloured only when colour is on") {
    Sandbox box;
    seed(box);
    auto out = box.ok({"search", "photos"});
    CHECK(out == "2026-12-01  r1  Renée Dubois  Send the beagle photos\n");
    auto coloured = box.ok({"--color", "always", "search", "photos", "--format", "text"});
    CHECK(contains(coloured, "\x1b[1;31mphotos\x1b[0m"));
    auto plain = box.ok({"--color", "never", "search", "photos", "--format", "text"});
    CHECK(plain == out);
    CHECK(box.ok({"--color", "always", "search", "photos", "--format", "plain"}) == out);
    // A long text is cut around the match.
    box.ok({"note", "sam", "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                           "sixteen seventeen eighteen nineteen twenty zebra twenty-one twenty-two twenty-three"});
    auto cut = box.ok({"search", "zebra"});
    CHECK(contains(cut, "…"));
    CHECK(contains(cut, "zebra"));
    CHECK(!contains(cut, "One two"));
    // A text of over 4,096 characters shows its opening words.
    std::string text;
    for (int i = 0; i < 300; ++i) text += "filler words here, ";
    for (int i = 0; i < 300; ++i) text += "then an okapi and more text; ";
    box.ok({"note", "sam", text});
    CHECK(box.ok({"search", "okapi"}) ==
          "2026-11-22  n4  Sam Smith  filler words here, filler words here, filler words here, filler words here,…\n");
}

TEST_CASE("search in every format") {
    Sandbox box;
    seed(box);
    auto md = box.ok({"search", "photos", "--format", "md"});
    CHECK(md == "- **2026-12-01** `r1` Renée Dubois: Send the beagle **photos**\n");
    auto tsv = box.ok({"search", "photos", "--format", "tsv"});
    CHECK(tsv == "r1\t2026-12-01\t1\tRenée Dubois\tSend the beagle photos\n");

    auto document = json::parse(box.ok({"search", "walked", "--format", "json"}));
    CHECK(document["query"] == "walked");
    CHECK(document["more"] == false);
    REQUIRE(document["hits"].size() == 1);
    const auto& hit = document["hits"][0];
    CHECK(hit["id"] == "i1");
    CHECK(hit["kind"] == "interaction");
    CHECK(hit["date"] == "2026-11-21");
    CHECK(hit["contact"] == json{{"id", 2}, {"name", "Sam Smith"}, {"archived", false}});
    CHECK(hit["snippet"] == "Walked his beagle while we talked");
    CHECK(hit["text"] == "Walked his beagle while we talked");

    auto lines = lines_of(box.ok({"search", "beagle", "--format", "jsonl"}));
    REQUIRE(lines.size() == 3);
    for (const auto& line : lines) {
        auto object = json::parse(line);
        CHECK(object["snippet"].get<std::string>().find("beagle") != std::string::npos);
        CHECK(contains(object["kind"].get<std::string>(), "e"));  // note, interaction, reminder
    }
    auto kinds = std::vector<std::string>{};
    for (const auto& line : lines) kinds.push_back(json::parse(line)["kind"]);
    std::sort(kinds.begin(), kinds.end());
    CHECK(kinds == std::vector<std::string>{"interaction", "note", "reminder"});
}

TEST_CASE("search with no hits prints nothing and exits 0, but JSON says so") {
    Sandbox box;
    seed(box);
    for (std::string format : {"text", "plain", "md", "tsv", "jsonl"}) {
        CAPTURE(format);
        auto result = box.run({"search", "aardvark", "--format", format});
        CHECK(result.code == 0);
        CHECK(result.out.empty());
        CHECK(result.err.empty());
    }
    auto document = json::parse(box.ok({"search", "aardvark", "--format", "json"}));
    CHECK(document["hits"].empty());
    CHECK(document["more"] == false);
}

TEST_CASE("search --tag keeps the people with every tag") {
    Sandbox box;
    seed(box);
    auto beagle = hit_ids(box, {"beagle", "--tag", "friend"});
    std::sort(beagle.begin(), beagle.end());
    CHECK(beagle == ids{"n1", "r1"});
    CHECK(hit_ids(box, {"beagle", "--tag", "client"}) == ids{"i1"});
    CHECK(hit_ids(box, {"beagle", "--tag", "CLIENT"}) == ids{"i1"});
    CHECK(hit_ids(box, {"beagle", "--tag", "client", "--tag", "friend"}).empty());
    CHECK(hit_ids(box, {"beagle", "--tag", "nobody"}).empty());
}

TEST_CASE("search --since keeps records dated on or after the day") {
    Sandbox box;
    seed(box);
    // Notes by the day noted, interactions by the day they happened, reminders by their due day.
    auto since = hit_ids(box, {"beagle", "--since", "2026-11-21"});
    std::sort(since.begin(), since.end());
    CHECK(since == ids{"i1", "r1"});
    CHECK(hit_ids(box, {"beagle", "--since", "2026-11-22"}) == ids{"r1"});
    CHECK(hit_ids(box, {"beagle", "--since", "2026-12-02"}).empty());
    // An interval counts back from today (2026-11-22); a weekday is the last one (Sat Nov 21).
    CHECK(hit_ids(box, {"cafe", "--since", "1w"}) == ids{"n2"});
    CHECK(hit_ids(box, {"cafe", "--since", "2mo"}).size() == 2);
    CHECK(hit_ids(box, {"walked", "--since", "sat"}) == ids{"i1"});
    CHECK(hit_ids(box, {"walked", "--since", "today"}).empty());
    check_error(box.run({"search", "beagle", "--since", "frday"}), 2, "--since");
}

TEST_CASE("search --limit keeps the most relevant and says there are more") {
    Sandbox box;
    seed(box);
    auto all = hit_ids(box, {"beagle"});
    REQUIRE(all.size() == 3);
    CHECK(hit_ids(box, {"beagle", "--limit", "2"}) == ids{all[0], all[1]});
    auto out = lines_of(box.ok({"search", "beagle", "--limit", "2"}));
    REQUIRE(out.size() == 3);
    CHECK(out[2] == "(the 2 most relevant hits; --limit N shows more)");
    CHECK(json::parse(box.ok({"search", "beagle", "--limit", "2", "--format", "json"}))["more"] == true);
    CHECK(lines_of(box.ok({"search", "beagle", "--limit", "2", "--format", "tsv"})).size() == 2);
    CHECK(lines_of(box.ok({"search", "beagle", "--limit", "3"})).size() == 3);
    check_error(box.run({"search", "beagle", "--limit", "0"}), 2);
}

TEST_CASE("search reads what a user types as words, never as FTS syntax") {
    Sandbox box;
    seed(box);
    box.ok({"note", "sam", "Near the station, and (finally) a col: \"quoted\" thing - with a dash"});  // n3
    for (std::string query : {"beagle\"", "\"beagle", "beagle)", "(beagle", "beagle:", "NEAR(beagle", "beagle AND",
                              "beagle OR", "NOT beagle", "beagle -", "-beagle", "beagle +", "^beagle", "{beagle}",
                              "beagle NEAR", "beagle \"\"", "beagle *", "beagle'"}) {
        CAPTURE(query);
        auto result = box.run({"search", "--", query});
        CHECK(result.err.empty());
        CHECK(result.code == 0);
    }
    // Operators are words like any other: -beagle is not NOT, OR is not OR.
    CHECK(hit_ids(box, {"--", "-beagle"}).size() == 3);
    CHECK(hit_ids(box, {"beagle", "OR", "zzz"}).empty());
    CHECK(hit_ids(box, {"near", "AND"}) == ids{"n3"});
    CHECK(hit_ids(box, {"col:", "\"quoted\""}) == ids{"n3"});
    CHECK(hit_ids(box, {"(finally)"}) == ids{"n3"});
    // Words with nothing to look for are left out; a query with none at all is refused.
    CHECK(hit_ids(box, {"beagle", "-", "\"", "*"}).size() == 3);
    for (std::string query : {"\"", "*", "-", "()", "- \" *"}) {
        CAPTURE(query);
        check_error(box.run({"search", "--", query}), 2, "no word to look for");
    }
    check_error(box.run({"search", ""}), 2, "give the words");
    check_error(box.run({"search", " ", "\t"}), 2, "give the words");
    check_error(box.run({"search"}), 2);
}

TEST_CASE("search: a trailing * finds words that begin with it") {
    Sandbox box;
    seed(box);
    CHECK(hit_ids(box, {"beag"}).empty());
    CHECK(hit_ids(box, {"beag*"}).size() == 3);
    CHECK(hit_ids(box, {"BEAG**"}).size() == 3);
    CHECK(hit_ids(box, {"phot*", "beag*"}) == ids{"r1"});
    CHECK(hit_ids(box, {"caf*"}).size() == 2);
}

TEST_CASE("search finds archived people's records and marks them") {
    Sandbox box;
    seed(box);
    box.ok({"archive", "renee"});
    CHECK(box.ok({"search", "photos"}) == "2026-12-01  r1  Renée Dubois (archived)  Send the beagle photos\n");
    auto hit = json::parse(box.ok({"search", "photos", "--format", "json"}))["hits"][0];
    CHECK(hit["contact"]["archived"] == true);
}

TEST_CASE("the search index follows every writer: note, log, remind, import, rm") {
    Sandbox box;
    seed(box);
    box.ok({"note", "sam", "Thinking of adopting a dachshund"});
    CHECK(hit_ids(box, {"dachshund"}) == ids{"n3"});
    box.ok({"log", "renee", "Dachshund pictures over coffee"});
    box.ok({"remind", "sam", "fri", "Ask about the dachshund"});
    CHECK(hit_ids(box, {"dachshund"}).size() == 3);

    // An import that changes a note's text (same uuid, newer stamp) re-indexes it.
    auto exported = json::parse(box.ok({"export", "--format", "json"}));
    for (auto& contact : exported["contacts"])
        for (auto& note : contact["notes"])
            if (note["id"] == "n3") {
                note["text"] = "Adopted a greyhound instead";
                note["updated_at"] = "2030-01-01T00:00:00Z";
            }
    box.write_file(box.dir + "/changed.json", exported.dump());
    box.ok({"import", box.dir + "/changed.json"});
    CHECK(hit_ids(box, {"greyhound"}) == ids{"n3"});
    CHECK(hit_ids(box, {"adopting"}).empty());
    CHECK(hit_ids(box, {"dachshund"}).size() == 2);

    // Removing a person removes their notes, interactions and reminders from the index too
    // (the cascade fires the triggers).
    box.ok({"rm", "sam", "--yes"});
    CHECK(hit_ids(box, {"beagle"}) == hit_ids(box, {"beagle", "--tag", "friend"}));
    CHECK(hit_ids(box, {"greyhound"}).empty());
    CHECK(hit_ids(box, {"dachshund"}) == ids{"i2"});
    CHECK(count_rows(box.db, "search_notes WHERE search_notes MATCH 'greyhound'") == 0);
    CHECK(count_rows(box.db, "search_interactions WHERE search_interactions MATCH 'walked'") == 0);
    CHECK(count_rows(box.db, "search_reminders WHERE search_reminders MATCH 'dachshund'") == 0);

    // Each index agrees with its table, entry for entry.
    SQLite::Database db(box.db, SQLite::OPEN_READWRITE);
    for (std::string index : {"search_notes", "search_interactions", "search_reminders"}) {
        CAPTURE(index);
        CHECK_NOTHROW(db.exec("INSERT INTO " + index + " (" + index + ", rank) VALUES ('integrity-check', 1)"));
    }
}

TEST_CASE("an import dry run leaves the index as it was") {
    Sandbox box;
    seed(box);
    box.write_file(box.dir + "/more.jsonl",
                   "{\"name\":\"Zoe Park\",\"notes\":[{\"date\":\"2026-11-01\",\"text\":\"Keeps a ferret\"}]}\n");
    box.ok({"import", "--dry-run", box.dir + "/more.jsonl"});
    CHECK(hit_ids(box, {"ferret"}).empty());
    box.ok({"import", box.dir + "/more.jsonl"});
    CHECK(hit_ids(box, {"ferret"}).size() == 1);
}

TEST_CASE("an import indexes all it adds at its end: into records already there, under an id the file keeps") {
    Sandbox box;
    seed(box);  // n1 n2 i1 r1
    box.ok({"note", "renee", "Plans a trip to Lyon"});  // n3
    box.ok({"rm", "n2", "--yes"});                      // id 2 free, below the newest note's

    Sandbox other;
    other.ok({"add", "Zoe Park"});
    other.ok({"note", "zoe", "Keeps a ferret called Biscuit"});
    other.ok({"log", "zoe", "Ferret show at the town hall"});
    other.ok({"remind", "zoe", "fri", "Ask how the ferret show went"});
    auto exported = json::parse(other.ok({"export", "--format", "json"}));
    exported["contacts"][0]["notes"][0]["id"] = "n2";  // a restore keeps an id where it is free
    // The same file changes Renée's note n1, which the index already holds.
    auto ours = json::parse(box.ok({"export", "--format", "json"}));
    for (auto& contact : ours["contacts"])
        if (contact["name"] == "Renée Dubois") {
            contact["notes"][0]["text"] = "Her beagle Max is now a therapy dog";
            contact["notes"][0]["updated_at"] = "2030-01-01T00:00:00Z";
            exported["contacts"].push_back(contact);
        }
    box.write_file(box.dir + "/in.json", exported.dump());
    box.ok({"import", box.dir + "/in.json"});

    CHECK(hit_ids(box, {"ferret"}) == ids{"n2", "i2", "r2"});
    CHECK(hit_ids(box, {"therapy"}) == ids{"n1"});
    CHECK(hit_ids(box, {"café"}).empty());  // n1's old words are gone from the index
    CHECK(hit_ids(box, {"lyon"}) == ids{"n3"});
    SQLite::Database db(box.db, SQLite::OPEN_READWRITE);
    for (std::string index : {"search_notes", "search_interactions", "search_reminders"}) {
        CAPTURE(index);
        CHECK_NOTHROW(db.exec("INSERT INTO " + index + " (" + index + ", rank) VALUES ('integrity-check', 1)"));
    }
    // What each command writes afterwards is indexed as it is written again.
    box.ok({"note", "zoe", "Bought a second ferret"});
    box.ok({"log", "zoe", "Walked the ferrets"});
    CHECK(hit_ids(box, {"ferret*"}).size() == 5);
}
