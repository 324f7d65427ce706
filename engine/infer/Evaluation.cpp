#include "infer/Evaluation.h"

#include "core/Error.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <numeric>
#include <sstream>

namespace ulmfit {
namespace {

int argmax(const std::vector<float>& values) {
    return static_cast<int>(std::max_element(values.begin(), values.end()) - values.begin());
}

void addPrecisionRecall(EvaluationResult& r) {
    const size_t n = r.labels.size();
    for (size_t c = 0; c < n; ++c) {
        std::int64_t predicted = 0, actual = 0;
        for (size_t o = 0; o < n; ++o) {
            predicted += r.confusion[o][c];
            actual += r.confusion[c][o];
        }
        const double hit = static_cast<double>(r.confusion[c][c]);
        r.precision.push_back(predicted ? hit / predicted : 0.0);
        r.recall.push_back(actual ? hit / actual : 0.0);
    }
}

std::vector<TopLoss> highestLosses(const std::vector<float>& losses,
                                   const std::vector<std::vector<float>>& probs,
                                   const std::vector<int>& targets, const std::vector<std::string>& labels,
                                   const std::vector<std::string>& paths, int k) {
    std::vector<size_t> order(losses.size());
    std::iota(order.begin(), order.end(), 0);
    const size_t keep = std::min(order.size(), static_cast<size_t>(std::max(0, k)));
    std::partial_sort(order.begin(), order.begin() + keep, order.end(),
                      [&](size_t a, size_t b) { return losses[a] > losses[b]; });
    std::vector<TopLoss> top;
    for (size_t i = 0; i < keep; ++i) {
        const size_t item = order[i];
        const int predicted = argmax(probs[item]);
        top.push_back({item, paths.empty() ? std::string() : paths[item], labels[targets[item]],
                       labels[predicted], probs[item][predicted], losses[item]});
    }
    return top;
}

} // namespace

EvaluationResult evaluatePredictions(const std::vector<std::vector<float>>& probabilities,
                                     const std::vector<int>& targets, const std::vector<std::string>& labels,
                                     const std::vector<std::string>& paths, int topLosses) {
    if (probabilities.size() != targets.size() || (!paths.empty() && paths.size() != targets.size()))
        throw Error("evaluation needs one prediction (and path) per target");
    EvaluationResult r;
    r.labels = labels;
    r.count = static_cast<std::int64_t>(targets.size());
    r.confusion.assign(labels.size(), std::vector<std::int64_t>(labels.size(), 0));
    std::vector<float> losses;
    std::int64_t correct = 0;
    for (size_t i = 0; i < targets.size(); ++i) {
        const int target = targets[i];
        if (target < 0 || target >= static_cast<int>(labels.size()) ||
            probabilities[i].size() != labels.size())
            throw Error("evaluation: label index out of range or wrong number of probabilities");
        const int predicted = argmax(probabilities[i]);
        ++r.confusion[target][predicted];
        correct += predicted == target;
        losses.push_back(-std::log(std::max(probabilities[i][target], 1e-12f)));
    }
    r.accuracy = r.count ? static_cast<double>(correct) / r.count : 0.0;
    r.loss = r.count ? std::accumulate(losses.begin(), losses.end(), 0.0) / r.count : 0.0;
    addPrecisionRecall(r);
    r.topLosses = highestLosses(losses, probabilities, targets, labels, paths, topLosses);
    return r;
}

std::string formatEvaluation(const EvaluationResult& r) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(4);
    out << "documents: " << r.count << "\naccuracy:  " << r.accuracy << "\nloss:      " << r.loss << "\n";
    if (!r.members.empty()) { // an ensemble: the figures above are the mean of its members'
        out << "\nensemble of " << r.members.size() << " (mean of the probabilities)\n";
        for (const auto& m : r.members)
            out << "  " << m.name << " accuracy: " << m.accuracy << "  loss: " << m.loss << "\n";
        out << "  ensemble accuracy: " << r.accuracy << "  loss: " << r.loss << "\n";
    }
    out << "\nconfusion matrix (rows = actual, columns = predicted)\n"
        << std::setw(12) << "";
    for (const auto& label : r.labels)
        out << std::setw(10) << label;
    out << "\n";
    for (size_t a = 0; a < r.labels.size(); ++a) {
        out << std::setw(12) << r.labels[a];
        for (auto n : r.confusion[a])
            out << std::setw(10) << n;
        out << "\n";
    }
    out << "\n" << std::setw(12) << "class" << std::setw(11) << "precision" << std::setw(10) << "recall\n";
    for (size_t c = 0; c < r.labels.size(); ++c)
        out << std::setw(12) << r.labels[c] << std::setw(11) << r.precision[c] << std::setw(10) << r.recall[c]
            << "\n";
    if (!r.topLosses.empty())
        out << "\ntop losses (actual / predicted / probability / loss / file)\n";
    for (const auto& t : r.topLosses)
        out << t.actual << " / " << t.predicted << " / " << t.probability << " / " << t.loss << " / "
            << (t.path.empty() ? "#" + std::to_string(t.item) : t.path) << "\n";
    return out.str();
}

} // namespace ulmfit
