// `ulmfit export-fastai --model DIR --out DIR`: writes a language model (or a classifier's
// encoder) in fastai's layout: model.pth for torch.load / load_pretrained, itos.pkl, and
// encoder.pth for learn.load_encoder.
#include "CommandRegistry.h"

#include "model/ModelBundle.h"
#include "model/ModelFolder.h"

#include "pretrained/FastaiModels.h"

#include <iostream>
#include <memory>

namespace ulmfit::cli {
namespace {

struct ExportFastaiArgs {
    std::string model;
    std::string out;
};

const CommandRegistration exportFastaiCommandRegistration("export-fastai", [](CLI::App& app) {
    auto args = std::make_shared<ExportFastaiArgs>();
    auto* cmd =
        app.add_subcommand("export-fastai", "Write a model folder in fastai's layout (.pth + itos .pkl)");
    cmd->add_option("--model", args->model, "Language model or classifier folder")->required();
    cmd->add_option("--out", args->out, "Folder to write model.pth, itos.pkl and encoder.pth into")
        ->required();
    cmd->callback([args] {
        for (const auto& path : exportFastai(args->model, args->out))
            std::cout << path.string() << '\n';
        // fastai's files do not say which way a model reads: the user has to know it.
        if (bundleDirection(resolveModelFolder(args->model, ModelKind::LanguageModel)) == Direction::Backward)
            std::cerr << "note: this is a backward model: in fastai, use it with DataLoaders made with "
                         "backwards=True (fastai names such weights lstm_bwd.pth)\n";
    });
});

} // namespace
} // namespace ulmfit::cli
