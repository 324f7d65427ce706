#include "infer/Predictor.h"

#include "core/Error.h"
#include "model/ModelFolder.h"

#include <ATen/ATen.h>
#include <torch/utils.h>

#include <algorithm>
#include <numeric>

namespace ulmfit {

namespace {
std::vector<LoadedClassifier> loadMembers(const std::filesystem::path& folder, torch::Device device) {
    const auto dir = resolveModelFolder(folder, ModelKind::Classifier);
    std::vector<LoadedClassifier> members;
    if (!isEnsembleFolder(dir)) {
        members.push_back(loadClassifierBundle(dir, device));
        return members;
    }
    for (const auto& member : ensembleMembers(dir))
        members.push_back(loadClassifierBundle(member, device));
    return members;
}

std::vector<LoadedClassifier> one(LoadedClassifier classifier) {
    std::vector<LoadedClassifier> members;
    members.push_back(std::move(classifier));
    return members;
}

} // namespace

std::vector<std::vector<float>> meanProbabilities(const std::vector<std::vector<std::vector<float>>>& members) {
    std::vector<std::vector<float>> mean;
    for (std::size_t d = 0; d < members.front().size(); ++d) {
        mean.emplace_back(members.front()[d].size(), 0.f);
        for (const auto& member : members)
            for (std::size_t c = 0; c < mean[d].size(); ++c)
                mean[d][c] += member[d][c] / float(members.size());
    }
    return mean;
}

Predictor::Predictor(const std::filesystem::path& bundleDir, torch::Device device)
    : Predictor(loadMembers(bundleDir, device), {}, device) {}

Predictor::Predictor(LoadedClassifier classifier, torch::Device device) : Predictor(one(std::move(classifier)), {}, device) {}

Predictor::Predictor(std::vector<LoadedClassifier> members, std::vector<std::string> memberNames,
                     torch::Device device)
    : m_memberNames(std::move(memberNames)), m_device(device) {
    if (members.empty())
        throw Error("an ensemble needs at least one classifier");
    m_vocab = Vocab(members.front().vocab);
    m_labels = members.front().labels;
    for (auto& loaded : members) {
        if (loaded.vocab != members.front().vocab)
            throw Error("the ensemble's classifiers were trained with different vocabularies (" +
                        std::to_string(members.front().vocab.size()) + " and " + std::to_string(loaded.vocab.size()) +
                        " tokens): their probabilities cannot be averaged; train both in one run "
                        "(\"directions\": [\"fwd\", \"bwd\"])");
        if (loaded.labels != m_labels)
            throw Error("the ensemble's classifiers have different labels: their probabilities cannot be averaged");
        loaded.model->to(device);
        loaded.model->eval();
        m_members.push_back({std::move(loaded.model), loaded.direction});
    }
    while (m_memberNames.size() < m_members.size())
        m_memberNames.push_back(directionName(m_members[m_memberNames.size()].direction));
}

std::vector<std::int32_t> Predictor::numericalize(std::string_view text) const {
    return m_vocab.encode(m_tokenizer.tokenize(text));
}

Prediction Predictor::classify(std::string_view text) {
    return classifyIds({numericalize(text)}, 1, nullptr, nullptr).front();
}

std::vector<Prediction> Predictor::classifyMany(const std::vector<std::string>& texts, int batchSize,
                                                Observer* observer, const CancelToken* cancel) {
    std::vector<std::vector<std::int32_t>> docs;
    for (const auto& tokens : m_tokenizer.tokenizeAll(texts, 0, nullptr, cancel))
        docs.push_back(m_vocab.encode(tokens));
    return classifyIds(docs, batchSize, observer, cancel);
}

std::vector<Prediction> Predictor::classifyIds(const std::vector<std::vector<std::int32_t>>& docs, int batchSize,
                                               Observer* observer, const CancelToken* cancel) {
    const auto members = memberProbabilities(docs, batchSize, observer, cancel);
    auto mean = meanProbabilities(members);
    std::vector<Prediction> predictions;
    for (std::size_t d = 0; d < docs.size(); ++d) {
        predictions.push_back(toPrediction(std::move(mean[d])));
        if (m_members.size() > 1)
            for (const auto& member : members)
                predictions.back().memberProbabilities.push_back(member[d]);
    }
    return predictions;
}

std::vector<std::vector<float>> Predictor::probabilities(const std::vector<std::vector<std::int32_t>>& docs,
                                                         int batchSize, Observer* observer,
                                                         const CancelToken* cancel) {
    return meanProbabilities(memberProbabilities(docs, batchSize, observer, cancel));
}

std::vector<std::vector<std::vector<float>>>
Predictor::memberProbabilities(const std::vector<std::vector<std::int32_t>>& docs, int batchSize,
                               Observer* observer, const CancelToken* cancel) {
    std::vector<std::vector<std::vector<float>>> result;
    const double total = double(docs.size() * m_members.size());
    for (std::size_t m = 0; m < m_members.size(); ++m)
        result.push_back(memberRun(m_members[m], docs, batchSize, observer, cancel, double(m * docs.size()), total));
    return result;
}

std::vector<std::vector<float>> Predictor::memberRun(Member& member,
                                                     const std::vector<std::vector<std::int32_t>>& docs,
                                                     int batchSize, Observer* observer, const CancelToken* cancel,
                                                     double progressBase, double progressTotal) {
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
        auto probs =
            at::softmax(member.model(frontPaddedBatch(member, docs, order, begin, end)).to(at::kFloat), 1).cpu();
        for (size_t i = begin; i < end; ++i) {
            auto row = probs[static_cast<int64_t>(i - begin)];
            result[order[i]].assign(row.data_ptr<float>(), row.data_ptr<float>() + row.numel());
        }
        report(observer, {"classify", progressBase + double(end), progressTotal, 0, "docs", ""});
    }
    return result;
}

Prediction Predictor::toPrediction(std::vector<float> probabilities) const {
    const auto best = std::max_element(probabilities.begin(), probabilities.end()) - probabilities.begin();
    return {m_labels.at(static_cast<size_t>(best)), static_cast<int>(best), std::move(probabilities)};
}

torch::Tensor Predictor::frontPaddedBatch(const Member& member, const std::vector<std::vector<std::int32_t>>& docs,
                                          const std::vector<size_t>& order, size_t begin, size_t end) const {
    const size_t longest = std::max<size_t>(1, docs[order[begin]].size());
    auto batch = at::full({static_cast<int64_t>(end - begin), static_cast<int64_t>(longest)},
                          member.model->config().padToken, at::kLong);
    auto acc = batch.accessor<int64_t, 2>();
    const bool reversed = member.direction == Direction::Backward; // fastai's backwards=True
    for (size_t i = begin; i < end; ++i) {
        const auto& doc = docs[order[i]];
        const size_t offset = longest - doc.size(); // pad_first, as the training loader does
        for (size_t t = 0; t < doc.size(); ++t)
            acc[static_cast<int64_t>(i - begin)][static_cast<int64_t>(offset + t)] =
                doc[reversed ? doc.size() - 1 - t : t];
    }
    return batch.to(m_device);
}

} // namespace ulmfit
