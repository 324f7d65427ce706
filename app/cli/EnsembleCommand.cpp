// `ulmfit ensemble --out DIR MODEL MODEL...`: one classifier folder that averages the probabilities of
// classifiers trained on the same vocabulary (e.g. a forward and a backward run made apart; a run
// with --direction both makes it itself).
#include "CommandRegistry.h"

#include "infer/Predictor.h"
#include "model/ModelBundle.h"
#include "model/ModelFolder.h"

#include <cstdio>
#include <memory>

namespace ulmfit::cli {
namespace {

struct EnsembleArgs {
    std::string out;
    std::vector<std::string> members;
};

void runEnsemble(const EnsembleArgs& args) {
    std::vector<std::filesystem::path> members;
    for (const auto& member : args.members)
        members.push_back(resolveModelFolder(member, ModelKind::Classifier));
    std::vector<LoadedClassifier> loaded;
    for (const auto& member : members)
        loaded.push_back(loadClassifierBundle(member));
    const Predictor check(std::move(loaded), {}); // refuses other vocabularies or labels before anything is written
    saveEnsembleBundle(args.out, members);
    std::printf("ensemble of %zu classifiers (%s", members.size(), check.memberNames().front().c_str());
    for (std::size_t m = 1; m < members.size(); ++m)
        std::printf(", %s", check.memberNames()[m].c_str());
    std::printf("): %s\n", args.out.c_str());
}

const CommandRegistration ensembleCommandRegistration("ensemble", [](CLI::App& app) {
    auto args = std::make_shared<EnsembleArgs>();
    auto* cmd = app.add_subcommand("ensemble", "Average the probabilities of classifiers trained on one vocabulary");
    cmd->add_option("--out", args->out, "The ensemble folder to write")->required();
    cmd->add_option("models", args->members, "Classifier folders or training runs' --out folders (two or more)")
        ->required()
        ->expected(2, -1);
    cmd->callback([args] { runEnsemble(*args); });
});

} // namespace
} // namespace ulmfit::cli
