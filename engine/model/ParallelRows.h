#pragma once
#include "model/SentenceEncoder.h"

namespace ulmfit {

/// Encodes a classifier batch in `blocks` blocks of rows at once, each on its own thread (the
/// calling one included), and returns what encoder->forward(input) returns for the whole batch:
/// the rows' outputs side by side, the shorter blocks' left-padded as the batch pads them. Backward
/// runs each block's backward on its own thread too, its gradients adding into the shared weights
/// (LibTorch's gradient accumulation is thread-safe). A document's encoding depends only on its own
/// row, so only the dropout draws differ from one call over the batch (one per block). Each thread
/// runs its LibTorch ops single-threaded: call it with LibTorch's intra-op pool at one thread.
/// blocks <= 1, or fewer rows than blocks: the plain forward.
/// An experiment (`ulmfit bench train --row-blocks 2`), not what training runs: about 10 % more
/// classifier reviews/s on 2 cores, but the quick recipe on imdb_sample ended 5-10 points lower
/// with it (0.65-0.71 against 0.756), for a reason not yet found, and a run's dropout draws then
/// depend on the threads' timing (docs/benchmarks.md, session 9).
SentenceEncoderOutput encodeRowsInParallel(SentenceEncoderImpl& encoder, const torch::Tensor& input, int blocks);

} // namespace ulmfit
