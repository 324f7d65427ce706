#pragma once
#include <nlohmann/json_fwd.hpp>

#include <cstdint>

namespace ulmfit {

/// Sizes and dropout probabilities of an AWD-LSTM: a plain struct so that model size is
/// configuration (a tiny model runs on a CPU, the book's model on a GPU).
struct AwdLstmConfig {
    int64_t vocabSize = 0;
    int64_t embSize = 400;
    int64_t hiddenSize = 1152;
    int64_t nLayers = 3;
    int64_t padToken = 1;
    double outputP = 0.1;  // dropout before the decoder / classifier head
    double hiddenP = 0.15; // between LSTM layers
    double inputP = 0.25;  // after the embedding
    double embedP = 0.02;  // whole embedding rows
    double weightP = 0.2;  // DropConnect on the hidden-to-hidden weights

    /// The one place where fastai's drop_mult scales every dropout probability.
    AwdLstmConfig withDropMult(double dropMult) const;
};

/// fastai's awd_lstm_lm_config (tied weights, output bias), dropouts scaled by dropMult.
AwdLstmConfig lmConfig(int64_t vocabSize, double dropMult = 1.0);
/// fastai's awd_lstm_clas_config, dropouts scaled by dropMult.
AwdLstmConfig classifierConfig(int64_t vocabSize, double dropMult = 1.0);

/// JSON keys: vocab_size, emb_size, hidden_size, n_layers, pad_token, output_p, hidden_p,
/// input_p, embed_p, weight_p. Missing keys keep their defaults; vocab_size is required.
void to_json(nlohmann::json& json, const AwdLstmConfig& config);
void from_json(const nlohmann::json& json, AwdLstmConfig& config); // throws ulmfit::Error

} // namespace ulmfit
