#include "plots/SchedulePlot.h"

#include "plots/LogAxis.h"

#include <cmath>

namespace ulmfit::ui {

SchedulePlot::SchedulePlot(QWidget* parent) : ThrottledPlot(parent) {
    setObjectName(QStringLiteral("schedulePlot"));
    yAxis->setLabel(tr("learning rate"));
    setLogarithmic(yAxis, true);
    yAxis2->setVisible(true);
    yAxis2->setLabel(tr("momentum"));
    m_lr = addGraph(xAxis, yAxis);
    m_lr->setName(tr("learning rate"));
    m_lr->setPen(QPen(QColor(214, 39, 40), 2));
    m_momentum = addGraph(xAxis, yAxis2);
    m_momentum->setName(tr("momentum"));
    m_momentum->setPen(QPen(QColor(23, 190, 207), 2));
}

void SchedulePlot::addBatches(const QVector<BatchPoint>& points) {
    for (const auto& point : points) {
        if (std::isfinite(point.lr) && point.lr > 0.0)
            m_lr->addData(double(point.step), point.lr);
        if (std::isfinite(point.momentum))
            m_momentum->addData(double(point.step), point.momentum);
    }
    requestReplot();
}

void SchedulePlot::clearData() {
    m_lr->data()->clear();
    m_momentum->data()->clear();
    requestReplot();
}

void SchedulePlot::updateRanges() {
    ThrottledPlot::updateRanges();
    fitLogRange(yAxis, m_lr, 2.0);
    bool found = false;
    const QCPRange mom = m_momentum->getValueRange(found);
    if (found)
        yAxis2->setRange(mom.lower - 0.02, mom.upper + 0.02);
}

} // namespace ulmfit::ui
