#pragma once
#include "core/CpuFeatures.h"

#include <optional>
#include <string>

namespace ulmfit {

/// Everything the choice depends on, gathered at start-up (see BlasKernels.h).
struct BlasSituation {
    std::optional<std::string> coreName; // openblas_get_corename(); nullopt: the BLAS is not OpenBLAS
    std::string config;                  // openblas_get_config(): "OpenBLAS 0.3.21 ... DYNAMIC_ARCH ..."
    CpuFeatures cpu;
    std::optional<std::string> userCoreType; // OPENBLAS_CORETYPE as found in the environment
    std::optional<std::string> autoMarker;   // kAutoMarkerVariable as found: "<fallback>><chosen>"
};

/// The decision: keep the kernels in use, or start again with OPENBLAS_CORETYPE=`coreType`.
struct BlasKernelChoice {
    enum class Origin { NotOpenBlas, Detected, User, Automatic, FixedBuild };
    bool reExec = false;
    std::string coreType; // the value to set when reExec
    std::string kernels;  // the kernel set in use now ("SkylakeX"), empty when not OpenBLAS
    Origin origin = Origin::NotOpenBlas;
    std::string reason; // "chosen automatically: OpenBLAS 0.3.21 fell back to Prescott on a CPU with AVX-512"

    std::string summary() const;      // "SkylakeX (chosen automatically: ...)"
    std::string shortSummary() const; // "SkylakeX (automatic)", for a status bar
};

/// Set next to OPENBLAS_CORETYPE by the automatic restart: it tells the restarted process (and
/// its children) that the value was ours, not the user's, and so stops a second restart.
constexpr const char* kAutoMarkerVariable = "ULMFIT_OPENBLAS_AUTO";

/// "Prescott>SkylakeX": the marker's value for a restart away from `fallback`.
std::string autoMarkerValue(const std::string& fallback, const std::string& chosen);

/// Pure: OpenBLAS's own pick + the CPU's features + the user's setting -> what to do, and why.
/// A restart is asked for only when OpenBLAS picked kernels older than AVX2 on a CPU that has
/// AVX2 or AVX-512, the library can switch (DYNAMIC_ARCH), and nobody has set the variable.
BlasKernelChoice chooseBlasKernels(const BlasSituation& situation);

} // namespace ulmfit
