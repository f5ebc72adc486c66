// The built-in question rules and tag banks: src/questions/rules.toml, built into kith as the
// file is. The assembler's .incbin reads it when this file is compiled (CMakeLists.txt names
// the path and recompiles this file when rules.toml changes); config/ parses it.
#include "kith/questions.h"

asm(".pushsection .rodata\n"
    ".global kith_builtin_rules_begin\n"
    ".global kith_builtin_rules_end\n"
    "kith_builtin_rules_begin:\n"
    ".incbin \"" KITH_RULES_FILE "\"\n"
    "kith_builtin_rules_end:\n"
    ".popsection\n");

extern "C" const char kith_builtin_rules_begin[];
extern "C" const char kith_builtin_rules_end[];

namespace kith {

std::string_view builtin_rules_toml() {
    return {kith_builtin_rules_begin, static_cast<std::size_t>(kith_builtin_rules_end - kith_builtin_rules_begin)};
}

}  // namespace kith
