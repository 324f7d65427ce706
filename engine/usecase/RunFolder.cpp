#include "usecase/RunFolder.h"

#include "core/AtomicFile.h"
#include "core/Error.h"
#include "data/source/ArchiveExtractor.h"
#include "data/source/DatasetFetcher.h"
#include "model/Checkpoint.h"
#include "model/ModelBundle.h"
#include "model/ModelFolder.h"
#include "recipe/RecipeJson.h"

#include <nlohmann/json.hpp>

#include <fstream>

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

fs::path RunFolder::dataset() const {
    return root / runfolder::kDatasetFile;
}

fs::path RunFolder::extractedData() const {
    return root / "data";
}

void RunFolder::saveDataset(const fs::path& data) const {
    const std::string text =
        nlohmann::json{{"data", fs::absolute(data).lexically_normal().string()}}.dump(2) + "\n";
    writeFileAtomically(
        dataset(), [&](std::ostream& out) { out << text; }, false);
}

std::optional<fs::path> RunFolder::readDataset() const {
    std::ifstream in(dataset(), std::ios::binary);
    if (!in)
        return std::nullopt;
    const auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object() || !json.contains("data") || !json["data"].is_string() ||
        json["data"].get<std::string>().empty())
        throw Error(dataset().string() + " is damaged (expected {\"data\": \"dataset folder or archive\"}): "
                                         "give the dataset this run trained on again");
    return fs::path(json["data"].get<std::string>());
}

fs::path RunFolder::datasetToResume() const {
    const auto recorded = readDataset();
    if (!recorded)
        throw Error(root.string() + " does not record which dataset it trained on (an older run): "
                                    "give that dataset again to resume");
    if (fs::exists(*recorded))
        return *recorded;
    // An archive since deleted: its extraction beside the run is the same dataset.
    const fs::path extracted = extractedData() / datasetNameForArchive(recorded->filename().string());
    if (isCompletelyExtracted(extracted))
        return extracted;
    throw Error("the dataset this run trained on, " + recorded->string() +
                ", is no longer there: give its new place to resume");
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
