#include "plots/ThrottledPlot.h"

namespace ulmfit::ui {

ThrottledPlot::ThrottledPlot(QWidget* parent) : QCustomPlot(parent) {
    m_timer.setSingleShot(true);
    m_timer.setInterval(50);
    connect(&m_timer, &QTimer::timeout, this, &ThrottledPlot::replotNow);
    styleAxes();
    setMinimumHeight(180);
}

void ThrottledPlot::setReplotInterval(int milliseconds) {
    m_timer.setInterval(milliseconds);
}

void ThrottledPlot::styleAxes() {
    legend->setVisible(true);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    legend->setFont(small);
    legend->setBrush(QColor(255, 255, 255, 200));
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    xAxis->setLabel(tr("batch (step)"));
}

void ThrottledPlot::requestReplot() {
    if (!m_timer.isActive())
        m_timer.start();
}

void ThrottledPlot::replotNow() {
    m_timer.stop();
    ++m_replots;
    updateRanges();
    replot(QCustomPlot::rpQueuedReplot);
}

void ThrottledPlot::setFixedXRange(double upper) {
    if (upper == m_fixedX)
        return;
    m_fixedX = upper;
    requestReplot();
}

void ThrottledPlot::updateRanges() {
    rescaleAxes(true);
    if (m_fixedX > 0.0)
        xAxis->setRange(0.0, m_fixedX * 1.03); // room for the last point and a late stage label
}

void ThrottledPlot::addMarker(double x, const QString& label) {
    // Every other label one line lower: a short stage (one frozen epoch) puts two markers close.
    const double labelRow = (markerCount() % 2) * 0.07;
    auto* line = new QCPItemStraightLine(this);
    line->point1->setCoords(x, 0);
    line->point2->setCoords(x, 1);
    line->setPen(QPen(QColor(120, 120, 120), 1, Qt::DashLine));
    auto* text = new QCPItemText(this);
    text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(x, labelRow);
    text->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    text->setPadding(QMargins(3, 2, 3, 2));
    text->setColor(QColor(80, 80, 80));
    text->setText(label);
    m_markers << line << text;
    requestReplot();
}

void ThrottledPlot::addGap(double x) {
    for (int i = 0; i < graphCount(); ++i)
        graph(i)->addData(x, qQNaN()); // QCustomPlot leaves a gap at NaN values
    requestReplot();
}

void ThrottledPlot::clearMarkers() {
    for (auto* item : m_markers)
        removeItem(item);
    m_markers.clear();
    requestReplot();
}

} // namespace ulmfit::ui
