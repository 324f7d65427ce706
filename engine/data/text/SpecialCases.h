#pragma once
#include <map>
#include <string>
#include <vector>

namespace ulmfit::text {

/// spaCy's English tokenizer exceptions (spacy/lang/en/tokenizer_exceptions.py merged into
/// spacy/lang/tokenizer_exceptions.py BASE_EXCEPTIONS, with the "'" -> "’" variants that
/// spaCy's update_exc adds), plus fastai's special tokens: string -> the tokens it becomes.
/// Examples: "don't" -> {"do", "n't"}, "can't" -> {"ca", "n't"}, "i'm" -> {"i", "'m"}, ":)" -> {":)"}.
using SpecialCaseTable = std::map<std::string, std::vector<std::string>>;

const SpecialCaseTable& englishSpecialCases();

} // namespace ulmfit::text
