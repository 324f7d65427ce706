// A model bundle's vocab.txt reader on any bytes.
#include "FuzzSupport.h"

#include "core/Error.h"
#include "model/ModelBundle.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        ulmfit::readVocabFile(ulmfit::fuzz::writeInput("vocab.txt", data, size));
    } catch (const ulmfit::Error&) {
    }
    return 0;
}
