// `ulmfit bench explain --model DIR --data DIR|ARCHIVE [--limit N] [--steps N]
// [--sentiment-words FILE]`: explains every test review with both methods, one review at a time
// as the Predict view does, and prints the median time per review of each. With a word list it
// also prints, for the reviews classified correctly with probability >= 0.9, how often one of
// the top-3 tokens is in the list (a sanity figure: do the explanations point at opinion words?).
#include "CommandRegistry.h"

#include "core/Error.h"
#include "core/TempDir.h"
#include "data/source/ArchiveExtractor.h"
#include "data/source/Dataset.h"
#include "data/source/ReviewReader.h"
#include "infer/Explainer.h"
#include "train/Device.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <numeric>
#include <optional>
#include <set>

namespace ulmfit::cli {
namespace {

constexpr float kConfident = 0.9f; // "classified correctly with high confidence", fixed up front

struct BenchExplainArgs {
    std::string model;
    std::string data;
    std::string device = "cpu";
    std::string sentimentWords;
    int limit = 0;
    int steps = 32;
};

struct Review {
    std::string text;
    std::string label;
};

std::vector<Review> testReviews(const std::string& data, int limit) {
    std::optional<TempDir> scratch;
    std::filesystem::path root = data;
    if (std::filesystem::is_regular_file(root)) {
        scratch.emplace("ulmfit-bench-explain");
        root = extractArchive({data, scratch->path() / "data"});
    }
    std::vector<const ReviewFile*> test;
    const auto index = scanDataset(root);
    for (const ReviewFile& file : index.files)
        if (file.split == "test")
            test.push_back(&file);
    if (test.empty())
        throw Error("no test reviews found in " + data);
    // --limit N takes N reviews evenly spread over the split (scan order groups them by label).
    const std::size_t n = limit > 0 ? std::min<std::size_t>(std::size_t(limit), test.size()) : test.size();
    std::vector<Review> reviews;
    ReviewReader reader;
    for (std::size_t i = 0; i < n; ++i) {
        const ReviewFile& file = *test[i * test.size() / n];
        reviews.push_back({std::string(reader.read(file.path)), file.label});
    }
    return reviews;
}

std::set<std::string> readWordList(const std::string& file) {
    std::ifstream in(file);
    if (!in)
        throw Error("cannot read the word list " + file);
    std::set<std::string> words;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#')
            words.insert(line);
    return words;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values[static_cast<size_t>(std::min<double>(values.size() - 1, std::floor(p * values.size())))];
}

bool topTokensHit(const Attribution& a, const std::set<std::string>& words) {
    const auto order = rankByInfluence(a);
    for (size_t i = 0; i < std::min<size_t>(3, order.size()); ++i)
        if (words.count(a.tokens[order[i]].token))
            return true;
    return false;
}

struct MethodStats {
    std::vector<double> seconds, errors;
    int confident = 0, hits = 0;
};

void report(const char* name, const MethodStats& s, bool sanity) {
    std::printf("%-10s median %.1f ms/review, p90 %.1f ms, mean %.1f ms", name, 1e3 * median(s.seconds),
                1e3 * percentile(s.seconds, 0.9),
                1e3 * std::accumulate(s.seconds.begin(), s.seconds.end(), 0.0) / double(s.seconds.size()));
    if (!s.errors.empty())
        std::printf("; completeness error median %.4f, p90 %.4f, max %.4f", median(s.errors),
                    percentile(s.errors, 0.9), *std::max_element(s.errors.begin(), s.errors.end()));
    std::printf("\n");
    if (sanity)
        std::printf("%-10s top-3 token in the word list: %d of %d confident correct reviews (%.1f %%)\n",
                    name, s.hits, s.confident, s.confident ? 100.0 * s.hits / s.confident : 0.0);
}

void runBench(const BenchExplainArgs& args) {
    const auto cpu = configureCpu();
    const auto reviews = testReviews(args.data, args.limit);
    const auto words =
        args.sentimentWords.empty() ? std::set<std::string>{} : readWordList(args.sentimentWords);
    Explainer explainer(args.model, chooseDevice(args.device));
    ExplainOptions ig, attention;
    ig.steps = args.steps;
    attention.method = AttributionMethod::Attention;
    explainer.explain(reviews.front().text, ig); // warm-up: allocator, oneDNN primitives
    MethodStats stats[2];
    std::vector<double> tokens;
    for (const Review& review : reviews) {
        for (int m = 0; m < 2; ++m) {
            const auto start = std::chrono::steady_clock::now();
            const Attribution a = explainer.explain(review.text, m == 0 ? ig : attention);
            stats[m].seconds.push_back(
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
            if (m == 0) {
                stats[m].errors.push_back(a.completenessError);
                tokens.push_back(double(a.tokens.size()));
            }
            const bool confident = a.labels[size_t(a.predicted)] == review.label &&
                                   a.probabilities[size_t(a.predicted)] >= kConfident;
            if (confident && !words.empty()) {
                ++stats[m].confident;
                stats[m].hits += topTokensHit(a, words);
            }
        }
    }
    std::printf("reviews:    %zu test reviews, median %.0f tokens (max %.0f)\n", reviews.size(),
                median(tokens), *std::max_element(tokens.begin(), tokens.end()));
    std::printf("device:     %s (%s)\n", explainer.device().str().c_str(), cpu.describe().c_str());
    report(("ig/" + std::to_string(args.steps)).c_str(), stats[0], !words.empty());
    report("attention", stats[1], !words.empty());
}

const CommandRegistration benchExplainCommandRegistration("bench-explain", [](CLI::App& app) {
    auto args = std::make_shared<BenchExplainArgs>();
    CLI::App& bench = subcommandGroup(app, "bench", "Measure the engine's speed on real data");
    CLI::App* cmd =
        bench.add_subcommand("explain", "Time word attributions (both methods) on a dataset's test reviews");
    cmd->add_option("--model", args->model, "Classifier folder")->required();
    cmd->add_option("--data", args->data, "Dataset folder (holding test/) or an archive of one")->required();
    cmd->add_option("--limit", args->limit, "Only N test reviews, evenly spread over the split (0 = all)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--steps", args->steps, "Integrated Gradients steps")->check(CLI::Range(1, 4096));
    cmd->add_option("--sentiment-words", args->sentimentWords,
                    "Word list (one token per line): report how often a top-3 token is one of them");
    cmd->add_option("--device", args->device, "auto, cpu or cuda");
    cmd->callback([args] { runBench(*args); });
});

} // namespace
} // namespace ulmfit::cli
