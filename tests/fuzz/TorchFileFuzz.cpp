// The .pth reader (torch.save's zip format through LibTorch, the legacy format through our own
// unpickler) on any bytes.
#include "FuzzSupport.h"

#include "core/Error.h"
#include "pretrained/TorchFile.h"


extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = ulmfit::fuzz::writeInput("weights.pth", data, size);
    try {
        ulmfit::readTorchStateDict(path);
    } catch (const ulmfit::Error&) {
    }
    return 0;
}
