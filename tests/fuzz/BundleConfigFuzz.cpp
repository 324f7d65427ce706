// A classifier bundle whose config.json is the input, beside a valid vocabulary and weights: the
// loader builds a model from whatever sizes the config claims, so it must check them first.
#include "FuzzSupport.h"

#include "core/Error.h"
#include "model/ModelBundle.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::filesystem::path bundle = [] {
        const char* seedBundle = std::getenv("ULMFIT_FUZZ_BUNDLE"); // a saved bundle (scripts/fuzz.sh)
        if (!seedBundle) {
            std::fprintf(stderr, "set ULMFIT_FUZZ_BUNDLE to a classifier bundle folder\n");
            std::exit(2);
        }
        const auto copy = ulmfit::fuzz::scratch() / "bundle";
        std::filesystem::copy(seedBundle, copy, std::filesystem::copy_options::recursive);
        return copy;
    }();
    ulmfit::fuzz::writeInput("bundle/config.json", data, size);
    try {
        ulmfit::loadClassifierBundle(bundle);
    } catch (const ulmfit::Error&) {
    }
    try { // what export-fastai and the ensemble loader read first
        ulmfit::bundleKind(bundle);
    } catch (const ulmfit::Error&) {
    }
    ulmfit::bundleDirection(bundle); // never throws: Forward when the config does not say
    ulmfit::isEnsembleFolder(bundle);
    return 0;
}
