#pragma once
#include "core/BlasKernelChoice.h"

namespace ulmfit {

/// The running process's BLAS situation: OpenBLAS's own pick (looked up with dlsym, so the
/// engine still links and runs against another BLAS), the CPU's features and the environment.
BlasSituation currentBlasSituation();

/// The kernel set in use in this process and why ("SkylakeX (chosen automatically: ...)").
BlasKernelChoice currentBlasKernels();

/// Call first thing in main(): when OpenBLAS fell back to generic kernels on a CPU that can run
/// better ones, restart this executable once with OPENBLAS_CORETYPE set (OpenBLAS reads it only
/// when it loads, before main). Returns only when no restart is needed or the restart failed.
void restartWithBestBlasKernels(char** argv);

} // namespace ulmfit
