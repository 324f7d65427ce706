#include "data/corpus/Vocab.h"

#include "core/AtomicFile.h"
#include "core/TokenLine.h"
#include "core/Error.h"

#include <algorithm>
#include <fstream>

namespace ulmfit {

Vocab::Vocab(std::vector<std::string> itos) : m_itos(std::move(itos)) {
    m_stoi.reserve(m_itos.size());
    // A token listed twice (only xxfake in practice) keeps its first id, like fastai's o2i.
    for (std::size_t i = 0; i < m_itos.size(); ++i)
        m_stoi.emplace(m_itos[i], static_cast<std::int32_t>(i));
}

Vocab Vocab::build(std::vector<TokenCount> counts, const std::vector<std::string>& specials,
                   const VocabOptions& options) {
    const auto maxVocab = static_cast<std::size_t>(std::max(0, options.maxVocab));
    const auto moreCommon = [](const TokenCount& a, const TokenCount& b) { return a.count > b.count; };
    if (!std::is_sorted(counts.begin(), counts.end(), moreCommon)) // the corpus builder sorts them already
        std::stable_sort(counts.begin(), counts.end(), moreCommon);
    if (counts.size() > maxVocab) // Counter.most_common(max_vocab) comes before the min_freq filter
        counts.resize(maxVocab);
    std::vector<std::string> itos(specials.begin(), specials.end());
    for (auto& c : counts)
        if (c.count >= options.minFreq && std::find(specials.begin(), specials.end(), c.token) == specials.end())
            itos.push_back(std::move(c.token));
    if (itos.size() > maxVocab)
        itos.resize(maxVocab);
    const std::size_t fakes = 8 - itos.size() % 8; // fastai appends 8 when already a multiple of 8
    itos.insert(itos.end(), fakes, kFakeToken);
    return Vocab(std::move(itos));
}

std::int32_t Vocab::id(std::string_view token) const {
    const auto it = m_stoi.find(std::string(token));
    return it == m_stoi.end() ? kUnkId : it->second;
}

const std::string& Vocab::token(std::int32_t id) const {
    if (id < 0 || static_cast<std::size_t>(id) >= m_itos.size())
        throw Error("token id " + std::to_string(id) + " is outside the vocabulary of " +
                    std::to_string(m_itos.size()) + " tokens (was the data built with another vocab?)");
    return m_itos[static_cast<std::size_t>(id)];
}

std::vector<std::int32_t> Vocab::encode(const std::vector<std::string>& tokens) const {
    std::vector<std::int32_t> ids;
    ids.reserve(tokens.size());
    for (const auto& t : tokens)
        ids.push_back(id(t));
    return ids;
}

std::vector<std::string> Vocab::decodeTokens(const std::int32_t* ids, std::size_t n, bool skipPad) const {
    std::vector<std::string> tokens;
    tokens.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        if (!skipPad || ids[i] != kPadId)
            tokens.push_back(token(ids[i]));
    return tokens;
}

std::string Vocab::decode(const std::int32_t* ids, std::size_t n) const {
    std::string text;
    for (const auto& t : decodeTokens(ids, n, true)) {
        if (!text.empty())
            text += ' ';
        text += t;
    }
    return text;
}

namespace {
} // namespace

void Vocab::save(const std::filesystem::path& file) const {
    writeFileAtomically(file, [this](std::ostream& out) {
        for (const auto& t : m_itos)
            out << escapeTokenLine(t) << '\n';
    });
}

Vocab Vocab::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error("cannot read the vocabulary file " + file.string());
    std::vector<std::string> itos;
    for (std::string line; std::getline(in, line);)
        itos.push_back(unescapeTokenLine(line));
    if (itos.empty())
        throw Error("the vocabulary file " + file.string() + " is empty");
    return Vocab(std::move(itos));
}

} // namespace ulmfit
