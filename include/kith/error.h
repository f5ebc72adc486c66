// One error type for the whole program; main() catches it once and maps it to an exit code.
#pragma once

#include <stdexcept>
#include <string>

namespace kith {

// Exit codes are part of the contract (SPEC §8).
enum class ExitCode : int { ok = 0, runtime = 1, usage = 2, not_found = 3 };

class Error : public std::runtime_error {
public:
    Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    ExitCode code() const { return code_; }

private:
    ExitCode code_;
};

inline Error usage_error(const std::string& message) { return Error(ExitCode::usage, message); }
inline Error runtime_error(const std::string& message) { return Error(ExitCode::runtime, message); }
inline Error not_found_error(const std::string& message) { return Error(ExitCode::not_found, message); }

}  // namespace kith
