// A question rule as JSON, and back: what a rule book's fingerprint hashes and what the saved
// book keeps (see RuleBook::saved). Private to the questions module.
#pragma once

#include <nlohmann/json.hpp>

#include "kith/questions.h"

namespace kith::questions {

// Every field but `source` (where a user wrote it: moving a rule in the config file changes
// no reading).
nlohmann::json rule_to_json(const QuestionRule& rule);
// The rule rule_to_json gave; throws nlohmann::json::exception for any other shape.
QuestionRule rule_from_json(const nlohmann::json& json);

}  // namespace kith::questions
