#pragma once
#include "data/corpus/Vocab.h"
#include "train/LearningRate.h"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace ulmfit {

/// One fit_one_cycle call of the recipe, after a freeze_to / unfreeze.
struct RecipeStage {
    enum class Model { LanguageModel, Classifier };
    Model model = Model::LanguageModel;
    int freezeTo = 0; // fastai freeze_to(n); 0 = unfreeze, -1 = freeze (only the head trains)
    int epochs = 1;
    LearningRate lr = LearningRate::plain(2e-2);

    std::string describe() const; // "Language model: fit_one_cycle(1, 0.02) frozen"
};

/// The whole ULMFiT recipe as data: model sizes, data options and the stages, in order
/// (language-model stages first, then classifier stages).
struct Recipe {
    std::string name = "custom";
    // Model sizes (the book's AWD-LSTM: 400 / 1152 / 3) and fastai's drop_mult per model.
    int embSize = 400, hiddenSize = 1152, nLayers = 3;
    double lmDropMult = 0.3, classifierDropMult = 0.5;
    // Data.
    VocabOptions vocab;       // max_vocab 60000, min_freq 3
    int lmBatchSize = 128, classifierBatchSize = 128;
    int seqLen = 72;          // bptt for the LM batches and the classifier's chunks
    int maxDocTokens = 0;     // > 0: classifier reads only each document's first N tokens
    double lmValidPct = 0.1;
    int lmMaxDocs = 0;        // > 0: the LM trains on only this many (shuffled) documents per epoch
    int seed = 42;
    // Training.
    double weightDecay = 0.01;
    double clip = 0.0;        // max gradient norm; 0 = off (fastai's text learners do not clip)
    double arAlpha = 2.0, tarBeta = 1.0;
    std::string device = "auto"; // auto | cpu | cuda
    bool mixedPrecision = true;  // float16 autocast + loss scaling on CUDA; ignored on the CPU
    std::filesystem::path pretrainedEncoder; // optional: an encoder to start the LM from
    std::vector<RecipeStage> stages;

    std::vector<RecipeStage> stagesOf(RecipeStage::Model model) const;
};

/// Chapter 10 of the book, stage for stage.
Recipe bookRecipe();
/// A small model that trains end to end on two CPU cores in minutes.
Recipe quickRecipe();
/// "book", "quick", or a JSON file. Throws ulmfit::Error naming the file and field.
Recipe loadRecipe(const std::string& nameOrPath);
void saveRecipe(const Recipe& recipe, const std::filesystem::path& path);

void to_json(nlohmann::json& json, const Recipe& recipe);
void from_json(const nlohmann::json& json, Recipe& recipe); // throws ulmfit::Error naming the field

} // namespace ulmfit
