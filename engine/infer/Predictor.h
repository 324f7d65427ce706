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
    /// An ensemble's members' own probabilities (their mean is `probabilities`); empty otherwise.
    std::vector<std::vector<float>> memberProbabilities;
};

/// The ULMFiT paper's ensemble: per document, the mean of the members' probabilities
/// ([member][document][class] -> [document][class]).
std::vector<std::vector<float>> meanProbabilities(const std::vector<std::vector<std::vector<float>>>& members);

/// A trained classifier bundle ready to label raw text: fastai tokenization, the bundle's vocab,
/// the model in eval mode without gradients. Not thread-safe (the model keeps per-call state).
/// An ensemble folder (ModelBundle.h) loads every member; its probabilities are the members' mean.
class Predictor {
  public:
    explicit Predictor(const std::filesystem::path& bundleDir, torch::Device device = torch::kCPU);
    explicit Predictor(LoadedClassifier classifier, torch::Device device = torch::kCPU);
    /// An ensemble of classifiers trained on one vocabulary and one label set (else ulmfit::Error).
    Predictor(std::vector<LoadedClassifier> members, std::vector<std::string> memberNames,
              torch::Device device = torch::kCPU);

    Prediction classify(std::string_view text);
    /// Length-sorted batches (little padding); results come back in input order and equal
    /// classify() of each text. Progress task "classify" in "docs".
    std::vector<Prediction> classifyMany(const std::vector<std::string>& texts, int batchSize = 32,
                                         Observer* observer = nullptr, const CancelToken* cancel = nullptr);

    /// Class probabilities of already numericalized documents (ids in vocab(), in reading order: a
    /// backward model reads each reversed), in input order.
    std::vector<std::vector<float>> probabilities(const std::vector<std::vector<std::int32_t>>& docs,
                                                  int batchSize = 32, Observer* observer = nullptr,
                                                  const CancelToken* cancel = nullptr);
    /// The same per member: [member][document][class].
    std::vector<std::vector<std::vector<float>>>
    memberProbabilities(const std::vector<std::vector<std::int32_t>>& docs, int batchSize = 32,
                        Observer* observer = nullptr, const CancelToken* cancel = nullptr);
    std::vector<std::int32_t> numericalize(std::string_view text) const;

    const std::vector<std::string>& labels() const { return m_labels; }
    const Vocab& vocab() const { return m_vocab; }
    /// The (first) member's model and direction: what the Explainer attributes.
    const TextClassifier& model() const { return m_members.front().model; }
    Direction direction() const { return m_members.front().direction; }
    torch::Device device() const { return m_device; }
    std::size_t memberCount() const { return m_members.size(); }
    const std::vector<std::string>& memberNames() const { return m_memberNames; } // "fwd", "bwd"

  private:
    struct Member {
        TextClassifier model{nullptr};
        Direction direction = Direction::Forward;
    };
    Prediction toPrediction(std::vector<float> probabilities) const;
    std::vector<Prediction> classifyIds(const std::vector<std::vector<std::int32_t>>& docs, int batchSize,
                                        Observer* observer, const CancelToken* cancel);
    std::vector<std::vector<float>> memberRun(Member& member, const std::vector<std::vector<std::int32_t>>& docs,
                                              int batchSize, Observer* observer, const CancelToken* cancel,
                                              double progressBase, double progressTotal);
    torch::Tensor frontPaddedBatch(const Member& member, const std::vector<std::vector<std::int32_t>>& docs,
                                   const std::vector<size_t>& order, size_t begin, size_t end) const;

    std::vector<Member> m_members;
    std::vector<std::string> m_memberNames;
    Vocab m_vocab;
    std::vector<std::string> m_labels;
    torch::Device m_device;
    text::Tokenizer m_tokenizer;
};

} // namespace ulmfit
