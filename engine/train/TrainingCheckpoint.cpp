#include "train/TrainingCheckpoint.h"

#include "core/AtomicFile.h"
#include "core/Error.h"
#include "core/StagedFolder.h"
#include "model/Checkpoint.h"

#include <nlohmann/json.hpp>

#include <fstream>

namespace fs = std::filesystem;

namespace ulmfit {

namespace {
constexpr const char* kProgressFile = "progress.json";
constexpr const char* kModelFile = "model.pt";
constexpr const char* kOptimizerFile = "optimizer.pt";

nlohmann::json readJson(const fs::path& path) {
    std::ifstream in(path);
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error("checkpoint " + path.string() + " is unreadable (" + e.what() + "); delete it to start over");
    }
}
} // namespace

fs::path TrainingCheckpoint::progressFile() const {
    return m_dir / kProgressFile;
}

void TrainingCheckpoint::save(const TrainingProgress& progress, const torch::nn::Module& model,
                              const DiscriminativeAdam& optimizer) {
    std::string name = "epoch-" + std::to_string(progress.stage) + "-" + std::to_string(progress.epochsDone);
    if (progress.batchesDone > 0)
        name += "-batch-" + std::to_string(progress.batchesDone);
    // Staged beside the previous epoch's folder: a full disk or a kill half-way leaves that one,
    // and progress.json pointing at it, as they were.
    StagedFolder folder(m_dir / name);
    folder.fill([&](const fs::path& path) {
        saveModule(model, "training_" + progress.phase, path / kModelFile);
        optimizer.save((path / kOptimizerFile).string());
    });
    folder.commit();
    const nlohmann::json json{{"format_version", 1}, {"stage", progress.stage},
                              {"epochs_done", progress.epochsDone}, {"batches_done", progress.batchesDone},
                              {"phase", progress.phase}, {"folder", name}};
    writeFileAtomically(m_dir / kProgressFile, [&](std::ostream& out) { out << json.dump(2) << "\n"; }, false);
    for (const auto& entry : fs::directory_iterator(m_dir))
        if (entry.is_directory() && entry.path().filename() != name)
            fs::remove_all(entry.path());
}

std::optional<TrainingProgress> TrainingCheckpoint::progress() const {
    const fs::path file = m_dir / kProgressFile;
    if (!fs::exists(file))
        return std::nullopt;
    const auto json = readJson(file);
    TrainingProgress progress;
    try {
        progress.stage = json.at("stage").get<int>();
        progress.epochsDone = json.at("epochs_done").get<int>();
        progress.phase = json.at("phase").get<std::string>();
        progress.batchesDone = json.value("batches_done", 0); // absent in checkpoints before mid-epoch saves
    } catch (const nlohmann::json::exception& e) {
        throw Error("checkpoint " + file.string() + " is incomplete (" + e.what() + "); delete it to start over");
    }
    return progress;
}

fs::path TrainingCheckpoint::currentFolder() const {
    return m_dir / readJson(m_dir / kProgressFile).value("folder", std::string());
}

void TrainingCheckpoint::load(torch::nn::Module& model, DiscriminativeAdam* optimizer) const {
    const auto current = progress();
    if (!current)
        throw Error("no checkpoint in " + m_dir.string() + " to resume from");
    const fs::path folder = currentFolder();
    loadModule(model, "training_" + current->phase, folder / kModelFile);
    if (optimizer)
        optimizer->load((folder / kOptimizerFile).string());
}

} // namespace ulmfit
