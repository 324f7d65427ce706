// `ulmfit perplexity --model DIR FILE...`: a language model's perplexity on each text file
// (fastai tokenization with xxbos in front, eval mode). One line per file, "FILE<TAB>PERPLEXITY";
// for a single file the number alone.
#include "CommandRegistry.h"

#include "core/Error.h"
#include "model/ModelBundle.h"
#include "pretrained/Perplexity.h"
#include "train/Device.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>

namespace ulmfit::cli {
namespace {

struct PerplexityArgs {
    std::string model;
    std::string device = "auto";
    std::vector<std::string> files;
};

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error("text file not found: " + path);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void runPerplexity(const PerplexityArgs& args) {
    configureCpu();
    auto lm = loadLanguageModelBundle(args.model, chooseDevice(args.device));
    const Vocab vocab(lm.vocab);
    for (const auto& file : args.files) {
        const auto result = textPerplexity(lm.model, vocab, readText(file), nullptr, lm.direction);
        if (args.files.size() == 1)
            std::printf("%.10g\n", result.perplexity);
        else
            std::printf("%s\t%.10g\n", file.c_str(), result.perplexity);
        std::fflush(stdout);
    }
}

const CommandRegistration perplexityCommandRegistration("perplexity", [](CLI::App& app) {
    auto args = std::make_shared<PerplexityArgs>();
    auto* cmd = app.add_subcommand("perplexity", "Perplexity of a language model folder on text files");
    cmd->add_option("--model", args->model, "Language model folder (model.pt, vocab.txt, config.json)")
        ->required();
    cmd->add_option("--device", args->device, "auto, cpu or cuda");
    cmd->add_option("files", args->files, "Text files")->required();
    cmd->callback([args] { runPerplexity(*args); });
});

} // namespace
} // namespace ulmfit::cli
