// kith_bench_generate N [TODAY]: a believable address book of N people as kith's JSONL, on
// standard output, the same bytes on every machine and every run.
//
// Why JSONL through `kith import` rather than rows written straight into the schema: the
// database then holds exactly what kith itself derives (folded name keys, birthday month-days,
// next check-in dates, kept ids), so the benchmark cannot drift from the real code, and the
// import path is measured on the way. JSONL is kith's fastest reader and carries everything
// (interactions and reminders too, which vCard does not).
//
// Every person is drawn from their own stream of the generator (seeded by their index), so
// the first thousand people are the same in the 1,000, 10,000 and 100,000 data sets. Person
// #1 always has 20 notes, for `kith ask '#1'`. Only the C++ standard library: no distribution
// of <random> is used, as their output differs between standard libraries.
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace std::chrono;

// SplitMix64: tiny, fast and fully specified, so the data set is the same everywhere.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in [low, high].
    int between(int low, int high) {
        return low + static_cast<int>(next() % static_cast<std::uint64_t>(high - low + 1));
    }
    bool chance(int percent) { return between(1, 100) <= percent; }
    double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }  // [0, 1)
    template <class T>
    const T& pick(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(between(0, static_cast<int>(items.size()) - 1))];
    }

private:
    std::uint64_t state_;
};

constexpr std::uint64_t seed = 0x6b697468'62656e63ULL;  // "kithbenc"

const std::vector<std::string> first_names{
    "Sam",    "Priya",  "Marco",  "Renee",   "Helen",  "Tom",     "Linda",  "Jake",   "Aisha",  "Ben",
    "Chloe",  "Diego",  "Elena",  "Farid",   "Grace",  "Hiro",    "Ines",   "Jonas",  "Kira",   "Liam",
    "Maya",   "Noah",   "Olga",   "Pablo",   "Quinn",  "Rosa",    "Sven",   "Tara",   "Umar",   "Vera",
    "Wen",    "Ximena", "Yusuf",  "Zoe",     "Amara",  "Bruno",   "Carmen", "Dmitri", "Esther", "Felix",
    "Greta",  "Hassan", "Ingrid", "Joao",    "Keiko",  "Lars",    "Mina",   "Nikhil", "Omar",   "Paula",
    "Rafael", "Sofia",  "Tariq",  "Ursula",  "Viktor", "Wanda",   "Yara",   "Zane",   "Alice",  "Boris",
    "Clara",  "David",  "Emil",   "Fatima",  "Gustav", "Hannah",  "Ivan",   "Julia",  "Kofi",   "Lucia",
    "Mateo",  "Nadia",  "Oscar",  "Petra",   "Ravi",   "Selma",   "Theo",   "Uma",    "Vivian", "Walter"};
const std::vector<std::string> last_names{
    "Smith",   "Raman",    "Bianchi", "Dubois",  "Okafor",  "Becker",  "Carter",    "Nguyen",  "Garcia",
    "Kowalski", "Haddad",  "Silva",   "Tanaka",  "Muller",  "Rossi",   "Johansson", "Petrov",  "Khan",
    "Oliveira", "Novak",   "Fischer", "Moreau",  "Lindqvist", "Abara", "Yilmaz",    "Costa",   "Murphy",
    "Schmidt",  "Ivanova", "Sato",    "Larsen",  "Mendes",  "Ortiz",   "Brennan",   "Kaur",    "Weber",
    "Horvath",  "Dimitrov", "Andersen", "Ferrari", "Lopez", "Park",    "Chen",      "Wright",  "Hughes",
    "Banerjee", "Mensah",  "Castillo", "Varga",  "Nakamura", "Jensen", "Romano",    "Walsh",   "Kim",
    "Svensson", "Delgado", "Popescu", "Eriksen", "Morales", "Fontaine"};
const std::vector<std::string> companies{
    "Acme Logistics", "Globex",        "Initech",           "Umbrella Health",   "Stark Industries",
    "Wayne Foods",    "Hooli",         "Vandelay Imports",  "Northwind Traders", "Contoso",
    "Fabrikam",       "Tyrell Design", "Soylent Kitchens",  "Cyberdyne Systems", "Wonka Confectionery",
    "Gringotts Bank", "Oceanic Air",   "Monarch Studio",    "Blue Harbor Legal", "Panificio Bianchi"};
const std::vector<std::string> tags{"client", "friend",  "family",    "colleague", "mentor",
                                    "prospect", "running", "book-club", "golf",     "neighbor"};
const std::vector<std::string> cadences{"7d", "2w", "3w", "30d", "monthly", "6w", "2mo", "quarterly",
                                        "4mo", "180d", "3w..6w", "1mo..3mo"};
const std::vector<std::string> reminder_intervals{"2w", "monthly", "quarterly", "1y"};
const std::vector<std::string> channels{"call", "email", "meet", "message", "other"};

// Sentences that the built-in question rules recognise, and some they do not: the engine
// does its real work. {N} is a name, {P} a place, {C} a company.
const std::vector<std::string> topics{
    "His daughter {N} just got into {P} University and moves into halls in September.",
    "Her son {N} started at {P} College this autumn and is finding his feet.",
    "Die-hard Red Sox fan, goes to Fenway whenever he can and still talks about 2004.",
    "Big Arsenal fan, has had season tickets for years and never misses a home game.",
    "Moving to {P} with her partner {N} next spring; they are looking at flats already.",
    "Started a new job at {C} as head of operations, after six years at the old place.",
    "Training for the {P} marathon in April, running five days a week before work.",
    "Her mother is in hospital after a fall; she is driving up every weekend to help.",
    "They just had a baby girl named {N}, born three weeks early but healthy.",
    "Got engaged to {N} over the summer, planning a small wedding next year.",
    "Learning Portuguese before the move, two lessons a week and an app on the train.",
    "Worried about cash flow at {C}; two big clients paid late this quarter.",
    "Got a puppy called {N}, a very energetic border collie who chews everything.",
    "Back from a trip to Japan with the kids, loved Kyoto more than Tokyo.",
    "Prefers calls before 10am; mornings are the only quiet time in the office.",
    "Writing a book about supply chains, the first draft is about half done.",
    "Renovating the kitchen, the builders are three weeks behind schedule.",
    "Keen sailor, keeps a small boat at the harbour and races on Wednesdays.",
    "Thinking about going freelance once the current project at {C} wraps up.",
    "Has a knee surgery scheduled and will be off work for a few weeks after it.",
    "Met at the {P} conference, we talked about open source and terrible coffee.",
    "Kids {N} and {N2} both play football on Saturdays, she coaches the under-tens."};
// Notes about a dated event (`note --event`), which `due` follows up.
const std::vector<std::string> event_topics{
    "Running the {P} marathon, his first one in ten years.",
    "Presenting the new routing system to the {C} board.",
    "Knee surgery at the {P} clinic, then six weeks of physio.",
    "Job interview at {C} for the head of design role.",
    "Her daughter {N}'s wedding in {P}, about eighty guests.",
    "Flying to {P} for the annual sales conference.",
    "Moving house to the other side of {P}.",
    "Final exams for the accounting qualification."};
const std::vector<std::string> fillers{
    " We talked for a while about how things are going at work and at home.",
    " Mentioned it twice, so it clearly matters a lot right now.",
    " Worth following up on next time we speak.",
    " Said the last few months have been busy but mostly good.",
    " Asked me to send over the notes from our last meeting.",
    " Sounded tired but upbeat about the year ahead.",
    " Recommended a podcast about history that I should try.",
    " Might be in town again in the spring for a few days."};
const std::vector<std::string> places{"Boston", "Lisbon", "Berlin", "Oxford", "Kyoto", "Toronto",
                                      "Dublin", "Madrid", "Oslo",   "Chicago"};
const std::vector<std::string> summaries{"Caught up about the project", "Quick call about the budget",
                                         "Coffee near the office", "Sent the proposal", "Birthday wishes",
                                         "Lunch, talked about family", ""};
const std::vector<std::string> reminder_texts{"Send the proposal", "Quarterly review", "Ask about the move",
                                              "Return the book", "Invoice follow-up", "Call about the trip"};

const sys_days today_default = sys_days{year{2026} / November / 22};

std::string iso(sys_days day) {
    year_month_day ymd{day};
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return out;
}

// Generated text is plain ASCII without quotes or backslashes, but escaping keeps it honest.
std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + '"';
}

void replace_all(std::string& text, std::string_view from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

// A note of 100 to 300 characters: a topic, then filler sentences up to a drawn length.
std::string note_text(Random& random, bool event) {
    std::string text = random.pick(event ? event_topics : topics);
    replace_all(text, "{N2}", random.pick(first_names));
    replace_all(text, "{N}", random.pick(first_names));
    replace_all(text, "{P}", random.pick(places));
    replace_all(text, "{C}", random.pick(companies));
    // Whole filler sentences, each at most once, while they fit in 300 characters.
    const auto target = static_cast<std::size_t>(random.between(100, 300));
    const auto first = static_cast<std::size_t>(random.between(0, static_cast<int>(fillers.size()) - 1));
    for (std::size_t i = 0; i < fillers.size() && text.size() < target; ++i) {
        const auto& filler = fillers[(first + i) % fillers.size()];
        if (text.size() + filler.size() <= 300) text += filler;
    }
    return text;
}

std::string lowercase(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

std::string uuid(Random& random) {
    std::uint64_t high = random.next(), low = random.next();
    high = (high & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;  // version 4
    low = (low & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;     // RFC 4122 variant
    char out[40];
    std::snprintf(out, sizeof out, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(high >> 32),
                  static_cast<unsigned>((high >> 16) & 0xffff), static_cast<unsigned>(high & 0xffff),
                  static_cast<unsigned>(low >> 48), static_cast<unsigned long long>(low & 0xffffffffffffULL));
    return out;
}

std::string list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + quoted(items[i]);
    return out + "]";
}

// One person as a JSONL line. `index` is 0-based; the name is unique (first × initial × last
// through a permutation), as import would otherwise merge two people of the same name.
std::string person(std::uint64_t index, sys_days today) {
    Random random(seed ^ (index * 0x9e3779b97f4a7c15ULL));
    const std::uint64_t combinations = first_names.size() * 26 * last_names.size();
    const std::uint64_t slot = (index * 7919) % combinations;  // 7919 is prime, coprime to the count
    const auto& first = first_names[slot % first_names.size()];
    const char initial = static_cast<char>('A' + (slot / first_names.size()) % 26);
    const auto& last = last_names[slot / first_names.size() / 26 % last_names.size()];
    const std::string name = first + " " + initial + ". " + last;
    if (index >= combinations) std::abort();  // more people than unique names

    std::string out = "{\"uuid\":" + quoted(uuid(random)) + ",\"name\":" + quoted(name);
    std::vector<std::string> emails;
    if (random.chance(85)) emails.push_back(lowercase(first + "." + last) + std::to_string(index) + "@mail.example");
    if (random.chance(15)) emails.push_back(lowercase(first) + std::to_string(index) + "@work.example");
    out += ",\"emails\":" + list(emails);
    std::vector<std::string> phones;
    if (random.chance(60)) phones.push_back("+1 617 555 " + std::to_string(1000 + index % 9000));
    out += ",\"phones\":" + list(phones);
    out += ",\"company\":" + quoted(random.chance(60) ? random.pick(companies) : "");
    std::vector<std::string> person_tags;
    for (int t = random.between(0, 3); t > 0; --t) {
        const auto& tag = random.pick(tags);
        bool have = false;
        for (const auto& p : person_tags) have = have || p == tag;
        if (!have) person_tags.push_back(tag);
    }
    out += ",\"tags\":" + list(person_tags);
    if (random.chance(70)) {
        sys_days born = today - days{random.between(18 * 365, 80 * 365)};
        std::string birthday = iso(born);
        if (random.chance(25)) birthday = "--" + birthday.substr(5);  // year unknown
        out += ",\"birthday\":" + quoted(birthday);
    }
    if (random.chance(60)) out += ",\"every\":" + quoted(random.pick(cadences));
    if (random.chance(2)) out += ",\"archived\":true";
    const sys_days added = today - days{random.between(0, 5 * 365)};
    const int age_days = static_cast<int>((today - added).count());
    out += ",\"added_on\":" + quoted(iso(added));
    if (random.chance(1)) out += ",\"snoozed_until\":" + quoted(iso(today + days{random.between(1, 30)}));

    // Notes: most people have a few, some many (an exponential draw with mean 4, capped at 20).
    int note_count = index == 0 ? 20 : std::min(20, static_cast<int>(-std::log(1.0 - random.unit()) * 4.0));
    out += ",\"notes\":[";
    for (int n = 0; n < note_count; ++n) {
        const sys_days on = added + days{random.between(0, age_days)};
        const int kind = random.between(1, 100);  // 3% questions to ask, 5% dated events
        std::string text = note_text(random, kind > 95);
        bool ask = false;
        std::string event;
        if (kind <= 3) {
            text.back() = '?';
            ask = random.chance(50);
        } else if (kind > 95) {
            event = iso(today + days{random.between(-60, 60)});
        }
        out += std::string(n ? "," : "") + "{\"date\":" + quoted(iso(on)) + ",\"text\":" + quoted(text);
        if (!event.empty()) out += ",\"event\":" + quoted(event);
        if (ask) out += ",\"ask\":true";
        out += "}";
    }
    out += "],\"interactions\":[";
    for (int i = random.between(0, 8), first_one = 1; i > 0; --i, first_one = 0) {
        const sys_days on = added + days{random.between(0, age_days)};
        out += std::string(first_one ? "" : ",") + "{\"date\":" + quoted(iso(on)) +
               ",\"channel\":" + quoted(random.pick(channels)) + ",\"summary\":" + quoted(random.pick(summaries)) +
               "}";
    }
    out += "],\"reminders\":[";
    if (random.chance(10)) {
        for (int r = random.between(1, 2), first_one = 1; r > 0; --r, first_one = 0) {
            const sys_days due = today + days{random.between(-60, 120)};
            out += std::string(first_one ? "" : ",") + "{\"due\":" + quoted(iso(due)) +
                   ",\"text\":" + quoted(random.pick(reminder_texts));
            if (random.chance(30)) out += ",\"every\":" + quoted(random.pick(reminder_intervals));
            else if (due < today && random.chance(40)) out += ",\"done_on\":" + quoted(iso(due));
            out += "}";
        }
    }
    return out + "]}\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "usage: kith_bench_generate N [TODAY as YYYY-MM-DD]\n");
        return 2;
    }
    char* end = nullptr;
    const unsigned long long count = std::strtoull(argv[1], &end, 10);
    if (*end != '\0' || count == 0) {
        std::fprintf(stderr, "kith_bench_generate: N must be a positive number\n");
        return 2;
    }
    sys_days today = today_default;
    if (argc == 3) {
        int y = 0;
        unsigned m = 0, d = 0;
        if (std::sscanf(argv[2], "%d-%u-%u", &y, &m, &d) != 3 || !year_month_day{year{y} / month{m} / day{d}}.ok()) {
            std::fprintf(stderr, "kith_bench_generate: TODAY must be YYYY-MM-DD\n");
            return 2;
        }
        today = sys_days{year{y} / month{m} / day{d}};
    }
    for (unsigned long long i = 0; i < count; ++i) {
        const std::string line = person(i, today);
        if (std::fwrite(line.data(), 1, line.size(), stdout) != line.size()) return 1;
    }
    return std::fflush(stdout) == 0 ? 0 : 1;
}
