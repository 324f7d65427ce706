#include "infer/Predictor.h"

#include "core/Error.h"

#include <ATen/ATen.h>
#include <torch/utils.h>

#include <algorithm>
#include <numeric>

namespace ulmfit {

Predictor::Predictor(const std::filesystem::path& bundleDir, torch::Device device)
    : Predictor(loadClassifierBundle(bundleDir, device), device) {}

Predictor::Predictor(LoadedClassifier classifier, torch::Device device)
    : m_model(std::move(classifier.model)), m_vocab(std::move(classifier.vocab)),
      m_labels(std::move(classifier.labels)), m_device(device) {
    m_model->to(device);
    m_model->eval();
}

std::vector<std::int32_t> Predictor::numericalize(std::string_view text) const {
    return m_vocab.encode(m_tokenizer.tokenize(text));
}

Prediction Predictor::classify(std::string_view text) {
    return toPrediction(probabilities({numericalize(text)}, 1).front());
}

std::vector<Prediction> Predictor::classifyMany(const std::vector<std::string>& texts, int batchSize,
                                                Observer* observer, const CancelToken* cancel) {
    std::vector<std::vector<std::int32_t>> docs;
    for (const auto& tokens : m_tokenizer.tokenizeAll(texts, 0, nullptr, cancel))
        docs.push_back(m_vocab.encode(tokens));
    std::vector<Prediction> predictions;
    for (auto& p : probabilities(docs, batchSize, observer, cancel))
        predictions.push_back(toPrediction(std::move(p)));
    return predictions;
}

std::vector<std::vector<float>> Predictor::probabilities(const std::vector<std::vector<std::int32_t>>& docs,
                                                         int batchSize, Observer* observer,
                                                         const CancelToken* cancel) {
    // Longest first, so each batch holds documents of similar length (fastai's SortedDL).
    std::vector<size_t> order(docs.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return docs[a].size() > docs[b].size(); });
    std::vector<std::vector<float>> result(docs.size());
    torch::NoGradGuard noGrad;
    const size_t step = static_cast<size_t>(std::max(1, batchSize));
    for (size_t begin = 0; begin < order.size(); begin += step) {
        throwIfCancelled(cancel);
        const size_t end = std::min(order.size(), begin + step);
        auto probs = at::softmax(m_model(frontPaddedBatch(docs, order, begin, end)).to(at::kFloat), 1).cpu();
        for (size_t i = begin; i < end; ++i) {
            auto row = probs[static_cast<int64_t>(i - begin)];
            result[order[i]].assign(row.data_ptr<float>(), row.data_ptr<float>() + row.numel());
        }
        report(observer, {"classify", double(end), double(order.size()), 0, "docs", ""});
    }
    return result;
}

torch::Tensor Predictor::frontPaddedBatch(const std::vector<std::vector<std::int32_t>>& docs,
                                          const std::vector<size_t>& order, size_t begin, size_t end) const {
    const size_t longest = std::max<size_t>(1, docs[order[begin]].size());
    auto batch = at::full({static_cast<int64_t>(end - begin), static_cast<int64_t>(longest)},
                          m_model->config().padToken, at::kLong);
    auto acc = batch.accessor<int64_t, 2>();
    for (size_t i = begin; i < end; ++i) {
        const auto& doc = docs[order[i]];
        const size_t offset = longest - doc.size(); // pad_first, as the training loader does
        for (size_t t = 0; t < doc.size(); ++t)
            acc[static_cast<int64_t>(i - begin)][static_cast<int64_t>(offset + t)] = doc[t];
    }
    return batch.to(m_device);
}

Prediction Predictor::toPrediction(std::vector<float> probabilities) const {
    const auto best = std::max_element(probabilities.begin(), probabilities.end()) - probabilities.begin();
    return {m_labels.at(static_cast<size_t>(best)), static_cast<int>(best), std::move(probabilities)};
}

} // namespace ulmfit
