#pragma once
#include "core/CpuFeatures.h"

#include <string>

namespace ulmfit {

/// The number format a training run computes in. The weights, the optimizer and the loss stay
/// float32 in all three; the mixed ones run the matmul-heavy parts (the LSTMs, the decoder and
/// the classifier's head) in 16 bits.
enum class Precision {
    Float32,
    Float16Mixed,  // CUDA: float16 autocast with dynamic loss scaling (fastai's MixedPrecision)
    BFloat16Mixed, // CPU: bfloat16 autocast; bfloat16 has float32's range, so no loss scaling
};

/// Everything the choice depends on.
struct PrecisionSituation {
    bool cuda = false;                // training on a CUDA device
    bool mixedPrecisionWanted = true; // the recipe's mixed_precision (or a command's --fp32)
    CpuFeatures cpu;
    bool oneDnn = false; // LibTorch has oneDNN, which runs its bfloat16 matmuls on the CPU
};

struct PrecisionChoice {
    Precision precision = Precision::Float32;
    std::string reason; // "the CPU has AVX512-BF16"

    bool mixed() const { return precision != Precision::Float32; }
    std::string name() const;    // "bfloat16 mixed precision"
    std::string summary() const; // "bfloat16 mixed precision (the CPU has AVX512-BF16)"
};

/// Pure: float16 on CUDA, bfloat16 on a CPU whose hardware computes it faster than float32 (AMX,
/// or AVX512-BF16 on an AMD CPU) and whose LibTorch reaches that hardware (oneDNN), float32
/// otherwise or when turned off. Without those instructions bfloat16 is emulated and slower than
/// float32; with AVX512-BF16 alone an Intel CPU's full-width float32 AVX-512 is faster still.
PrecisionChoice choosePrecision(const PrecisionSituation& situation);

/// The choice for a run on this machine and LibTorch.
PrecisionChoice precisionFor(bool cuda, bool mixedPrecisionWanted);

} // namespace ulmfit
