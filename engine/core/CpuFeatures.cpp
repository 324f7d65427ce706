#include "core/CpuFeatures.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <sys/syscall.h>
#include <unistd.h>
#define ULMFIT_X86_CPUID 1
#endif

namespace ulmfit {
namespace {

#ifdef ULMFIT_X86_CPUID
/// The XCR0 register: which register states the OS saves on a context switch.
unsigned long long extendedControlRegister() {
    unsigned eax = 0, edx = 0;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return (static_cast<unsigned long long>(edx) << 32) | eax;
}

/// Linux hands out AMX's 8 KiB tile state only to processes that ask (arch_prctl
/// ARCH_REQ_XCOMP_PERM, Linux 5.16 on); oneDNN asks the same way before it uses AMX.
bool requestAmxPermission() {
    constexpr int kArchReqXcompPerm = 0x1023;
    constexpr int kXfeatureTileData = 18;
    return ::syscall(SYS_arch_prctl, kArchReqXcompPerm, kXfeatureTileData) == 0;
}
#endif

} // namespace

CpuFeatures detectCpuFeatures() {
    CpuFeatures features;
#ifdef ULMFIT_X86_CPUID
    // __builtin_cpu_supports also checks that the OS saves the wide registers (XCR0).
    __builtin_cpu_init();
    features.avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    features.avx512 = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd") &&
                      __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq") &&
                      __builtin_cpu_supports("avx512vl");
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (__get_cpuid(0, &eax, &ebx, &ecx, &edx)) { // the vendor string, in EBX, EDX, ECX order
        if (ebx == 0x756e6547 && edx == 0x49656e69 && ecx == 0x6c65746e) // "Genu" "ineI" "ntel"
            features.vendor = CpuVendor::Intel;
        else if (ebx == 0x68747541 && edx == 0x69746e65 && ecx == 0x444d4163) // "Auth" "enti" "cAMD"
            features.vendor = CpuVendor::Amd;
    }
    if (features.avx512 && __get_cpuid_count(7, 1, &eax, &ebx, &ecx, &edx))
        features.avx512Bf16 = (eax >> 5) & 1u; // CPUID.(7,1):EAX bit 5
    if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) {
        const bool amxTile = (edx >> 24) & 1u, amxBf16 = (edx >> 22) & 1u; // CPUID.(7,0):EDX
        constexpr unsigned long long kTileStates = (1ull << 17) | (1ull << 18); // XTILECFG, XTILEDATA
        features.amxBf16 = amxTile && amxBf16 && (extendedControlRegister() & kTileStates) == kTileStates &&
                           requestAmxPermission();
    }
#endif
    return features;
}

} // namespace ulmfit
