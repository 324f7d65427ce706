#include "plots/LogAxis.h"

namespace ulmfit::ui {

void setLogarithmic(QCPAxis* axis, bool powerLabels) {
    axis->setScaleType(QCPAxis::stLogarithmic);
    axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    if (powerLabels) {
        axis->setNumberFormat(QStringLiteral("eb"));
        axis->setNumberPrecision(0);
    }
}

void fitLogRange(QCPAxis* axis, const QCPGraph* graph, double factor) {
    bool found = false;
    const QCPRange range = graph->getValueRange(found);
    if (found)
        axis->setRange(range.lower / factor, range.upper * factor);
}

} // namespace ulmfit::ui
