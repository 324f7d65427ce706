#include "data/batch/ShowBatch.h"

#include "core/Error.h"

#include <algorithm>

namespace ulmfit {
namespace {
std::int64_t rowsToShow(const torch::Tensor& t, int maxRows) {
    return std::min<std::int64_t>(t.size(0), std::max(0, maxRows));
}
} // namespace

std::string decodeRow(const torch::Tensor& ids, const Vocab& vocab) {
    const torch::Tensor row = ids.to(torch::kInt32).contiguous();
    return vocab.decode(row.data_ptr<std::int32_t>(), static_cast<std::size_t>(row.numel()));
}

BatchTable showLmBatch(const LmBatch& batch, const Vocab& vocab, int maxRows) {
    BatchTable table{{"text", "text_"}, {}};
    for (std::int64_t r = 0; r < rowsToShow(batch.input, maxRows); ++r)
        table.rows.push_back({decodeRow(batch.input[r], vocab), decodeRow(batch.target[r], vocab)});
    return table;
}

BatchTable showClasBatch(const ClasBatch& batch, const Vocab& vocab, const std::vector<std::string>& labelNames,
                         int maxRows) {
    BatchTable table{{"text", "category"}, {}};
    for (std::int64_t r = 0; r < rowsToShow(batch.input, maxRows); ++r) {
        const auto label = batch.target[r].item<std::int64_t>();
        if (label < 0 || label >= static_cast<std::int64_t>(labelNames.size()))
            throw Error("label index " + std::to_string(label) + " has no name");
        table.rows.push_back({decodeRow(batch.input[r], vocab), labelNames[static_cast<std::size_t>(label)]});
    }
    return table;
}

} // namespace ulmfit
