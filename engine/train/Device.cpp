#include "train/Device.h"

#include "train/CpuMemory.h"

#include "core/Error.h"
#include "core/ParallelFor.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>

#include <cstdlib>
#include <optional>

// OpenBLAS reads OPENBLAS_NUM_THREADS when it loads, before main(); this is its runtime setter.
// Weak, so builds against another BLAS still link (and tell us which BLAS we have).
extern "C" void openblas_set_num_threads(int) __attribute__((weak));

namespace ulmfit {

torch::Device chooseDevice(const std::string& request) {
    const bool cuda = torch::cuda::is_available();
    if (request == "cpu")
        return torch::kCPU;
    if (request == "cuda") {
        if (!cuda)
            throw Error("--device cuda was requested but no CUDA GPU is available to this LibTorch build; "
                        "use --device cpu");
        return torch::Device(torch::kCUDA, 0);
    }
    if (request != "auto" && !request.empty())
        throw Error("unknown device '" + request + "' (use auto, cpu or cuda)");
    return cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
}

namespace {
std::optional<int> positiveEnv(const char* name) {
    const char* value = std::getenv(name);
    if (!value)
        return std::nullopt;
    const int parsed = std::atoi(value);
    return parsed > 0 ? std::optional<int>(parsed) : std::nullopt;
}
} // namespace

std::string CpuThreads::describe() const {
    const std::string intra = "LibTorch intra-op " + std::to_string(intraOp);
    return blas > 0 ? "OpenBLAS " + std::to_string(blas) + ", " + intra : intra + " (also drives the BLAS)";
}

CpuThreads configureCpu(Precision precision) {
    installCachingCpuAllocator();
    const int cores = defaultThreadCount();
    // In bfloat16 the matmuls run in oneDNN on LibTorch's pool and OpenBLAS has little left to do.
    const bool oneDnnMatmuls = precision == Precision::BFloat16Mixed;
    CpuThreads threads;
    if (openblas_set_num_threads) {
        // OpenBLAS read OPENBLAS_NUM_THREADS when it loaded; only set what the user did not.
        const auto userBlas = positiveEnv("OPENBLAS_NUM_THREADS");
        threads.blas = userBlas.value_or(oneDnnMatmuls ? 1 : cores);
        if (!userBlas)
            openblas_set_num_threads(threads.blas);
    }
    threads.intraOp = positiveEnv("OMP_NUM_THREADS").value_or(threads.blas > 1 ? 1 : cores);
    at::set_num_threads(threads.intraOp);
    threads.intraOp = at::get_num_threads();
    return threads;
}

IntraOpThreads::IntraOpThreads(int threads) : m_before(at::get_num_threads()) {
    if (threads != m_before)
        at::set_num_threads(threads);
}

IntraOpThreads::~IntraOpThreads() {
    if (at::get_num_threads() != m_before)
        at::set_num_threads(m_before);
}

} // namespace ulmfit
