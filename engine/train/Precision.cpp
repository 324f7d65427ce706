#include "train/Precision.h"

#include <ATen/Context.h>

namespace ulmfit {

std::string PrecisionChoice::name() const {
    switch (precision) {
    case Precision::Float16Mixed: return "float16 mixed precision";
    case Precision::BFloat16Mixed: return "bfloat16 mixed precision";
    case Precision::Float32: break;
    }
    return "float32";
}

std::string PrecisionChoice::summary() const {
    return reason.empty() ? name() : name() + " (" + reason + ")";
}

PrecisionChoice choosePrecision(const PrecisionSituation& s) {
    if (!s.mixedPrecisionWanted)
        return {Precision::Float32, "mixed precision turned off"};
    if (s.cuda)
        return {Precision::Float16Mixed, "CUDA"};
    if (!s.cpu.avx512Bf16 && !s.cpu.amxBf16)
        return {Precision::Float32, "the CPU has neither AVX512-BF16 nor AMX-BF16"};
    if (!s.oneDnn)
        return {Precision::Float32, "this LibTorch was built without oneDNN"};
    if (s.cpu.amxBf16)
        return {Precision::BFloat16Mixed, "the CPU has AMX-BF16"};
    // AVX512-BF16 alone: measured faster than float32 on AMD's Zen 4 (whose AVX-512 float32 FMAs run
    // at half width; LM 1.8x), slower on an Intel Xeon (family 6 model 207 without AMX: LM 0.7x,
    // the quick recipe 171 s against 143 s), whose float32 AVX-512 FMAs run at full width.
    if (s.cpu.vendor != CpuVendor::Amd)
        return {Precision::Float32, "bfloat16 without AMX is slower than float32 on this CPU"};
    return {Precision::BFloat16Mixed, "the CPU has AVX512-BF16"};
}

PrecisionChoice precisionFor(bool cuda, bool mixedPrecisionWanted) {
    static const CpuFeatures cpu = detectCpuFeatures();
    return choosePrecision({cuda, mixedPrecisionWanted, cpu, at::hasMKLDNN()});
}

} // namespace ulmfit
