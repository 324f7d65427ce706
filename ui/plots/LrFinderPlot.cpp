#include "plots/LrFinderPlot.h"

#include "plots/LogAxis.h"

#include <QMouseEvent>

#include <algorithm>
#include <cmath>

namespace ulmfit::ui {

namespace {
// The loss value at `lr` on the recorded curve (the nearest recorded rate).
double lossAt(const LrFinderCurve& curve, double lr) {
    int best = 0;
    for (int i = 1; i < curve.lrs.size(); ++i)
        if (std::abs(std::log(curve.lrs[i] / lr)) < std::abs(std::log(curve.lrs[best] / lr)))
            best = i;
    return curve.losses.value(best, kNoValue);
}
} // namespace

LrFinderPlot::LrFinderPlot(QWidget* parent) : QCustomPlot(parent) {
    setObjectName(QStringLiteral("lrFinderPlot"));
    xAxis->setLabel(tr("learning rate"));
    setLogarithmic(xAxis, true);
    yAxis->setLabel(tr("loss (smoothed)"));
    m_loss = addGraph();
    m_loss->setName(tr("loss"));
    m_loss->setPen(QPen(QColor(31, 119, 180), 2));
    m_suggestion = addGraph();
    m_suggestion->setName(tr("suggested (valley)"));
    m_suggestion->setLineStyle(QCPGraph::lsNone);
    m_suggestion->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QColor(214, 39, 40), QColor(214, 39, 40), 10));
    m_chosenLine = new QCPItemStraightLine(this);
    m_chosenLine->setPen(QPen(QColor(44, 160, 44), 1.5, Qt::DashLine));
    m_chosenLine->setVisible(false);
    legend->setVisible(true);
    setMinimumSize(420, 260);
}

void LrFinderPlot::setCurve(const LrFinderCurve& curve) {
    m_loss->setData(curve.lrs, curve.losses, /*alreadySorted=*/true);
    m_suggestion->data()->clear();
    if (std::isfinite(curve.suggestion) && !curve.lrs.isEmpty())
        m_suggestion->addData(curve.suggestion, lossAt(curve, curve.suggestion));
    // fastai's plot leaves out the last points, where the loss explodes: scale to the first 95 %.
    if (!curve.losses.isEmpty()) {
        const int shown = std::max<int>(1, int(curve.losses.size() * 0.95));
        const auto [low, high] = std::minmax_element(curve.losses.begin(), curve.losses.begin() + shown);
        const double margin = std::max(1e-3, (*high - *low) * 0.08);
        yAxis->setRange(*low - margin, *high + margin);
        xAxis->setRange(curve.lrs.first(), curve.lrs.last());
    }
    markChosen(curve.suggestion);
    replot();
}

void LrFinderPlot::clearCurve() {
    m_loss->data()->clear();
    m_suggestion->data()->clear();
    m_chosenLine->setVisible(false);
    m_chosen = kNoValue;
    replot();
}

void LrFinderPlot::markChosen(double lr) {
    m_chosen = lr;
    m_chosenLine->setVisible(std::isfinite(lr));
    if (std::isfinite(lr)) {
        m_chosenLine->point1->setCoords(lr, 0.0);
        m_chosenLine->point2->setCoords(lr, 1.0);
    }
}

void LrFinderPlot::mousePressEvent(QMouseEvent* event) {
    QCustomPlot::mousePressEvent(event);
    if (m_loss->data()->isEmpty() || !axisRect()->rect().contains(event->pos()))
        return;
    const double lr = xAxis->pixelToCoord(event->position().x());
    if (!std::isfinite(lr) || lr <= 0.0)
        return;
    markChosen(lr);
    replot();
    Q_EMIT rateChosen(lr);
}

} // namespace ulmfit::ui
