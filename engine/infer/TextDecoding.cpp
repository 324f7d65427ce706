#include "infer/TextDecoding.h"

#include "data/text/SpecialTokens.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace ulmfit {
namespace {

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

std::string capitalised(const std::string& s) {
    std::string result = s;
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (!result.empty())
        result[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(result[0])));
    return result;
}

std::optional<int> count(const std::string& token) {
    if (token.empty() || token.size() > 6 || !std::all_of(token.begin(), token.end(), ::isdigit))
        return std::nullopt;
    return std::stoi(token);
}

std::string repeated(const std::string& s, int n) {
    std::string result;
    for (int i = 0; i < n; ++i)
        result += s;
    return result;
}

bool attachesLeft(const std::string& token) {
    static const std::vector<std::string> suffixes{"n't", "'s", "'m", "'re", "'ve", "'d", "'ll"};
    if (std::find(suffixes.begin(), suffixes.end(), token) != suffixes.end())
        return true;
    return !token.empty() && std::string(".,!?;:)]}%").find(token[0]) != std::string::npos;
}

bool attachesRight(const std::string& token) {
    return token == "(" || token == "[" || token == "$";
}

} // namespace

std::vector<std::string> decodeSpecialTokens(const std::vector<std::string>& tokens) {
    std::vector<std::string> out;
    std::string rule; // pending xxmaj / xxup / xxrep / xxwrep
    std::optional<int> repeat;
    for (const auto& t : tokens) {
        if (t == text::kBos || t == text::kPad)
            continue;
        if (t == text::kMaj || t == text::kUp || t == text::kRep || t == text::kWrep) {
            rule = t;
            repeat.reset();
        } else if (rule.empty()) {
            out.push_back(t);
        } else if (rule == text::kMaj || rule == text::kUp) {
            out.push_back(rule == text::kMaj ? capitalised(t) : upper(t));
            rule.clear();
        } else if (!repeat) {
            repeat = count(t);
            if (!repeat) { // not a count: fastai drops the rule and the token is kept as is
                rule.clear();
                out.push_back(t);
            }
        } else {
            if (rule == text::kRep)
                out.push_back(repeated(t, *repeat));
            else
                out.insert(out.end(), *repeat, t);
            rule.clear();
            repeat.reset();
        }
    }
    return out;
}

std::string joinTokens(const std::vector<std::string>& tokens) {
    std::string text;
    bool glue = true; // no space before the first token
    for (const auto& token : tokens) {
        if (!glue && !attachesLeft(token))
            text += ' ';
        text += token;
        glue = attachesRight(token);
    }
    // fastai's replace_space turned spaces inside tokens into U+2581.
    const std::string lowerBlock = "\xE2\x96\x81";
    for (size_t at = text.find(lowerBlock); at != std::string::npos; at = text.find(lowerBlock, at))
        text.replace(at, lowerBlock.size(), " ");
    return text;
}

std::string detokenize(const std::vector<std::string>& tokens) {
    return joinTokens(decodeSpecialTokens(tokens));
}

} // namespace ulmfit
