#pragma once

#include <ATen/autocast_mode.h>
#include <torch/version.h>

namespace ulmfit::autocast {

// LibTorch 2.4 replaced the CUDA-only autocast calls of 1.x with per-device ones (and later
// releases drop the old names), while Debian 12 ships 1.13: the engine builds against both.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
inline bool cudaEnabled() { return at::autocast::is_autocast_enabled(at::kCUDA); }
inline at::ScalarType cudaDtype() { return at::autocast::get_autocast_dtype(at::kCUDA); }
inline void setCudaEnabled(bool enabled) { at::autocast::set_autocast_enabled(at::kCUDA, enabled); }
inline bool cpuEnabled() { return at::autocast::is_autocast_enabled(at::kCPU); }
inline at::ScalarType cpuDtype() { return at::autocast::get_autocast_dtype(at::kCPU); }
inline void setCpuEnabled(bool enabled) { at::autocast::set_autocast_enabled(at::kCPU, enabled); }
inline void setCpuDtype(at::ScalarType dtype) { at::autocast::set_autocast_dtype(at::kCPU, dtype); }
#else
inline bool cudaEnabled() { return at::autocast::is_enabled(); }
inline at::ScalarType cudaDtype() { return at::autocast::get_autocast_gpu_dtype(); }
inline void setCudaEnabled(bool enabled) { at::autocast::set_enabled(enabled); }
inline bool cpuEnabled() { return at::autocast::is_cpu_enabled(); }
inline at::ScalarType cpuDtype() { return at::autocast::get_autocast_cpu_dtype(); }
inline void setCpuEnabled(bool enabled) { at::autocast::set_cpu_enabled(enabled); }
inline void setCpuDtype(at::ScalarType dtype) { at::autocast::set_autocast_cpu_dtype(dtype); }
#endif

inline void clearCache() { at::autocast::clear_cache(); }

} // namespace ulmfit::autocast
