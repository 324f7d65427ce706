#include "train/Device.h"

#include "core/Error.h"
#include "core/ParallelFor.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>

#include <cstdlib>

// OpenBLAS reads OPENBLAS_NUM_THREADS when it loads, before main(); this is its runtime setter.
// Weak, so builds against another BLAS still link.
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

int configureCpuThreads(int blasThreads) {
    const int cores = defaultThreadCount();
    at::set_num_threads(cores);
    const char* userSetting = std::getenv("OPENBLAS_NUM_THREADS");
    if (!userSetting && blasThreads > 0) {
        setenv("OPENBLAS_NUM_THREADS", std::to_string(blasThreads).c_str(), 0);
        if (openblas_set_num_threads)
            openblas_set_num_threads(blasThreads);
    }
    return at::get_num_threads();
}

} // namespace ulmfit
