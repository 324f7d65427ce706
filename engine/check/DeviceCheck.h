#pragma once
#include <torch/types.h>

#include <filesystem>
#include <functional>
#include <string>

namespace ulmfit {

/// What `checkDevice` measured on the way.
struct DeviceCheckResult {
    std::string device;              // "cuda:0", "cpu"
    std::string precision;           // "float16 mixed precision" (CUDA), "bfloat16 ..." or "float32"
    int epochs = 0;                  // epochs trained over all stages
    double accuracy = 0;             // the device's classifier on the synthetic test reviews
    double maxProbabilityGap = 0;    // |device - CPU| over every predicted probability
    std::string generated;           // a sample from the saved language model, on the device
    double seconds = 0;
};

/// The whole training path at toy scale on one device, as `ulmfit train` runs it: a small
/// synthetic review folder, the LM for two epochs (so a checkpoint is replaced), the encoder
/// saved and reloaded into a classifier, then the book's stage pattern (frozen, freeze_to(-2),
/// unfrozen) with validation and a checkpoint after every epoch, in the precision `ulmfit train`
/// would choose (train/Precision.h). The
/// saved bundles are then reloaded: the classifier predicts on the device and on the CPU (the
/// two must agree) and the language model generates on the device. Throws Error naming the step
/// that failed. `report` gets one line per step; `workDir` holds the data and models.
DeviceCheckResult checkDevice(torch::Device device, const std::filesystem::path& workDir,
                              const std::function<void(const std::string&)>& report = {});

} // namespace ulmfit
