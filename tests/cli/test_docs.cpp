// The docs cannot fall behind the code: every command and long option the parser knows (read
// from kith __dump, so commands added later are covered too) is in man/kith.1 and completes;
// every config key is in the man page and in examples/config.toml.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "harness.h"

using kith::test::lines_of;
using kith::test::Sandbox;

namespace {

std::string source_file(const std::string& path) {
    std::ifstream file(std::string(KITH_SOURCE_DIR) + "/" + path, std::ios::binary);
    REQUIRE_MESSAGE(file, path);
    return std::string(std::istreambuf_iterator<char>(file), {});
}

// Roff escapes as the reader sees them: \- is -, fonts are dropped.
std::string unescape(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 == text.size()) {
            out += text[i];
            continue;
        }
        char next = text[++i];
        if (next == 'f') {
            i += text[i + 1] == '(' ? 3 : 1;  // \fB, \f(CW
        } else if (next == '(') {
            auto name = text.substr(i + 1, 2);
            out += name == "aq" ? "'" : name == "dq" ? "\"" : name == "lq" || name == "rq" ? "\"" : "?";
            i += 2;
        } else if (next == '[') {
            i = text.find(']', i);
            out += '?';
        } else if (next == '-' || next == 'e' || next == '~') {
            out += next == '-' ? '-' : next == 'e' ? '\\' : ' ';
        }  // \& and \c are nothing
    }
    return out;
}

// The arguments of a macro line, split at blanks outside double quotes.
std::vector<std::string> macro_arguments(const std::string& rest) {
    std::vector<std::string> args;
    std::string current;
    bool quoted = false, any = false;
    for (char c : rest) {
        if (c == '"') {
            quoted = !quoted;
            any = true;
        } else if (c == ' ' && !quoted) {
            if (any) args.push_back(current);
            current.clear();
            any = false;
        } else {
            current += c;
            any = true;
        }
    }
    if (any) args.push_back(current);
    return args;
}

// One line of the page as plain text: .B and .I join their words with blanks, .BR, .BI … join
// them with none (the fonts alternate), other requests and comments are left out.
std::string render_line(const std::string& line) {
    if (line.empty() || line[0] != '.') return unescape(line);
    auto space = line.find(' ');
    auto macro = line.substr(1, space == std::string::npos ? std::string::npos : space - 1);
    auto args = space == std::string::npos ? std::vector<std::string>{} : macro_arguments(line.substr(space + 1));
    static const std::vector<std::string> joined{"BR", "BI", "IB", "IR", "RB", "RI"};
    std::string out;
    if (macro == "B" || macro == "I" || macro == "SH" || macro == "SS") {
        for (std::size_t i = 0; i < args.size(); ++i) out += (i ? " " : "") + args[i];
    } else if (std::find(joined.begin(), joined.end(), macro) != joined.end()) {
        for (const auto& arg : args) out += arg;
    } else {
        return "";
    }
    return unescape(out);
}

// The page's sections and subsections (.SH, .SS), by heading, as plain text.
std::map<std::string, std::string> man_sections() {
    std::map<std::string, std::string> sections;
    std::string heading;
    for (const auto& line : lines_of(source_file("man/kith.1"))) {
        if (line.rfind(".SH ", 0) == 0 || line.rfind(".SS ", 0) == 0) {
            heading = render_line(line);
            continue;
        }
        sections[heading] += render_line(line) + "\n";
    }
    return sections;
}

// The section about `kith COMMAND` (.SS "kith due [options]").
std::string command_section(const std::map<std::string, std::string>& sections, const std::string& command) {
    for (const auto& [heading, text] : sections)
        if (heading == "kith " + command || heading.rfind("kith " + command + " ", 0) == 0) return text;
    return "";
}

// "kith due", "kith due --within", "kith --db" … as the parser has them.
std::vector<std::string> parser_lines(const Sandbox& box) {
    return lines_of(box.ok({"__dump", "commands"}));
}

std::vector<std::string> completions(const Sandbox& box, const std::vector<std::string>& words) {
    std::vector<std::string> args{"__complete", "--"};
    args.insert(args.end(), words.begin(), words.end());
    std::vector<std::string> out;
    for (const auto& line : lines_of(box.ok(args))) out.push_back(line.substr(0, line.find('\t')));
    return out;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

struct ConfigKey {
    std::string key, type, default_value;
};

std::vector<ConfigKey> config_keys(const Sandbox& box) {
    std::vector<ConfigKey> keys;
    for (const auto& line : lines_of(box.ok({"__dump", "config-keys"}))) {
        auto first = line.find('\t'), second = line.find('\t', first + 1), third = line.find('\t', second + 1);
        keys.push_back({line.substr(0, first), line.substr(first + 1, second - first - 1),
                        line.substr(second + 1, third - second - 1)});
    }
    return keys;
}

}  // namespace

TEST_CASE("every command and long option in the parser is in the man page") {
    Sandbox box;
    auto sections = man_sections();
    const auto& globals = sections["GLOBAL OPTIONS"];
    REQUIRE(!globals.empty());
    auto lines = parser_lines(box);
    CHECK(lines.size() > 50);
    for (const auto& line : lines) {
        CAPTURE(line);
        auto dash = line.find(" --");
        if (dash == std::string::npos) {  // kith due
            std::string missing = "no .SS \"" + line + " …\" section";
            CHECK_MESSAGE(!command_section(sections, line.substr(5)).empty(), missing);
        } else if (dash == 4) {  // kith --db: a global option
            CHECK(globals.find(line.substr(5)) != std::string::npos);
        } else {
            auto command = line.substr(5, dash - 5);
            auto option = line.substr(dash + 1);
            if (option == "--help") continue;  // COMMANDS says once that every command takes --help
            std::string missing = option + " is not described under kith " + command;
            CHECK_MESSAGE(command_section(sections, command).find(option) != std::string::npos, missing);
        }
    }
    CHECK(sections["COMMANDS"].find("--help") != std::string::npos);
}

namespace {

// "--within", "--tag" … in a line of the page as the reader sees it.
std::vector<std::string> long_options_in(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t at = text.find("--"); at != std::string::npos; at = text.find("--", at + 2)) {
        std::size_t end = at + 2;
        while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '-')) ++end;
        if (end > at + 2 && (at == 0 || text[at - 1] != '-')) out.push_back(text.substr(at, end - at));
    }
    return out;
}

// What the page says kith has: "kith due" for each command it describes (its .SS headings and
// the SYNOPSIS), and "kith due --within" for each option it lists under a command (the
// .TP items of its section), "kith --db" for the GLOBAL OPTIONS.
std::vector<std::string> man_claims() {
    std::vector<std::string> claims;
    std::string command;     // "kith due", or "kith" in GLOBAL OPTIONS, or "" elsewhere
    bool synopsis = false, item = false;
    for (const auto& line : lines_of(source_file("man/kith.1"))) {
        const auto text = render_line(line);
        if (line.rfind(".SH ", 0) == 0 || line.rfind(".SS ", 0) == 0) {
            synopsis = text == "SYNOPSIS";
            command = text == "GLOBAL OPTIONS" ? "kith" : "";
            if (text.rfind("kith ", 0) == 0) {
                command = "kith " + text.substr(5, text.find(' ', 5) - 5);
                claims.push_back(command);
            }
            continue;
        }
        if (synopsis && line.rfind(".B kith ", 0) == 0) claims.push_back(text.substr(0, text.find(' ', 5)));
        if (item && !command.empty())
            for (const auto& option : long_options_in(text)) claims.push_back(command + " " + option);
        item = line == ".TP";
    }
    return claims;
}

}  // namespace

TEST_CASE("every command and option the man page names is in the parser") {
    Sandbox box;
    const auto lines = parser_lines(box);
    const auto claims = man_claims();
    CHECK(claims.size() > 50);
    for (const auto& claim : claims) {
        CAPTURE(claim);
        const auto dash = claim.find(" --");
        // A command's section may list a global option (--format is not one; --db is).
        const bool global = dash != std::string::npos && has(lines, "kith" + claim.substr(dash));
        std::string missing = claim + " is in the man page but not in the binary";
        CHECK_MESSAGE((has(lines, claim) || global || claim.ends_with(" --help")), missing);
    }
}

TEST_CASE("the man page and README say nothing is planned that is there, and no stray synopsis") {
    auto page = source_file("man/kith.1") + source_file("README.md");
    for (std::string stale : {"are planned", "is planned", "this release", "not part of"}) {
        CAPTURE(stale);
        CHECK(page.find(stale) == std::string::npos);
    }
    // A "\\fB" once written as a form feed and "B" showed `kith import [FILE | B-R]`.
    CHECK(std::none_of(page.begin(), page.end(), [](char c) { return c != '\n' && std::iscntrl(static_cast<unsigned char>(c)); }));
}

TEST_CASE("every command and long option in the parser completes") {
    Sandbox box;
    auto commands = completions(box, {""});
    auto globals = completions(box, {"--"});
    for (const auto& line : parser_lines(box)) {
        CAPTURE(line);
        auto dash = line.find(" --");
        if (dash == std::string::npos) {
            CHECK(has(commands, line.substr(5)));
        } else if (dash == 4) {
            CHECK(has(globals, line.substr(5)));
        } else {
            CHECK(has(completions(box, {line.substr(5, dash - 5), "--"}), line.substr(dash + 1)));
        }
    }
}

TEST_CASE("the completion scripts ask kith __complete rather than listing commands themselves") {
    for (std::string script : {"completions/kith.bash", "completions/_kith", "completions/kith.fish"}) {
        CAPTURE(script);
        auto text = source_file(script);
        CHECK(text.find("__complete --") != std::string::npos);
        CHECK(text.find("remind") == std::string::npos);  // no copy of the command list to drift
    }
}

TEST_CASE("every config key is in the man page's CONFIGURATION section with its default") {
    Sandbox box;
    auto configuration = man_sections()["CONFIGURATION"];
    REQUIRE(!configuration.empty());
    auto keys = config_keys(box);
    CHECK(keys.size() >= 9);
    for (const auto& key : keys) {
        CAPTURE(key.key);
        CHECK(configuration.find(key.key) != std::string::npos);
        if (key.default_value.front() != '(') {  // not "(none)": "due.limit (integer …; default 10)"
            CHECK(configuration.find(key.key + " (" + key.type) != std::string::npos);
            CHECK(configuration.find("default " + key.default_value + ")") != std::string::npos);
        }
    }
}

TEST_CASE("examples/config.toml holds every config key and loads without a warning") {
    Sandbox box;
    auto example = source_file("examples/config.toml");
    for (const auto& key : config_keys(box)) {
        CAPTURE(key.key);
        auto dot = key.key.rfind('.');
        auto table = dot == std::string::npos ? "" : key.key.substr(0, dot);
        auto name = key.key.substr(dot == std::string::npos ? 0 : dot + 1);
        if (name == "TAG" || name == "LABEL") {  // cadence.TAG: a [cadence] table
            CHECK(example.find("[" + table + "]\n") != std::string::npos);
        } else if (key.type == "array of tables") {
            CHECK(example.find("[[" + key.key + "]]\n") != std::string::npos);
        } else {
            if (!table.empty()) CHECK(example.find("\n[" + table + "]\n") != std::string::npos);
            bool set = example.find("\n" + name + " = ") != std::string::npos;
            bool shown = example.find("\n# " + name + " = ") != std::string::npos;
            CHECK((set || shown));
        }
    }
    box.write_file(box.config, example);
    auto result = box.run({"config"});
    CHECK(result.code == 0);
    CHECK(result.err.empty());
}
