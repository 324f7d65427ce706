// Built twice, both linked with the decoy library: once the usual way (the compiler driver puts
// libstdc++ last) and once through ulmfit-stdlib-first. Removes DIR/victim with
// std::filesystem::remove_all and prints whose code ran, for StdFilesystemBindingTest.
#include "core/StdFilesystemBinding.h"

#include <filesystem>
#include <fstream>
#include <iostream>

extern "C" const char* decoyName(); // from the decoy library

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: fs-binding-probe DIR\n";
        return 2;
    }
    const std::filesystem::path victim = std::filesystem::path(argv[1]) / "victim";
    std::filesystem::create_directories(victim / "inner");
    std::ofstream(victim / "inner" / "file.txt") << "x\n";
    std::filesystem::remove_all(victim);
    const auto foreign = ulmfit::foreignStdFilesystemSymbols();
    std::cout << "loaded=" << decoyName() << "\n"
              << "removed=" << !std::filesystem::exists(victim) << "\n"
              << "foreign=" << foreign.size() << "\n";
    for (const auto& symbol : foreign)
        std::cout << "from=" << symbol.library << "\n";
}
