// `fuzz-make-seeds OUT`: the binary seed files of tests/fuzz/seeds that only the engine's own
// writers can make — a token cache body, language-model weights, a classifier bundle — each
// small, so the fuzzer starts from valid files and mutates from there.
#include "data/corpus/TokenCache.h"
#include "model/AwdLstmConfig.h"
#include "model/Checkpoint.h"
#include "model/LanguageModel.h"
#include "model/ModelBundle.h"
#include "model/TextClassifier.h"

#include <torch/torch.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace ulmfit;

namespace {

std::vector<std::string> tinyVocab() {
    std::vector<std::string> vocab{"xxunk", "xxpad", "xxbos", "xxeos", "xxfld", "xxrep", "xxwrep", "xxup", "xxmaj"};
    for (const char* word : {"the", "movie", "was", "great", "bad", ".", ",", "a", "film", "i", "it", "and",
                             "of", "to", "is", "this", "plot", "acting", "love", "hate", "!"})
        vocab.push_back(word);
    return vocab; // 30 tokens, as CheckpointFuzz's model
}

void writeTokenCacheBody(const fs::path& file) {
    Corpus corpus;
    corpus.root = "/data/imdb";
    corpus.vocab = Vocab(tinyVocab());
    corpus.labelNames = {"neg", "pos"};
    corpus.splits = {Split::Train, Split::Train, Split::Test};
    corpus.labels = {0, 1, -1};
    corpus.offsets = {0, 4, 9, 12};
    corpus.sourcePaths = {"train/neg/0_1.txt", "train/pos/1_9.txt", "unsup/2_0.txt"};
    corpus.tokens = {2, 9, 10, 11, 2, 13, 14, 15, 12, 2, 18, 19};
    const fs::path full = file.string() + ".full";
    writeTokenCache(full, corpus, 0x1234abcdULL);
    // TokenCacheFuzz appends the checksum itself: the seed is the file without it.
    const auto bodySize = fs::file_size(full) - sizeof(std::uint64_t);
    std::ifstream in(full, std::ios::binary);
    std::string body(bodySize, '\0');
    in.read(body.data(), static_cast<std::streamsize>(bodySize));
    std::ofstream(file, std::ios::binary).write(body.data(), static_cast<std::streamsize>(body.size()));
    fs::remove(full);
}

AwdLstmConfig smallConfig(AwdLstmConfig config) {
    config.embSize = 8;
    config.hiddenSize = 12;
    config.nLayers = 2;
    return config;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz-make-seeds OUT\n");
        return 2;
    }
    const fs::path out = argv[1];
    torch::manual_seed(0);
    fs::create_directories(out / "TokenCacheFuzz");
    writeTokenCacheBody(out / "TokenCacheFuzz" / "three-docs.bin");

    fs::create_directories(out / "CheckpointFuzz");
    LanguageModel lm(smallConfig(lmConfig(30)));
    saveLanguageModel(lm, out / "CheckpointFuzz" / "lm.pt");

    ClassifierOptions options;
    options.seqLen = 8;
    options.maxLen = 32;
    options.linFtrs = {6};
    TextClassifier classifier(smallConfig(classifierConfig(30)), options);
    const fs::path bundle = out / "bundle";
    fs::remove_all(bundle);
    saveClassifierBundle(bundle, classifier, tinyVocab(), {"neg", "pos"});
    fs::create_directories(out / "BundleConfigFuzz");
    fs::copy_file(bundle / "config.json", out / "BundleConfigFuzz" / "config.json",
                  fs::copy_options::overwrite_existing);
    fs::create_directories(out / "VocabFileFuzz");
    fs::copy_file(bundle / "vocab.txt", out / "VocabFileFuzz" / "vocab.txt", fs::copy_options::overwrite_existing);
    std::printf("seeds written to %s\n", out.c_str());
    return 0;
}
