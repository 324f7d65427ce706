#pragma once
#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace ulmfit::cli {

/// Each command file registers itself with a static `CommandRegistration`, so adding a
/// command never touches main.cpp. `setup` adds the subcommand (and its callback) to the app.
using CommandSetup = std::function<void(CLI::App& app)>;

struct CommandRegistration {
    CommandRegistration(std::string name, CommandSetup setup);
};

/// Adds every registered command to `app`, in name order (so --help is stable).
void addRegisteredCommands(CLI::App& app);

} // namespace ulmfit::cli
