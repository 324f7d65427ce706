#pragma once
#include "core/CancelToken.h"
#include "core/Observer.h"
#include "data/text/Chunks.h"
#include "data/text/Rules.h"
#include "data/text/SpecialTokens.h"
#include "data/text/TokenList.h"
#include "data/text/WordSplitter.h"

#include <string>
#include <string_view>
#include <vector>

namespace ulmfit::text {

/// fastai's default word tokenization: Tokenizer(WordTokenizer()) with defaults.text_proc_rules,
/// i.e. the 8 rules (Rules.h), spaCy's English split (WordSplitter.h) and the post-rule
/// replace_space (spaces inside a token become U+2581 '▁'). Stateless and thread-safe.
class Tokenizer {
public:
    /// Bump whenever the output for some input changes: it keys the corpus token cache.
    static constexpr int kVersion = 2; // 2: invalid UTF-8 read by maximal subparts, not byte by byte

    std::vector<std::string> tokenize(std::string_view text) const;

    /// Same, into `out` (cleared first; reusing it allocates nothing). Invalid UTF-8 is read as
    /// ulmfit::sanitizeUtf8 reads it (one U+FFFD per maximal ill-formed subpart), as review files are.
    void tokenize(std::string_view text, TokenList& out) const;

    /// The first half of tokenize(): the rules, then the cut into chunks, into `out`. tokenize(text)
    /// is splitChunk() of each chunk in turn, and a chunk's tokens depend on the chunk alone.
    void chunk(std::string_view text, Chunks& out) const;
    /// The second half: appends the tokens of one chunk of chunk()'s output to `out`.
    void splitChunk(std::string_view chunk, TokenList& out) const;

    /// Tokenizes every text on `threads` workers (0 = all cores). Output is indexed like the
    /// input, so it never depends on the thread count. Reports progress as task "tokenize"
    /// (unit "docs"); throws ulmfit::Cancelled when `cancel` is set.
    std::vector<std::vector<std::string>> tokenizeAll(const std::vector<std::string>& texts, int threads = 0,
                                                      Observer* observer = nullptr,
                                                      const CancelToken* cancel = nullptr) const;
};

} // namespace ulmfit::text
