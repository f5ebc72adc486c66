// The few places kith talks to the terminal and to other programs directly.
#pragma once

#include <string>

#include "kith/dates.h"
#include "kith/paths.h"

namespace kith::cli {

bool stdin_is_terminal();
bool stdout_is_terminal();

std::string read_all_stdin();

// Opens $VISUAL or $EDITOR (else vi) on a private temp file holding `initial` and returns what
// was saved. The editor is run directly (no shell), and the file is removed afterwards.
std::string edit_in_editor(const std::string& initial, const Environment& env);

// Asks a yes/no question on stderr and reads the answer from stdin; anything but y/yes is no.
bool confirm(const std::string& question);

// The local calendar date from the system clock: the default for "today".
Date local_today();

}  // namespace kith::cli
