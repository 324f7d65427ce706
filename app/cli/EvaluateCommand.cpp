// `ulmfit evaluate --model DIR --data DIR|ARCHIVE [--top-losses 10]`: accuracy, confusion matrix,
// per-class precision/recall and the most confidently wrong reviews of the test/ split.
#include "CommandRegistry.h"

#include "TerminalProgress.h"
#include "infer/Evaluator.h"
#include "train/Device.h"
#include "usecase/DatasetOpening.h"

#include <iostream>
#include <memory>

namespace ulmfit::cli {
namespace {

struct EvaluateArgs {
    std::string model;
    std::string data;
    std::string device = "auto";
    int topLosses = 10;
    int batchSize = 32;
};

void runEvaluate(const EvaluateArgs& args) {
    configureCpu();
    Predictor predictor(args.model, chooseDevice(args.device));
    TerminalProgress progress;
    EvaluateOptions options;
    options.batchSize = args.batchSize;
    options.topLosses = args.topLosses;
    // An archive is extracted into the per-user data folder once, as `data show-batch` does.
    const OpenedDataset dataset = openDataset(args.data, {}, &progress);
    const auto result = evaluateDataset(predictor, dataset.index, options, &progress);
    std::cout << formatEvaluation(result);
}

const CommandRegistration evaluateCommandRegistration("evaluate", [](CLI::App& app) {
    auto args = std::make_shared<EvaluateArgs>();
    auto* cmd = app.add_subcommand("evaluate", "Score a classifier folder on a dataset's test/ split");
    cmd->add_option("--model", args->model, "Classifier folder, or a training run's --out folder")
        ->required();
    cmd->add_option("--data", args->data,
                    "Dataset folder with test/<label>/*.txt, the folder holding it, or a .tgz of one")
        ->required();
    cmd->add_option("--top-losses", args->topLosses, "How many highest-loss reviews to list")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--batch-size", args->batchSize, "Reviews per batch")->check(CLI::PositiveNumber);
    cmd->add_option("--device", args->device, "auto, cpu or cuda");
    cmd->callback([args] { runEvaluate(*args); });
});

} // namespace
} // namespace ulmfit::cli
