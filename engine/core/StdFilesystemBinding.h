#pragma once
#include <string>
#include <vector>

namespace ulmfit {

/// A libstdc++ std::filesystem function that this process takes from another library.
struct ForeignSymbol {
    std::string function; // readable name, e.g. "std::filesystem::remove_all(const path&)"
    std::string library;  // the shared object the dynamic linker found it in
};

/// The std::filesystem functions the engine calls that the dynamic linker resolves outside
/// libstdc++; empty when every one comes from libstdc++ (or the C++ library is not libstdc++).
///
/// Why: PyTorch's own LibTorch builds export a statically linked copy of libstdc++'s filesystem
/// code from libtorch_cpu.so (PyTorch issue 133437). When that library comes before libstdc++
/// in an executable's load order, the engine's filesystem calls run a mix of two implementations
/// of the same internal structures. The build links libstdc++ first to prevent it; this reports
/// whether that worked in the running process.
std::vector<ForeignSymbol> foreignStdFilesystemSymbols();

/// What a user should know and do when `foreign` is not empty (one paragraph, no newline).
std::string explainForeignStdFilesystem(const std::vector<ForeignSymbol>& foreign);

/// One line for `ulmfit info`: which library the process's std::filesystem comes from.
std::string describeStdFilesystemBinding();

} // namespace ulmfit
