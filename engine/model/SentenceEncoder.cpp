#include "model/SentenceEncoder.h"

#include "core/Error.h"

#include <ATen/ATen.h>
#include <torch/utils.h>

#include <algorithm>
#include <optional>

namespace ulmfit {
namespace {

/// Where each row's real tokens start and end (end = one past the last); start = len if none.
struct RowSpans {
    std::vector<int64_t> start, end;
};

RowSpans rowSpans(const torch::Tensor& notPad) {
    const int64_t sl = notPad.size(1);
    auto positions = at::arange(sl, notPad.options().dtype(at::kLong)).unsqueeze(0);
    auto first = at::where(notPad, positions, sl).amin(1).cpu();
    auto last = at::where(notPad, positions, -1).amax(1).cpu();
    RowSpans spans;
    for (int64_t r = 0; r < notPad.size(0); ++r) {
        spans.start.push_back(first[r].item<int64_t>());
        spans.end.push_back(last[r].item<int64_t>() + 1);
    }
    return spans;
}

/// Rotate each row left by (leading pads % seqLen): its text then starts on a chunk boundary and
/// the few moved pads trail it (fastai's pad_input_chunk layout), whatever padding it came with.
torch::Tensor alignToChunks(const torch::Tensor& input, const RowSpans& spans, int64_t seqLen) {
    const int64_t bs = input.size(0), sl = input.size(1);
    std::vector<int64_t> shifts;
    for (int64_t r = 0; r < bs; ++r)
        shifts.push_back(spans.start[r] < sl ? spans.start[r] % seqLen : 0);
    if (std::all_of(shifts.begin(), shifts.end(), [](int64_t s) { return s == 0; }))
        return input;
    auto shift = torch::tensor(shifts, at::kLong).to(input.device()).unsqueeze(1);
    auto index = (at::arange(sl, input.options().dtype(at::kLong)).unsqueeze(0) + shift).remainder(sl);
    return input.gather(1, index);
}

/// Which rows run chunk [i, i+len) and whether any of them pools it (fastai: sl - i <= max_len,
/// with each row's own end instead of the padded length).
struct ChunkPlan {
    std::vector<int64_t> active;   // rows whose text has started: leading pad chunks are skipped
    std::vector<int64_t> excluded; // 1 = the chunk lies before this row's last maxLen tokens
    bool keep = false;
};

ChunkPlan planChunk(const RowSpans& spans, int64_t i, int64_t len, int64_t maxLen) {
    ChunkPlan plan;
    for (size_t r = 0; r < spans.start.size(); ++r) {
        plan.excluded.push_back(spans.end[r] - i > maxLen);
        if (spans.start[r] < i + len) {
            plan.active.push_back(static_cast<int64_t>(r));
            plan.keep = plan.keep || !plan.excluded.back();
        }
    }
    return plan;
}

} // namespace

SentenceEncoderImpl::SentenceEncoderImpl(AwdLstm awdLstm, int64_t seqLen, int64_t maxLen, int64_t padIdx)
    : m_seqLen(seqLen), m_maxLen(maxLen), m_padIdx(padIdx) {
    module = register_module("module", std::move(awdLstm));
}

SentenceEncoderOutput SentenceEncoderImpl::forward(const torch::Tensor& rawInput) {
    const int64_t bs = rawInput.size(0), sl = rawInput.size(1);
    const auto input = alignToChunks(rawInput, rowSpans(rawInput != m_padIdx), m_seqLen);
    const auto padMask = input == m_padIdx;
    const auto spans = rowSpans(padMask.logical_not());
    // The state is this call's own (the module's kept one is the language model's), so blocks of
    // rows may be encoded on several threads at once (model/ParallelRows.h).
    LstmState state = module->zeroState(bs);
    std::vector<torch::Tensor> outs, masks;
    for (int64_t i = 0; i < sl; i += m_seqLen) {
        const int64_t len = std::min(m_seqLen, sl - i);
        const auto plan = planChunk(spans, i, len, m_maxLen);
        if (plan.active.empty())
            continue;
        std::optional<torch::NoGradGuard> noGrad; // chunks no row pools need no graph: the
        if (!plan.keep)                           // state is detached between chunks anyway
            noGrad.emplace();
        auto out = encodeChunk(input.narrow(1, i, len), plan.active, state);
        if (!plan.keep)
            continue;
        auto excluded = torch::tensor(plan.excluded, at::kLong).to(input.device()).to(at::kBool);
        outs.push_back(out);
        masks.push_back(padMask.narrow(1, i, len) | excluded.unsqueeze(1));
    }
    if (outs.empty())
        throw Error("cannot encode a batch that holds only padding");
    return {at::cat(outs, 1), at::cat(masks, 1)};
}

torch::Tensor SentenceEncoderImpl::encodeChunk(const torch::Tensor& chunk, const std::vector<int64_t>& active,
                                               LstmState& state) {
    const int64_t bs = chunk.size(0);
    if (static_cast<int64_t>(active.size()) == bs)
        return module->forwardWithState(chunk, state);
    // Only rows whose text has started run; the others keep their zero state and give zeros.
    auto rows = torch::tensor(active, at::kLong).to(chunk.device());
    LstmState sub;
    for (const auto& layer : state)
        sub.push_back({layer.h.index_select(1, rows), layer.c.index_select(1, rows)});
    auto subOut = module->forwardWithState(chunk.index_select(0, rows), sub);
    for (size_t l = 0; l < state.size(); ++l) {
        state[l].h = state[l].h.index_copy(1, rows, sub[l].h);
        state[l].c = state[l].c.index_copy(1, rows, sub[l].c);
    }
    return at::zeros({bs, chunk.size(1), subOut.size(2)}, subOut.options()).index_copy(0, rows, subOut);
}

} // namespace ulmfit
