#pragma once
#include "zoo/PretrainedCatalogue.h"

#include <filesystem>
#include <string>

namespace ulmfit {

/// Where a model's two files are inside an extracted archive or a user's folder.
struct ModelFiles {
    std::filesystem::path weights;    // the .pth state dict
    std::filesystem::path vocabulary; // the .pkl itos list
};

/// Finds the weights and the vocabulary of `model` directly in `folder`: the catalogue's names
/// (lstm_fwd.pth, itos_wt103.pkl), else, as fastai's language_model_learner globs `*.pth` / `*.pkl`,
/// the folder's only .pth and only .pkl. `origin` says in messages what the folder came from
/// ("archive wt103-fwd.tgz"). Throws ulmfit::Error naming each missing file and what the folder holds.
ModelFiles locateModelFiles(const std::filesystem::path& folder, const PretrainedModelInfo& model,
                            const std::string& origin);

} // namespace ulmfit
