#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "kith/config.h"

namespace kith::cli {

void add_config_command(CLI::App& app, Session& session) {
    auto* command = app.add_subcommand("config", "Show the effective paths and settings");
    command->footer("Example: kith --config ~/kith.toml config");
    command->callback([&session] {
        std::error_code ec;
        auto config_path = session.config_path();
        bool config_exists = config_path && std::filesystem::exists(*config_path, ec);
        const auto& config = session.config();  // a broken file is reported here
        auto db_path = session.db_path();
        bool db_exists = std::filesystem::exists(db_path, ec);
        std::cout << "# paths\n";
        if (config_path)
            std::cout << fmt::format("config_file = \"{}\"  # from {}{}\n", *config_path, session.config_source(),
                                     config_exists ? "" : ", not found: defaults in use");
        else
            std::cout << "# config_file: none (neither $XDG_CONFIG_HOME nor $HOME is set): defaults in use\n";
        std::cout << fmt::format("database = \"{}\"  # from {}{}\n", db_path, session.db_source(),
                                 db_exists ? "" : ", not created yet");
        std::cout << fmt::format("today = \"{}\"  # from {}\n", format_iso(session.today()), session.today_source());
        std::cout << "\n# settings\n";
        for (const auto& [key, value] : config_values(config)) {
            if (key == "database") continue;  // shown above, resolved
            std::cout << fmt::format("{} = {}\n", key, value);
        }
    });
}

}  // namespace kith::cli
