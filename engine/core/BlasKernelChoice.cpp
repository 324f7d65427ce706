#include "core/BlasKernelChoice.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace ulmfit {
namespace {

bool sameName(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

/// The kernel sets OpenBLAS ends up with when it does not recognise an x86 CPU: Prescott is its
/// x86-64 default (0.3.21 returns it for any Intel family-6 model missing from its table),
/// Barcelona its default for an unknown AMD family, and Core2 / Nehalem / Sandybridge the picks
/// of older tables. None of them uses AVX2, so on a CPU with AVX2 they mean "not recognised".
/// AMD's Bulldozer line and the small cores (Atom, Bobcat, Nano) are deliberate picks: left alone.
bool isGenericFallback(std::string_view core) {
    static constexpr std::array<std::string_view, 7> kFallbacks{
        "Prescott", "Katmai", "Core2", "Nehalem", "Sandybridge", "Barcelona", "Unknown"};
    return std::any_of(kFallbacks.begin(), kFallbacks.end(),
                       [&](std::string_view f) { return sameName(f, core); });
}

/// "OpenBLAS 0.3.21" from "OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Prescott MAX_THREADS=64".
std::string libraryName(const std::string& config) {
    const auto first = config.find(' ');
    if (config.rfind("OpenBLAS ", 0) != 0 || first == std::string::npos)
        return "OpenBLAS";
    return config.substr(0, config.find(' ', first + 1));
}

/// Without DYNAMIC_ARCH the kernels are compiled in and OPENBLAS_CORETYPE is ignored.
bool canSwitchKernels(const std::string& config) {
    return config.find("DYNAMIC_ARCH") != std::string::npos;
}

/// The marker names the value we set; anything else in OPENBLAS_CORETYPE is the user's.
std::optional<std::string> fallbackFromMarker(const BlasSituation& s) {
    if (!s.autoMarker || !s.userCoreType)
        return std::nullopt;
    const auto sep = s.autoMarker->find('>');
    if (sep == std::string::npos || !sameName(s.autoMarker->substr(sep + 1), *s.userCoreType))
        return std::nullopt;
    return s.autoMarker->substr(0, sep);
}

BlasKernelChoice keep(const std::string& kernels, BlasKernelChoice::Origin origin, std::string reason) {
    BlasKernelChoice choice;
    choice.kernels = kernels;
    choice.origin = origin;
    choice.reason = std::move(reason);
    return choice;
}

const char* featureName(const std::string& coreType) {
    return sameName(coreType, "SkylakeX") ? "AVX-512" : "AVX2";
}

} // namespace

std::string autoMarkerValue(const std::string& fallback, const std::string& chosen) {
    return fallback + ">" + chosen;
}

BlasKernelChoice chooseBlasKernels(const BlasSituation& s) {
    using Origin = BlasKernelChoice::Origin;
    if (!s.coreName)
        return keep({}, Origin::NotOpenBlas, "the BLAS library is not OpenBLAS; it chooses its own kernels");
    const std::string& core = *s.coreName;
    const std::string library = libraryName(s.config);
    if (const auto fallback = fallbackFromMarker(s)) {
        if (!sameName(core, *s.userCoreType))
            return keep(core, Origin::Automatic,
                        library + " ignored OPENBLAS_CORETYPE=" + *s.userCoreType + " set automatically");
        return keep(core, Origin::Automatic,
                    "chosen automatically: " + library + " fell back to " + *fallback + " on a CPU with " +
                        featureName(core));
    }
    if (s.userCoreType) {
        if (!sameName(core, *s.userCoreType))
            return keep(core, Origin::User,
                        "OPENBLAS_CORETYPE=" + *s.userCoreType + " is set but " + library + " chose " + core);
        return keep(core, Origin::User, "set by OPENBLAS_CORETYPE");
    }
    if (!canSwitchKernels(s.config))
        return keep(core, Origin::FixedBuild,
                    "built into " + library + " (no DYNAMIC_ARCH: cannot be changed)");
    if (!isGenericFallback(core) || !s.cpu.avx2)
        return keep(core, Origin::Detected, "detected by " + library);
    BlasKernelChoice choice;
    choice.reExec = true;
    choice.coreType = s.cpu.avx512 ? "SkylakeX" : "Haswell";
    choice.kernels = core;
    choice.origin = Origin::Detected;
    choice.reason = library + " fell back to " + core + " on a CPU with " + featureName(choice.coreType) +
                    ": restarting with OPENBLAS_CORETYPE=" + choice.coreType;
    return choice;
}

std::string BlasKernelChoice::summary() const {
    if (origin == Origin::NotOpenBlas)
        return "not OpenBLAS (" + reason + ")";
    return kernels + " (" + reason + ")";
}

std::string BlasKernelChoice::shortSummary() const {
    switch (origin) {
    case Origin::NotOpenBlas:
        return "not OpenBLAS";
    case Origin::Detected: // a fallback that calls for a restart, still running: the restart failed or was not tried
        return kernels + (reExec ? " (generic fallback)" : " (detected)");
    case Origin::User:
        return kernels + " (OPENBLAS_CORETYPE)";
    case Origin::Automatic:
        return kernels + " (automatic)";
    case Origin::FixedBuild:
        return kernels + " (built in)";
    }
    return kernels;
}

} // namespace ulmfit
