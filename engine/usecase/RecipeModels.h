#pragma once
// The recipe runner's model-building job: the AWD-LSTM language model and classifier at the
// recipe's sizes, and the stages as they really run on them.
#include "model/LanguageModel.h"
#include "model/TextClassifier.h"
#include "recipe/Recipe.h"

#include <torch/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace ulmfit {

/// Seeded. With `recipe.pretrained` (PretrainedSource.h) it starts from that language model carried
/// over to `vocab` as fastai's load_pretrained does (match_embeds: shared tokens keep their rows,
/// new ones the mean row and mean decoder bias); an encoder file is loaded into a fresh model.
/// `note` (when given) receives what was done, for the log.
LanguageModel buildRecipeLanguageModel(const Recipe& recipe, const std::vector<std::string>& vocab,
                                       torch::Device device, std::string* note = nullptr);
/// Seeded; the encoder comes from `encoder` when it is not empty (the fine-tuned LM's).
TextClassifier buildRecipeClassifier(const Recipe& recipe, int64_t vocabSize, int64_t classes,
                                     const std::filesystem::path& encoder, torch::Device device);
/// Stage `index` as it runs: a language model without a pretrained start trains every group
/// (freezing would train only the tied embedding/decoder on a random body).
RecipeStage effectiveStage(const Recipe& recipe, int index);

} // namespace ulmfit
