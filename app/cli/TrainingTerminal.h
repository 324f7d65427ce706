#pragma once
#include "TerminalProgress.h"
#include "train/TrainingObserver.h"

#include <chrono>
#include <cstdio>

namespace ulmfit::cli {

/// Training in a terminal: a batch progress bar with ETA on stderr (~10 redraws a second) and
/// the book's per-epoch table (epoch, train_loss, valid_loss, accuracy, perplexity, time) on stdout.
class TrainingTerminal : public TrainingObserver {
  public:
    TrainingTerminal();
    ~TrainingTerminal() override;

    void onProgress(const Progress& progress) override { m_data.onProgress(progress); }
    void onMessage(const std::string& message) override;
    void onStage(const StageEvent& event) override;
    void onBatch(const BatchEvent& event) override;
    void onEpoch(const EpochEvent& event) override;

    /// "03:07" style durations (exposed for tests of the table).

  private:
    void clearBar();

    TerminalProgress m_data;
    bool m_interactive;
    bool m_barOpen = false;
    bool m_languageModel = false;
    long long m_stageFirstDone = -1;
    std::chrono::steady_clock::time_point m_lastDraw;
};

} // namespace ulmfit::cli
