#include "model/ClassifierOptions.h"

#include "core/Error.h"

#include <nlohmann/json.hpp>

namespace ulmfit {

void to_json(nlohmann::json& json, const ClassifierOptions& o) {
    json = {{"n_classes", o.nClasses},
            {"seq_len", o.seqLen},
            {"max_len", o.maxLen},
            {"lin_ftrs", o.linFtrs},
            {"lin_ps", o.linPs}};
}

void from_json(const nlohmann::json& json, ClassifierOptions& o) {
    try {
        if (!json.is_object())
            throw Error("classifier options must be a JSON object");
        ClassifierOptions d;
        o.nClasses = json.value("n_classes", d.nClasses);
        o.seqLen = json.value("seq_len", d.seqLen);
        o.maxLen = json.value("max_len", d.maxLen);
        o.linFtrs = json.value("lin_ftrs", d.linFtrs);
        o.linPs = json.value("lin_ps", d.linPs);
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("invalid classifier options: ") + e.what());
    }
    if (o.nClasses < 1 || o.seqLen < 1 || o.maxLen < 1 || o.linFtrs.size() != o.linPs.size())
        throw Error(
            "invalid classifier options: need n_classes, seq_len, max_len >= 1 and one lin_ps per lin_ftrs");
    // Checked here, not by LibTorch's layers, whose errors a user cannot act on (found by BundleConfigFuzz).
    for (const auto size : o.linFtrs)
        if (size < 1)
            throw Error("invalid classifier options: every lin_ftrs size must be at least 1");
    for (const double p : o.linPs)
        if (!(p >= 0.0 && p <= 1.0))
            throw Error("invalid classifier options: every lin_ps dropout must be between 0 and 1");
}

} // namespace ulmfit
