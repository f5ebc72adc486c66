// `kith agenda`: the days ahead, day by day (SPEC §4a), for a weekly review.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "kith/model.h"
#include "kith/store.h"

namespace kith {

struct AgendaOptions {
    Date today{};
    Interval within{2, Interval::Unit::weeks};  // from today through today + within, both included
    std::size_t limit = 100;                    // at most this many items, the soonest
    std::vector<std::pair<std::string, Cadence>> tag_cadences;  // default cadence by tag
    Interval follow_up{30, Interval::Unit::days};          // as `due` counts passed events late
    Interval birthday_window{7, Interval::Unit::days};     // as `due` lets `log --asked b` count
};

// Longest window: one day-by-day list of a whole year is already more than a review.
inline constexpr Interval agenda_max_within{1, Interval::Unit::years};

// The agenda: read from the store's date indexes over the window only, so its cost follows
// what falls in the window (cut to `limit`), never the size of the book.
Agenda agenda(Store& store, const AgendaOptions& options);

}  // namespace kith
