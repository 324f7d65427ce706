#include "infer/Evaluator.h"

#include "core/Error.h"
#include "data/source/Dataset.h"
#include "data/source/ReviewReader.h"

#include <algorithm>

namespace ulmfit {
namespace {

int labelIndex(const std::vector<std::string>& labels, const std::string& name) {
    const auto it = std::find(labels.begin(), labels.end(), name);
    if (it == labels.end())
        throw Error("the data has label \"" + name + "\" which the model does not know");
    return static_cast<int>(it - labels.begin());
}

std::vector<std::int32_t> remap(DocTokens doc, const Vocab& from, const Vocab& to) {
    std::vector<std::int32_t> ids(doc.begin(), doc.end());
    if (!(from == to)) { // same tokens, other ids: go through the strings
        for (auto& id : ids)
            id = to.id(from.token(id));
    }
    return ids;
}

// The ensemble's metrics (the members' mean probabilities), and each member's own accuracy.
EvaluationResult evaluateMembers(const Predictor& predictor, const std::vector<std::vector<std::vector<float>>>& members,
                                 const std::vector<int>& targets, const std::vector<std::string>& paths,
                                 const EvaluateOptions& options) {
    EvaluationResult result = evaluatePredictions(meanProbabilities(members), targets, predictor.labels(), paths, options.topLosses);
    if (members.size() > 1)
        for (std::size_t m = 0; m < members.size(); ++m) {
            const auto own = evaluatePredictions(members[m], targets, predictor.labels(), {}, 0);
            result.members.push_back({predictor.memberNames().at(m), own.accuracy, own.loss});
        }
    return result;
}

} // namespace

EvaluationResult evaluateCorpus(Predictor& predictor, const Corpus& corpus,
                                const std::vector<std::size_t>& docs, const EvaluateOptions& options,
                                Observer* observer, const CancelToken* cancel) {
    std::vector<std::vector<std::int32_t>> ids;
    std::vector<int> targets;
    std::vector<std::string> paths;
    for (std::size_t d : docs) {
        if (corpus.labels[d] < 0)
            continue; // unlabelled (unsup) documents cannot be scored
        ids.push_back(remap(corpus.doc(d), corpus.vocab, predictor.vocab()));
        targets.push_back(labelIndex(predictor.labels(), corpus.labelNames.at(corpus.labels[d])));
        paths.push_back(d < corpus.sourcePaths.size() ? corpus.sourcePaths[d] : std::string());
    }
    const auto members = predictor.memberProbabilities(ids, options.batchSize, observer, cancel);
    return evaluateMembers(predictor, members, targets, paths, options);
}

EvaluationResult evaluateFolder(Predictor& predictor, const std::filesystem::path& dataDir,
                                const EvaluateOptions& options, Observer* observer,
                                const CancelToken* cancel) {
    return evaluateDataset(predictor, scanDataset(findDatasetRoot(dataDir), nullptr, cancel), options,
                           observer, cancel);
}

EvaluationResult evaluateDataset(Predictor& predictor, const DatasetIndex& index,
                                 const EvaluateOptions& options, Observer* observer,
                                 const CancelToken* cancel) {
    std::vector<std::string> texts, paths;
    std::vector<int> targets;
    ReviewReader reader;
    for (const auto& file : index.files) {
        if (file.split != "test")
            continue;
        targets.push_back(labelIndex(predictor.labels(), file.label));
        texts.emplace_back(reader.read(file.path));
        paths.push_back(file.path.string());
    }
    if (texts.empty())
        throw Error("no labelled test reviews in " + index.root.string() + " (expected test/<label>/*.txt)");
    std::vector<std::vector<std::vector<float>>> members(predictor.memberCount());
    for (const auto& p : predictor.classifyMany(texts, options.batchSize, observer, cancel)) {
        if (p.memberProbabilities.empty())
            members.front().push_back(p.probabilities);
        for (std::size_t m = 0; m < p.memberProbabilities.size(); ++m)
            members[m].push_back(p.memberProbabilities[m]);
    }
    return evaluateMembers(predictor, members, targets, paths, options);
}

} // namespace ulmfit
