#include "core/TokenLine.h"

namespace ulmfit {

std::string escapeTokenLine(const std::string& token) {
    std::string line;
    line.reserve(token.size());
    for (const char c : token) {
        if (c == '\\')
            line += "\\\\";
        else if (c == '\n')
            line += "\\n";
        else if (c == '\r')
            line += "\\r";
        else
            line += c;
    }
    return line;
}

std::string unescapeTokenLine(const std::string& line) {
    std::string token;
    token.reserve(line.size());
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] != '\\' || i + 1 == line.size()) {
            token += line[i];
            continue;
        }
        const char next = line[++i];
        token += next == 'n' ? '\n' : next == 'r' ? '\r' : next;
    }
    return token;
}

} // namespace ulmfit
