#pragma once
#include <cstddef>
#include <functional>

namespace ulmfit {

/// Number of worker threads to use when the caller passes 0: the hardware concurrency.
int defaultThreadCount();

/// Runs body(begin, end, worker) over [0, n) split into contiguous chunks pulled by
/// `threads` workers (0 = defaultThreadCount()). Chunks are claimed dynamically so long
/// documents do not stall one worker; results must be written by index so the outcome never
/// depends on the thread count. The first exception thrown by a worker is rethrown here.
void parallelFor(std::size_t n, int threads, std::size_t chunk,
                 const std::function<void(std::size_t begin, std::size_t end, int worker)>& body);

} // namespace ulmfit
