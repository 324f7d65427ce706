#include "pretrained/FastaiLayout.h"

#include "core/Error.h"

#include <torch/nn/module.h>

#include <unordered_set>

namespace ulmfit {
namespace {

struct Slot {
    std::string key;
    torch::Tensor target;
    bool required = true;
};

torch::Tensor parameter(const torch::nn::Module& module, const std::string& name) {
    const auto params = module.named_parameters(/*recurse=*/true);
    const auto* found = params.find(name);
    if (!found)
        throw Error("internal: the LSTM layer has no parameter " + name);
    return *found;
}

/// fastai v2's order. The embedding's dropout copy is optional: it is the same tensor.
std::vector<Slot> encoderSlots(const AwdLstm& encoder, const std::string& p) {
    std::vector<Slot> slots{{p + "encoder.weight", encoder->encoder->weight},
                            {p + "encoder_dp.emb.weight", encoder->encoder->weight, false}};
    for (std::size_t i = 0; i < encoder->rnns.size(); ++i) {
        const auto& rnn = *encoder->rnns[i];
        const std::string r = p + "rnns." + std::to_string(i) + ".";
        slots.push_back({r + "weight_hh_l0_raw", parameter(rnn, "weight_hh_l0.raw")});
        slots.push_back({r + "module.weight_ih_l0", parameter(rnn, "weight_ih_l0")});
        slots.push_back({r + "module.bias_ih_l0", parameter(rnn, "bias_ih_l0")});
        slots.push_back({r + "module.bias_hh_l0", parameter(rnn, "bias_hh_l0")});
    }
    return slots;
}

std::vector<Slot> languageModelSlots(const LanguageModel& model) {
    auto slots = encoderSlots(model->encoder, fastai::kLanguageModelPrefix);
    slots.push_back({fastai::kDecoderWeightKey, model->decoder->weight(), false});
    slots.push_back({fastai::kDecoderBiasKey, model->decoder->bias()});
    return slots;
}

/// fastai v1 kept WeightDropout's dropped copy among the LSTM's parameters; fastai v2's
/// clean_raw_keys drops it when the raw weight is there, and so does this.
bool isV1WeightCopy(const std::string& key, const StateDict& stateDict) {
    const std::string suffix = ".module.weight_hh_l0";
    if (key.size() <= suffix.size() || key.compare(key.size() - suffix.size(), suffix.size(), suffix) != 0)
        return false;
    return stateDict.contains(key.substr(0, key.size() - suffix.size()) + ".weight_hh_l0_raw");
}

void checkAndLoad(const std::vector<Slot>& slots, const StateDict& stateDict, const std::string& what) {
    std::unordered_set<std::string> known;
    for (const auto& slot : slots) {
        known.insert(slot.key);
        const torch::Tensor* tensor = stateDict.find(slot.key);
        if (!tensor) {
            if (slot.required)
                throw Error("the weights have no tensor " + slot.key + " (is this fastai's AWD-LSTM " + what +
                            "?)");
            continue;
        }
        if (tensor->sizes() != slot.target.sizes())
            throw Error(slot.key + " is " + shapeText(tensor->sizes()) +
                        " in the file but this model needs " + shapeText(slot.target.sizes()));
        if (!tensor->is_floating_point())
            throw Error(slot.key + " does not hold floating-point weights");
    }
    for (const auto& [key, tensor] : stateDict.entries())
        if (!known.count(key) && !isV1WeightCopy(key, stateDict))
            throw Error("unexpected tensor " + key + " " + shapeText(tensor.sizes()) +
                        ": not part of fastai's AWD-LSTM " + what);
    torch::NoGradGuard noGrad;
    for (const auto& slot : slots)
        if (const torch::Tensor* tensor = stateDict.find(slot.key))
            slot.target.copy_(*tensor);
}

StateDict toStateDict(const std::vector<Slot>& slots) {
    StateDict stateDict;
    for (const auto& slot : slots)
        stateDict.set(slot.key, slot.target.detach());
    return stateDict;
}

} // namespace

AwdLstmConfig configFromFastaiStateDict(const StateDict& stateDict, const std::string& prefix,
                                        AwdLstmConfig base) {
    const torch::Tensor* embedding = stateDict.find(prefix + "encoder.weight");
    if (!embedding || embedding->dim() != 2)
        throw Error("the weights have no 2-d embedding " + prefix +
                    "encoder.weight: not a fastai AWD-LSTM state dict");
    base.vocabSize = embedding->size(0);
    base.embSize = embedding->size(1);
    int64_t layers = 0;
    while (stateDict.contains(prefix + "rnns." + std::to_string(layers) + ".weight_hh_l0_raw"))
        ++layers;
    if (layers == 0)
        throw Error("the weights have no " + prefix +
                    "rnns.0.weight_hh_l0_raw: not a fastai AWD-LSTM state dict");
    base.nLayers = layers;
    const auto& first = stateDict.at(prefix + "rnns.0.weight_hh_l0_raw");
    // With one layer it maps the embedding back onto itself; otherwise layer 0 sets the size.
    base.hiddenSize = layers == 1 ? base.embSize : (first.dim() == 2 ? first.size(1) : 0);
    if (base.hiddenSize <= 0)
        throw Error(prefix + "rnns.0.weight_hh_l0_raw is " + shapeText(first.sizes()) + ", not a matrix");
    return base;
}

void loadFastaiLanguageModel(const LanguageModel& model, const StateDict& stateDict) {
    checkAndLoad(languageModelSlots(model), stateDict, "language model");
}

void loadFastaiEncoder(const AwdLstm& encoder, const StateDict& stateDict) {
    checkAndLoad(encoderSlots(encoder, fastai::kEncoderPrefix), stateDict, "encoder");
}

StateDict fastaiLanguageModelStateDict(const LanguageModel& model) {
    return toStateDict(languageModelSlots(model));
}

StateDict fastaiEncoderStateDict(const AwdLstm& encoder) {
    return toStateDict(encoderSlots(encoder, fastai::kEncoderPrefix));
}

} // namespace ulmfit
