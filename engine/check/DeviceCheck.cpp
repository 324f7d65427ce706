#include "check/DeviceCheck.h"

#include "train/Precision.h"

#include "core/Error.h"
#include "core/StdFilesystemBinding.h"
#include "data/source/Dataset.h"
#include "data/source/ReviewReader.h"
#include "data/source/SyntheticReviews.h"
#include "infer/Predictor.h"
#include "infer/TextGenerator.h"
#include "usecase/RecipeRunner.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace fs = std::filesystem;

namespace ulmfit {
namespace {

// cuDNN's TF32 matmuls and float16 training round differently from the CPU: predictions of
// the same saved weights agree to ~1e-3; a broken device path is off by far more.
constexpr double kProbabilityTolerance = 1e-2;

Recipe checkRecipe(torch::Device device) {
    using M = RecipeStage::Model;
    Recipe recipe;
    recipe.name = "device-check";
    recipe.embSize = 16;
    recipe.hiddenSize = 32;
    recipe.nLayers = 2;
    recipe.vocab.minFreq = 1;
    recipe.lmBatchSize = 8;
    recipe.lmSeqLen = 12;
    recipe.seqLen = 12;
    recipe.classifierBatchSize = 8;
    recipe.device = device.is_cuda() ? "cuda" : "cpu";
    recipe.stages = {{M::LanguageModel, 0, 2, LearningRate::plain(1e-2)},
                     {M::Classifier, -1, 1, LearningRate::plain(2e-2)},
                     {M::Classifier, -2, 1, LearningRate::slice(1e-2 / 10, 1e-2)},
                     {M::Classifier, 0, 2, LearningRate::slice(1e-3, 1e-2)}};
    return recipe;
}

std::string fixed(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

/// Turns the run's events into report lines.
class StepReporter : public TrainingObserver {
  public:
    explicit StepReporter(const std::function<void(const std::string&)>& report) : m_report(report) {}
    void onStage(const StageEvent& e) override {
        if (e.kind == StageEvent::Kind::Started)
            say("stage " + std::to_string(e.stageIndex + 1) + "/" + std::to_string(e.stageCount) + ": " +
                stageTitle(e.stage));
    }
    void onEpoch(const EpochEvent& e) override {
        ++epochs;
        say("  epoch " + std::to_string(e.epoch + 1) + "/" + std::to_string(e.totalEpochs) + ": valid_loss " +
            fixed(e.validLoss, 4) + ", accuracy " + fixed(e.accuracy, 3) + ", checkpoint saved");
    }
    void onMessage(const std::string& text) override { say(text); }
    void say(const std::string& line) const {
        if (m_report)
            m_report(line);
    }
    int epochs = 0;

  private:
    const std::function<void(const std::string&)>& m_report;
};

struct LabeledTexts {
    std::vector<std::string> texts;
    std::vector<std::string> labels;
};

LabeledTexts readTestReviews(const fs::path& root) {
    LabeledTexts result;
    ReviewReader reader;
    for (const auto& file : scanDataset(root).files)
        if (file.split == "test") {
            result.texts.emplace_back(reader.read(file.path));
            result.labels.push_back(file.label);
        }
    return result;
}

template <class Step> auto runStep(const std::string& name, Step&& step) {
    try {
        return step();
    } catch (const std::exception& e) {
        throw Error(name + " failed: " + e.what());
    }
}

} // namespace

DeviceCheckResult checkDevice(torch::Device device, const fs::path& workDir,
                              const std::function<void(const std::string&)>& report) {
    const auto start = std::chrono::steady_clock::now();
    StepReporter reporter(report);
    DeviceCheckResult result;
    result.device = device.str();
    const Recipe recipe = checkRecipe(device);
    result.precision = precisionFor(device.is_cuda(), recipe.mixedPrecision).name();

    const auto foreign = foreignStdFilesystemSymbols();
    if (!foreign.empty())
        throw Error("checking the C++ runtime failed: " + explainForeignStdFilesystem(foreign));

    const fs::path data = workDir / "reviews";
    runStep("writing the synthetic reviews", [&] { writeSyntheticReviews(data, 24); });
    reporter.say("training on " + result.device + " in " + result.precision +
                 " with 48 synthetic reviews per split");
    RunOptions options;
    options.data = data;
    options.out = workDir / "run";
    options.cacheDir = workDir / "cache";
    options.device = recipe.device;
    options.observer = &reporter;
    const RunResult run = runStep("training", [&] { return RecipeRunner(recipe, options).run(); });
    result.epochs = reporter.epochs;

    const LabeledTexts test = readTestReviews(data);
    const auto onDevice = runStep("classifying on " + result.device, [&] {
        return Predictor(run.classifierDir, device).classifyMany(test.texts, 16);
    });
    const auto onCpu = runStep("classifying on the CPU", [&] {
        return Predictor(run.classifierDir, torch::kCPU).classifyMany(test.texts, 16);
    });
    int correct = 0;
    for (size_t i = 0; i < onDevice.size(); ++i) {
        correct += onDevice[i].label == test.labels[i];
        for (size_t c = 0; c < onDevice[i].probabilities.size(); ++c)
            result.maxProbabilityGap = std::max(
                result.maxProbabilityGap,
                static_cast<double>(std::abs(onDevice[i].probabilities[c] - onCpu[i].probabilities[c])));
    }
    result.accuracy =
        static_cast<double>(correct) / static_cast<double>(std::max<size_t>(1, onDevice.size()));
    reporter.say("saved classifier reloaded: accuracy " + fixed(result.accuracy, 3) + " on " + result.device +
                 ", largest probability gap to the CPU " + fixed(result.maxProbabilityGap, 6));
    if (!(result.maxProbabilityGap <= kProbabilityTolerance))
        throw Error("the saved classifier's predictions on " + result.device + " differ from the CPU's by " +
                    fixed(result.maxProbabilityGap, 6) + " (more than " + fixed(kProbabilityTolerance, 2) +
                    "): the device computes wrong results");

    result.generated = runStep("generating text on " + result.device, [&] {
        return TextGenerator(run.languageModelDir, device).generate("the movie", 12, 0.75, 1).front();
    });
    reporter.say("saved language model reloaded, generates: " + result.generated);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace ulmfit
