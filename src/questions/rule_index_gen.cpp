// Build-time tool: analyses the built-in question rules' patterns (literal_analysis.cpp),
// builds the scanner for their literals (literal_scanner.cpp), compiles each pattern
// (matcher.cpp) and writes all three as C++ source (builtin_literals.cpp), so that kith
// never does any of it at run time.
// Usage: kith_rule_index_gen OUTPUT.cpp
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "kith/questions.h"
#include "questions/literal_analysis.h"
#include "questions/matcher.h"

namespace {

// A C++ string literal for any bytes: octal escapes for all but plain printable ASCII, so no
// escape can run into the character after it.
std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte >= 0x20 && byte < 0x7f && c != '?') {  // '?' could start a trigraph
            out += c;
        } else {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\%03o", byte);
            out += escape;
        }
    }
    return out + "\"";
}

template <class Numbers>
std::string array(const char* type, const char* name, const Numbers& numbers) {
    std::ostringstream out;
    out << "constexpr " << type << " " << name << "[] = {";
    std::size_t column = 0;
    for (const auto n : numbers) {
        out << (column++ % 16 == 0 ? "\n    " : " ") << static_cast<long>(n) << ",";
    }
    if (column == 0) out << "0";  // no zero-length arrays
    out << "\n};\n";
    return out.str();
}

// The built-in rules' compiled patterns as tables for Matcher::from_tables().
std::string matchers(const std::vector<kith::QuestionRule>& rules) {
    using kith::questions::Matcher;
    std::ostringstream program, sets, index;
    std::size_t instructions = 0, set_count = 0;
    for (const auto& rule : rules) {
        const auto compiled = Matcher::compile(rule.match);
        if (!compiled) {
            index << "    {0, 0, 0, 0, 0, false},\n";
            continue;
        }
        index << "    {" << instructions << ", " << compiled->program().size() << ", " << set_count << ", "
              << compiled->sets().size() << ", " << compiled->groups() << ", true},\n";
        for (const auto& i : compiled->program()) {
            program << (instructions++ % 4 == 0 ? "\n    " : " ") << "{Op(" << static_cast<int>(i.op) << "), "
                    << (i.negate ? "true" : "false") << ", " << i.x << ", " << i.y << "},";
        }
        for (const auto& bits : compiled->sets()) {
            sets << "\n    {{";
            for (const auto word : bits) sets << word << "ULL, ";
            sets << "}},";
            ++set_count;
        }
    }
    if (instructions == 0) program << "{}";
    if (set_count == 0) sets << "{}";
    return "using Op = Matcher::Op;\n"
           "constexpr Matcher::Instruction program[] = {" + program.str() + "\n};\n"
           "constexpr Matcher::ByteSet byte_sets[] = {" + sets.str() + "\n};\n"
           "// Rule r's program, sets and groups; `compiled` false when Matcher::compile() refused it.\n"
           "struct CompiledRule {\n"
           "    std::size_t program_first, program_size, sets_first, sets_size, groups;\n"
           "    bool compiled;\n"
           "};\n"
           "constexpr CompiledRule compiled_rules[] = {\n" + index.str() + "};\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: kith_rule_index_gen OUTPUT.cpp\n";
        return 2;
    }
    using kith::questions::LiteralSet;
    const auto& builtin = kith::builtin_question_rules();

    // Strings by id: first the literals rules require, ids given in the order the engine
    // would give them, then the prefixes' strings (which the scanner does not look for).
    std::vector<kith::questions::PatternLiterals> analyses;
    std::vector<std::string> strings;
    std::map<std::string, std::size_t> ids;
    auto id_of = [&](const std::string& s) {
        auto [at, added] = ids.emplace(s, strings.size());
        if (added) strings.push_back(s);
        return at->second;
    };
    for (const auto& rule : builtin) {
        analyses.push_back(kith::questions::analyse_literals(rule.match));
        for (const auto& set : analyses.back().required)
            for (const auto& literal : set) id_of(literal);
    }
    const std::size_t literal_count = strings.size();
    const kith::questions::LiteralScanner scanner(
        std::vector<std::string>(strings.begin(), strings.end()));

    std::vector<std::size_t> set_ids, set_first{0}, rule_sets, rule_first{0};
    std::vector<long> rule_prefix;
    auto add_set = [&](const LiteralSet& set) {
        for (const auto& s : set) set_ids.push_back(id_of(s));
        set_first.push_back(set_ids.size());
        return set_first.size() - 2;
    };
    for (const auto& analysis : analyses) {
        for (const auto& set : analysis.required) rule_sets.push_back(add_set(set));
        rule_first.push_back(rule_sets.size());
        rule_prefix.push_back(analysis.prefix ? static_cast<long>(add_set(*analysis.prefix)) : -1L);
    }

    const auto& t = scanner.tables();
    std::ostringstream out;
    out << "// Generated by kith_rule_index_gen (src/questions/rule_index_gen.cpp) from\n"
           "// src/questions/builtin_rules.cpp when kith is built. Do not edit.\n"
           "#include \"questions/literal_analysis.h\"\n"
           "#include \"questions/matcher.h\"\n\n"
           "namespace kith::questions {\n"
           "namespace {\n\n"
           "constexpr std::size_t literal_count = "
        << literal_count << ";\n\nconstexpr std::string_view strings[] = {\n";
    for (const auto& s : strings) out << "    " << quoted(s) << ",\n";
    if (strings.empty()) out << "    \"\",\n";
    out << "};\n\n"
        << "// Sets of strings: set_ids[set_first[k] .. set_first[k + 1]) is set k.\n"
        << array("std::size_t", "set_ids", set_ids) << array("std::size_t", "set_first", set_first)
        << "// Rule r requires sets rule_sets[rule_first[r] .. rule_first[r + 1]); its prefix is a set or -1.\n"
        << array("std::size_t", "rule_sets", rule_sets) << array("std::size_t", "rule_first", rule_first)
        << array("long", "rule_prefix", rule_prefix) << "\n// The scanner over strings[0 .. literal_count).\n"
        << array("std::int32_t", "edge_first", t.edge_first)
        << array("unsigned char", "edge_bytes", t.edge_bytes)
        << array("std::int32_t", "edge_targets", t.edge_targets) << array("std::int32_t", "fallback", t.fallback)
        << array("std::int32_t", "literal", t.literal) << array("std::int32_t", "also", t.also)
        << array("std::int32_t", "root", t.root) << "\n// The rules' patterns, compiled.\n"
        << matchers(builtin) << R"(
LiteralSet strings_of(std::size_t set) {
    LiteralSet out;
    for (std::size_t i = set_first[set]; i < set_first[set + 1]; ++i) out.emplace_back(strings[set_ids[i]]);
    return out;
}

}  // namespace

std::size_t builtin_literals_count() { return std::size(rule_prefix); }

PatternLiterals builtin_literals(std::size_t rule) {
    PatternLiterals out;
    for (std::size_t k = rule_first[rule]; k < rule_first[rule + 1]; ++k) out.required.push_back(strings_of(rule_sets[k]));
    if (rule_prefix[rule] >= 0) out.prefix = strings_of(static_cast<std::size_t>(rule_prefix[rule]));
    return out;
}

std::vector<std::span<const std::size_t>> builtin_required_sets(std::size_t rule) {
    std::vector<std::span<const std::size_t>> out;
    for (std::size_t k = rule_first[rule]; k < rule_first[rule + 1]; ++k)
        out.emplace_back(set_ids + set_first[rule_sets[k]], set_ids + set_first[rule_sets[k] + 1]);
    return out;
}

std::optional<std::vector<std::string_view>> builtin_prefix_strings(std::size_t rule) {
    if (rule_prefix[rule] < 0) return std::nullopt;
    const auto set = static_cast<std::size_t>(rule_prefix[rule]);
    std::vector<std::string_view> out;
    for (std::size_t i = set_first[set]; i < set_first[set + 1]; ++i) out.push_back(strings[set_ids[i]]);
    return out;
}

std::span<const std::string_view> builtin_literal_strings() { return {strings, literal_count}; }

LiteralScanner::Tables builtin_scanner_tables() {
    return {literal_count, edge_first, edge_bytes, edge_targets, fallback, literal, also, root};
}

std::optional<Matcher> builtin_matcher(std::size_t rule) {
    const auto& c = compiled_rules[rule];
    if (!c.compiled) return std::nullopt;
    return Matcher::from_tables({program + c.program_first, c.program_size}, {byte_sets + c.sets_first, c.sets_size},
                                c.groups);
}

}  // namespace kith::questions
)";
    std::ofstream file(argv[1], std::ios::binary | std::ios::trunc);
    file << out.str();
    file.close();
    if (!file) {
        std::cerr << "kith_rule_index_gen: cannot write " << argv[1] << "\n";
        return 1;
    }
    return 0;
}
