#include "data/corpus/TokenCache.h"

#include "core/AtomicFile.h"
#include "core/Error.h"
#include "data/corpus/BinaryIo.h"

#include <cstring>
#include <fstream>
#include <iomanip>
#include <sstream>

namespace ulmfit {
namespace fs = std::filesystem;

namespace {
constexpr char kMagic[8] = {'U', 'L', 'M', 'F', 'T', 'O', 'K', 'C'};
constexpr std::uint32_t kByteOrderMark = 0x01020304;

std::string hex(std::uint64_t v) {
    std::ostringstream s;
    s << std::hex << std::setw(16) << std::setfill('0') << v;
    return s.str();
}

void writeCorpus(BinaryWriter& w, const Corpus& c) {
    w.string(c.root.string());
    w.strings(c.vocab.itos());
    w.strings(c.labelNames);
    w.array(c.splits);
    w.array(c.labels);
    w.array(c.offsets);
    w.strings(c.sourcePaths);
    w.array(c.tokens);
}

Corpus readCorpus(BinaryReader& r) {
    Corpus c;
    c.root = r.string();
    c.vocab = Vocab(r.strings());
    c.labelNames = r.strings();
    c.splits = r.array<Split>();
    c.labels = r.array<std::int32_t>();
    c.offsets = r.array<std::int64_t>();
    c.sourcePaths = r.strings();
    c.tokens = r.array<std::int32_t>();
    return c;
}

/// Reads the header; returns false when the file was written for another key.
bool readHeader(BinaryReader& r, std::uint64_t key) {
    char magic[sizeof kMagic];
    r.bytes(magic, sizeof magic);
    if (std::memcmp(magic, kMagic, sizeof kMagic) != 0)
        throw Error("not a token cache file");
    if (r.value<std::uint32_t>() != kTokenCacheFormat)
        return false;
    if (r.value<std::uint32_t>() != kByteOrderMark)
        return false;
    return r.value<std::uint64_t>() == key;
}

/// Header, corpus, then the checksum of both; the reason of any failure goes into `why`.
std::optional<Corpus> readFile(const fs::path& file, std::uint64_t key, std::string* why) {
    std::ifstream in(file, std::ios::binary);
    const auto size = fs::file_size(file);
    if (size < sizeof(std::uint64_t))
        throw Error("file too short");
    BinaryReader r(in, size - sizeof(std::uint64_t));
    if (!readHeader(r, key)) {
        if (why)
            *why = "inputs changed (files, tokenizer version or options)";
        return std::nullopt;
    }
    Corpus corpus = readCorpus(r);
    if (r.bytesLeft() != 0)
        throw Error("unexpected data after the corpus");
    std::uint64_t stored = 0;
    in.read(reinterpret_cast<char*>(&stored), sizeof stored);
    if (!in || stored != r.checksum())
        throw Error("checksum mismatch");
    corpus.validate();
    return corpus;
}
} // namespace

std::uint64_t corpusCacheKey(const DatasetIndex& index, const VocabOptions& vocab, int tokenizerVersion) {
    Fnv1a h;
    h.updateValue(kTokenCacheFormat);
    h.updateValue(tokenizerVersion);
    h.updateValue(vocab.minFreq);
    h.updateValue(vocab.maxVocab);
    h.update(index.root.string());
    h.updateValue<std::uint64_t>(index.files.size());
    for (const auto& f : index.files) {
        std::error_code sizeError, timeError;
        const std::uint64_t bytes = fs::file_size(f.path, sizeError);
        const auto mtime = fs::last_write_time(f.path, timeError);
        h.update(f.path.string() + '\0' + f.split + '\0' + f.label + '\0');
        h.updateValue<std::uint64_t>(sizeError ? 0 : bytes);
        h.updateValue<std::int64_t>(timeError ? 0 : mtime.time_since_epoch().count());
    }
    return h.value();
}

fs::path corpusCacheFile(const fs::path& cacheDir, const DatasetIndex& index, const VocabOptions& vocab) {
    Fnv1a h;
    h.update(fs::absolute(index.root).lexically_normal().string());
    return cacheDir / ("corpus-" + hex(h.value()) + "-f" + std::to_string(vocab.minFreq) + "-v" +
                       std::to_string(vocab.maxVocab) + ".bin");
}

void writeTokenCache(const fs::path& file, const Corpus& corpus, std::uint64_t key) {
    writeFileAtomically(file, [&](std::ostream& out) {
        BinaryWriter w(out);
        w.bytes(kMagic, sizeof kMagic);
        w.value(kTokenCacheFormat);
        w.value(kByteOrderMark);
        w.value(key);
        writeCorpus(w, corpus);
        const std::uint64_t checksum = w.checksum();
        out.write(reinterpret_cast<const char*>(&checksum), sizeof checksum);
    });
}

std::optional<Corpus> readTokenCache(const fs::path& file, std::uint64_t key, std::string* why) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
        if (why)
            *why = "no cache file";
        return std::nullopt;
    }
    try {
        return readFile(file, key, why);
    } catch (const std::exception& e) { // includes bad_alloc from a corrupt length that slipped through
        if (why)
            *why = std::string("corrupt (") + e.what() + ")";
        return std::nullopt;
    }
}

} // namespace ulmfit
