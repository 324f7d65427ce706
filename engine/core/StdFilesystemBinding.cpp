#include "core/StdFilesystemBinding.h"

#include <dlfcn.h>

#include <iterator>

namespace ulmfit {

namespace {
struct Probe {
    const char* function;
    const char* symbol;
};

#ifdef __GLIBCXX__
// libstdc++'s C++11-ABI names carry the `__cxx11` inline namespace (mangled `7__cxx11`) where
// the old-ABI names have nothing.
#if _GLIBCXX_USE_CXX11_ABI
#define ULMFIT_CXX11 "7__cxx11"
#else
#define ULMFIT_CXX11 ""
#endif

// The functions checkpoint rotation, dataset scanning and extraction go through. Plain string
// handling below, not std::filesystem: this code must stay correct when that is the broken part.
constexpr Probe kProbes[] = {
    {"std::filesystem::remove_all(const path&)", "_ZNSt10filesystem10remove_allERKNS_" ULMFIT_CXX11 "4pathE"},
    {"std::filesystem::create_directories(const path&)",
     "_ZNSt10filesystem18create_directoriesERKNS_" ULMFIT_CXX11 "4pathE"},
    {"std::filesystem::directory_iterator::operator++()", "_ZNSt10filesystem" ULMFIT_CXX11 "18directory_iteratorppEv"},
    {"std::filesystem::recursive_directory_iterator::increment(error_code&)",
     "_ZNSt10filesystem" ULMFIT_CXX11 "28recursive_directory_iterator9incrementERSt10error_code"},
    {"std::filesystem::path::_M_split_cmpts()", "_ZNSt10filesystem" ULMFIT_CXX11 "4path14_M_split_cmptsEv"},
};
#undef ULMFIT_CXX11
#endif

/// The library the global lookup (the one the executable's own references get) finds first.
std::string providerOf(const char* symbol) {
    void* address = ::dlsym(RTLD_DEFAULT, symbol);
    Dl_info info{};
    if (!address || !::dladdr(address, &info) || !info.dli_fname)
        return {};
    return info.dli_fname;
}

bool isLibstdcxx(const std::string& library) {
    const auto slash = library.rfind('/');
    const std::string name = slash == std::string::npos ? library : library.substr(slash + 1);
    return name.rfind("libstdc++", 0) == 0;
}
} // namespace

std::vector<ForeignSymbol> foreignStdFilesystemSymbols() {
    std::vector<ForeignSymbol> foreign;
#ifdef __GLIBCXX__
    for (const Probe& probe : kProbes) {
        const std::string library = providerOf(probe.symbol);
        if (!library.empty() && !isLibstdcxx(library))
            foreign.push_back({probe.function, library});
    }
#endif
    return foreign;
}

std::string explainForeignStdFilesystem(const std::vector<ForeignSymbol>& foreign) {
    if (foreign.empty())
        return {};
    return foreign.front().function + " resolves to " + foreign.front().library +
           " instead of libstdc++: that library exports its own copy of libstdc++'s filesystem code "
           "(PyTorch's LibTorch builds do: PyTorch issue 133437), and mixing the two is the suspected "
           "cause of the crash when a training checkpoint is replaced. Link libstdc++ ahead of LibTorch "
           "(the project's CMake does: `readelf -d` must list libstdc++.so.6 first).";
}

std::string describeStdFilesystemBinding() {
#ifdef __GLIBCXX__
    const auto foreign = foreignStdFilesystemSymbols();
    if (!foreign.empty())
        return "MIXED: " + foreign.front().function + " comes from " + foreign.front().library +
               " instead of libstdc++ (" + std::to_string(foreign.size()) + " of " +
               std::to_string(std::size(kProbes)) + " checked functions)";
    const std::string library = providerOf(kProbes[0].symbol);
    return library.empty() ? "libstdc++" : library;
#else
    return "not libstdc++ (nothing to check)";
#endif
}

} // namespace ulmfit
