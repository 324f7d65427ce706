// `ulmfit bench import-fastai [--vocab 60000 --emb 400 --hidden 1152 --layers 3]`: writes a
// synthetic fastai language model of WikiText-103's size (torch.save zip + itos pickle) to a
// temporary folder, then times what using it costs: reading and checking the files, building
// the model, and match_embeds onto a new vocabulary of the same size (half of it shared).
#include "BenchClock.h"
#include "CommandRegistry.h"

#include "core/Memory.h"
#include "core/TempDir.h"
#include "pretrained/FastaiLayout.h"
#include "pretrained/FastaiModels.h"
#include "pretrained/ItosPickle.h"
#include "pretrained/TorchFile.h"
#include "train/Device.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>

namespace ulmfit::cli {
namespace {

struct BenchImportArgs {
    int64_t vocab = 60000;
    int64_t emb = 400;
    int64_t hidden = 1152;
    int64_t layers = 3;
};

/// Resets the kernel's peak-RSS mark (VmHWM) so the figure covers only what follows; returns
/// false where /proc does not allow it (then the peak includes writing the files).
bool resetPeakResident() {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    clear.flush();
    return static_cast<bool>(clear);
}

std::vector<std::string> vocabulary(int64_t size, const std::string& wordPrefix, int64_t sharedEvery) {
    std::vector<std::string> itos{"xxunk", "xxpad",  "xxbos", "xxeos", "xxfld",
                                  "xxrep", "xxwrep", "xxup",  "xxmaj"};
    for (int64_t i = 0; static_cast<int64_t>(itos.size()) < size; ++i)
        itos.push_back((sharedEvery > 0 && i % sharedEvery == 0 ? "w" : wordPrefix) + std::to_string(i));
    return itos;
}

void runBench(const BenchImportArgs& args) {
    configureCpu();
    TempDir dir("ulmfit-bench-import");
    const auto weights = dir.path() / "lstm_fwd.pth";
    const auto itos = dir.path() / "itos_wt103.pkl";
    const auto oldVocab = vocabulary(args.vocab, "w", 0);
    {
        auto config = lmConfig(args.vocab);
        config.embSize = args.emb;
        config.hiddenSize = args.hidden;
        config.nLayers = args.layers;
        LanguageModel synthetic(config);
        writeTorchStateDict(weights, fastaiLanguageModelStateDict(synthetic));
        writeItosPickle(itos, oldVocab);
    }
    const auto fileBytes = std::filesystem::file_size(weights);
    const bool peakReset = resetPeakResident();

    auto start = std::chrono::steady_clock::now();
    const auto pretrained = importFastaiLanguageModel(weights, itos);
    const double importSeconds = secondsSince(start);
    // An IMDb-like vocabulary: the specials, every second word shared, the others new.
    const auto newVocab = vocabulary(args.vocab, "imdb", 2);
    start = std::chrono::steady_clock::now();
    const auto matched = withVocabulary(pretrained, newVocab, lmConfig(0, 0.3));
    const double matchSeconds = secondsSince(start);

    const auto& c = matched.model->config();
    std::printf("model:         vocabulary %lld, %lld/%lld/%lld (emb/hidden/layers)\n",
                static_cast<long long>(c.vocabSize), static_cast<long long>(c.embSize),
                static_cast<long long>(c.hiddenSize), static_cast<long long>(c.nLayers));
    std::printf("weights file:  %.1f MB (torch.save zip format)\n", double(fileBytes) / 1e6);
    std::printf("import:        %.3f s (read .pth + itos, check sizes, build the model)\n", importSeconds);
    std::printf("match_embeds:  %.3f s (onto %zu tokens)\n", matchSeconds, newVocab.size());
    std::printf("total:         %.3f s\n", importSeconds + matchSeconds);
    std::printf("peak memory:   %.0f MB%s\n", double(peakResidentBytes()) / 1e6,
                peakReset ? " (from the import on)" : " (whole process, including writing the files)");
}

const CommandRegistration benchImportFastaiCommandRegistration("bench-import-fastai", [](CLI::App& app) {
    auto args = std::make_shared<BenchImportArgs>();
    CLI::App& bench = subcommandGroup(app, "bench", "Measure the engine's speed on real data");
    CLI::App* cmd =
        bench.add_subcommand("import-fastai", "Import a synthetic WikiText-103-sized fastai model");
    cmd->add_option("--vocab", args->vocab, "Vocabulary size")->check(CLI::PositiveNumber);
    cmd->add_option("--emb", args->emb, "Embedding size")->check(CLI::PositiveNumber);
    cmd->add_option("--hidden", args->hidden, "Hidden size")->check(CLI::PositiveNumber);
    cmd->add_option("--layers", args->layers, "LSTM layers")->check(CLI::PositiveNumber);
    cmd->callback([args] { runBench(*args); });
});

} // namespace
} // namespace ulmfit::cli
