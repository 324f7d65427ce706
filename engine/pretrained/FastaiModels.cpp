#include "pretrained/FastaiModels.h"

#include "core/Error.h"
#include "model/ModelBundle.h"
#include "model/ModelFolder.h"
#include "pretrained/FastaiLayout.h"
#include "pretrained/ItosPickle.h"
#include "pretrained/MatchEmbeds.h"
#include "pretrained/TorchFile.h"

namespace ulmfit {
namespace fs = std::filesystem;

namespace {

AwdLstmConfig withSizesOf(AwdLstmConfig dropouts, const AwdLstmConfig& sizes) {
    dropouts.vocabSize = sizes.vocabSize;
    dropouts.embSize = sizes.embSize;
    dropouts.hiddenSize = sizes.hiddenSize;
    dropouts.nLayers = sizes.nLayers;
    dropouts.padToken = sizes.padToken;
    return dropouts;
}

} // namespace

LoadedLanguageModel importFastaiLanguageModel(const fs::path& weights, const fs::path& itos,
                                              const AwdLstmConfig& dropouts) {
    const StateDict stateDict = readTorchStateDict(weights);
    auto vocab = readItosPickle(itos);
    const auto config =
        withSizesOf(dropouts, configFromFastaiStateDict(stateDict, fastai::kLanguageModelPrefix, dropouts));
    if (config.vocabSize != static_cast<int64_t>(vocab.size()))
        throw Error("the weights have an embedding of " + std::to_string(config.vocabSize) + " tokens but " +
                    itos.string() + " lists " + std::to_string(vocab.size()));
    LoadedLanguageModel loaded;
    loaded.model = LanguageModel(config);
    loadFastaiLanguageModel(loaded.model, stateDict);
    loaded.model->eval();
    loaded.vocab = std::move(vocab);
    return loaded;
}

LoadedLanguageModel withVocabulary(const LoadedLanguageModel& source,
                                   const std::vector<std::string>& newVocab, const AwdLstmConfig& dropouts) {
    StateDict stateDict = fastaiLanguageModelStateDict(source.model);
    matchEmbeds(stateDict, source.vocab, newVocab);
    auto config = withSizesOf(dropouts, source.model->config());
    config.vocabSize = static_cast<int64_t>(newVocab.size());
    LoadedLanguageModel result;
    result.model = LanguageModel(config);
    loadFastaiLanguageModel(result.model, stateDict);
    result.vocab = newVocab;
    return result;
}

std::vector<fs::path> exportFastai(const fs::path& modelDir, const fs::path& outDir) {
    // a training run's folder exports its language model (which holds the encoder as well)
    const fs::path dir = resolveModelFolder(modelDir, ModelKind::LanguageModel);
    const std::string kind = bundleKind(dir);
    StateDict languageModel, encoder;
    std::vector<std::string> vocab;
    if (kind == "language_model") {
        const auto loaded = loadLanguageModelBundle(dir);
        languageModel = fastaiLanguageModelStateDict(loaded.model);
        encoder = fastaiEncoderStateDict(loaded.model->encoder);
        vocab = loaded.vocab;
    } else if (kind == "classifier") {
        const auto loaded = loadClassifierBundle(dir);
        encoder = fastaiEncoderStateDict(loaded.model->awdLstm());
        vocab = loaded.vocab;
    } else {
        throw Error(dir.string() + " holds " + modelKindInWords(kind) +
                    "; only language models and classifiers export");
    }
    std::error_code error;
    fs::create_directories(outDir, error);
    if (!fs::is_directory(outDir))
        throw Error(fs::exists(outDir)
                        ? outDir.string() + " is a file, not a folder: choose another output folder"
                        : "cannot create the output folder " + outDir.string() + ": " + error.message());
    std::vector<fs::path> written;
    if (!languageModel.empty()) {
        writeTorchStateDict(outDir / fastaiExport::kWeightsFile, languageModel);
        written.push_back(outDir / fastaiExport::kWeightsFile);
    }
    writeItosPickle(outDir / fastaiExport::kItosFile, vocab);
    written.push_back(outDir / fastaiExport::kItosFile);
    writeTorchStateDict(outDir / fastaiExport::kEncoderFile, encoder);
    written.push_back(outDir / fastaiExport::kEncoderFile);
    return written;
}

} // namespace ulmfit
