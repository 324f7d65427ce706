#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ulmfit {

/// One of the highest-loss items (fastai's top_losses / plot_top_losses): usually a review the
/// model got confidently wrong.
struct TopLoss {
    std::size_t item = 0; // index in the evaluated list
    std::string path;     // review file, when known
    std::string actual;
    std::string predicted;
    float probability = 0; // of the predicted class
    float loss = 0;        // cross-entropy of the actual class
};

/// One member of an ensemble on the same documents.
struct MemberEvaluation {
    std::string name; // "fwd", "bwd"
    double accuracy = 0;
    double loss = 0;
};

/// Metrics of a classifier on labelled documents.
struct EvaluationResult {
    std::vector<std::string> labels;
    std::int64_t count = 0;
    double accuracy = 0;
    double loss = 0;                                  // mean cross-entropy
    std::vector<std::vector<std::int64_t>> confusion; // confusion[actual][predicted]
    std::vector<double> precision;                    // per class; 0 when the class was never predicted
    std::vector<double> recall;                       // per class; 0 when the class never occurs
    std::vector<TopLoss> topLosses;                   // highest loss first
    std::vector<MemberEvaluation> members;            // an ensemble's members; the fields above are the ensemble's
};

/// Pure computation from per-item class probabilities and true label indices.
/// `paths` may be empty; throws ulmfit::Error when sizes disagree.
EvaluationResult evaluatePredictions(const std::vector<std::vector<float>>& probabilities,
                                     const std::vector<int>& targets, const std::vector<std::string>& labels,
                                     const std::vector<std::string>& paths = {}, int topLosses = 10);

/// Plain-text report: accuracy, loss, confusion matrix, per-class precision/recall, top losses.
std::string formatEvaluation(const EvaluationResult& result);

} // namespace ulmfit
