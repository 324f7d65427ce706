// `ulmfit bench tokenize --data DIR [--threads N]`: what a training run does on a token-cache
// miss — read every review of a dataset folder, tokenize it with fastai's rules, intern the
// tokens per thread, build the vocabulary and numericalize — timed as a whole, with the reading
// of the files timed alone beforehand.
#include "BenchClock.h"
#include "CommandRegistry.h"

#include "core/Memory.h"
#include "core/ParallelFor.h"
#include "data/corpus/CorpusBuilder.h"
#include "data/source/Dataset.h"
#include "data/source/ReviewReader.h"

#include <chrono>
#include <cstdio>
#include <memory>

namespace ulmfit::cli {
namespace {

struct BenchTokenizeArgs {
    std::string data;
    int threads = 0;
};

/// Reads every file once (and so warms the page cache, as a just-extracted dataset is).
std::size_t readAllBytes(const DatasetIndex& index, int threads) {
    std::vector<std::size_t> sizes(index.files.size());
    std::vector<ReviewReader> readers(static_cast<std::size_t>(threads));
    parallelFor(sizes.size(), threads, 256, [&](std::size_t begin, std::size_t end, int worker) {
        for (std::size_t i = begin; i < end; ++i)
            sizes[i] = readers[static_cast<std::size_t>(worker)].read(index.files[i].path).size();
    });
    std::size_t bytes = 0;
    for (const auto s : sizes)
        bytes += s;
    return bytes;
}

void runBench(const BenchTokenizeArgs& args) {
    const int threads = args.threads > 0 ? args.threads : defaultThreadCount();
    auto start = std::chrono::steady_clock::now();
    const DatasetIndex index = scanDataset(args.data);
    const std::size_t bytes = readAllBytes(index, threads);
    const double readSeconds = secondsSince(start);

    CorpusOptions options;
    options.threads = threads;
    options.useCache = false;
    const double cpuBefore = cpuSeconds();
    start = std::chrono::steady_clock::now();
    NumericalizeSeconds phases;
    const Corpus corpus = buildCorpus(index, options, nullptr, nullptr, &phases);
    const double seconds = secondsSince(start);
    const double cpu = cpuSeconds() - cpuBefore;
    const double count = double(corpus.totalTokens());

    std::printf("reviews:       %zu (%.1f MB)\n", corpus.size(), double(bytes) / 1e6);
    std::printf("threads:       %d\n", threads);
    std::printf("read seconds:  %.3f (scan + read every file once)\n", readSeconds);
    std::printf("tokens:        %.0f, vocabulary %zu\n", count, corpus.vocab.size());
    std::printf("seconds:       %.3f (read, tokenize, intern, build the vocabulary, numericalize; %.3f s CPU)\n",
                seconds, cpu);
    std::printf("phases:        (%s)\n", phases.summary().c_str());
    std::printf("reviews/s:     %.0f\n", double(corpus.size()) / seconds);
    std::printf("tokens/s:      %.0f\n", count / seconds);
    std::printf("MB/s:          %.1f\n", double(bytes) / 1e6 / seconds);
    std::printf("peak memory:   %.0f MB\n", double(peakResidentBytes()) / 1e6);
}

const CommandRegistration benchTokenizeCommandRegistration("bench-tokenize", [](CLI::App& app) {
    auto args = std::make_shared<BenchTokenizeArgs>();
    CLI::App& bench = subcommandGroup(app, "bench", "Measure the engine's speed on real data");
    CLI::App* cmd = bench.add_subcommand(
        "tokenize", "Build the numericalized corpus of a dataset folder, as training does without a token cache");
    cmd->add_option("--data", args->data, "Extracted dataset folder (holding train/ and test/)")->required();
    cmd->add_option("--threads", args->threads, "Worker threads (0 = all cores)")->check(CLI::NonNegativeNumber);
    cmd->callback([args] { runBench(*args); });
});

} // namespace
} // namespace ulmfit::cli
