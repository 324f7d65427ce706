#include "model/ModelFolder.h"

#include "core/Error.h"

namespace ulmfit {
namespace fs = std::filesystem;

namespace {
constexpr const char* kConfigFile = "config.json"; // bundle::kConfigFile, without the LibTorch headers

bool isTrainingRun(const fs::path& dir) {
    return fs::exists(dir / runfolder::kRecipeFile) || fs::exists(dir / runfolder::kCheckpointDir);
}
} // namespace

void requireModelFolderExists(const fs::path& dir) {
    std::error_code error;
    if (fs::is_directory(dir, error))
        return;
    if (fs::exists(dir, error))
        throw Error(dir.string() + " is a file, not a model folder: give the folder that holds it (" +
                    fs::absolute(dir, error).parent_path().string() + ')');
    throw Error("model folder not found: " + dir.string());
}

fs::path resolveModelFolder(const fs::path& dir, ModelKind kind) {
    requireModelFolderExists(dir);
    if (fs::exists(dir / kConfigFile))
        return dir; // a bundle; loading checks that it is of the right kind
    const bool classifier = kind == ModelKind::Classifier;
    const fs::path inRun = dir / (classifier ? runfolder::kClassifierDir : runfolder::kLanguageModelDir);
    if (fs::exists(inRun / kConfigFile))
        return inRun;
    const std::string what = classifier ? "classifier" : "language model";
    if (isTrainingRun(dir))
        throw Error(dir.string() + " is a training run that has not saved its " + what +
                    " yet (it stopped before its " + (classifier ? "classifier" : "language-model") +
                    " stages ended); continue it with: ulmfit train --resume --out " + dir.string());
    throw Error(dir.string() + " is neither a saved " + what + " (no " + kConfigFile +
                ") nor a training run's output folder");
}

RunModels resolveRunModels(const fs::path& chosen) {
    const fs::path folder = fs::is_regular_file(chosen) ? chosen.parent_path() : chosen;
    RunModels models;
    models.classifier = resolveModelFolder(folder, ModelKind::Classifier);
    const fs::path run = models.classifier == folder ? folder.parent_path() : folder;
    if (fs::exists(run / runfolder::kLanguageModelDir / kConfigFile))
        models.languageModel = run / runfolder::kLanguageModelDir;
    else if (fs::exists(run / "fwd" / runfolder::kLanguageModelDir / kConfigFile)) // a bidirectional run
        models.languageModel = run / "fwd" / runfolder::kLanguageModelDir;
    return models;
}

} // namespace ulmfit
