#include "CommandRegistry.h"

#include <map>

namespace ulmfit::cli {
namespace {
std::map<std::string, CommandSetup>& registry() {
    static std::map<std::string, CommandSetup> commands;
    return commands;
}
} // namespace

CommandRegistration::CommandRegistration(std::string name, CommandSetup setup) {
    registry().emplace(std::move(name), std::move(setup));
}

void addRegisteredCommands(CLI::App& app) {
    for (auto& [name, setup] : registry())
        setup(app);
}

} // namespace ulmfit::cli
