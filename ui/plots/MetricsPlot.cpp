#include "plots/MetricsPlot.h"

#include "plots/LogAxis.h"

#include <cmath>

namespace ulmfit::ui {

MetricsPlot::MetricsPlot(QWidget* parent) : ThrottledPlot(parent) {
    setObjectName(QStringLiteral("metricsPlot"));
    yAxis->setLabel(tr("accuracy"));
    yAxis2->setVisible(true);
    yAxis2->setLabel(tr("perplexity"));
    setLogarithmic(yAxis2, false);
    m_accuracy = addGraph(xAxis, yAxis);
    m_accuracy->setName(tr("accuracy"));
    m_accuracy->setPen(QPen(QColor(44, 160, 44), 2));
    m_accuracy->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
    m_perplexity = addGraph(xAxis, yAxis2);
    m_perplexity->setName(tr("perplexity"));
    m_perplexity->setPen(QPen(QColor(148, 103, 189), 2));
    m_perplexity->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 7));
}

void MetricsPlot::addEpoch(const EpochRow& row) {
    if (std::isfinite(row.accuracy))
        m_accuracy->addData(double(row.step), row.accuracy);
    if (std::isfinite(row.perplexity) && row.perplexity > 0.0)
        m_perplexity->addData(double(row.step), row.perplexity);
    requestReplot();
}

void MetricsPlot::clearData() {
    m_accuracy->data()->clear();
    m_perplexity->data()->clear();
    requestReplot();
}

void MetricsPlot::updateRanges() {
    ThrottledPlot::updateRanges();
    bool found = false;
    const QCPRange acc = m_accuracy->getValueRange(found);
    yAxis->setRange(found ? std::max(0.0, acc.lower - 0.05) : 0.0, found ? std::min(1.0, acc.upper + 0.05) : 1.0);
    fitLogRange(yAxis2, m_perplexity, 1.5);
}

} // namespace ulmfit::ui
