// The command line: parses argv, runs one command, maps errors to exit codes (SPEC §8).
#pragma once

namespace kith {

int run_cli(int argc, char** argv);

}  // namespace kith
