// `ulmfit bench train [--config book|quick] [--vocab N] [--bs 32] [--seq-len 72] [--batches N]`:
// training throughput on synthetic random batches — LM tokens/s (forward + backward + step,
// AR/TAR on) and classifier reviews/s frozen and unfrozen — with peak memory. It trains in the
// precision `ulmfit train` would use (float16 mixed precision on CUDA, bfloat16 on CPUs with
// AMX or AMD's AVX512-BF16; `--fp32` turns it off) and names it, with the BLAS kernels.
#include "BenchClock.h"
#include "CommandRegistry.h"

#include "core/BlasKernels.h"
#include "core/Memory.h"
#include "model/ParameterGroups.h"
#include "recipe/RecipeJson.h"
#include "train/Callbacks.h"
#include "train/Device.h"
#include "train/Learner.h"
#include "train/MixedPrecision.h"
#include "train/ModelAdapters.h"
#include "train/OneCycleScheduler.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace ulmfit::cli {
namespace {

struct BenchArgs {
    std::string config; // empty = both
    int vocab = 60000, bs = 32, seqLen = 72, batches = 5, docLen = 300;
    std::string device = "auto";
    bool fp32 = false;
    int rowBlocks = 1; // > 1: the experiment of model/ParallelRows.h
};

/// `count` random batches (+1 warm-up) of int64 ids; classifier targets are class indices.
class RandomBatches : public BatchSource {
  public:
    RandomBatches(int count, int bs, int len, int vocab, bool classifier) {
        torch::manual_seed(0);
        for (int i = 0; i <= count; ++i) {
            auto input = torch::randint(2, vocab, {bs, len}, torch::kLong);
            auto target = classifier ? torch::randint(2, {bs}, torch::kLong)
                                     : torch::randint(vocab, {bs, len}, torch::kLong);
            m_batches.push_back({input, target});
        }
    }
    std::size_t size() const override { return m_batches.size(); }
    Batch batch(std::size_t i) override { return m_batches[i]; }

  private:
    std::vector<Batch> m_batches;
};

/// Wall and CPU time of the batches after the first (warm-up) one. On a shared machine the CPU
/// time shows what the work costs when other processes take cores away.
struct Stopwatch : Callback {
    std::chrono::steady_clock::time_point start, end;
    double cpuStart = 0, cpuEnd = 0;
    void afterBatch(Learner& learn) override {
        if (learn.device().is_cuda())
            torch::cuda::synchronize(); // CUDA kernels run asynchronously: time finished work only
        if (learn.iter == 0) {
            start = std::chrono::steady_clock::now();
            cpuStart = cpuSeconds();
        }
        end = std::chrono::steady_clock::now();
        cpuEnd = cpuSeconds();
    }
    double seconds() const { return std::chrono::duration<double>(end - start).count(); }
};

struct FitTime {
    double wall = 0, cpu = 0; // seconds
};

FitTime timeFit(LearnerModel model, BatchSource& source, torch::Device device, const PrecisionChoice& precision) {
    Learner learn(std::move(model), source, nullptr, device);
    auto watch = std::make_shared<Stopwatch>();
    if (precision.mixed())
        learn.addCallback(std::make_shared<MixedPrecision>(precision.precision));
    learn.addCallback(std::make_shared<ModelResetter>());
    learn.addCallback(std::make_shared<RnnRegularizer>());
    learn.addCallback(std::make_shared<OneCycleScheduler>(LearningRate::plain(1e-3)));
    learn.addCallback(watch);
    learn.fit(1);
    return {watch->seconds(), watch->cpuEnd - watch->cpuStart};
}

double mib(std::size_t bytes) {
    return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

void benchConfig(const std::string& name, const BenchArgs& args, torch::Device device,
                 const PrecisionChoice& precision, int rowBlocks) {
    Recipe recipe = loadRecipe(name);
    torch::manual_seed(0);
    LanguageModel lm(recipeLmConfig(recipe, args.vocab));
    RandomBatches lmBatches(args.batches, args.bs, args.seqLen, args.vocab, false);
    const FitTime lmTime = timeFit(learnerModel(lm), lmBatches, device, precision);
    const double tokens = args.batches * double(args.bs) * args.seqLen;
    std::printf("%-6s LM          emb %d hidden %d layers %d vocab %d: %8.0f tokens/s  (%.0f per CPU-second, "
                "peak RSS %.0f MiB)\n",
                name.c_str(), recipe.embSize, recipe.hiddenSize, recipe.nLayers, args.vocab,
                tokens / lmTime.wall, tokens / lmTime.cpu, mib(peakResidentBytes()));
    std::fflush(stdout);
    ClassifierOptions options;
    options.seqLen = args.seqLen;
    TextClassifier classifier(recipeClassifierConfig(recipe, args.vocab), options);
    RandomBatches docs(args.batches, args.bs, args.docLen, args.vocab, true);
    const IntraOpThreads oneEach(rowBlocks > 1 ? 1 : at::get_num_threads()); // the blocks' threads, one each
    for (int freezeIndex : {-1, 0}) {
        freezeTo(classifier, freezeIndex);
        const FitTime time = timeFit(learnerModel(classifier, rowBlocks), docs, device, precision);
        const double reviews = args.batches * double(args.bs);
        std::printf("%-6s classifier  %-8s (%d-token reviews): %8.1f reviews/s  (%.1f per CPU-second, peak "
                    "RSS %.0f MiB)\n",
                    name.c_str(), freezeIndex ? "frozen" : "unfrozen", args.docLen, reviews / time.wall,
                    reviews / time.cpu, mib(peakResidentBytes()));
        std::fflush(stdout);
    }
}

void runBench(const BenchArgs& args) {
    const torch::Device device = chooseDevice(args.device);
    const PrecisionChoice precision = precisionFor(device.is_cuda(), !args.fp32);
    std::string threads = device.is_cpu() ? configureCpu(precision.precision).describe()
                                          : "LibTorch intra-op " + std::to_string(at::get_num_threads());
    if (args.rowBlocks > 1)
        threads += ", the classifier's rows in " + std::to_string(args.rowBlocks) + " blocks on one thread each";
    std::printf("device %s, threads: %s, bs %d, seq_len %d, %d timed batches\n"
                "precision: %s\nBLAS kernels: %s\n",
                device.str().c_str(), threads.c_str(), args.bs, args.seqLen, args.batches,
                precision.summary().c_str(), currentBlasKernels().summary().c_str());
    for (const std::string name : {"book", "quick"})
        if (args.config.empty() || args.config == name)
            benchConfig(name, args, device, precision, args.rowBlocks);
}

const CommandRegistration benchTrainCommandRegistration("bench-train", [](CLI::App& app) {
    auto args = std::make_shared<BenchArgs>();
    auto* cmd = subcommandGroup(app, "bench", "Benchmarks")
                    .add_subcommand("train", "Training throughput (synthetic batches)");
    cmd->add_option("--config", args->config, "book or quick (default: both)")
        ->check(CLI::IsMember({"book", "quick"}));
    cmd->add_option("--vocab", args->vocab, "Vocabulary size")->capture_default_str();
    cmd->add_option("--bs", args->bs, "Batch size")->capture_default_str();
    cmd->add_option("--seq-len", args->seqLen, "LM sequence length (bptt)")->capture_default_str();
    cmd->add_option("--batches", args->batches, "Timed batches (after one warm-up batch)")
        ->capture_default_str();
    cmd->add_option("--doc-len", args->docLen, "Classifier review length in tokens")->capture_default_str();
    cmd->add_option("--device", args->device, "auto, cpu or cuda")->capture_default_str();
    cmd->add_option("--row-blocks", args->rowBlocks,
                    "Experimental: classifier batches in this many blocks of rows on their own threads (default 1)")
        ->check(CLI::Range(1, 64));
    cmd->add_flag("--fp32", args->fp32, "Train in float32 instead of mixed precision (float16 on CUDA, bfloat16 on CPUs with AMX or AMD's AVX512-BF16)");
    cmd->callback([args] { runBench(*args); });
});

} // namespace
} // namespace ulmfit::cli
