// The people a person's card names (spouse "Joana Silva", child "Emma", manager "Dana"), as a
// note about them may speak of them: "his wife" is Joana when the card has one spouse, and
// "Joana" is his wife. Private to the questions module.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/model.h"
#include "questions/words.h"

namespace kith::questions {

// Whom on the card a relation word of a note means, by the name to call them ("Joana"; "Emma
// and Jake" for "the kids" of a card with two children): only when the card leaves no doubt —
// one spouse for "wife", the one daughter for "daughter", never a child of unknown sex for "son",
// never one of two children for "the kid".
std::optional<std::string> card_name_for(const Relation& relation, const std::vector<LabeledText>& related);

// Who a name in a note is to the person when their card says so ("Joana" → their spouse), as a
// question would speak of them; nothing when the card names no one by that name, or several.
struct CardRelation {
    std::string relation;  // "partner", "daughter", "manager", or the card's own label
    char gender = 'n';
};
std::optional<CardRelation> card_relation_of(std::string_view name, const std::vector<LabeledText>& related);

}  // namespace kith::questions
