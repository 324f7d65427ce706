#pragma once
// The recipe runner's transfer-learning start: reading the language model a recipe names in its
// `pretrained` field, whatever form it comes in.
#include "model/AwdLstmConfig.h"
#include "model/ModelBundle.h"

#include <optional>
#include <string>

namespace ulmfit {

/// A pretrained language model and where it came from ("wt103-fwd", a folder).
struct PretrainedSource {
    LoadedLanguageModel model;
    std::string origin;
    std::optional<Direction> direction; // known for our folders and fastai's catalogue, not for a bare .pth
};

/// Reads what Recipe::pretrained names: an installed pretrained model ("wt103-fwd", see `ulmfit
/// models`), one of our language-model folders (an import, a run's lm/ or --out), or a folder with
/// fastai's weights (its one .pth) and vocabulary (its one .pkl). nullopt for an encoder file
/// (encoder.pt), which has no vocabulary to match. Dropouts come from `dropouts`. Throws
/// ulmfit::Error saying how to get a model that is not there.
std::optional<PretrainedSource> readPretrained(const std::string& pretrained, const AwdLstmConfig& dropouts);

/// Refuses a pretrained model that reads the other way than the model it starts (`d`).
void checkPretrainedDirection(const PretrainedSource& source, Direction d);

/// Refuses a pretrained model whose sizes differ from the recipe's, naming both.
void checkPretrainedSizes(const AwdLstmConfig& recipe, const AwdLstmConfig& pretrained, const std::string& origin);

} // namespace ulmfit
