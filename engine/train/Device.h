#pragma once
#include <torch/types.h>

#include <string>

namespace ulmfit {

/// "auto" -> CUDA when available, else the CPU; "cpu" / "cuda" force one (Error if CUDA is absent).
torch::Device chooseDevice(const std::string& request);

/// Uses every core for LibTorch's intra-op threads (it reports 1 at startup on some machines)
/// and keeps OpenBLAS at `blasThreads` so the two thread pools do not oversubscribe the cores.
/// OPENBLAS_NUM_THREADS, when the user set it, wins. Returns the intra-op thread count.
int configureCpuThreads(int blasThreads = 1);

} // namespace ulmfit
