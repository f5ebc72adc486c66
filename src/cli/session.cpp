#include "cli/session.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <iostream>

#include "cli/terminal.h"
#include "kith/core.h"
#include "kith/error.h"
#include "kith/phone.h"
#include "kith/text.h"

namespace kith::cli {

std::optional<std::string> Session::config_path() {
    if (!options.config.empty()) return options.config;
    if (auto path = env.get("KITH_CONFIG")) return *path;
    return default_config_path(env);
}

std::string Session::config_source() {
    if (!options.config.empty()) return "--config";
    if (env.get("KITH_CONFIG")) return "KITH_CONFIG";
    return "default";
}

const Config& Session::config() {
    if (!loaded_config_) {
        auto path = config_path();
        loaded_config_ = path ? load_config(*path) : LoadedConfig{};
        for (const auto& warning : loaded_config_->warnings) warn(warning);
    }
    return loaded_config_->config;
}

std::string Session::db_path() {
    if (!options.db.empty()) return options.db;
    if (auto path = env.get("KITH_DB")) return *path;
    if (config().database) return expand_home(*config().database, env);
    return default_data_path(env);
}

std::string Session::db_source() {
    if (!options.db.empty()) return "--db";
    if (env.get("KITH_DB")) return "KITH_DB";
    if (config().database) return "config";
    return "default";
}

Store& Session::store(Store::Access access) {
    if (!store_) {
        config();  // every command that touches data reports a broken config, even with --db
        const auto path = db_path();
        // A command that only reads says when there is nothing to read: a mistyped --db, or a
        // cron job without the user's KITH_DB, must not pass for an empty day.
        struct stat st {};
        if (access == Store::Access::read && path != ":memory:" && ::stat(path.c_str(), &st) != 0 && errno == ENOENT)
            throw runtime_error(
                fmt::format("no database at {} (set KITH_DB or --db, or add someone first)", path));
        store_ = Store::open(path, access);
        if (const auto& backup = store_->migration_backup()) {
            warn(fmt::format("database upgraded to schema version {}; the old one is saved as {}",
                             Store::current_schema_version(), *backup));
            // Notes written before kith read them are read now, once (SPEC §5a).
            refresh_readings(*store_, *question_settings().rules);
        }
        store_->use_phone_region(phone_region());
        // Only commands that change things are kept to be undone: not re-reading notes for `due`.
        if (access == Store::Access::write) describe_writes(summary_.value_or(join(arguments, " ")));
    }
    return *store_;
}

void Session::describe_writes(std::string summary) {
    summary_ = std::move(summary);
    if (store_) store_->record_writes({command, *summary_, config().undo_keep});
}

Store& Session::store_for_questions() {
    auto& opened = store(Store::Access::read);
    refresh_readings(opened, *question_settings().rules);
    return opened;
}

std::string Session::phone_region() {
    if (!config().phone_region.empty()) return config().phone_region;
    for (const char* name : {"LC_ALL", "LC_TELEPHONE", "LANG"})
        if (auto locale = env.get(name)) return region_of_locale(*locale);
    return "";
}

std::optional<std::string> Session::database_failure(const std::exception& e) const {
    if (!store_) return std::nullopt;
    return store_->describe_failure(e);
}

Date Session::today() {
    if (!today_) {
        auto clock_today = local_today();
        std::string text = options.today;
        const char* flag = "--today";
        if (text.empty()) {
            if (auto value = env.get("KITH_TODAY")) {
                text = *value;
                flag = "KITH_TODAY";
            }
        }
        if (text.empty()) {
            today_ = clock_today;
        } else {
            auto parsed = parse_date(text, clock_today);
            if (!parsed) throw usage_error(fmt::format("{}: {}", flag, parsed.error()));
            today_ = *parsed;
        }
    }
    return *today_;
}

std::string Session::today_source() {
    if (!options.today.empty()) return "--today";
    if (env.get("KITH_TODAY")) return "KITH_TODAY";
    return "clock";
}

std::string Session::temp_directory() const {
    return env.get("TMPDIR").value_or("/tmp");
}

Style Session::style(const std::string& format) {
    Style style;
    if (format.empty()) {
        style.format = stdout_is_terminal() ? Format::text : Format::plain;
    } else if (auto parsed = parse_format(format)) {
        style.format = *parsed;
    } else {
        throw usage_error(fmt::format("bad format \"{}\": expected one of text, plain, md, tsv, json, jsonl", format));
    }
    if (style.format != Format::text) return style;
    // Explicit --color beats NO_COLOR (no-color.org), which beats the config file.
    std::string color = !options.color.empty() ? options.color : "";
    if (color.empty()) color = env.get("NO_COLOR") ? "never" : config().color;
    bool dumb_terminal = env.get("TERM") == std::optional<std::string>("dumb");
    style.color = color == "always" || (color == "auto" && stdout_is_terminal() && !dumb_terminal);
    return style;
}

QuestionSettings Session::question_settings() {
    if (!question_settings_) {
        question_settings_ = kith::question_settings(config());
        if (auto cache = default_cache_dir(env)) question_settings_->rules->keep_in(*cache);
    }
    return *question_settings_;
}

void Session::warn(const std::string& message) {
    if (quiet) return;
    std::cerr << "kith: warning: " << escape_control_characters(message) << '\n';
}

}  // namespace kith::cli
