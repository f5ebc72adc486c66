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

std::optional<std::string> xdg_home(const Environment& env, const char* variable, const char* fallback) {
    // The XDG spec says relative values are invalid and must be ignored.
    if (auto value = env.get(variable); value && value->front() == '/') return *value;
    auto home = env.get("HOME");
    if (!home) return std::nullopt;
    return *home + "/" + fallback;
}

}  // namespace

std::string default_data_path(const Environment& env) {
    auto home = xdg_home(env, "XDG_DATA_HOME", ".local/share");
    if (!home) throw runtime_error("neither $XDG_DATA_HOME nor $HOME is set: give the database with --db or KITH_DB");
    return *home + "/kith/kith.db";
}

std::optional<std::string> default_config_path(const Environment& env) {
    auto home = xdg_home(env, "XDG_CONFIG_HOME", ".config");
    if (!home) return std::nullopt;
    return *home + "/kith/config.toml";
}

std::optional<std::string> default_cache_dir(const Environment& env) {
    auto home = xdg_home(env, "XDG_CACHE_HOME", ".cache");
    if (!home) return std::nullopt;
    return *home + "/kith";
}

std::string expand_home(const std::string& path, const Environment& env) {
    if (path == "~" || path.rfind("~/", 0) == 0) {
        if (auto home = env.get("HOME")) return *home + path.substr(1);
    }
    return path;
}

}  // namespace kith
