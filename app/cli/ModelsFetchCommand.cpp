// `ulmfit models fetch NAME`: download fastai's pretrained language model NAME (wt103-fwd, wt103-bwd)
// into the per-user models folder, checked and extracted safely; `--archive FILE|DIR` installs a copy a
// user already has (offline machines).
#include "CommandRegistry.h"
#include "InterruptScope.h"
#include "TerminalProgress.h"

#include "core/CancelToken.h"
#include "core/TextFormat.h"
#include "pretrained/ItosPickle.h"
#include "zoo/ModelZoo.h"

#include <iostream>
#include <memory>

namespace ulmfit::cli {
namespace {

struct ModelsFetchArgs {
    std::string name;
    std::string archive;
    std::string url;
    std::string sha256;
    std::string modelsDir;
    bool force = false;
};

ModelInstallResult install(const ModelsFetchArgs& args, const ModelZoo& zoo) {
    CancelToken cancel; // Ctrl+C: the download keeps its .part file to resume, the staging folder goes
    InterruptScope interrupt(cancel);
    TerminalProgress progress;
    if (!args.archive.empty()) {
        ModelImportOptions options;
        options.sha256 = args.sha256;
        options.replace = args.force;
        return zoo.importModel(args.name, args.archive, options, &progress, &cancel);
    }
    ModelFetchOptions options;
    options.url = args.url;
    options.sha256 = args.sha256;
    options.replace = args.force;
    return zoo.fetch(args.name, options, &progress, &cancel);
}

void runFetch(const ModelsFetchArgs& args) {
    ModelZoo zoo(args.modelsDir);
    // The vocabulary's size, counted with the strict pickle reader (engine/pretrained).
    zoo.setVocabularyCounter([](const std::filesystem::path& pickle) { return readItosPickle(pickle).size(); });
    const ModelInstallResult result = install(args, zoo);
    const InstalledModel& model = result.model;
    if (result.alreadyInstalled)
        std::cout << model.name << " is already installed in " << model.folder.string()
                  << " (--force installs it again)\n";
    else
        std::cout << (result.downloaded ? "Downloaded and installed " : "Installed ") << model.name << " in "
                  << model.folder.string() << " (" << formatBytes(double(model.bytes)) << ")\n";
    std::cout << "weights:    " << model.weights.string() << "\nvocabulary: " << model.vocabulary.string()
              << "\n";
}

const CommandRegistration modelsFetchCommandRegistration("models-fetch", [](CLI::App& app) {
    CLI::App& models = subcommandGroup(app, "models", "Get and list pretrained language models");
    auto args = std::make_shared<ModelsFetchArgs>();
    CLI::App* fetch = models.add_subcommand(
        "fetch",
        "Download fastai's pretrained language model (wt103-fwd, wt103-bwd), or install a local copy");
    fetch->add_option("name", args->name, "Model name: " + knownPretrainedModelNames())->required();
    CLI::Option* archive =
        fetch->add_option("--archive", args->archive,
                          "Install this archive (.tgz) or folder instead of downloading (offline machines)");
    fetch->add_option("--url", args->url, "Download from this URL instead of fastai's (a mirror)")
        ->excludes(archive);
    fetch->add_option("--sha256", args->sha256,
                      "Expected SHA-256 of the archive (replaces the size and MD5 fastai lists)");
    fetch->add_flag("--force", args->force, "Install again even when the model is installed");
    fetch->add_option("--models-dir", args->modelsDir,
                      "Models folder (default: $ULMFIT_MODELS_DIR, else the per-user data folder's models/)");
    fetch->callback([args] { runFetch(*args); });
});
} // namespace
} // namespace ulmfit::cli
