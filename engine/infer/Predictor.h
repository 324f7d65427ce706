#pragma once
#include "core/CancelToken.h"
#include "core/Observer.h"
#include "data/corpus/Vocab.h"
#include "data/text/Tokenizer.h"
#include "model/ModelBundle.h"

#include <torch/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ulmfit {

/// One classified text (the book's learn.predict: label, index, probabilities).
struct Prediction {
    std::string label;
    int index = 0;
    std::vector<float> probabilities; // one per label, in the bundle's label order
};

/// A trained classifier bundle ready to label raw text: fastai tokenization, the bundle's vocab,
/// the model in eval mode without gradients. Not thread-safe (the model keeps per-call state).
class Predictor {
  public:
    explicit Predictor(const std::filesystem::path& bundleDir, torch::Device device = torch::kCPU);
    explicit Predictor(LoadedClassifier classifier, torch::Device device = torch::kCPU);

    Prediction classify(std::string_view text);
    /// Length-sorted batches (little padding); results come back in input order and equal
    /// classify() of each text. Progress task "classify" in "docs".
    std::vector<Prediction> classifyMany(const std::vector<std::string>& texts, int batchSize = 32,
                                         Observer* observer = nullptr, const CancelToken* cancel = nullptr);

    /// Class probabilities of already numericalized documents (ids in vocab()), in input order.
    std::vector<std::vector<float>> probabilities(const std::vector<std::vector<std::int32_t>>& docs,
                                                  int batchSize = 32, Observer* observer = nullptr,
                                                  const CancelToken* cancel = nullptr);
    std::vector<std::int32_t> numericalize(std::string_view text) const;

    const std::vector<std::string>& labels() const { return m_labels; }
    const Vocab& vocab() const { return m_vocab; }
    const TextClassifier& model() const { return m_model; }
    torch::Device device() const { return m_device; }

  private:
    Prediction toPrediction(std::vector<float> probabilities) const;
    torch::Tensor frontPaddedBatch(const std::vector<std::vector<std::int32_t>>& docs,
                                   const std::vector<size_t>& order, size_t begin, size_t end) const;

    TextClassifier m_model{nullptr};
    Vocab m_vocab;
    std::vector<std::string> m_labels;
    torch::Device m_device;
    text::Tokenizer m_tokenizer;
};

} // namespace ulmfit
