// kith_bench: builds the data sets, times kith's commands and the baselines in one run, and
// writes the markdown table (bench/RESULTS.md). `bench/run.sh` builds and runs it; see
// bench/README.md. Each command is a real process started with posix_spawn and reaped with
// wait4, which gives its wall time (monotonic clock, spawn to exit) and its own peak RSS.
//
// The fast commands are interleaved run by run, so a burst of load from another process on
// this shared machine falls on all of them alike; the figures are medians with min–max.
#include <fcntl.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;

constexpr const char* today = "2026-11-22";  // the data sets are generated around it

struct Options {
    std::vector<long> sizes{1000, 10000, 100000};
    int runs = 21;       // fast commands
    int slow_runs = 3;   // import and export: seconds each at 100,000 people
    int warmup = 2;      // fast commands, not counted
    bool quick = false;
    bool keep = false;
    std::string out = "bench/RESULTS.md";
    std::string kith = KITH_BENCH_KITH;
    std::string tools = KITH_BENCH_TOOLS;  // the directory of the helper programs
};

[[noreturn]] void die(const std::string& message) {
    std::cerr << "kith_bench: " << message << '\n';
    std::exit(1);
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// ---- running one process ---------------------------------------------------------------

struct Sample {
    double ms = 0;
    long rss_kb = 0;
};

struct Command {
    std::string label;              // as the table shows it
    std::vector<std::string> argv;  // argv[0] is an absolute path
    std::string stdout_path = "/dev/null";
};

class Runner {
public:
    explicit Runner(fs::path work) : work_(std::move(work)) {
        // A clean, fixed environment: no user config, no colour, the sandbox as HOME.
        env_ = {"PATH=/usr/bin:/bin", "HOME=" + work_.string(), "KITH_CONFIG=" + (work_ / "none.toml").string(),
                "NO_COLOR=1", "LC_ALL=C.UTF-8"};
    }

    Sample run(const Command& command) const {
        const auto stderr_path = (work_ / "stderr.txt").string();
        posix_spawn_file_actions_t files;
        posix_spawn_file_actions_init(&files);
        posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&files, 1, command.stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_addopen(&files, 2, stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        std::vector<char*> argv, envp;
        for (const auto& arg : command.argv) argv.push_back(const_cast<char*>(arg.c_str()));
        argv.push_back(nullptr);
        for (const auto& var : env_) envp.push_back(const_cast<char*>(var.c_str()));
        envp.push_back(nullptr);

        const auto start = std::chrono::steady_clock::now();
        pid_t pid = 0;
        int error = posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&files);
        if (error != 0) die(command.argv[0] + ": " + std::strerror(error));
        int status = 0;
        rusage usage{};
        while (wait4(pid, &status, 0, &usage) < 0)
            if (errno != EINTR) die(std::string("wait4: ") + std::strerror(errno));
        const auto end = std::chrono::steady_clock::now();
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            std::string shown;
            for (const auto& arg : command.argv) shown += " " + arg;
            die(command.label + " failed (status " + std::to_string(status) + "):" + shown + "\n" +
                read_text(stderr_path));
        }
        return {std::chrono::duration<double, std::milli>(end - start).count(), usage.ru_maxrss};
    }

private:
    fs::path work_;
    std::vector<std::string> env_;
};

// ---- statistics and formatting ---------------------------------------------------------

struct Stats {
    double median = 0, min = 0, max = 0;
    long peak_rss_kb = 0;
    std::size_t runs = 0;
};

Stats stats_of(std::vector<Sample> samples) {
    Stats stats;
    if (samples.empty()) return stats;
    std::sort(samples.begin(), samples.end(), [](const Sample& a, const Sample& b) { return a.ms < b.ms; });
    const auto n = samples.size();
    stats.median = n % 2 ? samples[n / 2].ms : (samples[n / 2 - 1].ms + samples[n / 2].ms) / 2;
    stats.min = samples.front().ms;
    stats.max = samples.back().ms;
    for (const auto& s : samples) stats.peak_rss_kb = std::max(stats.peak_rss_kb, s.rss_kb);
    stats.runs = n;
    return stats;
}

std::string printf_string(const char* format, double value) {
    char out[64];
    std::snprintf(out, sizeof out, format, value);
    return out;
}

std::string duration(double ms) {
    if (ms < 10) return printf_string("%.2f ms", ms);
    if (ms < 1000) return printf_string("%.1f ms", ms);
    return printf_string("%.2f s", ms / 1000);
}

std::string bare_duration(double ms) {  // the unit comes with the median
    if (ms < 10) return printf_string("%.2f", ms);
    if (ms < 1000) return printf_string("%.1f", ms);
    return printf_string("%.2f", ms / 1000);
}

std::string megabytes(long kb) { return printf_string("%.1f MB", static_cast<double>(kb) / 1024); }

std::string with_commas(long n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string cell(const Stats& s) {
    if (s.runs == 0) return "–";
    std::string spread = s.runs > 1 ? " (" + bare_duration(s.min) + "–" + bare_duration(s.max) + ")" : "";
    return "**" + duration(s.median) + "**" + spread + ", " + megabytes(s.peak_rss_kb);
}

std::string ratio(double value) { return printf_string(value < 0.1 ? "%.3f×" : "%.2f×", value); }

// ---- the data sets ---------------------------------------------------------------------

struct DataSet {
    long people = 0;
    long notes = 0, interactions = 0, reminders = 0;
    std::uintmax_t db_bytes = 0, jsonl_bytes = 0, vcard_bytes = 0;
    Sample generate, import_jsonl, export_vcard;
    std::string db, vcard;
};

long count_rows(sqlite3* db, const char* table) {
    sqlite3_stmt* statement = nullptr;
    const std::string sql = std::string("SELECT count(*) FROM ") + table;  // table names are ours
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) die(sqlite3_errmsg(db));
    long count = sqlite3_step(statement) == SQLITE_ROW ? static_cast<long>(sqlite3_column_int64(statement, 0)) : -1;
    sqlite3_finalize(statement);
    return count;
}

std::string mb_size(std::uintmax_t bytes) { return printf_string("%.1f MB", static_cast<double>(bytes) / 1048576); }

// ---- machine -------------------------------------------------------------------------------

std::string first_match(const std::string& path, const std::string& key) {
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);)
        if (line.rfind(key, 0) == 0) {
            auto colon = line.find(':');
            auto value = colon == std::string::npos ? line : line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(" \t"));
            return value;
        }
    return "unknown";
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string one;
    in >> one;
    return one.empty() ? "unknown" : one;
}

std::string utc_now() {
    std::time_t now = std::time(nullptr);
    char out[32];
    std::strftime(out, sizeof out, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
    return out;
}

Options parse_options(int argc, char** argv) {
    Options options;
    auto value = [&](int& i) -> std::string {
        if (i + 1 >= argc) die(std::string(argv[i]) + " needs a value");
        return argv[++i];
    };
    bool sizes_given = false, runs_given = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--quick") {
            options.quick = true;
        } else if (arg == "--keep") {
            options.keep = true;
        } else if (arg == "--out") {
            options.out = value(i);
        } else if (arg == "--kith") {
            options.kith = value(i);
        } else if (arg == "--runs") {
            options.runs = std::max(1, std::atoi(value(i).c_str()));
            runs_given = true;
        } else if (arg == "--sizes") {
            options.sizes.clear();
            std::stringstream list(value(i));
            for (std::string item; std::getline(list, item, ',');)
                if (long n = std::atol(item.c_str()); n > 0) options.sizes.push_back(n);
            if (options.sizes.empty()) die("--sizes: expected numbers such as 1000,10000");
            sizes_given = true;
        } else {
            die("unknown argument " + arg +
                " (usage: kith_bench [--quick] [--sizes 1000,10000,100000] [--runs N] [--out FILE] [--keep])");
        }
    }
    if (options.quick) {  // proves the benchmark still runs; its figures mean little
        if (!sizes_given) options.sizes = {1000};
        if (!runs_given) options.runs = 2;
        options.slow_runs = 1;
        options.warmup = 0;
    } else {
        options.slow_runs = std::min(options.slow_runs, options.runs);
    }
    std::sort(options.sizes.begin(), options.sizes.end());
    return options;
}

// Runs each command `runs` times, round-robin after `warmup` uncounted rounds.
std::map<std::string, Stats> interleaved(const Runner& runner, const std::vector<Command>& commands, int warmup,
                                         int runs) {
    std::map<std::string, std::vector<Sample>> samples;
    for (int round = 0; round < warmup + runs; ++round)
        for (const auto& command : commands) {
            auto sample = runner.run(command);
            if (round >= warmup) samples[command.label].push_back(sample);
        }
    std::map<std::string, Stats> out;
    for (auto& [label, list] : samples) out[label] = stats_of(list);
    return out;
}

void remove_database(const fs::path& db) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = parse_options(argc, argv);
    const std::string generator = options.tools + "/kith_bench_generate";
    const std::string naive = options.tools + "/kith_bench_naive_due";
    const std::string hello = options.tools + "/kith_bench_hello";
    const std::string raw_insert = options.tools + "/kith_bench_raw_insert";
    for (const auto& program : {options.kith, generator, naive, hello, raw_insert})
        if (::access(program.c_str(), X_OK) != 0) die(program + " is missing: build it first (bench/run.sh does)");

    char work_template[] = "/tmp/kith-bench-XXXXXX";
    if (!::mkdtemp(work_template)) die(std::string("mkdtemp: ") + std::strerror(errno));
    const fs::path work = work_template;
    const Runner runner(work);
    const std::string load_before = load_average();
    std::cerr << "kith_bench: working in " << work.string() << '\n';
    // The timed commands' output goes to memory (/dev/shm) where there is one: 10 MB of
    // `list` written to disk is flushed when its file is next truncated, and the next
    // command's fsync (`kith note`'s) waited for it.
    fs::path outputs = work;
    char outputs_template[] = "/dev/shm/kith-bench-XXXXXX";
    if (fs::is_directory("/dev/shm") && ::mkdtemp(outputs_template)) outputs = outputs_template;

    // Process start: independent of the data, so measured once, with twice the runs.
    const std::vector<Command> start_commands{
        {"hello", {hello}},
        {"version", {options.kith, "--version"}},
    };
    const auto start = interleaved(runner, start_commands, options.warmup, options.runs * 2);

    // Rows of the main table, in order: key, label.
    const std::vector<std::pair<std::string, std::string>> rows{
        {"due", "`kith due` (plain text, with questions)"},
        {"due-json", "`kith due --format json`"},
        {"agenda", "`kith agenda --within 2w` (at most 100 things)"},
        {"naive", "naive full-scan due query (SQLite, same database)"},
        {"ask", "`kith ask '#1'` (20 notes)"},
        {"show", "`kith show '#1'`"},
        {"list", "`kith list --format tsv`"},
        {"search", "`kith search collie` (a word in 1 note in 22)"},
        {"note", "`kith note '#2' …` (one write, read by the rules)"},
        {"edit-note", "`kith edit n1 …` (a note's text replaced, read again by the rules)"},
        {"insert", "raw SQLite INSERT of a note (new process, same database)"},
        {"undo", "`kith undo` (of the `kith note` just before it)"},
        {"import", "`kith import` of the vCard export, into a new database"},
        {"export", "`kith export --format json -o FILE`"},
    };
    std::map<std::string, std::map<long, Stats>> results;
    std::vector<DataSet> sets;
    std::string naive_plan;

    // Every data set first, then the fast commands of all sizes in one round-robin: a change
    // of load on this shared machine then cannot pass for a change with the size.
    for (long n : options.sizes) {
        DataSet set;
        set.people = n;
        const std::string tag = std::to_string(n);
        const auto jsonl = (work / ("people-" + tag + ".jsonl")).string();
        set.db = (work / ("people-" + tag + ".db")).string();
        set.vcard = (work / ("people-" + tag + ".vcf")).string();
        std::cerr << "kith_bench: " << with_commas(n) << " people: generating\n";
        set.generate = runner.run({"generate", {generator, tag, today}, jsonl});
        set.import_jsonl = runner.run({"import jsonl", {options.kith, "--db", set.db, "--today", today, "import", jsonl}});
        set.export_vcard = runner.run(
            {"export vcard", {options.kith, "--db", set.db, "--today", today, "export", "--format", "vcard", "-o", set.vcard}});
        sqlite3* db = nullptr;
        if (sqlite3_open_v2(set.db.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) die("cannot open " + set.db);
        set.notes = count_rows(db, "notes");
        set.interactions = count_rows(db, "interactions");
        set.reminders = count_rows(db, "reminders");
        sqlite3_close(db);
        set.jsonl_bytes = fs::file_size(jsonl);
        set.vcard_bytes = fs::file_size(set.vcard);
        fs::remove(jsonl);
        sets.push_back(set);
    }

    // Setting up wrote hundreds of MB that the kernel would otherwise write back while the
    // commands are timed, and every fsync of `kith note` would queue behind it (19 ms rather
    // than 9 at 100,000 people). A user's note does not follow a 700 MB import.
    ::sync();
    std::cerr << "kith_bench: timing the fast commands\n";
    const auto out = [&](const std::string& name, long n) {
        return (outputs / (name + "-" + std::to_string(n) + ".out")).string();
    };
    // Written as people write, so that the rules have something to read.
    const std::string note_text = "Her mum is having a hip operation next month, she's worried about the drive";
    std::vector<Command> fast;
    for (const auto& set : sets) {
        auto kith = [&](std::vector<std::string> args) {
            std::vector<std::string> command{options.kith, "--db", set.db, "--today", today};
            command.insert(command.end(), args.begin(), args.end());
            return command;
        };
        const std::string at = "@" + std::to_string(set.people);
        const long n = set.people;
        const std::vector<Command> commands{
            {"due" + at, kith({"due", "--format", "plain"}), out("due", n)},
            {"due-json" + at, kith({"due", "--format", "json"}), out("due-json", n)},
            {"agenda" + at, kith({"agenda", "--within", "2w", "--format", "plain"}), out("agenda", n)},
            {"naive" + at, {naive, set.db, today}, out("naive", n)},
            {"ask" + at, kith({"ask", "#1"}), out("ask", n)},
            {"show" + at, kith({"show", "#1", "--format", "plain"}), out("show", n)},
            {"list" + at, kith({"list", "--format", "tsv"}), out("list", n)},
            {"search" + at, kith({"search", "collie", "--format", "plain"}), out("search", n)},
            {"note" + at, kith({"note", "#2", note_text})},
            {"edit-note" + at, kith({"edit", "n1", note_text})},  // #1's first note: the same work every run
            {"insert" + at, {raw_insert, set.db, "2", note_text}},
            // Each round's `note` taken back (the raw INSERT between them is another row).
            {"undo" + at, kith({"undo"})},
        };
        fast.insert(fast.end(), commands.begin(), commands.end());
    }
    for (const auto& [label, stats] : interleaved(runner, fast, options.warmup, options.runs)) {
        const auto at = label.rfind('@');
        results[label.substr(0, at)][std::atol(label.c_str() + at + 1)] = stats;
    }
    for (const auto& set : sets) {
        if (read_text(out("due", set.people)).empty() || read_text(out("due-json", set.people)).rfind("{", 0) != 0)
            die("kith due printed nothing: the data set should have people due");
        if (read_text(out("ask", set.people)).empty()) die("kith ask '#1' printed no questions");
        if (read_text(out("search", set.people)).empty()) die("kith search collie found nothing");
        if (read_text(out("agenda", set.people)).empty()) die("kith agenda printed nothing: the data set has birthdays ahead");
    }

    for (auto& set : sets) {
        const long n = set.people;
        std::cerr << "kith_bench: " << with_commas(n) << " people: timing import and export\n";
        const auto imported = work / ("imported-" + std::to_string(n) + ".db");
        std::vector<Sample> imports, exports;
        for (int run = 0; run < options.slow_runs; ++run) {
            remove_database(imported);
            imports.push_back(runner.run({"import", {options.kith, "--db", imported.string(), "--today", today,
                                                     "import", set.vcard}}));
        }
        for (int run = 0; run < options.slow_runs; ++run)
            exports.push_back(runner.run({"export", {options.kith, "--db", set.db, "--today", today, "export",
                                                     "--format", "json", "-o", (work / "export.json").string()}}));
        results["import"][n] = stats_of(imports);
        results["export"][n] = stats_of(exports);
        if (n <= 10000) {
            // `kith sync` (issue 21): the first into an empty folder (a new folder each run, which
            // kith takes as a first sync), then with nothing changed, then with one card changed
            // on the "phone" before each run, as vdirsyncer would leave it.
            std::cerr << "kith_bench: " << with_commas(n) << " people: timing sync\n";
            const auto sync_in = [&](const fs::path& vdir) {
                return Command{"sync", {options.kith, "--db", set.db, "--today", today, "sync", "--vdir", vdir.string()},
                               out("sync", n)};
            };
            std::vector<Sample> first, nothing, one;
            fs::path vdir;
            for (int run = 0; run < options.slow_runs; ++run) {
                if (!vdir.empty()) fs::remove_all(vdir);
                vdir = work / ("vdir-" + std::to_string(n) + "-" + std::to_string(run));
                fs::create_directories(vdir);
                first.push_back(runner.run(sync_in(vdir)));
            }
            for (int run = 0; run < options.warmup + options.runs; ++run) {
                auto sample = runner.run(sync_in(vdir));
                if (run >= options.warmup) nothing.push_back(sample);
            }
            if (read_text(out("sync", n)).rfind("Nothing to sync", 0) != 0) die("a second kith sync found something to do");
            fs::path card;
            for (const auto& entry : fs::directory_iterator(vdir))
                if (entry.path().extension() == ".vcf") card = entry.path();
            if (card.empty()) die("kith sync wrote no card");
            for (int run = 0; run < options.warmup + options.runs; ++run) {
                auto text = read_text(card);
                text.insert(text.rfind("END:VCARD"), "TEL:+1 555 01" + std::to_string(10 + run) + "\r\n");
                std::ofstream(card, std::ios::binary | std::ios::trunc) << text;
                auto sample = runner.run(sync_in(vdir));
                if (run >= options.warmup) one.push_back(sample);
            }
            if (read_text(out("sync", n)).find("in:  updated") == std::string::npos)
                die("kith sync did not take the changed card in");
            fs::remove_all(vdir);
            results["sync-first"][n] = stats_of(first);
            results["sync-nothing"][n] = stats_of(nothing);
            results["sync-one"][n] = stats_of(one);
        }
        if (n == options.sizes.back()) {
            runner.run({"naive plan", {naive, set.db, today, "--plan"}, out("plan", n)});
            naive_plan = read_text(out("plan", n));
        }
        set.db_bytes = fs::file_size(set.db);
        remove_database(imported);
        fs::remove(work / "export.json");
        if (!options.keep) {
            remove_database(set.db);
            fs::remove(set.vcard);
        }
    }
    const std::string load_after = load_average();

    // ---- the report ----------------------------------------------------------------------
    std::ostringstream md;
    utsname system{};
    ::uname(&system);
    md << "# kith benchmark results\n\n"
       << "Written by `bench/run.sh` (" << (options.quick ? "quick run" : "full run") << ", " << utc_now()
       << "); regenerate it, do not edit it. See bench/README.md for what is measured.\n\n"
       << "- Machine: " << first_match("/proc/cpuinfo", "model name") << ", " << std::thread::hardware_concurrency()
       << " cores shared with other engineers' builds and tests (load average " << load_before << " before, "
       << load_after << " after), " << first_match("/proc/meminfo", "MemTotal") << " RAM; " << system.sysname
       << " " << system.release << "\n"
       << "- Build: kith " << KITH_BENCH_VERSION << ", " << KITH_BENCH_BUILD_TYPE << ", GCC " << __VERSION__
       << ", SQLite " << sqlite3_libversion() << "\n"
       << "- Each figure: **median** of " << options.runs << " runs (min–max) after " << options.warmup
       << " uncounted, every command at every size interleaved; import and export " << options.slow_runs
       << " runs each. Peak RSS is the largest of the runs. A warm page cache; today is " << today << ".\n\n";

    md << "## Data sets\n\n"
       << "| people | notes | interactions | reminders | database | vCard file | generate JSONL | import JSONL | "
          "export vCard |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
    for (const auto& set : sets)
        md << "| " << with_commas(set.people) << " | " << with_commas(set.notes) << " | "
           << with_commas(set.interactions) << " | " << with_commas(set.reminders) << " | " << mb_size(set.db_bytes)
           << " | " << mb_size(set.vcard_bytes) << " | " << duration(set.generate.ms) << " | "
           << duration(set.import_jsonl.ms) << " | " << duration(set.export_vcard.ms) << " |\n";
    md << "\nThe last three columns are the one-off set-up (one run each).\n\n";

    md << "## Process start\n\n| command | time, peak RSS |\n| --- | --- |\n"
       << "| hello world (C++, iostream, dynamically linked) | " << cell(start.at("hello")) << " |\n"
       << "| `kith --version` | " << cell(start.at("version")) << " |\n\n";

    md << "## Commands\n\n| command |";
    for (long n : options.sizes) md << " " << with_commas(n) << " people |";
    md << "\n| --- |";
    for (std::size_t i = 0; i < options.sizes.size(); ++i) md << " --- |";
    md << "\n";
    for (const auto& [key, label] : rows) {
        md << "| " << label << " |";
        for (long n : options.sizes) md << " " << cell(results[key][n]) << " |";
        md << "\n";
    }

    // Sync writes a folder of 100,000 files three times over: measured up to 10,000 people.
    md << "\n## Sync (issue 21)\n\n| `kith sync` with a vdir |";
    std::vector<long> sync_sizes;
    for (long n : options.sizes)
        if (n <= 10000) sync_sizes.push_back(n);
    for (long n : sync_sizes) md << " " << with_commas(n) << " people |";
    md << "\n| --- |";
    for (std::size_t i = 0; i < sync_sizes.size(); ++i) md << " --- |";
    md << "\n";
    for (const auto& [key, label] : std::vector<std::pair<std::string, std::string>>{
             {"sync-first", "the first sync, every card written (" + std::to_string(options.slow_runs) + " runs)"},
             {"sync-one", "one card changed in the folder"},
             {"sync-nothing", "nothing changed"}}) {
        md << "| " << label << " |";
        for (long n : sync_sizes) md << " " << cell(results[key][n]) << " |";
        md << "\n";
    }

    const long small = options.sizes.front(), large = options.sizes.back();
    const auto& due = results["due"];
    const double version_ratio = start.at("version").median / start.at("hello").median;
    const double due_vs_naive = due.at(large).median / results["naive"].at(large).median;
    const double due_growth = due.at(large).median / due.at(small).median;
    const double agenda_growth = results["agenda"].at(large).median / results["agenda"].at(small).median;
    const auto& note = results["note"];
    const auto& insert = results["insert"];
    md << "\n## Ratios\n\n"
       << "- `kith --version` / hello world: **" << ratio(version_ratio) << "**\n"
       << "- `kith due` / naive full-scan query:";
    for (std::size_t i = 0; i < options.sizes.size(); ++i) {
        const long n = options.sizes[i];
        md << (i ? "; " : " ") << with_commas(n) << " people **"
           << ratio(due.at(n).median / results["naive"].at(n).median) << "**";
    }
    md << "\n- `kith undo` / `kith note`:";
    for (std::size_t i = 0; i < options.sizes.size(); ++i) {
        const long n = options.sizes[i];
        md << (i ? "; " : " ") << with_commas(n) << " people **" << ratio(results["undo"].at(n).median / note.at(n).median)
           << "**";
    }
    md << "\n- `kith note` / raw SQLite INSERT:";
    for (std::size_t i = 0; i < options.sizes.size(); ++i) {
        const long n = options.sizes[i];
        md << (i ? "; " : " ") << with_commas(n) << " people **" << ratio(note.at(n).median / insert.at(n).median)
           << "**";
    }
    if (large > small)
        md << "\n- `kith due` at " << with_commas(large) << " / at " << with_commas(small) << " people: **"
           << ratio(due_growth) << "** (the data grew " << with_commas(large / small) << "×)";
    if (large > small)
        md << "\n- `kith agenda --within 2w` at " << with_commas(large) << " / at " << with_commas(small) << " people: **"
           << ratio(agenda_growth) << "**";
    md << "\n\n";

    if (large == 100000) {
        struct Target {
            std::string what, measured;
            bool met;
        };
        double worst_undo = 0;
        for (const auto& [n, s] : results["undo"]) worst_undo = std::max(worst_undo, s.median / note.at(n).median);
        double worst_note = 0;
        for (const auto& [n, s] : note) worst_note = std::max(worst_note, s.median / insert.at(n).median);
        const auto& edit_note = results["edit-note"].at(large);
        long due_rss = 0;
        for (const auto& [n, s] : due) due_rss = std::max(due_rss, s.peak_rss_kb);
        for (const auto& [n, s] : results["due-json"]) due_rss = std::max(due_rss, s.peak_rss_kb);
        std::vector<Target> targets{
            {"`kith due` (with questions) at 100,000 people < 15 ms", duration(due.at(large).median),
             due.at(large).median < 15},
            {"`kith due` ≤ 0.1× the naive full-scan query at 100,000", ratio(due_vs_naive), due_vs_naive <= 0.1},
            {"`kith due` at 100,000 ≤ 1.5× at " + with_commas(small), ratio(due_growth), due_growth <= 1.5},
            {"`kith agenda --within 2w` at 100,000 ≤ 1.5× at " + with_commas(small) + " (flat in N, like `due`)",
             ratio(agenda_growth), agenda_growth <= 1.5},
            {"`kith --version` ≤ 2× hello world", ratio(version_ratio), version_ratio <= 2},
            {"`kith note` at 100,000 people < 10 ms", duration(note.at(large).median), note.at(large).median < 10},
            {"`kith note` ≤ 2× the raw SQLite INSERT at every size (issue 18)", ratio(worst_note), worst_note <= 2},
            {"`kith edit n…` ≤ `kith note` at 100,000 people (issue 20)",
             ratio(edit_note.median / note.at(large).median), edit_note.median <= note.at(large).median},
            {"`kith undo` < 2× `kith note` at every size (issue 20)", ratio(worst_undo), worst_undo < 2},
            {"`kith import` of 100,000 vCards < 5 s", duration(results["import"].at(large).median),
             results["import"].at(large).median < 5000},
            {"`kith export --format json` of 100,000 people < 3 s", duration(results["export"].at(large).median),
             results["export"].at(large).median < 3000},
            {"`kith list --format tsv` at 100,000 people < 300 ms", duration(results["list"].at(large).median),
             results["list"].at(large).median < 300},
            {"`kith search` at 100,000 people < 20 ms (issue 20)", duration(results["search"].at(large).median),
             results["search"].at(large).median < 20},
            {"peak RSS of `kith due` < 20 MB at every size", megabytes(due_rss), due_rss < 20 * 1024},
        };
        if (results["sync-first"].count(10000)) {
            const auto& first = results["sync-first"].at(10000);
            const auto& one = results["sync-one"].at(10000);
            const auto& nothing = results["sync-nothing"].at(10000);
            targets.push_back({"`kith sync` at 10,000 people: the first < 10 s (issue 21)", duration(first.median),
                               first.median < 10000});
            targets.push_back({"`kith sync` at 10,000 people, one card changed < 200 ms (issue 21)",
                               duration(one.median), one.median < 200});
            targets.push_back({"`kith sync` at 10,000 people, nothing changed < 100 ms (issue 21)",
                               duration(nothing.median), nothing.median < 100});
        }
        md << "## Targets (issues 8, 18, 20 and 21)\n\n| target | measured (median) | met |\n| --- | --- | --- |\n";
        for (const auto& t : targets) md << "| " << t.what << " | " << t.measured << " | " << (t.met ? "yes" : "**no**") << " |\n";
        md << "\n";
    } else {
        md << "Issue 8's targets are stated at 100,000 people; this run's largest data set is " << with_commas(large)
           << ".\n\n";
    }
    md << "## Plan of the naive query at " << with_commas(large) << " people\n\n```\n" << naive_plan << "```\n";

    const std::string report = md.str();
    if (!options.out.empty()) {
        std::ofstream file(options.out, std::ios::binary | std::ios::trunc);
        file << report;
        if (!file) die("cannot write " + options.out);
    }
    std::cout << report;
    if (outputs != work) fs::remove_all(outputs);
    if (!options.keep) fs::remove_all(work);
    else std::cerr << "kith_bench: data kept in " << work.string() << '\n';
    return 0;
}
