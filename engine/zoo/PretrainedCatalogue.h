#pragma once
#include "zoo/FastaiCheck.h"

#include <optional>
#include <string>
#include <vector>

namespace ulmfit {

/// One language model of fastai's model zoo: where to get it and what its archive must hold.
struct PretrainedModelInfo {
    std::string name;                 // "wt103-fwd": also the folder it is installed to
    std::string description;          // one line for `ulmfit models list` and the GUI
    std::string url;                  // the archive (a .tgz)
    std::optional<FastaiCheck> check; // the size and MD5 fastai's download checks list, when they list it
    std::string weightsFile;          // the torch.save'd state dict, e.g. "lstm_fwd.pth"
    std::string vocabularyFile;       // the pickled itos list, e.g. "itos_wt103.pkl"
};

/// fastai's pretrained AWD-LSTM language models (WikiText-103, forward and backward).
const std::vector<PretrainedModelInfo>& pretrainedCatalogue();

/// The entry named `name`; throws ulmfit::Error naming the known models when there is none.
const PretrainedModelInfo& findPretrainedModel(const std::string& name);

/// "wt103-fwd, wt103-bwd": for messages.
std::string knownPretrainedModelNames();

} // namespace ulmfit
