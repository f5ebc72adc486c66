// `kith ask` and the questions under each person in `kith due`: the store's records fed to the
// question engine.
#pragma once

#include <string>
#include <vector>

#include "kith/due.h"
#include "kith/questions.h"
#include "kith/store.h"

namespace kith {

struct AskResult {
    Contact contact;
    std::vector<Question> questions;
    InMind mind;  // promises not kept, feedback since you last spoke
};

AskResult ask_questions(Store& store, std::int64_t contact_id, const QuestionSettings& settings, Date today,
                        std::size_t limit);

// Gives every entry up to `per_contact` questions, with one batch of queries for them all.
void fill_questions(Store& store, std::vector<DueEntry>& entries, const QuestionSettings& settings, Date today,
                    std::size_t per_contact);

// `--asked n42,b,t:client:1`: the ids, each checked for shape; usage error naming a bad one.
std::vector<std::string> parse_question_ids(const std::string& list);

// Refuses (usage error) a question id that names nothing kept about this person: a note that is
// not theirs, a birthday or a day you met that kith does not know, a tag bank they are not in.
// The message names what kith suggests for them today.
void check_asked_ids(Store& store, std::int64_t contact_id, const std::vector<std::string>& ids,
                     const QuestionSettings& settings, Date today);

}  // namespace kith
