#pragma once
#include "core/CancelToken.h"
#include "core/Observer.h"
#include "data/corpus/Corpus.h"
#include "data/source/Dataset.h"
#include "infer/Evaluation.h"
#include "infer/Predictor.h"

#include <filesystem>
#include <vector>

namespace ulmfit {

struct EvaluateOptions {
    int batchSize = 32;
    int topLosses = 10;
};

/// Evaluates `predictor` on corpus documents (e.g. corpus.indicesOf(Split::Test)). The corpus may
/// have another vocabulary than the model: ids are then mapped through their tokens. Labels are
/// matched by name. Progress task "classify" in "docs"; cancel checked per batch.
EvaluationResult evaluateCorpus(Predictor& predictor, const Corpus& corpus,
                                const std::vector<std::size_t>& docs, const EvaluateOptions& options = {},
                                Observer* observer = nullptr, const CancelToken* cancel = nullptr);

/// Evaluates on the test/ split of a scanned dataset (test/<label>/*.txt).
EvaluationResult evaluateDataset(Predictor& predictor, const DatasetIndex& index,
                                 const EvaluateOptions& options = {}, Observer* observer = nullptr,
                                 const CancelToken* cancel = nullptr);

/// Evaluates on the test/ split of a fastai-layout dataset folder, or of the one folder inside it.
EvaluationResult evaluateFolder(Predictor& predictor, const std::filesystem::path& dataDir,
                                const EvaluateOptions& options = {}, Observer* observer = nullptr,
                                const CancelToken* cancel = nullptr);

} // namespace ulmfit
