#pragma once
#include "model/LanguageModel.h"
#include "model/TextClassifier.h"

#include <torch/types.h>

#include <vector>

namespace ulmfit {

/// A model split into fastai's layer groups (first = closest to the input), used for
/// discriminative learning rates (one optimizer param group per entry) and gradual unfreezing.
struct ParameterGroups {
    std::vector<std::vector<torch::Tensor>> groups;
    std::vector<torch::Tensor> batchNorm; // stay trainable when frozen (fastai train_bn=True)

    size_t size() const { return groups.size(); }
    std::vector<torch::Tensor> all() const; // every parameter once, in group order
};

/// awd_lstm_lm_split: one group per LSTM layer (with its weight dropout), then embedding +
/// decoder (tied weight once, decoder bias) as the LAST group -> nLayers + 1 groups.
ParameterGroups splitParameters(const LanguageModel& model);
/// awd_lstm_clas_split: embedding first, then each LSTM layer, then the head -> nLayers + 2 groups.
ParameterGroups splitParameters(const TextClassifier& model);

std::vector<std::vector<torch::Tensor>> parameterGroups(const LanguageModel& model);
std::vector<std::vector<torch::Tensor>> parameterGroups(const TextClassifier& model);

/// fastai freeze_to(n): groups before index n are frozen, the rest trainable; a negative n
/// counts from the end (freezeTo(-1): only the last group trains; freezeTo(-2): the last two).
/// BatchNorm parameters always stay trainable.
void freezeTo(const ParameterGroups& groups, int n);
void freezeTo(const LanguageModel& model, int n);
void freezeTo(const TextClassifier& model, int n);
void freeze(const LanguageModel& model); // = freezeTo(-1)
void freeze(const TextClassifier& model);
void unfreeze(const LanguageModel& model); // = freezeTo(0)
void unfreeze(const TextClassifier& model);

/// fastai's norm_bias_params, the parameters weight decay skips (wd_bn_bias=False): every norm
/// layer's parameters and each module's own `bias` (the decoder's, the head's linear layers').
/// The LSTM's bias_ih/bias_hh are not among them: fastai decays those, and so do we.
std::vector<torch::Tensor> normAndBiasParameters(const torch::nn::Module& model);

/// Number of scalars in parameters that require grad / in all parameters.
int64_t trainableParameterCount(const torch::nn::Module& model);
int64_t parameterCount(const torch::nn::Module& model);

} // namespace ulmfit
