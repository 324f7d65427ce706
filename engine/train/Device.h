#pragma once
#include "train/Precision.h"

#include <torch/types.h>

#include <string>

namespace ulmfit {

/// "auto" -> CUDA when available, else the CPU; "cpu" / "cuda" force one (Error if CUDA is absent).
torch::Device chooseDevice(const std::string& request);

/// How the CPU's cores are shared between the two thread pools a CPU run uses.
struct CpuThreads {
    int intraOp = 1; // LibTorch's OpenMP pool: element-wise ops, reductions, MKL/oneDNN calls
    int blas = 0;    // OpenBLAS's own pthread pool (0: not OpenBLAS, LibTorch's pool drives the BLAS)
    int cores() const { return intraOp > blas ? intraOp : blas; }
    std::string describe() const; // "OpenBLAS 2, LibTorch intra-op 1"
};

/// Splits the cores between LibTorch and OpenBLAS so their pools never spin against each
/// other. With OpenBLAS (Debian's LibTorch), BLAS calls get every core and LibTorch's intra-op
/// pool one thread: the recurrent and decoder matmuls are most of the work, and on 2 cores this
/// trains the book config about a third faster than the reverse split (docs/benchmarks.md). When the
/// user pins OPENBLAS_NUM_THREADS to 1, LibTorch gets the cores instead; OMP_NUM_THREADS, when
/// set, wins for LibTorch's pool. With another BLAS (MKL inside PyTorch builds), LibTorch's pool
/// drives it and gets every core. Call it on each thread that runs engine work (the OpenMP
/// setting is per thread). It also makes LibTorch's CPU memory the caching allocator of
/// train/CpuMemory.h, which every CPU run wants for the same reason: speed that does not depend
/// on what the machine's kernel makes of page faults. A bfloat16 run (train/Precision.h) turns the
/// split around: its matmuls are oneDNN's, on LibTorch's pool, so that pool gets the cores and
/// OpenBLAS one thread (LM 16,400 against 13,800 tokens/s the other way, docs/benchmarks.md).
CpuThreads configureCpu(Precision precision = Precision::Float32);

/// LibTorch's intra-op threads set to `threads` on this thread (and for threads started meanwhile)
/// for the guard's lifetime, then set back.
class IntraOpThreads {
  public:
    explicit IntraOpThreads(int threads);
    ~IntraOpThreads();
    IntraOpThreads(const IntraOpThreads&) = delete;
    IntraOpThreads& operator=(const IntraOpThreads&) = delete;

  private:
    int m_before;
};

} // namespace ulmfit
