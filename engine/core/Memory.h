#pragma once
#include <cstddef>

namespace ulmfit {

/// Peak resident set size of this process in bytes (VmHWM), 0 where unavailable.
std::size_t peakResidentBytes();

} // namespace ulmfit
