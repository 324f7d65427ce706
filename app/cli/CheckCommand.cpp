// `ulmfit check [--device auto|cpu|cuda] [--keep DIR]`: trains a toy model through the whole
// training path on the device (checkpoints, stage changes, saving, reloading, inference) and
// compares its predictions with the CPU's — the first thing to run on a new GPU server.
#include "CommandRegistry.h"

#include "check/DeviceCheck.h"
#include "core/TempDir.h"
#include "train/Device.h"

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

namespace ulmfit::cli {
namespace {

struct CheckArgs {
    std::string device = "auto";
    std::string keep;
};

void runCheck(const CheckArgs& args) {
    const torch::Device device = chooseDevice(args.device);
    std::optional<TempDir> temp;
    std::filesystem::path work = args.keep;
    if (work.empty())
        work = temp.emplace("ulmfit-check").path();
    const auto result = checkDevice(device, work, [](const std::string& line) { std::cout << line << std::endl; });
    std::printf("OK: training, checkpoints, saving, reloading and inference work on %s (%d epochs in %.1f s)\n",
                result.device.c_str(), result.epochs, result.seconds);
}

const CommandRegistration checkCommandRegistration("check", [](CLI::App& app) {
    auto args = std::make_shared<CheckArgs>();
    auto* cmd = app.add_subcommand("check", "Train a toy model on the device end to end and compare it with the CPU");
    cmd->add_option("--device", args->device, "auto, cpu or cuda")
        ->check(CLI::IsMember({"auto", "cpu", "cuda"}))->capture_default_str();
    cmd->add_option("--keep", args->keep, "Folder to keep the data and models in (default: a temporary one)");
    cmd->callback([args] { runCheck(*args); });
});

} // namespace
} // namespace ulmfit::cli
