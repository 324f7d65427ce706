#include "data/text/SpecialTokens.h"

namespace ulmfit::text {

const std::vector<std::string>& specialTokens() {
    static const std::vector<std::string> tokens{kUnk, kPad, kBos, kEos, kFld, kRep, kWrep, kUp, kMaj};
    return tokens;
}

} // namespace ulmfit::text
