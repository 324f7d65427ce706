// `ulmfit lr-find --recipe … --data … [--out DIR] [--stage lm|classifier] [--number N]`: fastai's range test.
#include "CommandRegistry.h"
#include "TrainingTerminal.h"

#include "recipe/RecipeJson.h"
#include "usecase/RecipeRunner.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace ulmfit::cli {
namespace {

struct LrFindArgs {
    std::string recipe = "quick";
    std::string data;
    std::string out;
    std::string device;
    std::string stage = "lm";
    int number = 1; // which of that model's stages, from 1
};

void printCurve(const LrFindResult& result) {
    std::printf("%-12s %s\n", "lr", "smoothed_loss");
    const std::size_t step = std::max<std::size_t>(1, result.lrs.size() / 20);
    for (std::size_t i = 0; i < result.lrs.size(); i += step)
        std::printf("%-12.3e %.4f\n", result.lrs[i], result.losses[i]);
    std::printf("\n%zu points; minimum smoothed loss at lr %.3e\n", result.lrs.size(), result.minLossLr);
    std::printf("suggested lr (valley): %.3e\n", result.suggestion);
}

void runLrFind(const LrFindArgs& args) {
    TrainingTerminal terminal;
    RunOptions options;
    options.data = args.data;
    options.out = args.out.empty() ? std::filesystem::temp_directory_path() / "ulmfit-lr-find"
                                   : std::filesystem::path(args.out);
    options.device = args.device;
    options.observer = &terminal;
    const auto model =
        args.stage == "lm" ? RecipeStage::Model::LanguageModel : RecipeStage::Model::Classifier;
    printCurve(RecipeRunner(loadRecipe(args.recipe), options).lrFind(model, args.number - 1));
}

const CommandRegistration lrFindCommandRegistration("lr-find", [](CLI::App& app) {
    auto args = std::make_shared<LrFindArgs>();
    auto* cmd = app.add_subcommand("lr-find", "Learning-rate range test (fastai lr_find) with a suggestion");
    cmd->add_option("--recipe", args->recipe, "book, quick or a recipe JSON file")->capture_default_str();
    cmd->add_option("--data", args->data, "Dataset folder or archive")->required();
    cmd->add_option("--out", args->out, "Folder of a finished LM run (its encoder.pt seeds the classifier)");
    cmd->add_option("--device", args->device, "auto, cpu or cuda")
        ->check(CLI::IsMember({"auto", "cpu", "cuda"}));
    cmd->add_option("--stage", args->stage, "lm or classifier")
        ->check(CLI::IsMember({"lm", "classifier"}))
        ->capture_default_str();
    cmd->add_option("--number", args->number, "Which of that model's stages (1 = its first): its freeze_to applies")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd->callback([args] { runLrFind(*args); });
});

} // namespace
} // namespace ulmfit::cli
