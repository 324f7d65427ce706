// `ulmfit predict --model DIR [--device auto|cpu|cuda] [--batch-size N] TEXT...`: the book's
// learn.predict on each text; one line per text: the label, then every label's probability.
#include "CommandRegistry.h"

#include "infer/Predictor.h"
#include "train/Device.h"

#include <cstdio>
#include <iostream>
#include <memory>

namespace ulmfit::cli {
namespace {

struct PredictArgs {
    std::string model;
    std::string device = "auto";
    int batchSize = 32;
    std::vector<std::string> texts;
};

void runPredict(const PredictArgs& args) {
    configureCpu();
    Predictor predictor(args.model, chooseDevice(args.device));
    const auto predictions = predictor.classifyMany(args.texts, args.batchSize);
    for (const auto& p : predictions) {
        std::cout << p.label;
        for (size_t c = 0; c < p.probabilities.size(); ++c) {
            char value[32];
            std::snprintf(value, sizeof value, "%.4f", p.probabilities[c]);
            std::cout << '\t' << predictor.labels()[c] << '=' << value;
        }
        for (size_t m = 0; m < p.memberProbabilities.size(); ++m) { // an ensemble's members after the mean
            std::cout << '\t' << predictor.memberNames().at(m) << ':';
            for (size_t c = 0; c < p.memberProbabilities[m].size(); ++c) {
                char value[32];
                std::snprintf(value, sizeof value, "%.4f", p.memberProbabilities[m][c]);
                std::cout << (c ? "," : "") << predictor.labels()[c] << '=' << value;
            }
        }
        std::cout << '\n';
    }
}

const CommandRegistration predictCommandRegistration("predict", [](CLI::App& app) {
    auto args = std::make_shared<PredictArgs>();
    auto* cmd = app.add_subcommand("predict", "Classify texts with a trained classifier folder");
    cmd->add_option("--model", args->model, "Classifier folder, or a training run's --out folder")
        ->required();
    cmd->add_option("--device", args->device, "auto, cpu or cuda");
    cmd->add_option("--batch-size", args->batchSize, "Texts per batch")->check(CLI::PositiveNumber);
    cmd->add_option("texts", args->texts, "Texts to classify")->required();
    cmd->callback([args] { runPredict(*args); });
});

} // namespace
} // namespace ulmfit::cli
