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
}

} // namespace ulmfit
