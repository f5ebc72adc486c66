// Where kith keeps its files (SPEC §6): flags beat environment beat config beat XDG defaults.
#pragma once

#include <optional>
#include <string>

namespace kith {

struct Environment {
    std::optional<std::string> get(const char* name) const;  // unset or empty → nullopt
};

// $XDG_DATA_HOME/kith/kith.db; a runtime error when neither that nor $HOME is set.
std::string default_data_path(const Environment& env);
// $XDG_CONFIG_HOME/kith/config.toml; nothing when neither that nor $HOME is set (a systemd unit,
// `env -i`), which means the defaults.
std::optional<std::string> default_config_path(const Environment& env);

// $XDG_CACHE_HOME/kith: what kith can make again (the question rules' prefilter); nothing when
// neither that nor $HOME is set.
std::optional<std::string> default_cache_dir(const Environment& env);

// Expands a leading ~/ to $HOME.
std::string expand_home(const std::string& path, const Environment& env);

}  // namespace kith
