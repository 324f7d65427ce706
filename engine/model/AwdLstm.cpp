#include "model/AwdLstm.h"

#include <ATen/ATen.h>
#include <torch/nn/modules/container/modulelist.h>

namespace ulmfit {

AwdLstmImpl::AwdLstmImpl(const AwdLstmConfig& config) : m_config(config) {
    namespace nn = torch::nn;
    encoder = register_module(
        "encoder",
        nn::Embedding(nn::EmbeddingOptions(config.vocabSize, config.embSize).padding_idx(config.padToken)));
    {
        torch::NoGradGuard noGrad;
        encoder->weight.uniform_(-0.1, 0.1); // fastai's init, padding row included
    }
    encoderDp = register_module("encoder_dp", EmbeddingDropout(encoder, config.embedP));
    inputDp = register_module("input_dp", RNNDropout(config.inputP));
    auto rnnList = register_module("rnns", nn::ModuleList());
    auto dropList = register_module("hidden_dps", nn::ModuleList());
    for (int64_t l = 0; l < config.nLayers; ++l) {
        const int64_t in = l == 0 ? config.embSize : config.hiddenSize;
        const int64_t out = l == config.nLayers - 1 ? config.embSize : config.hiddenSize;
        rnns.push_back(LstmLayer(in, out, config.weightP));
        hiddenDps.push_back(RNNDropout(config.hiddenP));
        rnnList->push_back(rnns.back());
        dropList->push_back(hiddenDps.back());
    }
}

torch::Tensor AwdLstmImpl::forward(const torch::Tensor& input) {
    return forwardWithState(input, m_hidden);
}

torch::Tensor AwdLstmImpl::forwardWithState(const torch::Tensor& input, LstmState& state) {
    fitStateToBatch(state, input.size(0));
    auto output = inputDp(encoderDp(input));
    for (size_t l = 0; l < rnns.size(); ++l) {
        auto [out, newState] = rnns[l](output, state[l]);
        // Detached: gradients stop at the batch (bptt chunk) boundary, as in fastai.
        state[l] = LstmLayerState{newState.h.detach(), newState.c.detach()};
        output = l + 1 < rnns.size() ? hiddenDps[l](out) : out;
    }
    return output;
}

void AwdLstmImpl::reset() {
    m_hidden.clear(); // recreated as zeros (of the right batch size and device) on the next forward
}

LstmState AwdLstmImpl::zeroState(int64_t batchSize) const {
    LstmState state;
    const auto options = encoder->weight.options().requires_grad(false);
    for (const auto& rnn : rnns) {
        state.push_back({at::zeros({1, batchSize, rnn->hiddenSize()}, options),
                         at::zeros({1, batchSize, rnn->hiddenSize()}, options)});
    }
    return state;
}

void AwdLstmImpl::fitStateToBatch(LstmState& state, int64_t batchSize) const {
    if (state.size() != rnns.size() || state[0].h.device() != encoder->weight.device()) {
        state = zeroState(batchSize);
        return;
    }
    const int64_t current = state[0].h.size(1);
    if (current == batchSize)
        return;
    // fastai _change_hidden: keep the first rows, add zero rows for new ones.
    for (auto& layer : state) {
        for (torch::Tensor* t : {&layer.h, &layer.c}) {
            if (current > batchSize)
                *t = t->narrow(1, 0, batchSize).contiguous();
            else
                *t = at::cat({*t, at::zeros({1, batchSize - current, t->size(2)}, t->options())}, 1);
        }
    }
}

} // namespace ulmfit
