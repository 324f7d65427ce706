#include "model/LanguageModel.h"

namespace ulmfit {

LanguageModelImpl::LanguageModelImpl(const AwdLstmConfig& config) {
    encoder = register_module("encoder", AwdLstm(config));
    // Tied: the decoder holds the embedding's weight tensor itself (not a copy), so both always
    // see the same storage, also after to(device) and loading.
    decoder = register_module("decoder", LinearDecoder(encoder->encoder->weight, config.outputP));
}

LmOutput LanguageModelImpl::forward(const torch::Tensor& input) {
    return decoder(encoder(input));
}

} // namespace ulmfit
