#include "core/BlasKernels.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace ulmfit {
namespace {

using NameFunction = char* (*)();

/// OpenBLAS's C entry points, found in the process if some loaded library exports them.
std::optional<std::string> callOpenBlas(const char* symbol) {
    const auto function = reinterpret_cast<NameFunction>(::dlsym(RTLD_DEFAULT, symbol));
    if (!function)
        return std::nullopt;
    const char* text = function();
    return text ? std::optional<std::string>(text) : std::nullopt;
}

std::optional<std::string> environment(const char* name) {
    const char* value = std::getenv(name);
    return value && *value ? std::optional<std::string>(value) : std::nullopt;
}

} // namespace

BlasSituation currentBlasSituation() {
    BlasSituation situation;
    situation.coreName = callOpenBlas("openblas_get_corename");
    situation.config = callOpenBlas("openblas_get_config").value_or("");
    situation.cpu = detectCpuFeatures();
    situation.userCoreType = environment("OPENBLAS_CORETYPE");
    situation.autoMarker = environment(kAutoMarkerVariable);
    return situation;
}

BlasKernelChoice currentBlasKernels() {
    return chooseBlasKernels(currentBlasSituation());
}

void restartWithBestBlasKernels(char** argv) {
    const BlasKernelChoice choice = currentBlasKernels();
    if (!choice.reExec)
        return;
    // Both variables together: the restarted process sees its own marker and never restarts again.
    ::setenv("OPENBLAS_CORETYPE", choice.coreType.c_str(), 1);
    ::setenv(kAutoMarkerVariable, autoMarkerValue(choice.kernels, choice.coreType).c_str(), 1);
    ::execv("/proc/self/exe", argv);
    // Still here: run on with the generic kernels, and leave the environment as the user had it.
    std::fprintf(stderr, "warning: could not restart with OPENBLAS_CORETYPE=%s (%s); using %s kernels\n",
                 choice.coreType.c_str(), std::strerror(errno), choice.kernels.c_str());
    ::unsetenv("OPENBLAS_CORETYPE");
    ::unsetenv(kAutoMarkerVariable);
}

} // namespace ulmfit
