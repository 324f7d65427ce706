#pragma once
#include <string>

namespace ulmfit {

/// Vocabulary files hold one token a line, but fastai keeps tokens with line breaks ("\n" from
/// <br />), so a line escapes '\\', '\n' and '\r'. Shared by the corpus vocab and model bundles.
std::string escapeTokenLine(const std::string& token);
std::string unescapeTokenLine(const std::string& line);

} // namespace ulmfit
