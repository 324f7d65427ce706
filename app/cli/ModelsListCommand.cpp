// `ulmfit models list`: the pretrained models installed in the models folder, with their sizes and
// vocabularies, and the catalogue's models not installed yet with the command that gets them.
#include "CommandRegistry.h"

#include "core/TextFormat.h"
#include "pretrained/ItosPickle.h"
#include "zoo/ModelZoo.h"

#include <cstdio>
#include <iostream>
#include <memory>
#include <set>

namespace ulmfit::cli {
namespace {

std::string vocabularyText(const InstalledModel& model) {
    return model.vocabularySize ? std::to_string(*model.vocabularySize) + " tokens" : "not counted";
}

void printModel(const InstalledModel& model) {
    char line[512];
    if (model.complete)
        std::snprintf(line, sizeof line, "%-10s  %10s  vocabulary: %-14s  %s\n", model.name.c_str(),
                      formatBytes(double(model.bytes)).c_str(), vocabularyText(model).c_str(),
                      model.folder.string().c_str());
    else
        std::snprintf(line, sizeof line, "%-10s  incomplete: %s (%s)\n", model.name.c_str(),
                      model.problem.c_str(), model.folder.string().c_str());
    std::cout << line;
}

void runList(const std::string& modelsDir) {
    ModelZoo zoo(modelsDir);
    // The vocabulary's size, counted with the strict pickle reader (engine/pretrained).
    zoo.setVocabularyCounter([](const std::filesystem::path& pickle) { return readItosPickle(pickle).size(); });
    std::cout << "Models folder: " << zoo.root().string() << "\n";
    std::set<std::string> shown;
    for (const InstalledModel& model : zoo.installedModels()) {
        printModel(model);
        shown.insert(model.name);
    }
    for (const PretrainedModelInfo& model : pretrainedCatalogue())
        if (!shown.count(model.name))
            std::cout << model.name << std::string(model.name.size() < 10 ? 10 - model.name.size() : 0, ' ')
                      << "  not installed: ulmfit models fetch " << model.name << "\n";
}

const CommandRegistration modelsListCommandRegistration("models-list", [](CLI::App& app) {
    CLI::App& models = subcommandGroup(app, "models", "Get and list pretrained language models");
    auto modelsDir = std::make_shared<std::string>();
    CLI::App* list =
        models.add_subcommand("list", "Show the installed pretrained models with sizes and vocabulary");
    list->add_option("--models-dir", *modelsDir,
                     "Models folder (default: $ULMFIT_MODELS_DIR, else the per-user data folder's models/)");
    list->callback([modelsDir] { runList(*modelsDir); });
});
} // namespace
} // namespace ulmfit::cli
