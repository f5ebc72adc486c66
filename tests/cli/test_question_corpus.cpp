// The question engine's quality, measured on the corpus in tests/fixtures/questions: notes
// written the way people jot them, each with days on which some questions must and others
// must never be asked (SPEC §5). Scored through the real binary: every case is one person in
// one database, imported once, then `kith ask` (and `kith due` where a check says) runs with
// --today set to each check day.
//
// The corpus was written before the rules were tuned. A fixed third of it (by a hash of the
// case id) is held out: the rules were tuned looking only at the other two thirds, so the
// held-out score says how well they do on notes nobody tuned them for. (In one stop the rules
// were tuned looking at every failure, the held-out third's included; parts E, F and then G,
// each written blind, were the clean measure since: see their floors below.)
#define PCRE2_CODE_UNIT_WIDTH 8
#include <doctest/doctest.h>
#include <pcre2.h>

#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <toml++/toml.h>
#include <vector>

#include "harness.h"

using kith::test::Sandbox;

namespace {

// The lowest scores this corpus may give: the suite fails when a change makes questions worse.
// Set just under what the engine reached (90.1 %, 83.4 %, 0.0 %; held out 85.2 %, 76.6 %, 0.0 %,
// though the held-out third was looked at once while tuning, in stop 28);
// the engine of before issue 18 scored 37.6%, 26.7% and 21.2% here.
constexpr double min_check_score = 0.90;  // checks whose every must and must-not holds
constexpr double min_must_score = 0.83;   // checks with a `must` that found every question they need
constexpr double max_harm_rate = 0.01;    // checks where something that must not be asked was
constexpr double min_held_out_check_score = 0.85;  // the third of the cases no rule was tuned on
// Part C (corpus-c.toml), written blind after a replayed week, in the shapes parts A and B lack
// (their own names, proper names like topics, hard times in `due`, promises with days, secrets).
// Scored apart so that the floors above keep meaning what they did. The engine it was written
// against scored 56.3 %, 51.0 % and 13.2 % harmed here; these floors are just under the 89.4 %
// and 0.0 % reached since (kept promises, dates, the week's fixes, surprises, good luck on the day).
constexpr double min_part_c_check_score = 0.89;
constexpr double max_part_c_harm_rate = 0.01;
// Part D (corpus-d.toml), written blind when cards' related people began to feed the engine:
// "his wife" is the card's spouse Joana, and a name is never guessed. The engine before that
// scored 60.2 %, 53.3 % and 10.8 % harmed here; these floors are just under the 90.4 % and
// 0.0 % it reached.
constexpr double min_part_d_check_score = 0.89;
constexpr double max_part_d_harm_rate = 0.01;
// Part E (corpus-e.toml), written blind by someone who never saw the rules, after parts A–D were
// tuned: new people, events and wording across every area. It is kept untuned, a measure of how
// the rules do on notes nobody tuned them for (its failures show only with KITH_CORPUS=all), and
// is scored apart from everything above. First score: 58.5 %, 40.8 %, 1.9 % harmed; 60.4 %, 43.7 %,
// 1.9 % after notes about us were read in more of their shapes (tuned on parts A–D only).
// From stop 29 part E is tuned on like the dev two thirds of A–D (its failures show with
// KITH_CORPUS=dev), and part F took its place as the blind measure; tuned, E scores 94.3 %,
// 91.5 %, 0.0 % harmed.
constexpr double min_part_e_check_score = 0.94;
constexpr double max_part_e_harm_rate = 0.01;
// Part F (corpus-f.toml), written blind like part E, when E began to be tuned on: 60 new cases,
// a third of the checks quiet or must-not only. First score: 49.2 %, 34.1 %, 6.9 % harmed (9
// checks); 50.8 %, 36.4 %, 6.9 % after the rules were tuned on part E. Then tuned on itself, in
// the same stop, once part G was being written: 89.2 %, 86.4 %, 1.5 %; 93.1 % in stop 33.
constexpr double min_part_f_check_score = 0.93;
constexpr double max_part_f_harm_rate = 0.02;
// Part G (corpus-g.toml), written blind when part F began to be tuned on, with more traps (a
// dentist's "surgery", a contract "expected", a kiln's "firing", a charity for strokes). Never
// tuned on: its failures show only with KITH_CORPUS=all. First score: 46.6 %, 35.2 %, 13.0 %
// harmed (17 checks); 50.4 %, 38.6 %, 9.2 % with the last changes of that stop, made from
// parts E and F and the unit tests.
// From stop 30 part G is tuned on (its failures show with KITH_CORPUS=dev) and part H is the
// blind measure; tuned, G scores 95.4 %, 94.3 %, 0.8 % harmed.
constexpr double min_part_g_check_score = 0.95;
constexpr double max_part_g_harm_rate = 0.01;
// Part H (corpus-h.toml), written blind when part G began to be tuned on: lookalike words (a
// tree surgeon, Reading the town, "mum's the word"), other people's news, second notes that
// change the first. Never tuned on: its failures show only with KITH_CORPUS=all. First score:
// 53.1 %, 45.5 %, 12.3 % harmed (16 checks); 58.5 %, 53.4 %, 12.3 % after the rules were tuned
// on part G. From the same stop tuned on itself (part I took its place): 85.4 %, 78.4 %, 0.0 %.
constexpr double min_part_h_check_score = 0.85;
constexpr double max_part_h_harm_rate = 0.01;
// Part I (corpus-i.toml), written blind when part H was about to be tuned on: more notes that
// name two things at once, the user's own news with the person in passing, dates in new forms.
// First score: 42.5 %, 41.2 %, 16.4 % harmed (22 checks); 44.0 %, 43.3 %, 16.4 % after the
// rules were tuned on part H. Tuned on in stop 31: 75.4 %, 68.0 %, 1.5 % harmed; 85.8 % in stop 33.
constexpr double min_part_i_check_score = 0.85;
constexpr double max_part_i_harm_rate = 0.02;
// Part J (corpus-j.toml), written blind when part I was about to be tuned on. First score:
// 41.9 %, 30.3 %, 14.0 % harmed (19 checks); 44.1 %, 32.3 %, 11.8 % after the rules were tuned
// on part I. Tuned on later in stop 31 (its failures show with KITH_CORPUS=dev): 58.1 %, 45.5 %,
// 2.2 % harmed; 76.5 % in stop 33.
constexpr double min_part_j_check_score = 0.76;
constexpr double max_part_j_harm_rate = 0.03;
// Part K (corpus-k.toml), written blind when part J was about to be tuned on. First score:
// 42.1 %, 27.2 %, 11.3 % harmed (15 checks); 44.4 % after stop 31's tuning on I and J. Tuned on
// in stop 32 (its failures show with KITH_CORPUS=dev): 80.5 %, 73.9 %, 1.5 % harmed; 83.5 %,
// 77.2 %, 0.8 % once L was tuned on too; 85.7 % in stop 33.
constexpr double min_part_k_check_score = 0.85;
constexpr double max_part_k_harm_rate = 0.01;
// Part L (corpus-l.toml), written blind at the end of stop 31, so that the next stop may tune on
// K with a blind part in hand. First score: 42.3 %, 26.5 %, 9.2 % harmed (13 checks); 45.1 %,
// 29.6 %, 7.7 % once K was tuned on. Tuned on in stop 32 after K, with part M blind (its
// failures show with KITH_CORPUS=dev): 88.0 %, 82.7 %, 0.0 % harmed; 92.3 % in stop 33.
constexpr double min_part_l_check_score = 0.92;
constexpr double max_part_l_harm_rate = 0.01;
// Part M (corpus-m.toml), written blind in stop 32 while part K was being tuned on, so that L can
// be tuned on in turn with a blind part in hand. Tuned on from stop 33 (its failures show with
// KITH_CORPUS=dev). First score, with part K tuned on to 63.9 %: 51.1 %, 36.2 %, 8.9 % harmed
// (12 checks). Once L was tuned on: 51.9 %, 37.2 %, 9.6 % harmed (13 checks: one more harmed,
// by a change made for L, not looked for in M). Tuned on: 94.8 %, 92.6 %, 0.0 % harmed.
constexpr double min_part_m_check_score = 0.94;
constexpr double max_part_m_harm_rate = 0.01;
// Part N (corpus-n.toml), written blind at the end of stop 32, so that the next stop may tune on
// M with a blind part in hand. First score: 45.8 %, 35.6 %, 11.5 % harmed (15 checks); 48.1 %,
// 36.7 %, 9.9 % once M was tuned on. Tuned on in stop 33 after M, with part O blind (its failures
// show with KITH_CORPUS=dev): 91.6 %, 87.8 %, 0.0 % harmed.
constexpr double min_part_n_check_score = 0.91;
constexpr double max_part_n_harm_rate = 0.01;
// Part O (corpus-o.toml), written blind at the start of stop 33, before part M was tuned on, so
// that N may be tuned on later with a blind part in hand. First score, on the rules as stop 32
// left them: 49.6 %, 39.3 %, 10.7 % harmed (14 checks); 50.4 %, 40.4 %, 10.7 % once M and N were
// tuned on. Tuned on later in stop 33 with part P blind (its failures show with KITH_CORPUS=dev):
// 94.7 %, 95.5 %, 2.3 % harmed (3 checks: a note about our own Tom's 50th, read as theirs, on two
// days; a divorce's kids named in the due line).
constexpr double min_part_o_check_score = 0.94;
constexpr double max_part_o_harm_rate = 0.03;
// Part P (corpus-p.toml), written blind in stop 33 while M, N, I and J were tuned on, so that O may
// be tuned on with a blind part in hand. First score: 51.1 %, 34.4 %, 5.9 % harmed (8 checks);
// unchanged while O was tuned on. Tuned on in stop 34 with Q and R blind (its failures show with
// KITH_CORPUS=dev): 78.5 %, 71.0 %, 3.7 % harmed.
constexpr double min_part_p_check_score = 0.78;
constexpr double max_part_p_harm_rate = 0.04;
// Part Q (corpus-q.toml), written blind at the end of stop 33, while O was tuned on, so that the
// next stop may tune on P with a blind part in hand. First score: 71.0 %, 63.4 %, 10.7 % harmed
// (14 checks); unchanged while P was tuned on. Tuned on in stop 35 with R, S and T blind (its
// failures show with KITH_CORPUS=dev): 92.4 %, 87.8 %, nothing harmed.
constexpr double min_part_q_check_score = 0.92;
constexpr double max_part_q_harm_rate = 0.01;
// Part R (corpus-r.toml), written blind at the start of stop 34, before anything was tuned, so that
// P and Q can be judged blind while the rules change. First score: 54.1 %, 40.5 %, 11.1 % harmed
// (15 checks); 54.8 %, 41.7 %, 11.9 % (16 checks) once P and Q were tuned on. Tuned on in stop 36
// with S, T and U blind (its failures show with KITH_CORPUS=dev): 91.1 %, 86.9 %, 0.7 % harmed.
constexpr double min_part_r_check_score = 0.91;
constexpr double max_part_r_harm_rate = 0.01;
// Part S (corpus-s.toml), written blind in stop 34 while P was tuned on, its dates mostly as
// people ordinarily write them, so that Q can be tuned on next with R and S blind. First score,
// on the rules as P left them: 63.2 %, 52.9 %, 7.5 % harmed (10 checks); 64.7 %, 55.2 %, 7.5 % once
// R was tuned on. Tuned on in stop 37 with T, U, V and W blind (its failures show with
// KITH_CORPUS=dev): 90.2 %, 85.1 %, 0.8 % harmed.
constexpr double min_part_s_check_score = 0.90;
constexpr double max_part_s_harm_rate = 0.01;
// Part T (corpus-t.toml), written blind at the start of stop 35, before Q was tuned on, like S
// with its dates mostly as people ordinarily write them. First score, on the rules as stop 34
// left them: 65.4 %, 55.3 %, 6.0 % harmed (8 checks); 66.2 % once Q was tuned on, 66.9 %, 57.4 %,
// 5.3 % once R was, 67.7 %, 58.5 %, 5.3 % once S was. Tuned on at the end of stop 37 with U, V, W
// and X blind (its failures show with KITH_CORPUS=dev): 88.7 %, 86.2 %, 1.5 % harmed.
constexpr double min_part_t_check_score = 0.88;
constexpr double max_part_t_harm_rate = 0.02;
// Part U (corpus-u.toml), written blind at the start of stop 36, before R was tuned on, so that R
// can be tuned on with S, T and U blind. Never tuned on: its failures show only with
// KITH_CORPUS=all. First score, on the rules as stop 35 left them: 52.6 %, 48.5 %, 13.3 % harmed
// (18 checks); 54.1 %, 50.5 %, 13.3 % once R was tuned on; 55.6 %, 51.5 %, 11.9 % once S was.
constexpr double min_part_u_check_score = 0.52;
constexpr double max_part_u_harm_rate = 0.14;
// Part V (corpus-v.toml), written blind at the end of stop 36, once R was tuned on, so that the next
// stop may tune on S with T, U and V blind. Never tuned on: its failures show only with
// KITH_CORPUS=all. First score, on the rules as stop 36 left them: 69.0 %, 65.9 %, 8.5 % harmed
// (11 checks); 70.5 %, 68.2 %, 8.5 % once S was tuned on.
constexpr double min_part_v_check_score = 0.68;
constexpr double max_part_v_harm_rate = 0.09;
// Part W (corpus-w.toml), written blind at the start of stop 37, before S was tuned on, so that S
// can be tuned on with T, U, V and W blind. Never tuned on: its failures show only with
// KITH_CORPUS=all. First score, on the rules as stop 36 left them: 72.2 %, 67.4 %,
// 6.8 % harmed (9 checks); 73.7 %, 69.7 %, 6.8 % once S was tuned on.
constexpr double min_part_w_check_score = 0.72;
constexpr double max_part_w_harm_rate = 0.07;
// Part X (corpus-x.toml), written blind at the end of stop 37, once S was tuned on, so that the next
// stop may tune on T with U, V, W and X blind. Never tuned on: its failures show only with
// KITH_CORPUS=all. First score, on the rules as stop 37 left them: 68.1 %, 65.5 %,
// 11.6 % harmed (16 checks).
constexpr double min_part_x_check_score = 0.68;
constexpr double max_part_x_harm_rate = 0.12;
// Part Y (corpus-y.toml), written blind at the end of stop 37, once T was tuned on, so that the next
// stop may tune on U with V, W, X and Y blind. Never tuned on: its failures show only with
// KITH_CORPUS=all. First score, on the rules as stop 37 left them: 72.8 %, 62.7 %,
// 9.6 % harmed (13 checks).
constexpr double min_part_y_check_score = 0.72;
constexpr double max_part_y_harm_rate = 0.10;

class Regex {
public:
    explicit Regex(const std::string& pattern) {
        int error = 0;
        PCRE2_SIZE offset = 0;
        code_.reset(pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), PCRE2_UTF, &error,
                                  &offset, nullptr));
        if (!code_) throw std::runtime_error("bad corpus regex: " + pattern);
    }
    bool search(const std::string& text) const {
        std::unique_ptr<pcre2_match_data, decltype(&pcre2_match_data_free)> data(
            pcre2_match_data_create_from_pattern(code_.get(), nullptr), &pcre2_match_data_free);
        return pcre2_match(code_.get(), reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0, 0, data.get(),
                           nullptr) >= 0;
    }

private:
    struct Free {
        void operator()(pcre2_code* code) const { pcre2_code_free(code); }
    };
    std::unique_ptr<pcre2_code, Free> code_;
};

struct Check {
    std::string day;
    std::vector<std::string> must, must_not, due_must, due_must_not;
    bool quiet = false;
};

struct Case {
    std::string id, area, file;
    int number = 0;  // its contact id
    std::vector<Check> checks;
    bool held_out = false;
};

std::vector<std::string> strings(const toml::node_view<const toml::node>& node) {
    std::vector<std::string> out;
    if (const auto* array = node.as_array())
        for (const auto& item : *array) out.push_back(*item.value<std::string>());
    return out;
}

std::string text_of(const toml::node_view<const toml::node>& node) { return node.value_or(std::string()); }

std::uint32_t fnv(const std::string& text) {
    std::uint32_t hash = 2166136261u;
    for (unsigned char c : text) hash = (hash ^ c) * 16777619u;
    return hash;
}

// Every case as one person of a JSONL file kith imports: the case's tags plus "cN", to find
// them in `kith due --tag`.
std::vector<Case> load(const std::vector<std::string>& files, std::string& jsonl) {
    std::vector<Case> cases;
    for (const auto& file : files) {
        auto document = toml::parse_file(std::string(KITH_SOURCE_DIR) + "/tests/fixtures/questions/" + file);
        for (const auto& node : *document["case"].as_array()) {
            const auto& table = *node.as_table();
            const toml::node_view<const toml::node> view(table);
            Case c;
            c.id = text_of(view["id"]);
            c.area = text_of(view["area"]);
            c.file = file;
            c.number = static_cast<int>(cases.size()) + 1;
            c.held_out = fnv(c.id) % 3 == 0;
            nlohmann::json person{{"id", c.number}, {"name", text_of(view["contact"])}};
            auto tags = strings(view["tags"]);
            tags.push_back("c" + std::to_string(c.number));
            person["tags"] = tags;
            if (auto birthday = text_of(view["birthday"]); !birthday.empty()) person["birthday"] = birthday;
            if (auto met = text_of(view["met"]); !met.empty()) person["met_on"] = met;
            if (auto nicknames = strings(view["nicknames"]); !nicknames.empty()) person["nicknames"] = nicknames;
            // The people their card names, as an address book's import brings them.
            if (const auto* related = view["related"].as_array())
                for (const auto& item : *related) {
                    const toml::node_view<const toml::node> one(item);
                    person["related"].push_back({{"label", text_of(one["label"])}, {"value", text_of(one["name"])}});
                }
            person["notes"] = nlohmann::json::array();
            for (const auto& note_node : *view["notes"].as_array()) {
                const toml::node_view<const toml::node> note(note_node);
                nlohmann::json out{{"text", text_of(note["text"])}, {"date", text_of(note["on"])}};
                if (auto event = text_of(note["event"]); !event.empty()) out["event"] = event;
                if (note["ask"].value_or(false)) out["ask"] = true;
                person["notes"].push_back(out);
            }
            person["interactions"] = nlohmann::json::array();
            person["asked"] = nlohmann::json::array();
            if (const auto* logs = view["logs"].as_array()) {
                for (const auto& log_node : *logs) {
                    const toml::node_view<const toml::node> log(log_node);
                    person["interactions"].push_back({{"date", text_of(log["on"])}, {"channel", "other"}});
                    for (const auto& asked : strings(log["asked"]))
                        person["asked"].push_back({{"question", asked}, {"date", text_of(log["on"])}});
                }
            }
            jsonl += person.dump() + "\n";
            for (const auto& check_node : *view["check"].as_array()) {
                const toml::node_view<const toml::node> check(check_node);
                Check k;
                k.day = text_of(check["day"]);
                k.must = strings(check["must"]);
                k.must_not = strings(check["must_not"]);
                k.due_must = strings(check["due_must"]);
                k.due_must_not = strings(check["due_must_not"]);
                k.quiet = check["quiet"].value_or(false);
                c.checks.push_back(std::move(k));
            }
            cases.push_back(std::move(c));
        }
    }
    return cases;
}

// A question comes from a note when its id names one: n42, e42, s42, r42:…
bool from_a_note(const std::string& id) {
    return id.size() > 1 && std::string("nesr").find(id[0]) != std::string::npos &&
           std::isdigit(static_cast<unsigned char>(id[1]));
}

struct Tally {
    int checks = 0, checks_passed = 0;
    int with_must = 0, must_met = 0;
    int harmed = 0;
    void add(bool passed, bool has_must, bool musts_met, bool harm) {
        ++checks;
        checks_passed += passed;
        with_must += has_must;
        must_met += has_must && musts_met;
        harmed += harm;
    }
    double check_score() const { return checks ? double(checks_passed) / checks : 0; }
    double must_score() const { return with_must ? double(must_met) / with_must : 0; }
    double harm_rate() const { return checks ? double(harmed) / checks : 0; }
    std::string line() const {
        char buffer[200];
        std::snprintf(buffer, sizeof buffer,
                      "%3d checks: %5.1f%% wholly right, %5.1f%% of %d needed questions found, %5.1f%% harmed",
                      checks, 100 * check_score(), 100 * must_score(), with_must, 100 * harm_rate());
        return buffer;
    }
};

}  // namespace

#ifdef KITH_SANITIZED_BUILD
constexpr bool sanitized_build = true;  // scored by the release build (tests/CMakeLists.txt)
#else
constexpr bool sanitized_build = false;
#endif

TEST_CASE("the question corpus scores at least what it scored when the rules were last tuned" *
          doctest::skip(sanitized_build)) {
    std::string jsonl;
    auto cases = load({"corpus-a.toml", "corpus-b.toml", "corpus-c.toml", "corpus-d.toml", "corpus-e.toml",
                       "corpus-f.toml", "corpus-g.toml", "corpus-h.toml", "corpus-i.toml",
                       "corpus-j.toml", "corpus-k.toml", "corpus-l.toml", "corpus-m.toml", "corpus-n.toml",
                       "corpus-o.toml", "corpus-p.toml", "corpus-q.toml", "corpus-r.toml", "corpus-s.toml",
                       "corpus-t.toml", "corpus-u.toml", "corpus-v.toml", "corpus-w.toml", "corpus-x.toml",
                       "corpus-y.toml"},
                      jsonl);
    REQUIRE(cases.size() >= 300);
    Sandbox box;
    box.write_file(box.dir + "/corpus.jsonl", jsonl);
    box.ok({"import", box.dir + "/corpus.jsonl"});

    // KITH_CORPUS=dev prints the failures of the tuning two thirds; KITH_CORPUS=all, of every case.
    const char* show = std::getenv("KITH_CORPUS");
    const std::string show_which = show ? show : "";
    Tally dev, held, all, parts_ab, part_c, part_d;
    // Parts E on, each written blind and scored apart, with its floor and its ceiling on harm.
    struct Part {
        char letter;
        double min_check_score, max_harm_rate;
        Tally tally;
    };
    std::map<std::string, Part> blind_parts;
    for (const auto& part : std::vector<Part>{{'E', min_part_e_check_score, max_part_e_harm_rate, {}},
                                              {'F', min_part_f_check_score, max_part_f_harm_rate, {}},
                                              {'G', min_part_g_check_score, max_part_g_harm_rate, {}},
                                              {'H', min_part_h_check_score, max_part_h_harm_rate, {}},
                                              {'I', min_part_i_check_score, max_part_i_harm_rate, {}},
                                              {'J', min_part_j_check_score, max_part_j_harm_rate, {}},
                                              {'K', min_part_k_check_score, max_part_k_harm_rate, {}},
                                              {'L', min_part_l_check_score, max_part_l_harm_rate, {}},
                                              {'M', min_part_m_check_score, max_part_m_harm_rate, {}},
                                              {'N', min_part_n_check_score, max_part_n_harm_rate, {}},
                                              {'O', min_part_o_check_score, max_part_o_harm_rate, {}},
                                              {'P', min_part_p_check_score, max_part_p_harm_rate, {}},
                                              {'Q', min_part_q_check_score, max_part_q_harm_rate, {}},
                                              {'R', min_part_r_check_score, max_part_r_harm_rate, {}},
                                              {'S', min_part_s_check_score, max_part_s_harm_rate, {}},
                                              {'T', min_part_t_check_score, max_part_t_harm_rate, {}},
                                              {'U', min_part_u_check_score, max_part_u_harm_rate, {}},
                                              {'V', min_part_v_check_score, max_part_v_harm_rate, {}},
                                              {'W', min_part_w_check_score, max_part_w_harm_rate, {}},
                                              {'X', min_part_x_check_score, max_part_x_harm_rate, {}},
                                              {'Y', min_part_y_check_score, max_part_y_harm_rate, {}}})
        blind_parts.emplace(std::string("corpus-") + char(part.letter + ('a' - 'A')) + ".toml", part);
    // Never tuned on: their failures show only with KITH_CORPUS=all.
    const std::set<char> unseen{'U', 'V', 'W', 'X', 'Y'};
    std::map<std::string, Tally> by_area;
    int hygiene_failures = 0, questions_seen = 0;
    std::ostringstream report;
    for (const auto& c : cases) {
        for (const auto& check : c.checks) {
            auto asked = box.run({"--today", check.day, "ask", "#" + std::to_string(c.number), "--format", "json",
                                  "--limit", "20"});
            REQUIRE(asked.code == 0);
            auto questions = nlohmann::json::parse(asked.out)["questions"];
            std::vector<std::string> problems;
            std::vector<std::string> texts;
            for (const auto& q : questions) {
                const auto text = q["text"].get<std::string>();
                texts.push_back(text);
                ++questions_seen;
                // Every question, whatever the check: a question, about them, no copied dates.
                static const Regex iso(R"(\d{4}-\d{2}-\d{2})"), noted("(?i)you noted");
                if (text.empty() || text.back() != '?' || iso.search(text) || noted.search(text)) {
                    ++hygiene_failures;
                    problems.push_back("not a clean question: " + text);
                }
                if (check.quiet && from_a_note(q["id"].get<std::string>()))
                    problems.push_back("quiet, but asked: " + text);
            }
            bool musts_met = true;
            for (const auto& pattern : check.must) {
                Regex regex(pattern);
                bool found = false;
                for (const auto& text : texts) found = found || regex.search(text);
                if (!found) {
                    musts_met = false;
                    problems.push_back("missing " + pattern);
                }
            }
            bool harm = false;
            for (const auto& pattern : check.must_not) {
                Regex regex(pattern);
                for (const auto& text : texts)
                    if (regex.search(text)) {
                        harm = true;
                        problems.push_back("must not: " + text + "   (" + pattern + ")");
                    }
            }
            if (check.quiet)
                for (const auto& problem : problems) harm = harm || problem.starts_with("quiet");
            if (!check.due_must.empty() || !check.due_must_not.empty()) {
                auto due = box.run({"--today", check.day, "due", "--tag", "c" + std::to_string(c.number), "--format",
                                    "plain", "--limit", "50"});
                REQUIRE(due.code == 0);
                auto lines = kith::test::lines_of(due.out);
                // "ask: How are you holding up? [r3:death-after]": the id in brackets is kith's
                // reference for `log --asked`, not words of the note or the question.
                for (auto& line : lines)
                    if (auto bracket = line.rfind(" ["); bracket != std::string::npos && line.ends_with("]"))
                        line.resize(bracket);
                for (const auto& pattern : check.due_must) {
                    Regex regex(pattern);
                    bool found = false;
                    for (const auto& line : lines) found = found || regex.search(line);
                    if (!found) {
                        musts_met = false;
                        problems.push_back("due is missing " + pattern);
                    }
                }
                for (const auto& pattern : check.due_must_not) {
                    Regex regex(pattern);
                    for (const auto& line : lines)
                        // "Nobody is due today": kith's word that the list is empty, about nobody.
                        if (!line.starts_with("Nobody is due") && regex.search(line)) {
                            harm = true;
                            problems.push_back("due must not: " + line);
                        }
                }
            }
            const bool has_must = !check.must.empty() || !check.due_must.empty();
            const bool passed = problems.empty();
            if (auto part = blind_parts.find(c.file); part != blind_parts.end()) {  // scored apart
                part->second.tally.add(passed, has_must, musts_met, harm);
                const bool blind = unseen.count(part->second.letter) > 0;
                if (!passed && (show_which == "all" || (show_which == "dev" && !blind))) {
                    report << c.id << " on " << check.day << ":\n";
                    for (const auto& text : texts) report << "    asked: " << text << "\n";
                    for (const auto& problem : problems) report << "  ! " << problem << "\n";
                }
                continue;
            }
            (c.held_out ? held : dev).add(passed, has_must, musts_met, harm);
            all.add(passed, has_must, musts_met, harm);
            by_area[c.area].add(passed, has_must, musts_met, harm);
            (c.file == "corpus-c.toml" ? part_c : c.file == "corpus-d.toml" ? part_d : parts_ab)
                .add(passed, has_must, musts_met, harm);
            if (!passed && (show_which == "all" || (show_which == "dev" && !c.held_out))) {
                report << c.id << " on " << check.day << ":\n";
                for (const auto& text : texts) report << "    asked: " << text << "\n";
                for (const auto& problem : problems) report << "  ! " << problem << "\n";
            }
        }
    }
    std::ostringstream summary;
    summary << "question corpus, " << cases.size() << " cases:\n  all       " << all.line() << "\n  tuned on  "
            << dev.line() << "\n  held out  " << held.line() << "\n  " << hygiene_failures << " of " << questions_seen
            << " questions asked were not clean questions\n  parts A, B " << parts_ab.line() << "\n  part C    "
            << part_c.line() << "\n  part D    " << part_d.line() << "\n";
    for (const auto& [file, part] : blind_parts)
        summary << "  part " << part.letter << "    " << part.tally.line() << "\n";
    for (const auto& [area, tally] : by_area) summary << "    " << area << std::string(14 - std::min<std::size_t>(13, area.size()), ' ') << tally.line() << "\n";
    const std::string message = report.str() + summary.str();
    MESSAGE(message);
    CHECK(parts_ab.check_score() >= min_check_score);
    CHECK(parts_ab.must_score() >= min_must_score);
    CHECK(parts_ab.harm_rate() <= max_harm_rate);
    CHECK(held.check_score() >= min_held_out_check_score);
    CHECK(part_c.check_score() >= min_part_c_check_score);
    CHECK(part_c.harm_rate() <= max_part_c_harm_rate);
    CHECK(part_d.check_score() >= min_part_d_check_score);
    CHECK(part_d.harm_rate() <= max_part_d_harm_rate);
    for (const auto& [name, part] : blind_parts) {
        const std::string& file = name;  // clang's CAPTURE cannot take a structured binding
        CAPTURE(file);
        CHECK(part.tally.check_score() >= part.min_check_score);
        CHECK(part.tally.harm_rate() <= part.max_harm_rate);
    }
    CHECK(hygiene_failures == 0);  // every question asked is a clean question
}
