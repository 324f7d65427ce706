#include "usecase/PretrainedSource.h"

#include "core/Error.h"
#include "model/ModelFolder.h"
#include "pretrained/FastaiModels.h"
#include "zoo/ModelZoo.h"

namespace ulmfit {
namespace fs = std::filesystem;

namespace {
// fastai's language_model_learner takes a folder's .pth and .pkl: so do we, when there is one of each.
std::optional<std::pair<fs::path, fs::path>> fastaiFiles(const fs::path& folder) {
    std::vector<fs::path> weights, vocabularies;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (!entry.is_regular_file())
            continue;
        const auto extension = entry.path().extension();
        if (extension == ".pth")
            weights.push_back(entry.path());
        else if (extension == ".pkl")
            vocabularies.push_back(entry.path());
    }
    if (weights.size() == 1 && vocabularies.size() == 1)
        return std::pair{weights.front(), vocabularies.front()};
    return std::nullopt;
}

std::string sizes(const AwdLstmConfig& c) {
    return std::to_string(c.embSize) + "/" + std::to_string(c.hiddenSize) + "/" + std::to_string(c.nLayers);
}
} // namespace

std::optional<PretrainedSource> readPretrained(const std::string& pretrained, const AwdLstmConfig& dropouts) {
    const fs::path path(pretrained);
    if (fs::is_regular_file(path))
        return std::nullopt; // an encoder file
    if (fs::is_directory(path)) {
        if (const auto files = fastaiFiles(path))
            return PretrainedSource{importFastaiLanguageModel(files->first, files->second, dropouts), path.string(),
                                    std::nullopt};
        // Ours: a language-model folder, or a run whose lm/ it is (resolveModelFolder says what is missing).
        LoadedLanguageModel ours = loadLanguageModelBundle(path);
        const Direction direction = ours.direction;
        return PretrainedSource{std::move(ours), path.string(), direction};
    }
    if (pretrained.find('/') != std::string::npos)
        throw Error("pretrained model " + pretrained + " not found: give an installed model's name (ulmfit models "
                    "list), a language-model folder or an encoder file");
    const InstalledModel model = ModelZoo().require(pretrained); // says how to fetch it when it is not installed
    // fastai's model zoo names the direction: wt103-fwd, wt103-bwd.
    const bool backward = pretrained.size() > 4 && pretrained.compare(pretrained.size() - 4, 4, "-bwd") == 0;
    return PretrainedSource{importFastaiLanguageModel(model.weights, model.vocabulary, dropouts), pretrained,
                            backward ? Direction::Backward : Direction::Forward};
}

void checkPretrainedDirection(const PretrainedSource& source, Direction d) {
    if (!source.direction || *source.direction == d)
        return;
    const bool wantBackward = d == Direction::Backward;
    throw Error(std::string("the pretrained language model ") + source.origin + " reads " +
                (wantBackward ? "forward" : "backward") + ", but it would start a " +
                (wantBackward ? "backward" : "forward") + " model: start it from " +
                (wantBackward ? "wt103-bwd or a backward model of yours" : "wt103-fwd or a forward model of yours"));
}

void checkPretrainedSizes(const AwdLstmConfig& recipe, const AwdLstmConfig& pretrained, const std::string& origin) {
    if (recipe.embSize == pretrained.embSize && recipe.hiddenSize == pretrained.hiddenSize &&
        recipe.nLayers == pretrained.nLayers)
        return;
    throw Error("the recipe's AWD-LSTM is " + sizes(recipe) + " (embedding/hidden/layers) but the pretrained model " +
                origin + " is " + sizes(pretrained) + ": set emb_size, hidden_size and n_layers to " +
                sizes(pretrained) + " (the book recipe's sizes fit WikiText-103), or train from scratch");
}

} // namespace ulmfit
