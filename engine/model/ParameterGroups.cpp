#include "model/ParameterGroups.h"

#include <torch/nn/modules/batchnorm.h>

#include <algorithm>

namespace ulmfit {
namespace {

std::vector<torch::Tensor> batchNormParameters(const torch::nn::Module& model) {
    std::vector<torch::Tensor> result;
    for (const auto& module : model.modules()) {
        if (module->as<torch::nn::BatchNorm1dImpl>()) {
            auto params = module->parameters();
            result.insert(result.end(), params.begin(), params.end());
        }
    }
    return result;
}

void addLstmGroups(const AwdLstmImpl& encoder, ParameterGroups& split) {
    for (const auto& rnn : encoder.rnns)
        split.groups.push_back(rnn->parameters()); // weight dropout and hidden dropout have no others
}

} // namespace

std::vector<torch::Tensor> ParameterGroups::all() const {
    std::vector<torch::Tensor> result;
    for (const auto& group : groups)
        result.insert(result.end(), group.begin(), group.end());
    return result;
}

ParameterGroups splitParameters(const LanguageModel& model) {
    ParameterGroups split;
    addLstmGroups(*model->encoder, split);
    // Embedding + decoder last: the tied weight once (the decoder does not register it), then the bias.
    split.groups.push_back({model->encoder->encoder->weight, model->decoder->bias()});
    split.batchNorm = batchNormParameters(*model);
    return split;
}

ParameterGroups splitParameters(const TextClassifier& model) {
    ParameterGroups split;
    const auto& encoder = *model->encoder->module;
    split.groups.push_back(encoder.encoder->parameters());
    addLstmGroups(encoder, split);
    split.groups.push_back(model->head->parameters());
    split.batchNorm = batchNormParameters(*model);
    return split;
}

std::vector<std::vector<torch::Tensor>> parameterGroups(const LanguageModel& model) {
    return splitParameters(model).groups;
}

std::vector<std::vector<torch::Tensor>> parameterGroups(const TextClassifier& model) {
    return splitParameters(model).groups;
}

void freezeTo(const ParameterGroups& split, int n) {
    const int count = static_cast<int>(split.size());
    const int frozen = std::clamp(n >= 0 ? n : count + n, 0, count);
    for (int g = 0; g < count; ++g) {
        for (const auto& p : split.groups[g])
            p.set_requires_grad(g >= frozen);
    }
    for (const auto& p : split.batchNorm)
        p.set_requires_grad(true);
}

void freezeTo(const LanguageModel& model, int n) {
    freezeTo(splitParameters(model), n);
}
void freezeTo(const TextClassifier& model, int n) {
    freezeTo(splitParameters(model), n);
}
void freeze(const LanguageModel& model) {
    freezeTo(model, -1);
}
void freeze(const TextClassifier& model) {
    freezeTo(model, -1);
}
void unfreeze(const LanguageModel& model) {
    freezeTo(model, 0);
}
void unfreeze(const TextClassifier& model) {
    freezeTo(model, 0);
}

std::vector<torch::Tensor> normAndBiasParameters(const torch::nn::Module& model) {
    std::vector<torch::Tensor> skipped;
    for (const auto& module : model.modules(/*include_self=*/true)) {
        const std::string kind = module->name();
        const bool norm = kind.find("BatchNorm") != std::string::npos || kind.find("LayerNorm") != std::string::npos;
        for (const auto& parameter : module->named_parameters(/*recurse=*/false))
            if (norm || parameter.key() == "bias")
                skipped.push_back(parameter.value());
    }
    return skipped;
}

int64_t trainableParameterCount(const torch::nn::Module& model) {
    int64_t count = 0;
    for (const auto& p : model.parameters())
        count += p.requires_grad() ? p.numel() : 0;
    return count;
}

int64_t parameterCount(const torch::nn::Module& model) {
    int64_t count = 0;
    for (const auto& p : model.parameters())
        count += p.numel();
    return count;
}

} // namespace ulmfit
