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

/// Returns the subcommand group `name` (e.g. "data", "bench"), creating it on first use, so
/// several command files can add subcommands to one group.
inline CLI::App& subcommandGroup(CLI::App& app, const std::string& name, const std::string& description) {
    for (CLI::App* existing : app.get_subcommands({}))
        if (existing->get_name() == name)
            return *existing;
    CLI::App* group = app.add_subcommand(name, description);
    group->require_subcommand(1);
    return *group;
}

/// Adds every registered command to `app`, in name order (so --help is stable).
void addRegisteredCommands(CLI::App& app);

} // namespace ulmfit::cli
