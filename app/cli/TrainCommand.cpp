// `ulmfit train --recipe book|quick|FILE.json --data DIR|ARCHIVE --out DIR [--device cpu|cuda]
//  [--pretrained NAME|DIR|none] [--direction fwd|bwd|both] [--resume]`; `ulmfit train --out DIR
//  --resume` alone continues a run with the recipe and dataset it recorded.
#include "CommandRegistry.h"
#include "InterruptScope.h"
#include "TrainingTerminal.h"

#include "core/AtomicFile.h"
#include "core/Error.h"
#include "core/OutputFolderLock.h"
#include "core/TextFormat.h"
#include "recipe/RecipeJson.h"
#include "usecase/RecipeRunner.h"
#include "usecase/RunFolder.h"

#include <optional>
#include <cstdio>

namespace ulmfit::cli {
namespace {

struct TrainArgs {
    std::string recipe = "quick";
    std::string data;
    std::string out;
    std::string device;
    std::string saveRecipe;
    std::optional<std::string> pretrained;
    std::string direction; // fwd, bwd or both; empty: the recipe's
    bool resume = false;
    bool recipeGiven = false;
};

void runTrain(const TrainArgs& args) {
    if (args.data.empty() && !args.resume)
        throw Error("--data is required: the dataset folder (train/, test/) or archive to train on");
    // Resuming without --recipe continues with the run's own (a default one would be refused as different).
    Recipe recipe =
        args.resume && !args.recipeGiven ? RunFolder{args.out}.readRecipe() : loadRecipe(args.recipe);
    if (args.pretrained)
        recipe.pretrained = *args.pretrained == "none" ? std::string() : *args.pretrained;
    if (args.direction == "both")
        recipe.directions = {Direction::Forward, Direction::Backward};
    else if (!args.direction.empty())
        recipe.directions = {*directionFromName(args.direction)};
    const OutputFolderLock lock(args.out); // a second run on the same folder stops here
    if (!args.saveRecipe.empty())
        writeFileAtomically(
            args.saveRecipe, [&](std::ostream& out) { out << recipeToJsonText(recipe); }, false);
    CancelToken cancel;
    const InterruptScope interrupt(cancel); // Ctrl+C stops at the next batch; the checkpoint stays usable
    TrainingTerminal terminal;
    RunOptions options;
    options.data = args.data;
    options.out = args.out;
    options.device = args.device;
    options.resume = args.resume;
    options.observer = &terminal;
    options.cancel = &cancel;
    const RunResult result = RecipeRunner(recipe, options).run();
    for (const auto& [name, accuracy] : result.memberAccuracies)
        std::printf("\n%s classifier accuracy %.4f on the test split", name.c_str(), accuracy);
    std::printf("\n%s accuracy %.4f on the test split, %s in total\nclassifier bundle: %s\n",
                result.memberAccuracies.empty() ? "classifier" : "ensemble", result.accuracy, formatDuration(result.seconds).c_str(),
                result.classifierDir.string().c_str());
}

const CommandRegistration trainCommandRegistration("train", [](CLI::App& app) {
    auto args = std::make_shared<TrainArgs>();
    auto* cmd =
        app.add_subcommand("train", "Run a ULMFiT recipe: fine-tune the language model, then the classifier");
    cmd->add_option("--recipe", args->recipe, "book, quick or a recipe JSON file")->capture_default_str();
    cmd->add_option(
        "--data", args->data,
        "Dataset folder (train/, test/) or an archive of one (with --resume: the run's, by default)");
    cmd->add_option("--out", args->out, "Output folder: encoder.pt, classifier/, checkpoint/")->required();
    cmd->add_option("--device", args->device, "auto, cpu or cuda (default: the recipe's)")
        ->check(CLI::IsMember({"auto", "cpu", "cuda"}));
    cmd->add_option("--pretrained", args->pretrained,
                    "Where the language model starts: an installed model (wt103-fwd), a language-model folder, "
                    "fastai's weights folder, an encoder.pt, or none (random weights); default: the recipe's");
    cmd->add_option("--direction", args->direction,
                    "fwd, bwd (fastai's backwards=True) or both (an ensemble of the two); default: the recipe's")
        ->check(CLI::IsMember({"fwd", "bwd", "both"}));
    cmd->add_flag("--resume", args->resume,
                  "Continue an interrupted run from its last checkpoint (with the run's recipe and dataset "
                  "unless given)");
    cmd->add_option("--save-recipe", args->saveRecipe, "Also write the recipe used as JSON to this file");
    cmd->callback([args, cmd] {
        args->recipeGiven = cmd->count("--recipe") > 0;
        runTrain(*args);
    });
});

} // namespace
} // namespace ulmfit::cli
