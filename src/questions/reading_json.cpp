// A reading as it is stored with its note, and as `kith note` tells the user what it understood.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "kith/questions.h"

namespace kith {

namespace {

using json = nlohmann::json;

std::optional<Date> date_from(const json& object, const char* key) {
    auto found = object.find(key);
    if (found == object.end() || !found->is_string()) return std::nullopt;
    auto parsed = parse_iso_date(found->get<std::string>());
    if (!parsed) return std::nullopt;
    return *parsed;
}

}  // namespace

std::string reading_to_json(const Reading& reading) {
    json out{{"kind", reading.kind}};
    if (!reading.rule.empty()) out["rule"] = reading.rule;
    if (!reading.relation.empty()) out["relation"] = reading.relation;
    if (!reading.name.empty()) out["name"] = reading.name;
    if (!reading.phrase.empty()) out["phrase"] = reading.phrase;
    if (reading.when) out["when"] = format_iso(*reading.when);
    if (reading.month_only) out["month_only"] = true;
    if (reading.history) out["history"] = true;
    if (reading.negated) out["negated"] = true;
    if (reading.sensitive) out["sensitive"] = true;
    if (reading.do_not_raise) out["do_not_raise"] = true;
    if (reading.quiet_until) out["quiet_until"] = format_iso(*reading.quiet_until);
    if (reading.hold_banks) out["hold_banks"] = true;
    if (reading.cancels) out["cancels"] = true;
    if (!reading.also.empty()) out["also"] = reading.also;
    if (!reading.answers.empty()) out["answers"] = reading.answers;
    json questions = json::array();
    for (const auto& planned : reading.questions)
        questions.push_back({{"source", std::string(1, planned.source)},
                             {"key", planned.key},
                             {"text", planned.text},
                             {"from", format_iso(planned.from)},
                             {"until", format_iso(planned.until)}});
    out["questions"] = std::move(questions);
    return out.dump();
}

std::optional<Reading> reading_from_json(std::string_view text) {
    auto object = json::parse(text, nullptr, false);
    if (!object.is_object()) return std::nullopt;
    Reading reading;
    auto text_of = [&](const char* key) {
        auto found = object.find(key);
        return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
    };
    auto flag = [&](const char* key) {
        auto found = object.find(key);
        return found != object.end() && found->is_boolean() && found->get<bool>();
    };
    reading.kind = text_of("kind");
    reading.rule = text_of("rule");
    reading.relation = text_of("relation");
    reading.name = text_of("name");
    reading.phrase = text_of("phrase");
    reading.when = date_from(object, "when");
    reading.month_only = flag("month_only");
    reading.history = flag("history");
    reading.negated = flag("negated");
    reading.sensitive = flag("sensitive");
    reading.do_not_raise = flag("do_not_raise");
    reading.quiet_until = date_from(object, "quiet_until");
    reading.hold_banks = flag("hold_banks");
    reading.cancels = flag("cancels");
    if (auto answers = object.find("answers"); answers != object.end() && answers->is_array())
        for (const auto& name : *answers)
            if (name.is_string()) reading.answers.push_back(name.get<std::string>());
    if (auto also = object.find("also"); also != object.end() && also->is_array())
        for (const auto& name : *also)
            if (name.is_string()) reading.also.push_back(name.get<std::string>());
    if (auto questions = object.find("questions"); questions != object.end() && questions->is_array()) {
        for (const auto& item : *questions) {
            if (!item.is_object()) return std::nullopt;
            PlannedQuestion planned;
            const auto source = item.value("source", std::string("r"));
            planned.source = source.empty() ? 'r' : source[0];
            planned.key = item.value("key", std::string());
            planned.text = item.value("text", std::string());
            auto from = date_from(item, "from");
            auto until = date_from(item, "until");
            if (!from || !until || planned.text.empty()) return std::nullopt;
            planned.from = *from;
            planned.until = *until;
            reading.questions.push_back(std::move(planned));
        }
    }
    return reading;
}

Reading reading_of(const Note& note, const RuleBook& rules, const Circle& circle) {
    if (!note.reading.empty() && note.read_with == rules.fingerprint())
        if (auto stored = reading_from_json(note.reading)) return *stored;
    return read_note(note, rules, circle);
}

std::string describe_reading(const Reading& reading, Date today, std::int64_t note_id) {
    if (reading.do_not_raise) return "understood: not to be raised · kith will never ask about it";
    const std::string done = note_id ? fmt::format("`kith done n{}`", note_id) : std::string("`kith done`");
    if (reading.kind == "promise")
        return fmt::format("understood: you promised: {} · it stays in `kith due` until {}", reading.phrase, done);
    if (reading.kind == "mistake") return fmt::format("understood: a mistake of ours ({}) · kith will remind you in a week to check all is well", reading.phrase);
    if (reading.kind == "feedback") return fmt::format("understood: their feedback ({}) · shown with them until you next speak", reading.phrase);
    std::string what = reading.phrase.empty() ? reading.kind : reading.phrase;
    if (reading.quiet_until) what += fmt::format(", kept quiet until {}", format_iso(*reading.quiet_until));
    if (reading.kind == "question") what = "a question to ask them";
    if (reading.negated) what += " (not so)";
    if (reading.history) what += ", long past";
    if (reading.when)
        what += reading.month_only ? fmt::format(", in {}", format_iso(*reading.when).substr(0, 7))
                                   : fmt::format(", on {}", format_iso(*reading.when));
    if (reading.sensitive) what += " · handled gently: never quoted back";
    // The next question it plans, and when.
    const PlannedQuestion* next = nullptr;
    for (const auto& planned : reading.questions) {
        if (planned.until < today) continue;
        if (!next || planned.from < next->from) next = &planned;
    }
    if (!next) return fmt::format("understood: {} · nothing to ask about it", what);
    std::string when = next->from <= today ? "now" : fmt::format("from {}", format_iso(next->from));
    return fmt::format("understood: {} · {}: \"{}\"", what, when, next->text);
}

}  // namespace kith
