#include "TrainingTerminal.h"

#include "core/TextFormat.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>

namespace ulmfit::cli {

TrainingTerminal::TrainingTerminal() : m_interactive(isatty(fileno(stderr)) != 0) {}

TrainingTerminal::~TrainingTerminal() {
    clearBar();
}

void TrainingTerminal::clearBar() {
    if (!m_barOpen)
        return;
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    m_barOpen = false;
}

void TrainingTerminal::onMessage(const std::string& message) {
    clearBar();
    m_data.onMessage(message);
}

void TrainingTerminal::onStage(const StageEvent& event) {
    clearBar();
    if (event.kind == StageEvent::Kind::Finished)
        return;
    m_languageModel = event.stageName == "lm";
    m_stageFirstDone = -1;
    std::printf("\nStage %d/%d: %s\n", event.stageIndex + 1, event.stageCount,
                stageTitle(event.stage).c_str());
    std::printf("%-6s %-11s %-11s %-9s %s%s\n", "epoch", "train_loss", "valid_loss", "accuracy",
                m_languageModel ? "perplexity  " : "", "time");
    std::fflush(stdout);
}

void TrainingTerminal::onBatch(const BatchEvent& e) {
    const long long done = static_cast<long long>(e.epoch) * e.totalBatches + e.batch + 1;
    const long long total = static_cast<long long>(e.totalEpochs) * e.totalBatches;
    if (m_stageFirstDone < 0)
        m_stageFirstDone = done - 1;
    const auto now = std::chrono::steady_clock::now();
    const bool last = done == total;
    if (!m_interactive || (!last && now - m_lastDraw < std::chrono::milliseconds(100)))
        return;
    m_lastDraw = now;
    const double rate = e.elapsed > 0 ? (done - m_stageFirstDone) / e.elapsed : 0.0;
    const double eta = rate > 0 ? (total - done) / rate : 0.0;
    const int width = 24;
    const int filled = static_cast<int>(width * static_cast<double>(done) / std::max(total, 1LL));
    std::fprintf(stderr, "\r\033[K[%s%s] epoch %d/%d batch %d/%d  loss %.4f  lr %.2e  %s elapsed, ETA %s",
                 std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(), e.epoch + 1,
                 e.totalEpochs, e.batch + 1, e.totalBatches, e.smoothedLoss, e.lr,
                 formatDuration(e.elapsed).c_str(), formatDuration(eta).c_str());
    std::fflush(stderr);
    m_barOpen = true;
}

void TrainingTerminal::onEpoch(const EpochEvent& e) {
    clearBar();
    std::printf("%-6d %-11.6f %-11.6f %-9.6f ", e.epoch, e.trainLoss, e.validLoss, e.accuracy);
    if (e.hasPerplexity)
        std::printf("%-11.4f ", e.perplexity);
    std::printf("%s\n", formatDuration(e.seconds).c_str());
    std::fflush(stdout);
}

} // namespace ulmfit::cli
