// The matcher of matcher.h: a pattern is parsed into a tree, the tree is emitted as a small
// program (one instruction per byte, class, assertion, choice or capture), and the program is
// run by a backtracking machine that tries choices in the order std::regex's ECMAScript
// executor does: alternatives left to right, greedy loops longest first, lazy ones shortest
// first, every optional copy of a counted repeat skipping to the repeat's end.
#include "questions/matcher.h"

#include <memory>
#include <string>
#include <utility>

#include "questions/quantifier.h"

namespace kith::questions {
namespace {

constexpr std::size_t step_budget = 2'000'000;  // per search: a pattern gone wild is no match

char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// The classes of the "C" locale, the only one kith runs in.
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_word(char c) { return is_alpha(c) || is_digit(c) || c == '_'; }
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

enum class Class { word, space, digit };

bool in_class(char c, Class k) {
    switch (k) {
        case Class::word: return is_word(c);
        case Class::space: return is_space(c);
        case Class::digit: return is_digit(c);
    }
    return false;
}

using Bits = std::array<std::uint64_t, 4>;

bool test(const Bits& bits, unsigned char b) { return (bits[b >> 6] >> (b & 63)) & 1U; }
void set_bit(Bits& bits, unsigned char b) { bits[b >> 6] |= std::uint64_t{1} << (b & 63); }

// A bracket expression as libstdc++ evaluates it with icase: a byte matches when its folded
// form is one of the characters, it or its other case lies in a range (compared as signed
// char, as there), it is in a class, or it is outside a negated class.
struct Bracket {
    bool negated = false;
    std::vector<char> chars;
    std::vector<std::pair<char, char>> ranges;
    std::vector<Class> classes, negated_classes;

    Bits bits() const {
        Bits out{};
        for (int b = 0; b < 256; ++b) {
            const char c = static_cast<char>(b);
            bool match = false;
            for (char k : chars) match = match || fold(k) == fold(c);
            for (auto [lo, hi] : ranges)
                match = match || (lo <= fold(c) && fold(c) <= hi) || (lo <= upper(c) && upper(c) <= hi);
            for (Class k : classes) match = match || in_class(c, k);
            for (Class k : negated_classes) match = match || !in_class(c, k);
            if (match != negated) set_bit(out, static_cast<unsigned char>(b));
        }
        return out;
    }
};

struct Node {
    enum class Kind { empty, byte, literal, set, any, bol, eol, word, not_word, group, look, repeat, concat, alternation };
    Kind kind = Kind::empty;
    char byte = 0;
    std::string text;  // literal: folded bytes, one after another
    Bits bits{};
    int capture = -1;    // group: its number, or -1 for (?:…)
    bool negate = false;  // look
    std::size_t min = 1, max = 1;
    bool greedy = true;
    std::vector<Node> children;
};

class Parser {
public:
    explicit Parser(std::string_view pattern) : p_(pattern) {}

    std::optional<Node> run() {
        Node root = disjunction();
        if (failed_ || pos_ != p_.size()) return std::nullopt;
        return root;
    }
    int captures() const { return captures_; }

private:
    std::string_view p_;
    std::size_t pos_ = 0;
    bool failed_ = false;
    int captures_ = 0;
    int depth_ = 0;  // groups open

    bool at_end() const { return pos_ >= p_.size(); }
    char peek() const { return at_end() ? '\0' : p_[pos_]; }
    Node fail() {
        failed_ = true;
        pos_ = p_.size();
        return {};
    }

    Node disjunction() {
        Node first = alternative();
        if (peek() != '|') return first;
        Node out;
        out.kind = Node::Kind::alternation;
        out.children.push_back(std::move(first));
        while (!failed_ && peek() == '|') {
            ++pos_;
            out.children.push_back(alternative());
        }
        return out;
    }

    static bool quantifier(char c) { return c == '*' || c == '+' || c == '?' || c == '{'; }
    static bool plain(char c) { return std::string_view("^$\\.*+?()[]{}|").find(c) == std::string_view::npos; }

    Node alternative() {
        Node out;
        out.kind = Node::Kind::concat;
        while (!failed_ && !at_end() && peek() != '|' && peek() != ')') {
            // A run of plain characters is one node: the stop-word lists are long alternations
            // of them.
            if (plain(peek()) && !(pos_ + 1 < p_.size() && quantifier(p_[pos_ + 1]))) {
                if (out.children.empty() || out.children.back().kind != Node::Kind::literal)
                    out.children.push_back(simple(Node::Kind::literal));
                out.children.back().text += fold(p_[pos_++]);
                continue;
            }
            out.children.push_back(term());
        }
        if (out.children.size() == 1) return std::move(out.children.front());  // no wrapper for one
        return out;
    }

    Node simple(Node::Kind kind) {
        Node out;
        out.kind = kind;
        return out;
    }

    Node term() {
        const char c = peek();
        Node atom_node;
        if (c == '^' || c == '$') {
            ++pos_;
            return simple(c == '^' ? Node::Kind::bol : Node::Kind::eol);
        }
        if (c == '\\' && pos_ + 1 < p_.size() && (p_[pos_ + 1] == 'b' || p_[pos_ + 1] == 'B')) {
            pos_ += 2;
            return simple(p_[pos_ - 1] == 'b' ? Node::Kind::word : Node::Kind::not_word);
        }
        if (c == '(' && pos_ + 2 < p_.size() && p_[pos_ + 1] == '?' && (p_[pos_ + 2] == '=' || p_[pos_ + 2] == '!')) {
            if (++depth_ > 100) return fail();
            pos_ += 3;
            Node look = simple(Node::Kind::look);
            look.negate = p_[pos_ - 1] == '!';
            look.children.push_back(disjunction());
            if (failed_ || peek() != ')') return fail();
            ++pos_;
            --depth_;
            return look;  // not quantified: a quantifier after it is refused by atom()
        }
        atom_node = atom();
        if (failed_) return atom_node;
        return quantified(std::move(atom_node));
    }

    Node quantified(Node body) {
        Quantifier q;
        switch (read_quantifier(p_, pos_, q)) {
            case Quantifier::Read::none: return body;
            case Quantifier::Read::malformed: return fail();
            case Quantifier::Read::read: break;
        }
        Node out = simple(Node::Kind::repeat);
        out.min = q.min;
        out.max = q.max;
        out.greedy = q.greedy;
        out.children.push_back(std::move(body));
        return out;
    }

    Node byte_node(char c) {
        Node out = simple(Node::Kind::byte);
        out.byte = fold(c);
        return out;
    }

    Node set_node(const Bracket& bracket) {
        Node out = simple(Node::Kind::set);
        out.bits = bracket.bits();
        return out;
    }

    Node atom() {
        const char c = peek();
        switch (c) {
            case '(': {
                if (++depth_ > 100) return fail();  // the parser recurses once per level
                ++pos_;
                Node group = simple(Node::Kind::group);
                if (peek() == '?') {
                    if (pos_ + 1 >= p_.size() || p_[pos_ + 1] != ':') return fail();
                    pos_ += 2;
                } else {
                    group.capture = ++captures_;
                }
                group.children.push_back(disjunction());
                if (failed_ || peek() != ')') return fail();
                ++pos_;
                --depth_;
                return group;
            }
            case '[': return bracket();
            case '.': ++pos_; return simple(Node::Kind::any);
            case '\\': {
                ++pos_;
                Bracket bracket;
                if (escape_class(bracket)) return set_node(bracket);
                const auto e = escape_char();
                if (!e) return fail();
                return byte_node(*e);
            }
            case '*': case '+': case '?': case '{': case '}': case ')': case '|': case ']': case '^': case '$':
                return fail();
            default: ++pos_; return byte_node(c);
        }
    }

    // After a backslash: \w \s \d \W \S \D, added to `bracket`.
    bool escape_class(Bracket& bracket) {
        const char e = peek();
        Class k;
        switch (fold(e)) {
            case 'w': k = Class::word; break;
            case 's': k = Class::space; break;
            case 'd': k = Class::digit; break;
            default: return false;
        }
        ++pos_;
        (e >= 'a' ? bracket.classes : bracket.negated_classes).push_back(k);
        return true;
    }

    // After a backslash: the character an escape stands for; nothing for what is refused.
    std::optional<char> escape_char() {
        if (at_end()) return std::nullopt;
        const char e = p_[pos_++];
        switch (e) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case 'f': return '\f';
            case 'v': return '\v';
            case 'x': {
                if (pos_ + 2 > p_.size()) return std::nullopt;
                int value = 0;
                for (int i = 0; i < 2; ++i) {
                    const char h = fold(p_[pos_++]);
                    if (is_digit(h)) value = value * 16 + (h - '0');
                    else if (h >= 'a' && h <= 'f') value = value * 16 + (h - 'a' + 10);
                    else return std::nullopt;
                }
                return static_cast<char>(value);
            }
            default:
                if (is_word(e)) return std::nullopt;  // \0, back-references, \u, \c, \b in a class …
                return e;
        }
    }

    Node bracket() {
        ++pos_;  // [
        Bracket out;
        if (peek() == '^') {
            out.negated = true;
            ++pos_;
        }
        if (peek() == ']') return fail();  // "[]" and "[]a]" read differently by different engines
        while (!at_end() && peek() != ']') {
            std::optional<char> first;
            if (peek() == '[') return fail();  // [:alpha:] and friends
            if (peek() == '\\') {
                ++pos_;
                if (escape_class(out)) continue;
                first = escape_char();
                if (!first) return fail();
            } else {
                first = p_[pos_++];
            }
            // A range, unless the '-' is the last thing in the brackets.
            if (peek() == '-' && pos_ + 1 < p_.size() && p_[pos_ + 1] != ']') {
                ++pos_;
                std::optional<char> last;
                if (peek() == '\\') {
                    ++pos_;
                    last = escape_char();
                } else if (peek() != '[') {
                    last = p_[pos_++];
                }
                if (!last || *first > *last) return fail();
                out.ranges.emplace_back(*first, *last);
            } else {
                out.chars.push_back(*first);
            }
        }
        if (peek() != ']') return fail();
        ++pos_;
        return set_node(out);
    }
};

bool nullable(const Node& n) {
    switch (n.kind) {
        case Node::Kind::byte: case Node::Kind::set: case Node::Kind::any: return false;
        case Node::Kind::literal: return n.text.empty();
        case Node::Kind::group: return nullable(n.children.front());
        case Node::Kind::repeat: return n.min == 0 || nullable(n.children.front());
        case Node::Kind::concat:
            for (const auto& c : n.children)
                if (!nullable(c)) return false;
            return true;
        case Node::Kind::alternation:
            for (const auto& c : n.children)
                if (nullable(c)) return true;
            return false;
        default: return true;  // empty, assertions, lookaheads
    }
}

}  // namespace

class MatcherCompiler {
public:
    explicit MatcherCompiler(Matcher& m) : m_(m) {}

    bool emit(const Node& n) {
        using Op = Matcher::Op;
        switch (n.kind) {
            case Node::Kind::empty: return true;
            case Node::Kind::byte: add({Op::byte, false, static_cast<unsigned char>(n.byte), 0}); return true;
            case Node::Kind::literal:
                for (const char c : n.text) add({Op::byte, false, static_cast<unsigned char>(c), 0});
                return true;
            case Node::Kind::set:
                m_.sets_.push_back(n.bits);
                add({Op::set, false, static_cast<std::uint32_t>(m_.sets_.size() - 1), 0});
                return true;
            case Node::Kind::any: add({Op::any}); return true;
            case Node::Kind::bol: add({Op::bol}); return true;
            case Node::Kind::eol: add({Op::eol}); return true;
            case Node::Kind::word: add({Op::word}); return true;
            case Node::Kind::not_word: add({Op::not_word}); return true;
            case Node::Kind::group:
                if (n.capture < 0) return emit(n.children.front());
                add({Op::save, false, static_cast<std::uint32_t>(2 * n.capture), 0});
                if (!emit(n.children.front())) return false;
                add({Op::save, false, static_cast<std::uint32_t>(2 * n.capture + 1), 0});
                return true;
            case Node::Kind::look: {
                const auto at = add({Op::look, n.negate});
                if (!emit(n.children.front())) return false;
                add({Op::look_end});
                m_.program_[at].x = here();
                return true;
            }
            case Node::Kind::concat:
                for (const auto& c : n.children)
                    if (!emit(c)) return false;
                return true;
            case Node::Kind::alternation: {
                std::vector<std::size_t> jumps;
                for (std::size_t i = 0; i < n.children.size(); ++i) {
                    if (i + 1 < n.children.size()) {
                        const auto split = add({Op::split});
                        m_.program_[split].x = here();
                        if (!emit(n.children[i])) return false;
                        jumps.push_back(add({Op::jump}));
                        m_.program_[split].y = here();
                    } else if (!emit(n.children[i])) {
                        return false;
                    }
                }
                for (auto j : jumps) m_.program_[j].x = here();
                return true;
            }
            case Node::Kind::repeat: {
                const Node& body = n.children.front();
                if (n.max == unbounded && nullable(body)) return false;  // libstdc++ revisits such loops its own way
                if (n.max != unbounded && n.max > 1000) return false;
                for (std::size_t i = 0; i < n.min; ++i)
                    if (!emit(body)) return false;
                if (n.max == unbounded) {
                    const auto split = add({Op::split});
                    if (!emit(body)) return false;
                    add({Op::jump, false, static_cast<std::uint32_t>(split), 0});
                    choose(split, split + 1, here(), n.greedy);
                    return true;
                }
                std::vector<std::size_t> splits;  // each optional copy may skip to the end
                for (std::size_t i = n.min; i < n.max; ++i) {
                    splits.push_back(add({Op::split}));
                    if (!emit(body)) return false;
                }
                for (auto s : splits) choose(s, s + 1, here(), n.greedy);
                return true;
            }
        }
        return false;
    }

    std::uint32_t here() const { return static_cast<std::uint32_t>(m_.program_.size()); }

private:
    Matcher& m_;

    std::size_t add(Matcher::Instruction i) {
        m_.program_.push_back(i);
        return m_.program_.size() - 1;
    }
    void choose(std::size_t split, std::size_t more, std::size_t done, bool greedy) {
        m_.program_[split].x = static_cast<std::uint32_t>(greedy ? more : done);
        m_.program_[split].y = static_cast<std::uint32_t>(greedy ? done : more);
    }
};

std::optional<Matcher> Matcher::compile(std::string_view pattern) {
    Parser parser(pattern);
    auto root = parser.run();
    if (!root) return std::nullopt;
    Matcher m;
    m.groups_ = static_cast<std::size_t>(parser.captures());
    MatcherCompiler compiler(m);
    m.program_.push_back({Op::save, false, 0, 0});
    if (!compiler.emit(*root)) return std::nullopt;
    m.program_.push_back({Op::save, false, 1, 0});
    m.program_.push_back({Op::match});
    m.code_ = m.program_;
    m.classes_ = m.sets_;
    return m;
}

Matcher Matcher::from_tables(std::span<const Instruction> program, std::span<const ByteSet> sets, std::size_t groups) {
    Matcher m;  // reads the tables where they are: copying a built-in rule's tens of kB costs more than running it
    m.code_ = program;
    m.classes_ = sets;
    m.groups_ = groups;
    return m;
}

bool Matcher::run(std::string_view text, std::size_t start, std::size_t pc, bool blind,
                  std::vector<std::ptrdiff_t>& slots, std::size_t& budget) const {
    struct Frame {
        std::uint32_t pc;
        std::ptrdiff_t pos;   // a choice to try: where; a capture to restore: its old value
        std::int32_t slot;    // -1 for a choice
    };
    std::vector<Frame> stack{{static_cast<std::uint32_t>(pc), static_cast<std::ptrdiff_t>(start), -1}};
    const auto size = static_cast<std::ptrdiff_t>(text.size());
    // As in libstdc++, where this run starts, ^ matches and \b sees no character before it
    // when the search had no match_prev_avail: at the start of the text, and, a quirk, where
    // a lookahead begins during a search that started there (it runs as a search of its own).
    const auto begin = static_cast<std::ptrdiff_t>(start);
    auto word_before = [&](std::ptrdiff_t pos) {
        if (pos == begin && blind) return false;
        return pos > 0 && is_word(text[static_cast<std::size_t>(pos - 1)]);
    };
    while (!stack.empty()) {
        const Frame frame = stack.back();
        stack.pop_back();
        if (frame.slot >= 0) {
            slots[static_cast<std::size_t>(frame.slot)] = frame.pos;
            continue;
        }
        std::size_t at = frame.pc;
        std::ptrdiff_t pos = frame.pos;
        for (bool going = true; going;) {
            if (budget == 0) return false;
            --budget;
            const Instruction& i = code_[at];
            switch (i.op) {
                case Op::byte:
                    going = pos < size && fold(text[static_cast<std::size_t>(pos)]) == static_cast<char>(i.x);
                    ++pos, ++at;
                    break;
                case Op::set:
                    going = pos < size && test(classes_[i.x], static_cast<unsigned char>(text[static_cast<std::size_t>(pos)]));
                    ++pos, ++at;
                    break;
                case Op::any:
                    going = pos < size && text[static_cast<std::size_t>(pos)] != '\n' &&
                            text[static_cast<std::size_t>(pos)] != '\r';
                    ++pos, ++at;
                    break;
                case Op::split:
                    stack.push_back({i.y, pos, -1});
                    at = i.x;
                    break;
                case Op::jump: at = i.x; break;
                case Op::save:
                    stack.push_back({0, slots[i.x], static_cast<std::int32_t>(i.x)});
                    slots[i.x] = pos;
                    ++at;
                    break;
                case Op::bol: going = pos == begin && blind; ++at; break;
                case Op::eol: going = pos == size; ++at; break;
                case Op::word:
                case Op::not_word: {
                    const bool after = pos < size && is_word(text[static_cast<std::size_t>(pos)]);
                    going = (word_before(pos) != after) == (i.op == Op::word);
                    ++at;
                    break;
                }
                case Op::look: {
                    const auto saved = slots;
                    const bool found = run(text, static_cast<std::size_t>(pos), at + 1, blind, slots, budget);
                    if (found && !i.negate) {
                        for (std::size_t s = 0; s < slots.size(); ++s)  // keep its captures, undoably
                            if (slots[s] != saved[s]) stack.push_back({0, saved[s], static_cast<std::int32_t>(s)});
                    } else {
                        slots = saved;
                    }
                    going = found != i.negate;
                    at = i.x;
                    break;
                }
                case Op::look_end:
                case Op::match: return true;
            }
        }
    }
    return false;
}

bool Matcher::search(std::string_view text, std::size_t from, bool continuous, Groups& out) const {
    std::vector<std::ptrdiff_t> slots(2 * (groups_ + 1), -1);
    std::size_t budget = step_budget;
    for (std::size_t start = from; start <= text.size(); ++start) {
        std::fill(slots.begin(), slots.end(), -1);
        if (run(text, start, 0, start == 0, slots, budget)) {
            out.assign(groups_ + 1, {});
            for (std::size_t g = 0; g <= groups_; ++g)
                if (slots[2 * g] >= 0 && slots[2 * g + 1] >= 0) out[g] = {slots[2 * g], slots[2 * g + 1]};
            return true;
        }
        if (continuous || budget == 0) break;
    }
    return false;
}

}  // namespace kith::questions
