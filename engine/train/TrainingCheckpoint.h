#pragma once
#include "train/DiscriminativeAdam.h"

#include <torch/nn/module.h>

#include <filesystem>
#include <optional>
#include <string>

namespace ulmfit {

/// Where a run stands: `epochsDone` epochs of stage `stage` (an index into Recipe::stages)
/// are complete, and `batchesDone` training batches of the next one; earlier stages are complete.
struct TrainingProgress {
    int stage = 0;
    int epochsDone = 0;
    std::string phase;   // "lm" or "classifier": which model the weights belong to
    int batchesDone = 0; // 0: at an epoch boundary
};

/// Checkpoints in `<out>/checkpoint`, after every epoch and every few minutes inside one: model +
/// optimizer go into a fresh folder, then
/// progress.json (written atomically) points at it, then older folders are removed — so a
/// crash at any moment leaves the previous complete checkpoint in use.
class TrainingCheckpoint {
public:
    explicit TrainingCheckpoint(std::filesystem::path dir) : m_dir(std::move(dir)) {}

    void save(const TrainingProgress& progress, const torch::nn::Module& model, const DiscriminativeAdam& optimizer);
    std::optional<TrainingProgress> progress() const; // nullopt when there is none
    /// Loads the weights (and optimizer state when given) the progress file points at.
    void load(torch::nn::Module& model, DiscriminativeAdam* optimizer) const;
    const std::filesystem::path& dir() const { return m_dir; }
    std::filesystem::path progressFile() const; // written last by save()

private:
    std::filesystem::path currentFolder() const;
    std::filesystem::path m_dir;
};

} // namespace ulmfit
