#pragma once
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <vector>

namespace ulmfit {

/// The classifier-specific settings of fastai's get_text_classifier (the encoder's sizes and
/// dropouts live in AwdLstmConfig; its outputP is the head's first dropout).
struct ClassifierOptions {
    int64_t nClasses = 2;
    int64_t seqLen = 72;              // bptt: the document is read in chunks of this many tokens
    int64_t maxLen = 72 * 20;         // only the chunks covering the last maxLen tokens are pooled
    std::vector<int64_t> linFtrs{50}; // hidden sizes of the head
    std::vector<double> linPs{
        0.1}; // dropouts before each hidden linear after the first (not scaled by drop_mult)
};

/// JSON keys: n_classes, seq_len, max_len, lin_ftrs, lin_ps.
void to_json(nlohmann::json& json, const ClassifierOptions& options);
void from_json(const nlohmann::json& json, ClassifierOptions& options); // throws ulmfit::Error

} // namespace ulmfit
