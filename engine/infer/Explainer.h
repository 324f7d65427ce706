#pragma once
#include "data/corpus/Vocab.h"
#include "data/text/Tokenizer.h"
#include "infer/Attribution.h"
#include "model/ModelBundle.h"

#include <torch/types.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace ulmfit {

class Predictor;

struct ExplainOptions {
    AttributionMethod method = AttributionMethod::IntegratedGradients;
    int target = -1;      // label index to explain; -1 = the predicted one
    int steps = 32;       // Integrated Gradients: points on the path (midpoint rule)
    int stepsPerPass = 0; // rows per forward/backward; 0 = all steps in one pass
};

/// Word-level attributions for a trained classifier: which tokens made it choose a label.
///
/// The classifier is evaluated exactly as SentenceEncoder + PoolingLinearClassifier do in eval
/// mode, but from the token embeddings, so gradients can reach them: the chunks before the last
/// max_len tokens (which the encoder runs without a graph and never pools) give the fixed
/// starting state, and the pooled tokens run in one recurrence whose state is not detached
/// between seq_len chunks, so the gradient is that of the function the model computes.
///
/// Integrated Gradients (Sundararajan et al. 2017) integrates the gradient of the target logit
/// along the straight line from the baseline (every pooled token's embedding replaced by
/// xxpad's) to the input with the midpoint rule, all steps plus the two end points batched
/// into one forward and one backward; the scores then add up to the logit difference, and
/// `completenessError` says how closely. Attention is fastai v1's
/// TextClassificationInterpretation.intrinsic_attention: the gradient of the target's softmax
/// probability, |.| summed over the embedding (fastai's abs().sum(), an L1 norm), divided by
/// its maximum.
///
/// Gradients go to the input only (torch::autograd::grad), so the weights' .grad stay untouched
/// and a model shared with a Predictor is only read. The device is the model's.
class Explainer {
  public:
    explicit Explainer(const std::filesystem::path& bundleDir, torch::Device device = torch::kCPU);
    explicit Explainer(LoadedClassifier classifier, torch::Device device = torch::kCPU);
    /// Shares the predictor's model and vocabulary (no second copy of the weights).
    explicit Explainer(const Predictor& predictor);

    /// Not thread-safe (like Predictor); call it from one thread at a time.
    Attribution explain(std::string_view text, const ExplainOptions& options = {});

    /// Index of `label`; throws ulmfit::Error naming the labels there are.
    int labelIndex(std::string_view label) const;
    const std::vector<std::string>& labels() const { return m_labels; }
    torch::Device device() const { return m_device; }

  private:
    struct Pass;
    torch::Tensor logitsFrom(const torch::Tensor& embedded, const torch::Tensor& mask, const Pass& pass);
    void integratedGradients(Attribution& out, const Pass& pass, const ExplainOptions& options);
    void attention(Attribution& out, const Pass& pass, int target);

    TextClassifier m_model{nullptr};
    Vocab m_vocab;
    std::vector<std::string> m_labels;
    torch::Device m_device;
    Direction m_direction;
    text::Tokenizer m_tokenizer;
};

} // namespace ulmfit
