#pragma once

namespace ulmfit {

enum class CpuVendor { Other, Intel, Amd };

/// What this CPU can run, as far as the engine's choices care: OpenBLAS's kernel sets
/// (core/BlasKernelChoice.h) and bfloat16 mixed precision (train/Precision.h).
struct CpuFeatures {
    CpuVendor vendor = CpuVendor::Other; // whose microarchitecture: the same instructions run at different speeds
    bool avx2 = false;       // with FMA: what OpenBLAS's Haswell kernels need
    bool avx512 = false;     // AVX-512 F, CD, BW, DQ and VL: what the SkylakeX kernels need
    bool avx512Bf16 = false; // AVX512-BF16: bfloat16 dot products in hardware (Zen 4, Cooper Lake on)
    bool amxBf16 = false;    // AMX-BF16 tiles, usable by this process (Sapphire Rapids on)
};

/// The running CPU's features, each one only when the OS also saves the registers it needs.
CpuFeatures detectCpuFeatures();

} // namespace ulmfit
