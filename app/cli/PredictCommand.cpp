// `ulmfit predict --model DIR [--device auto|cpu|cuda] [--batch-size N] TEXT...`: the book's
// learn.predict on each text; one line per text: the label, then every label's probability.
// `ulmfit predict --model DIR --files PATH...`: the same for text files (a folder: every .txt in it,
// at any depth), each line starting with the file's path, as the Predict page's table does.
#include "CommandRegistry.h"

#include "core/Error.h"
#include "data/source/DirectoryListing.h"
#include "data/source/ReviewReader.h"
#include "infer/Predictor.h"
#include "train/Device.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>

namespace ulmfit::cli {
namespace {
namespace fs = std::filesystem;

struct PredictArgs {
    std::string model;
    std::string device = "auto";
    int batchSize = 32;
    std::vector<std::string> texts;
    std::vector<std::string> files;
};

void printPrediction(const Predictor& predictor, const Prediction& p) {
    std::cout << p.label;
    for (size_t c = 0; c < p.probabilities.size(); ++c) {
        char value[32];
        std::snprintf(value, sizeof value, "%.4f", p.probabilities[c]);
        std::cout << '\t' << predictor.labels()[c] << '=' << value;
    }
    for (size_t m = 0; m < p.memberProbabilities.size(); ++m) { // an ensemble's members after the mean
        std::cout << '\t' << predictor.memberNames().at(m) << ':';
        for (size_t c = 0; c < p.memberProbabilities[m].size(); ++c) {
            char value[32];
            std::snprintf(value, sizeof value, "%.4f", p.memberProbabilities[m][c]);
            std::cout << (c ? "," : "") << predictor.labels()[c] << '=' << value;
        }
    }
    std::cout << '\n';
}

/// Every .txt under `folder`, at any depth, in path order (listDirectory sorts each folder by name).
void addTextFiles(const fs::path& folder, std::vector<fs::path>& out) {
    for (const DirectoryEntry& entry : listDirectory(folder)) {
        if (entry.isDirectory)
            addTextFiles(folder / entry.name, out);
        else if (entry.isRegularFile && fs::path(entry.name).extension() == ".txt")
            out.push_back(folder / entry.name);
    }
}

/// The files the paths name, checked before any is classified.
std::vector<fs::path> filesToClassify(const std::vector<std::string>& paths) {
    std::vector<fs::path> files;
    for (const fs::path path : paths) {
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            const std::size_t before = files.size();
            addTextFiles(path, files);
            if (files.size() == before)
                throw Error("no .txt files in the folder " + path.string());
        } else if (fs::exists(path, ec)) {
            files.push_back(path);
        } else {
            throw Error("cannot read '" + path.string() + "': no such file or folder");
        }
    }
    return files;
}

void runPredict(const PredictArgs& args) {
    if (args.texts.empty() == args.files.empty())
        throw Error("give texts to classify, or --files with text files or folders (not both)");
    const std::vector<fs::path> files =
        filesToClassify(args.files); // a wrong path fails before the model loads
    configureCpu();
    Predictor predictor(args.model, chooseDevice(args.device));
    if (!args.texts.empty()) {
        for (const auto& p : predictor.classifyMany(args.texts, args.batchSize))
            printPrediction(predictor, p);
        return;
    }
    // A few batches' files at a time, printed as they are done: a folder of any size fits in memory.
    const std::size_t group = static_cast<std::size_t>(args.batchSize) * 16;
    ReviewReader reader;
    for (std::size_t begin = 0; begin < files.size(); begin += group) {
        const std::size_t end = std::min(files.size(), begin + group);
        std::vector<std::string> texts;
        for (std::size_t i = begin; i < end; ++i)
            texts.emplace_back(reader.read(files[i]));
        const auto predictions = predictor.classifyMany(texts, args.batchSize);
        for (std::size_t i = begin; i < end; ++i) {
            std::cout << files[i].string() << '\t';
            printPrediction(predictor, predictions[i - begin]);
        }
        std::cout.flush();
    }
}

const CommandRegistration predictCommandRegistration("predict", [](CLI::App& app) {
    auto args = std::make_shared<PredictArgs>();
    auto* cmd =
        app.add_subcommand("predict", "Classify texts, or text files, with a trained classifier folder");
    cmd->add_option("--model", args->model, "Classifier folder, or a training run's --out folder")
        ->required();
    cmd->add_option("--device", args->device, "auto, cpu or cuda");
    cmd->add_option("--batch-size", args->batchSize, "Texts per batch")->check(CLI::PositiveNumber);
    cmd->add_option(
        "--files", args->files,
        "Text files or folders (every .txt in them) to classify, one line each: path, label, probabilities");
    cmd->add_option("texts", args->texts, "Texts to classify");
    cmd->callback([args] { runPredict(*args); });
});

} // namespace
} // namespace ulmfit::cli
