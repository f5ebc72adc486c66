// Where kith keeps its files (SPEC §6): flags beat environment beat config beat XDG defaults.
#pragma once

#include <optional>
#include <string>

namespace kith {

struct Environment {
    std::optional<std::string> get(const char* name) const;  // unset or empty → nullopt
};

std::string default_data_path(const Environment& env);    // $XDG_DATA_HOME/kith/kith.db
std::string default_config_path(const Environment& env);  // $XDG_CONFIG_HOME/kith/config.toml

// Expands a leading ~/ to $HOME.
std::string expand_home(const std::string& path, const Environment& env);

}  // namespace kith
