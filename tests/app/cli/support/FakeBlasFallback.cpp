// LD_PRELOAD'ed by BlasInfoCliTest: makes OpenBLAS look as if it had fallen back to its generic
// Prescott kernels (what 0.3.21 does on a CPU it does not know) until OPENBLAS_CORETYPE is set,
// so the automatic restart can be tried on any x86 machine.
#include <dlfcn.h>

#include <cstdlib>

extern "C" char* openblas_get_corename() {
    static char prescott[] = "Prescott";
    if (!std::getenv("OPENBLAS_CORETYPE"))
        return prescott;
    using NameFunction = char* (*)();
    const auto real = reinterpret_cast<NameFunction>(::dlsym(RTLD_NEXT, "openblas_get_corename"));
    return real ? real() : prescott;
}
