// `kith undo`: the newest command of the undo history reverted, or why it cannot be.
#include <fmt/format.h>

#include "kith/core.h"
#include "kith/error.h"

namespace kith {

UndoEntry undo_last(Store& store) {
    store.record_writes({});  // an undo is not itself kept to be undone
    UndoOutcome outcome;
    store.write([&] { outcome = store.undo().revert_newest(); });
    if (!outcome.entry) throw runtime_error("nothing to undo: no command that changed something is in the undo history");
    if (!outcome.refused.empty())
        throw runtime_error(
            fmt::format("cannot undo \"{}\": {}; nothing undone", outcome.entry->what(), outcome.refused));
    return *outcome.entry;
}

std::vector<UndoEntry> undo_history(Store& store) {
    std::vector<UndoEntry> entries;
    store.read([&] { entries = store.undo().history(); });
    return entries;
}

}  // namespace kith
