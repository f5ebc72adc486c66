#include "kith/paths.h"

#include <cstdlib>

#include "kith/error.h"

namespace kith {

std::optional<std::string> Environment::get(const char* name) const {
    const char* value = std::getenv(name);
    if (!value || !*value) return std::nullopt;
    return std::string(value);
}

namespace {

std::string xdg_home(const Environment& env, const char* variable, const char* fallback) {
    // The XDG spec says relative values are invalid and must be ignored.
    if (auto value = env.get(variable); value && value->front() == '/') return *value;
    auto home = env.get("HOME");
    if (!home) throw runtime_error(std::string("neither $") + variable + " nor $HOME is set; use --db");
    return *home + "/" + fallback;
}

}  // namespace

std::string default_data_path(const Environment& env) {
    return xdg_home(env, "XDG_DATA_HOME", ".local/share") + "/kith/kith.db";
}

std::string default_config_path(const Environment& env) {
    return xdg_home(env, "XDG_CONFIG_HOME", ".config") + "/kith/config.toml";
}

std::string expand_home(const std::string& path, const Environment& env) {
    if (path == "~" || path.rfind("~/", 0) == 0) {
        if (auto home = env.get("HOME")) return *home + path.substr(1);
    }
    return path;
}

}  // namespace kith
