#include "model/AwdLstmConfig.h"

#include "core/Error.h"

#include <nlohmann/json.hpp>

namespace ulmfit {

AwdLstmConfig AwdLstmConfig::withDropMult(double dropMult) const {
    AwdLstmConfig scaled = *this;
    for (double* p : {&scaled.outputP, &scaled.hiddenP, &scaled.inputP, &scaled.embedP, &scaled.weightP})
        *p *= dropMult;
    return scaled;
}

AwdLstmConfig lmConfig(int64_t vocabSize, double dropMult) {
    AwdLstmConfig config;
    config.vocabSize = vocabSize;
    config.outputP = 0.1;
    config.hiddenP = 0.15;
    config.inputP = 0.25;
    config.embedP = 0.02;
    config.weightP = 0.2;
    return config.withDropMult(dropMult);
}

AwdLstmConfig classifierConfig(int64_t vocabSize, double dropMult) {
    AwdLstmConfig config;
    config.vocabSize = vocabSize;
    config.outputP = 0.4;
    config.hiddenP = 0.3;
    config.inputP = 0.4;
    config.embedP = 0.05;
    config.weightP = 0.5;
    return config.withDropMult(dropMult);
}

void to_json(nlohmann::json& json, const AwdLstmConfig& c) {
    json = {{"vocab_size", c.vocabSize}, {"emb_size", c.embSize},   {"hidden_size", c.hiddenSize},
            {"n_layers", c.nLayers},     {"pad_token", c.padToken}, {"output_p", c.outputP},
            {"hidden_p", c.hiddenP},     {"input_p", c.inputP},     {"embed_p", c.embedP},
            {"weight_p", c.weightP}};
}

void from_json(const nlohmann::json& json, AwdLstmConfig& c) {
    try {
        if (!json.is_object() || !json.contains("vocab_size"))
            throw Error("model config needs an object with \"vocab_size\"");
        AwdLstmConfig d;
        c.vocabSize = json.at("vocab_size").get<int64_t>();
        c.embSize = json.value("emb_size", d.embSize);
        c.hiddenSize = json.value("hidden_size", d.hiddenSize);
        c.nLayers = json.value("n_layers", d.nLayers);
        c.padToken = json.value("pad_token", d.padToken);
        c.outputP = json.value("output_p", d.outputP);
        c.hiddenP = json.value("hidden_p", d.hiddenP);
        c.inputP = json.value("input_p", d.inputP);
        c.embedP = json.value("embed_p", d.embedP);
        c.weightP = json.value("weight_p", d.weightP);
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("invalid model config: ") + e.what());
    }
    if (c.vocabSize <= 0 || c.embSize <= 0 || c.hiddenSize <= 0 || c.nLayers <= 0)
        throw Error("invalid model config: sizes must be positive");
    if (c.padToken < 0 || c.padToken >= c.vocabSize)
        throw Error("invalid model config: pad_token must be a token of the vocabulary");
    for (const double p : {c.outputP, c.hiddenP, c.inputP, c.embedP, c.weightP})
        if (!(p >= 0.0 && p <= 1.0))
            throw Error("invalid model config: dropout probabilities must be between 0 and 1");
}

} // namespace ulmfit
