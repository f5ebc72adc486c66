#include "questions/rule_json.h"

#include <optional>
#include <string>
#include <vector>


namespace kith::questions {

namespace {

using json = nlohmann::json;

json interval_json(const std::optional<Interval>& interval) {
    return interval ? json(format_interval(*interval)) : json();
}

Interval interval_of(const json& text) {
    auto interval = parse_interval(text.get<std::string>());
    if (!interval) throw json::other_error::create(501, "not an interval: " + text.get<std::string>(), &text);
    return *interval;
}

std::optional<Interval> optional_interval(const json& text) {
    if (text.is_null()) return std::nullopt;
    return interval_of(text);
}

}  // namespace

json rule_to_json(const QuestionRule& rule) {
    json later = json::array();
    for (const auto& question : rule.later)
        later.push_back({{"from", format_interval(question.from)}, {"to", format_interval(question.to)}, {"ask", question.ask}});
    return {{"id", rule.id},
            {"match", rule.match},
            {"ask", rule.ask},
            {"min_age", interval_json(rule.min_age)},
            {"max_age", interval_json(rule.max_age)},
            {"kind", rule.kind},
            {"sensitive", rule.sensitive},
            {"good_news", rule.good_news},
            {"hold_banks", rule.hold_banks},
            {"recovery", rule.recovery},
            {"about_them", rule.about_them},
            {"answers", rule.answers},
            {"phrase", rule.phrase},
            {"before", rule.before},
            {"on", rule.on},
            {"after", rule.after},
            {"congrats", rule.congrats},
            {"during", rule.during},
            {"later", std::move(later)},
            {"after_for", interval_json(rule.after_for)},
            {"before_for", interval_json(rule.before_for)},
            {"during_for", interval_json(rule.during_for)}};
}

QuestionRule rule_from_json(const json& in) {
    QuestionRule rule;
    rule.id = in.at("id").get<std::string>();
    rule.match = in.at("match").get<std::string>();
    rule.ask = in.at("ask").get<std::string>();
    rule.min_age = optional_interval(in.at("min_age"));
    rule.max_age = optional_interval(in.at("max_age"));
    rule.kind = in.at("kind").get<std::string>();
    rule.sensitive = in.at("sensitive").get<bool>();
    rule.good_news = in.at("good_news").get<bool>();
    rule.hold_banks = in.at("hold_banks").get<bool>();
    rule.recovery = in.at("recovery").get<bool>();
    rule.about_them = in.at("about_them").get<bool>();
    rule.answers = in.value("answers", std::vector<std::string>{});
    // A book saved before a phrase could be a list holds one string.
    const auto& phrase = in.at("phrase");
    rule.phrase = phrase.is_string() ? std::vector<std::string>{phrase.get<std::string>()}
                                     : phrase.get<std::vector<std::string>>();
    rule.before = in.at("before").get<std::vector<std::string>>();
    rule.on = in.at("on").get<std::vector<std::string>>();
    rule.after = in.at("after").get<std::vector<std::string>>();
    rule.congrats = in.at("congrats").get<std::vector<std::string>>();
    rule.during = in.at("during").get<std::vector<std::string>>();
    for (const auto& later : in.at("later"))
        rule.later.push_back({interval_of(later.at("from")), interval_of(later.at("to")), later.at("ask").get<std::string>()});
    rule.after_for = optional_interval(in.at("after_for"));
    rule.before_for = optional_interval(in.at("before_for"));
    rule.during_for = optional_interval(in.at("during_for"));
    return rule;
}

}  // namespace kith::questions
