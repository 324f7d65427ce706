#pragma once
#include "data/batch/ClassifierDataLoader.h"
#include "data/batch/LmDataLoader.h"
#include "data/corpus/Vocab.h"

#include <string>
#include <vector>

namespace ulmfit {

/// A decoded batch as fastai's show_batch prints it: named columns, one row per sample.
struct BatchTable {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
};

/// Columns `text` (input) and `text_` (target, shifted by one); tokens joined by spaces.
BatchTable showLmBatch(const LmBatch& batch, const Vocab& vocab, int maxRows = 9);
/// Columns `text` (padding omitted) and `category` (label name).
BatchTable showClasBatch(const ClasBatch& batch, const Vocab& vocab, const std::vector<std::string>& labelNames,
                         int maxRows = 9);
/// One row of int64 ids decoded to text, padding omitted.
std::string decodeRow(const torch::Tensor& ids, const Vocab& vocab);

} // namespace ulmfit
