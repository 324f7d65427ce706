// Stands in for a library that exports its own copy of a libstdc++ std::filesystem function, as
// PyTorch's libtorch_cpu.so does (PyTorch issue 133437). Its remove_all removes nothing, so a
// probe can tell whose remove_all it ran.
#include <cstdint>

// The probe calls this so both of its builds load the decoy (the linker drops unused libraries).
extern "C" __attribute__((visibility("default"))) const char* decoyName() { return "ulmfit-fs-decoy"; }

#if defined(__GLIBCXX__) && _GLIBCXX_USE_CXX11_ABI
extern "C" __attribute__((visibility("default"))) std::uintmax_t
decoyRemoveAll(const void* path) __asm__("_ZNSt10filesystem10remove_allERKNS_7__cxx114pathE");

extern "C" std::uintmax_t decoyRemoveAll(const void*) { return 0; }
#endif
