// `ulmfit bench tokenize --data DIR [--threads N]`: reads every review of a dataset folder and
// tokenizes them all in parallel, timing reading and tokenizing separately.
#include "CommandRegistry.h"

#include "core/Memory.h"
#include "core/ParallelFor.h"
#include "data/source/Dataset.h"
#include "data/text/Tokenizer.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <memory>

namespace ulmfit::cli {
namespace {

struct BenchTokenizeArgs {
    std::string data;
    int threads = 0;
};

double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::vector<std::string> readAll(const DatasetIndex& index, int threads) {
    std::vector<std::string> texts(index.files.size());
    parallelFor(texts.size(), threads, 256, [&](std::size_t begin, std::size_t end, int) {
        for (std::size_t i = begin; i < end; ++i)
            texts[i] = readReviewText(index.files[i].path);
    });
    return texts;
}

void runBench(const BenchTokenizeArgs& args) {
    const int threads = args.threads > 0 ? args.threads : defaultThreadCount();
    auto start = std::chrono::steady_clock::now();
    const DatasetIndex index = scanDataset(args.data);
    const std::vector<std::string> texts = readAll(index, threads);
    const double readSeconds = secondsSince(start);
    std::size_t bytes = 0;
    for (const auto& t : texts)
        bytes += t.size();

    const text::Tokenizer tokenizer;
    tokenizer.tokenize("warm up the tables");
    const double cpuBefore = cpuSeconds();
    start = std::chrono::steady_clock::now();
    const auto tokens = tokenizer.tokenizeAll(texts, threads);
    const double seconds = secondsSince(start);
    const double cpu = cpuSeconds() - cpuBefore;
    std::size_t count = 0;
    for (const auto& t : tokens)
        count += t.size();

    std::printf("reviews:       %zu (%.1f MB)\n", texts.size(), double(bytes) / 1e6);
    std::printf("threads:       %d\n", threads);
    std::printf("read seconds:  %.3f (scan + read files)\n", readSeconds);
    std::printf("tokens:        %zu\n", count);
    std::printf("seconds:       %.3f (tokenize; %.3f s CPU)\n", seconds, cpu);
    std::printf("reviews/s:     %.0f\n", double(texts.size()) / seconds);
    std::printf("tokens/s:      %.0f\n", double(count) / seconds);
    std::printf("MB/s:          %.1f\n", double(bytes) / 1e6 / seconds);
    std::printf("peak memory:   %.0f MB\n", double(peakResidentBytes()) / 1e6);
}

const CommandRegistration registration("bench-tokenize", [](CLI::App& app) {
    auto args = std::make_shared<BenchTokenizeArgs>();
    CLI::App& bench = subcommandGroup(app, "bench", "Measure the engine's speed on real data");
    CLI::App* cmd = bench.add_subcommand("tokenize", "Read and tokenize every review of a dataset folder");
    cmd->add_option("--data", args->data, "Extracted dataset folder (holding train/ and test/)")->required();
    cmd->add_option("--threads", args->threads, "Worker threads (0 = all cores)")->check(CLI::NonNegativeNumber);
    cmd->callback([args] { runBench(*args); });
});

} // namespace
} // namespace ulmfit::cli
