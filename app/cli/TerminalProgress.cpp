#include "TerminalProgress.h"

#include "core/TextFormat.h"

#include <unistd.h>

namespace ulmfit::cli {
namespace {
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);

std::string amount(double value, const std::string& unit) {
    if (unit == "B")
        return formatBytes(value);
    char text[48];
    std::snprintf(text, sizeof text, "%.0f %s", value, unit.c_str());
    return text;
}

} // namespace

TerminalProgress::TerminalProgress(std::FILE* out)
    : m_out(out), m_interactive(::isatty(::fileno(out)) != 0) {}

TerminalProgress::~TerminalProgress() {
    finishLine();
}

std::string TerminalProgress::formatLine(const Progress& p) {
    std::string line = p.task + "  " + amount(p.done, p.unit);
    if (p.total > 0) {
        char percent[16];
        std::snprintf(percent, sizeof percent, "  %3.0f%%", 100.0 * p.done / p.total);
        line += " / " + amount(p.total, p.unit) + percent;
    }
    if (p.rate > 0)
        line += "  " + amount(p.rate, p.unit) + "/s";
    if (p.rate > 0 && p.total > p.done)
        line += "  ETA " + formatDuration((p.total - p.done) / p.rate);
    return line;
}

void TerminalProgress::onProgress(const Progress& p) {
    const bool finished = p.total > 0 && p.done >= p.total;
    if (p.task != m_task) {
        finishLine();
        m_reportedTask.clear();
    }
    m_task = p.task;
    const auto now = std::chrono::steady_clock::now();
    if (!m_interactive) {
        if (finished && m_reportedTask != p.task)
            std::fprintf(m_out, "%s\n", formatLine(p).c_str());
        if (finished)
            m_reportedTask = p.task;
        return;
    }
    if (!finished && now - m_lastDraw < kRedrawInterval)
        return;
    m_lastDraw = now;
    std::fprintf(m_out, "\r%-78s", formatLine(p).c_str()); // pad over a longer previous line
    std::fflush(m_out);
    m_lineOpen = true;
}

void TerminalProgress::onMessage(const std::string& message) {
    finishLine();
    std::fprintf(m_out, "%s\n", message.c_str());
}

void TerminalProgress::finishLine() {
    if (m_lineOpen)
        std::fputc('\n', m_out);
    m_lineOpen = false;
}

} // namespace ulmfit::cli
