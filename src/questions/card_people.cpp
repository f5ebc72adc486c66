#include "questions/card_people.h"

#include <algorithm>
#include <array>

#include "kith/text.h"

namespace kith::questions {

namespace {

// Relations that name the same people, whatever the word: "wife" and the card's "spouse".
struct Family {
    std::string_view name;
    std::array<std::string_view, 12> says;  // Relation::says of its words, and card labels
    bool one = false;  // a person has one of them: a card's "spouse" is the note's "wife"
};
constexpr std::array families{
    Family{"partner", {"partner", "husband", "wife", "boyfriend", "girlfriend", "fiancé", "fiancée", "spouse"}, true},
    Family{"parent", {"mum", "mom", "mam", "mother", "dad", "father", "parent"}},
    Family{"child", {"child", "kid", "son", "daughter", "baby", "little one", "eldest", "youngest", "teenager",
                     "stepson", "stepdaughter"}},
    Family{"sibling", {"sibling", "brother", "sister"}},
    Family{"boss", {"boss", "manager"}},
    Family{"colleague", {"colleague", "co-worker", "coworker"}},
};

std::string_view family_of(std::string_view says) {
    for (const auto& family : families)
        if (std::ranges::find(family.says, says) != family.says.end()) return family.name;
    return says;  // a relation of its own: "grandma" is the card's "grandma"
}

bool one_of_a_kind(std::string_view family) {
    return std::ranges::any_of(families, [&](const Family& f) { return f.name == family && f.one; });
}

// A card's label as a relation: "spouse", "wife", "Mom", "co-worker".
struct Label {
    std::string says;
    char gender = 'n';
};
Label label_of(std::string_view text) {
    const std::string label = fold_case(trim(text));
    if (const auto* relation = relation_named(label)) return {std::string(relation->says), relation->gender};
    return {label, 'n'};  // "parent", "assistant", "friend": no word of a note, or one of no sex
}

bool is_uri(std::string_view value) {
    const auto colon = value.find(':');
    return colon != std::string_view::npos && colon > 0 && value.find(' ') > colon;  // urn:uuid:…, mailto:…
}

// How a question calls them: the first name ("Joana" of "Joana Silva", "Raj" of "Dr. Raj
// Patel"); the whole of "Emma & Jake"; nothing for a reference that is no name, or a list
// (Outlook's children "Emma, Jake": which of them a note means is not known).
std::string called(std::string_view value) {
    const std::string text = trim(value);
    if (text.empty() || is_uri(text) || text.find_first_of("@,;") != std::string::npos) return {};
    if (text.find('&') != std::string::npos || text.find(" and ") != std::string::npos) return text;
    std::size_t begin = 0;
    while (begin < text.size()) {
        auto end = text.find(' ', begin);
        if (end == std::string::npos) end = text.size();
        const auto word = std::string_view(text).substr(begin, end - begin);
        if (!word.empty() && !word.ends_with('.') && !word.ends_with(',')) return std::string(word);
        begin = end + 1;
    }
    return {};
}

}  // namespace

std::optional<std::string> card_name_for(const Relation& relation, const std::vector<LabeledText>& related) {
    if (relation.animal) return std::nullopt;
    const auto family = relation.plural ? std::string_view("child") : family_of(relation.says);
    if (relation.plural && relation.says != "kids" && relation.says != "children") return std::nullopt;
    std::vector<std::string> names;
    for (const auto& person : related) {
        const Label label = label_of(person.label);
        if (family_of(label.says) != family) continue;
        // "wife" is the card's spouse; "son" is not a child whose sex the card does not say.
        const bool fits = relation.gender == 'n' || label.gender == relation.gender ||
                          (label.gender == 'n' && one_of_a_kind(family));
        if (!fits) continue;
        auto name = called(person.value);
        if (name.empty()) return std::nullopt;  // one of them is known only by reference: no guessing
        names.push_back(std::move(name));
    }
    if (relation.plural) {
        if (names.size() != 2) return std::nullopt;
        return names[0] + " and " + names[1];
    }
    if (names.size() != 1) return std::nullopt;
    return names.front();
}

std::optional<CardRelation> card_relation_of(std::string_view name, const std::vector<LabeledText>& related) {
    const std::string wanted = fold_case(name);
    std::optional<CardRelation> found;
    for (const auto& person : related) {
        const auto first = called(person.value);
        if (first.empty() || (fold_case(first) != wanted && fold_case(trim(person.value)) != wanted)) continue;
        if (found) return std::nullopt;  // two of theirs by that name
        const Label label = label_of(person.label);
        found = CardRelation{label.says, label.gender};
    }
    return found;
}

}  // namespace kith::questions
