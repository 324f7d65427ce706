#include "core/Memory.h"

#include <fstream>
#include <string>

namespace ulmfit {

std::size_t peakResidentBytes() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stoull(line.substr(6)) * 1024; // reported in kB
    return 0;
}

} // namespace ulmfit
