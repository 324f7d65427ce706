// `ulmfit generate --model DIR [--words 40] [--temperature 0.75] [-n 2] [--seed 42] PROMPT`: continue a
// prompt with a fine-tuned language model folder (the book's learn.predict on the LM).
#include "CommandRegistry.h"

#include "infer/TextGenerator.h"
#include "train/Device.h"

#include <iostream>
#include <memory>

namespace ulmfit::cli {
namespace {

struct GenerateArgs {
    std::string model;
    std::string device = "auto";
    int words = 40;
    double temperature = 0.75;
    int samples = 2;
    std::uint64_t seed = 42;
    std::vector<std::string> prompt;
};

std::string joined(const std::vector<std::string>& words) {
    std::string text;
    for (const auto& w : words)
        text += (text.empty() ? "" : " ") + w;
    return text;
}

void runGenerate(const GenerateArgs& args) {
    configureCpu();
    TextGenerator generator(args.model, chooseDevice(args.device));
    const auto texts =
        generator.generate(joined(args.prompt), args.words, args.temperature, args.samples, args.seed);
    for (const auto& text : texts)
        std::cout << text << '\n';
}

const CommandRegistration generateCommandRegistration("generate", [](CLI::App& app) {
    auto args = std::make_shared<GenerateArgs>();
    auto* cmd = app.add_subcommand("generate", "Continue a prompt with a trained language model folder");
    cmd->add_option("--model", args->model, "Language-model folder, or a training run's --out folder")
        ->required();
    cmd->add_option("--words", args->words, "Tokens to generate")->check(CLI::NonNegativeNumber);
    cmd->add_option("--temperature", args->temperature, "Sampling temperature (> 0)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("-n,--samples", args->samples, "Number of texts")->check(CLI::PositiveNumber);
    cmd->add_option("--seed", args->seed, "Random seed");
    cmd->add_option("--device", args->device, "auto, cpu or cuda");
    cmd->add_option("prompt", args->prompt, "Prompt text")->required();
    cmd->callback([args] { runGenerate(*args); });
});

} // namespace
} // namespace ulmfit::cli
