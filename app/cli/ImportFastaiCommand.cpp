// `ulmfit import-fastai --weights FILE --itos FILE --out DIR`: turns fastai's pretrained language
// model (a torch.save state dict such as lstm_fwd.pth, and its itos pickle) into a language-model
// folder the rest of the CLI reads (generate, perplexity, train --pretrained).
#include "CommandRegistry.h"

#include "model/ModelBundle.h"
#include "pretrained/FastaiModels.h"

#include <cstdio>
#include <memory>

namespace ulmfit::cli {
namespace {

struct ImportFastaiArgs {
    std::string weights;
    std::string itos;
    std::string out;
};

void runImport(const ImportFastaiArgs& args) {
    // Read and checked completely before anything is written.
    const auto lm = importFastaiLanguageModel(args.weights, args.itos);
    saveLanguageModelBundle(args.out, lm.model, lm.vocab);
    const auto& c = lm.model->config();
    std::printf("imported a fastai AWD-LSTM language model: vocabulary %lld, embedding %lld, hidden %lld, "
                "%lld layers\n%s\n",
                static_cast<long long>(c.vocabSize), static_cast<long long>(c.embSize),
                static_cast<long long>(c.hiddenSize), static_cast<long long>(c.nLayers), args.out.c_str());
}

const CommandRegistration importFastaiCommandRegistration("import-fastai", [](CLI::App& app) {
    auto args = std::make_shared<ImportFastaiArgs>();
    auto* cmd =
        app.add_subcommand("import-fastai", "Import fastai's pretrained language model (.pth + itos .pkl)");
    cmd->add_option("--weights", args->weights,
                    "torch.save state dict in fastai's layout (e.g. lstm_fwd.pth)")
        ->required();
    cmd->add_option("--itos", args->itos, "fastai's vocabulary pickle (e.g. itos_wt103.pkl)")->required();
    cmd->add_option("--out", args->out, "Language model folder to write")->required();
    cmd->callback([args] { runImport(*args); });
});

} // namespace
} // namespace ulmfit::cli
