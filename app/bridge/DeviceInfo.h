#pragma once
#include <QString>

/// Where training would run, asked from LibTorch: "CUDA: <card>" or "CPU (N threads)".
namespace DeviceInfo {
QString description();
bool cudaAvailable();
} // namespace DeviceInfo
