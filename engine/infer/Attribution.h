#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ulmfit {

/// How a token's score is computed (Explainer).
enum class AttributionMethod {
    IntegratedGradients, // signed, in logit units; the scores add up to logit(input) - logit(baseline)
    Attention,           // fastai v1's intrinsic attention: |d prob / d embedding| summed, scaled 0..1
};

/// "ig" / "attention" (the CLI's spelling); parseAttributionMethod throws ulmfit::Error otherwise.
const char* attributionMethodName(AttributionMethod method);
AttributionMethod parseAttributionMethod(std::string_view name);

/// One fastai token of the explained text.
struct TokenAttribution {
    std::string token;
    std::size_t start = 0;  // byte offset of its characters in the original (UTF-8) text
    std::size_t length = 0; // bytes; 0 = no characters of its own (xxbos)
    float score = 0;
    /// False for tokens before the chunks the classifier pools (texts longer than max_len): they
    /// reach the prediction only through the hidden state the SentenceEncoder detaches, so they
    /// are fixed context, not attributed; their score is exactly 0.
    bool pooled = true;
};

/// Why the classifier labelled one text as it did.
struct Attribution {
    std::string text; // the original text the spans index
    AttributionMethod method = AttributionMethod::IntegratedGradients;
    std::vector<std::string> labels;
    std::vector<float> probabilities; // per label, at the input (the classifier's prediction)
    int predicted = 0;                // index of the most probable label
    int target = 0;                   // the label the scores explain
    std::vector<TokenAttribution> tokens;

    // Integrated Gradients only.
    int steps = 0;
    double targetLogit = 0;       // logit of `target` at the input
    double baselineLogit = 0;     // ... with every pooled token's embedding set to xxpad's
    double attributionSum = 0;    // sum of the scores
    double completenessError = 0; // |sum - (targetLogit - baselineLogit)| / |targetLogit - baselineLogit|
};

/// Indices of `tokens` ordered by decreasing |score| (ties keep text order).
std::vector<std::size_t> rankByInfluence(const Attribution& attribution);

} // namespace ulmfit
