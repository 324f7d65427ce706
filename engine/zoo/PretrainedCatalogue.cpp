#include "zoo/PretrainedCatalogue.h"

#include "core/Error.h"

namespace ulmfit {

// Where the numbers come from:
// - URLs: fastai's `URLs.WT103_FWD` / `URLs.WT103_BWD` (fastai/data/external.py:
//   S3 = 'https://s3.amazonaws.com/fast-ai-', S3_MODEL = f'{S3}modelzoo/', WT103_FWD =
//   f'{S3_MODEL}wt103-fwd.tgz').
// - Size and MD5 of the first MiB: fastai v2's fastai/data/checks.txt does not list these two archives
//   (it lists only the older wt103.tgz / wt103-1.tgz), so fastai 2 downloads them unchecked. fastai v1
//   listed them in the `_checks` table of fastai/datasets.py (github.com/fastai/fastai1, added by commit
//   feb1efa7 "Add bwd model", 2019-06-10, unchanged since): WT103_FWD (105067061, '7d1114cd...'),
//   WT103_BWD (105205312, '20b06f58...'), computed by `_check_file` (size, md5 of the first 2**20 bytes).
// - File names: fastai's source never names them: language_model_learner takes the first `*.pth` and
//   `*.pkl` it finds in the extracted folder. lstm_fwd.pth / lstm_bwd.pth and itos_wt103.pkl are the
//   names public notebooks show in ~/.fastai/models/wt103-fwd/ (and issue 11 gives); as fastai's glob
//   would, ModelFiles also accepts an archive whose only .pth and only .pkl are named otherwise.
const std::vector<PretrainedModelInfo>& pretrainedCatalogue() {
    static const std::vector<PretrainedModelInfo> catalogue = {
        {"wt103-fwd", "AWD-LSTM language model pretrained on WikiText-103 by fastai (forward)",
         "https://s3.amazonaws.com/fast-ai-modelzoo/wt103-fwd.tgz",
         FastaiCheck{105067061, "7d1114cd9684bf9d1ca3c9f6a54da6f9"}, "lstm_fwd.pth", "itos_wt103.pkl"},
        {"wt103-bwd",
         "AWD-LSTM language model pretrained on WikiText-103 by fastai (backward, reads text reversed)",
         "https://s3.amazonaws.com/fast-ai-modelzoo/wt103-bwd.tgz",
         FastaiCheck{105205312, "20b06f5830fd5a891d21044c28d3097f"}, "lstm_bwd.pth", "itos_wt103.pkl"},
    };
    return catalogue;
}

std::string knownPretrainedModelNames() {
    std::string names;
    for (const PretrainedModelInfo& model : pretrainedCatalogue())
        names += (names.empty() ? "" : ", ") + model.name;
    return names;
}

const PretrainedModelInfo& findPretrainedModel(const std::string& name) {
    for (const PretrainedModelInfo& model : pretrainedCatalogue())
        if (model.name == name)
            return model;
    throw Error("unknown pretrained model '" + name + "'; known models: " + knownPretrainedModelNames());
}

} // namespace ulmfit
