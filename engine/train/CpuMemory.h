#pragma once
// LibTorch's CPU memory for training: large buffers are reused instead of returned to the kernel.
//
// A training step allocates the same large tensors every batch (the decoder's logits, their
// softmax and gradients, the LSTM's gate buffers: 100+ MB each for a 60k vocabulary). LibTorch's
// default CPU allocator hands each to malloc, which maps fresh pages for it and unmaps them when
// the tensor dies, so every batch first-touches (page-faults) all of them again. On bare metal a
// fault costs ~0.2 µs per 4 KiB page; in the virtual machines this project is developed and
// tested on it costs ~10 µs, and the quick LM spent more time faulting than computing (1,167
// tokens/s instead of ~8,000; docs/benchmarks.md). The caching allocator keeps freed large blocks
// and hands them out again (like LibTorch's CUDA caching allocator), and asks for transparent huge
// pages for new ones, so after the first batch a step touches no new pages at all. It keeps at most
// as much as was ever in use at once (at least 256 MiB), so the cache at most doubles the peak.
#include <cstddef>

namespace ulmfit {

struct CpuMemoryStats {
    std::size_t cachedBytes = 0;   // freed large blocks kept for reuse
    std::size_t liveLargeBytes = 0; // large blocks in use by tensors now
    std::size_t reuses = 0;        // large allocations served from the cache
    std::size_t freshBlocks = 0;   // large allocations that needed new memory
};

/// Makes the caching allocator LibTorch's CPU allocator (idempotent, thread-safe). Tensors made
/// before keep their own deleter, so it may be installed at any time.
void installCachingCpuAllocator();
bool cachingCpuAllocatorInstalled();

/// Frees every cached block (the memory in use by tensors stays).
void releaseCachedCpuMemory();
CpuMemoryStats cpuMemoryStats();

/// Blocks at least this large go through the cache; smaller ones straight to malloc, whose own
/// free lists already reuse them without page faults.
inline constexpr std::size_t kCachedBlockMinimum = std::size_t(1) << 20;

} // namespace ulmfit
