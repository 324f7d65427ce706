// The weights reader of checkpoints, encoders and bundles (LibTorch's archive + our checks of
// kind, names and shapes) on any bytes, loading into a small language model.
#include "FuzzSupport.h"

#include "core/Error.h"
#include "model/AwdLstmConfig.h"
#include "model/Checkpoint.h"
#include "model/LanguageModel.h"


extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static ulmfit::LanguageModel model = [] {
        ulmfit::AwdLstmConfig config = ulmfit::lmConfig(30);
        config.embSize = 8;
        config.hiddenSize = 12;
        config.nLayers = 2;
        return ulmfit::LanguageModel(config);
    }();
    const auto path = ulmfit::fuzz::writeInput("model.pt", data, size);
    try {
        ulmfit::loadLanguageModel(model, path);
    } catch (const ulmfit::Error&) {
    }
    return 0;
}
