#include "plots/LossPlot.h"

#include <cmath>

namespace ulmfit::ui {

LossPlot::LossPlot(QWidget* parent) : ThrottledPlot(parent) {
    setObjectName(QStringLiteral("lossPlot"));
    yAxis->setLabel(tr("loss"));
    m_raw = addGraph();
    m_raw->setName(tr("train loss (batch)"));
    m_raw->setPen(QPen(QColor(31, 119, 180, 70), 1));
    m_smoothed = addGraph();
    m_smoothed->setName(tr("train loss (smoothed)"));
    m_smoothed->setPen(QPen(QColor(31, 119, 180), 2));
    m_valid = addGraph();
    m_valid->setName(tr("valid loss (epoch)"));
    m_valid->setPen(QPen(QColor(255, 127, 14), 2));
    m_valid->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 7));
}

void LossPlot::addBatches(const QVector<BatchPoint>& points) {
    for (const auto& point : points) {
        if (std::isfinite(point.loss))
            m_raw->addData(double(point.step), point.loss);
        if (std::isfinite(point.smoothedLoss))
            m_smoothed->addData(double(point.step), point.smoothedLoss);
    }
    requestReplot();
}

void LossPlot::addEpoch(const EpochRow& row) {
    if (std::isfinite(row.validLoss))
        m_valid->addData(double(row.step), row.validLoss);
    requestReplot();
}

void LossPlot::clearData() {
    for (auto* graph : {m_raw, m_smoothed, m_valid})
        graph->data()->clear();
    requestReplot();
}

void LossPlot::updateRanges() {
    ThrottledPlot::updateRanges();
    // The first raw batches of a fresh model can be far above the rest: scale to the smoothed
    // and validation curves, which are what one reads, and let the raw spikes clip.
    bool found = false;
    QCPRange range = m_smoothed->getValueRange(found);
    bool validFound = false;
    const QCPRange valid = m_valid->getValueRange(validFound);
    if (validFound)
        range = found ? QCPRange(std::min(range.lower, valid.lower), std::max(range.upper, valid.upper)) : valid;
    if (found || validFound)
        yAxis->setRange(std::max(0.0, range.lower - 0.1 * range.size()), range.upper + 0.15 * range.size() + 1e-3);
}

} // namespace ulmfit::ui
