// What the due and agenda renderers share: the pieces of a reason's sentence and its JSON.
#pragma once

#include <string>

#include "json_shape/json_shape.h"
#include "kith/model.h"

namespace kith::output {

std::string plural(int n, const char* unit);  // "1 day", "3 days"
// A note's or reminder's text in one short line.
std::string excerpt(const std::string& text);
// A check-in's "last spoke 2026-10-01" or "never logged, added 2026-09-01".
std::string last_spoke(const DueReason& reason);
// "today", "yesterday", "5 days ago", "3 weeks ago"
std::string since(Date noted, Date today);
// A promise's time: "due Fri", "2 days late: due 2026-11-27", or with no deadline "noted 3 days ago".
std::string promise_when(const DueReason& reason, Date today);
// A care reason's words: "check in after their loss", "check in gently: a hard time for them".
std::string care_line(const DueReason& reason);
// What an anniversary is called (event_name, kith/model.h): "anniversary", "wedding anniversary", "first date".
std::string anniversary_name(const DueReason& reason);
// "anniversary (11 years)", "wedding anniversary": what and, when its year is known, how many years.
std::string anniversary_line(const DueReason& reason);
// A reason's kind as JSON and TSV name it: birthday, anniversary, reminder, checkin, event,
// follow_up, promise, mistake, care.
const char* kind_name(DueReason::Kind kind);
// A reason's fields, each named here once; `summary` is describe_reason's sentence.
json_shape::Json reason_json(const DueReason& reason, Date today);

}  // namespace kith::output
