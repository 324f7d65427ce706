// `ulmfit info`: what the engine will run on (useful on a headless GPU server).
#include "CommandRegistry.h"

#include "core/BlasKernels.h"
#include "core/Paths.h"
#include "core/StdFilesystemBinding.h"
#include "train/Device.h"
#include "train/Precision.h"

#include <torch/cuda.h>
#include <torch/version.h>

#include <iostream>

namespace ulmfit::cli {
namespace {
void printInfo() {
    const CpuThreads threads = configureCpu();
    std::cout << "ulmfit-studio engine\n"
              << "LibTorch:     " << TORCH_VERSION << "\n"
              << "CUDA:         " << (torch::cuda::is_available() ? "available" : "not available") << "\n"
              << "CUDA devices: " << torch::cuda::device_count() << "\n"
              << "CPU threads:  " << threads.cores() << " (" << threads.describe() << ")\n"
              << "BLAS kernels: " << currentBlasKernels().summary() << "\n"
              << "Precision:    " << precisionFor(torch::cuda::is_available(), true).summary() << "\n"
              << "Data folder:  " << userDataDir().string() << "\n"
              << "Filesystem:   " << describeStdFilesystemBinding() << "\n";
}

const CommandRegistration infoCommandRegistration("info", [](CLI::App& app) {
    app.add_subcommand("info", "Show the LibTorch version, devices and data folder")->callback(printInfo);
});
} // namespace
} // namespace ulmfit::cli
