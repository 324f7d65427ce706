// fastai's itos_wt103.pkl reader (a Python pickle of a list of strings) on any bytes.
#include "FuzzSupport.h"

#include "core/Error.h"
#include "pretrained/ItosPickle.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        ulmfit::parseItosPickle(ulmfit::fuzz::view(data, size), "fuzz.pkl");
    } catch (const ulmfit::Error&) {
    }
    return 0;
}
