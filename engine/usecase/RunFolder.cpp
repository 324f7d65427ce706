#include "usecase/RunFolder.h"

#include "core/AtomicFile.h"
#include "core/Error.h"
#include "model/Checkpoint.h"
#include "model/ModelBundle.h"
#include "model/ModelFolder.h"
#include "recipe/RecipeJson.h"

namespace ulmfit {
namespace fs = std::filesystem;

namespace {
void message(Observer* observer, const std::string& text) {
    if (observer)
        observer->onMessage(text);
}
} // namespace

fs::path RunFolder::encoder() const {
    return root / runfolder::kEncoderFile;
}
fs::path RunFolder::languageModel() const {
    return root / runfolder::kLanguageModelDir;
}
fs::path RunFolder::classifier() const {
    return root / runfolder::kClassifierDir;
}
fs::path RunFolder::checkpoints() const {
    return root / runfolder::kCheckpointDir;
}
fs::path RunFolder::recipe() const {
    return root / runfolder::kRecipeFile;
}

void RunFolder::saveRecipe(const Recipe& recipe) const {
    writeFileAtomically(
        this->recipe(), [&](std::ostream& out) { out << recipeToJsonText(recipe); }, false);
}

Recipe RunFolder::readRecipe() const {
    if (!fs::exists(recipe()))
        throw Error(root.string() + " is not a training run's output folder (it has no " + recipe().filename().string() +
                    "): choose the folder a run wrote its checkpoint/ and recipe.json into");
    return loadRecipe(recipe().string());
}

void RunFolder::saveLanguageModel(const LanguageModel& model, const std::vector<std::string>& vocab,
                                  Observer* observer) const {
    saveEncoder(model->encoder, encoder());
    message(observer, "saved the encoder to " + encoder().string());
    saveLanguageModelBundle(languageModel(), model, vocab, direction);
    message(observer, "saved the language model to " + languageModel().string());
}

void RunFolder::saveClassifier(const TextClassifier& model, const std::vector<std::string>& vocab,
                               const std::vector<std::string>& labels, Observer* observer) const {
    saveClassifierBundle(classifier(), model, vocab, labels, direction);
    message(observer, "saved the classifier to " + classifier().string());
}

} // namespace ulmfit
