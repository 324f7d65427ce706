#include "plots/ConfusionMatrixWidget.h"

#include <QPainter>

#include <algorithm>

namespace ulmfit::ui {
namespace {
constexpr int kMargin = 70; // room for the axis titles and class names
}

ConfusionMatrixWidget::ConfusionMatrixWidget(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("confusionMatrix"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ConfusionMatrixWidget::setMatrix(const QStringList& labels, const QVector<QVector<qint64>>& confusion) {
    m_labels = labels;
    m_confusion = confusion;
    update();
}

qint64 ConfusionMatrixWidget::count(int actual, int predicted) const {
    if (actual < 0 || actual >= m_confusion.size() || predicted < 0 || predicted >= m_confusion[actual].size())
        return 0;
    return m_confusion[actual][predicted];
}

QSize ConfusionMatrixWidget::sizeHint() const {
    return {360, 320};
}

QSize ConfusionMatrixWidget::minimumSizeHint() const {
    return {220, 200};
}

QRect ConfusionMatrixWidget::gridRect() const {
    const int side = std::max(40, std::min(width() - kMargin - 10, height() - kMargin - 10));
    return {kMargin, 10 + fontMetrics().height(), side, side - fontMetrics().height()};
}

void ConfusionMatrixWidget::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_labels.isEmpty()) {
        painter.drawText(rect(), Qt::AlignCenter, tr("No evaluation yet"));
        return;
    }
    const QRect grid = gridRect();
    paintCells(painter, grid);
    paintLabels(painter, grid);
}

void ConfusionMatrixWidget::paintCells(QPainter& painter, const QRect& grid) const {
    const int n = int(m_labels.size());
    const double cw = double(grid.width()) / n;
    const double ch = double(grid.height()) / n;
    for (int a = 0; a < n; ++a) {
        qint64 rowTotal = 0;
        for (int p = 0; p < n; ++p)
            rowTotal += count(a, p);
        for (int p = 0; p < n; ++p) {
            const double share = rowTotal > 0 ? double(count(a, p)) / rowTotal : 0.0;
            const QRectF cell(grid.left() + p * cw, grid.top() + a * ch, cw, ch);
            painter.fillRect(cell, QColor::fromRgbF(1.0 - 0.85 * share, 1.0 - 0.55 * share, 1.0 - 0.25 * share));
            painter.setPen(share > 0.55 ? Qt::white : Qt::black);
            painter.drawText(cell, Qt::AlignCenter, QString::number(count(a, p)));
            painter.setPen(QColor(200, 200, 200));
            painter.drawRect(cell);
        }
    }
}

void ConfusionMatrixWidget::paintLabels(QPainter& painter, const QRect& grid) const {
    const int n = int(m_labels.size());
    const double cw = double(grid.width()) / n;
    const double ch = double(grid.height()) / n;
    const int line = fontMetrics().height();
    painter.setPen(palette().color(QPalette::WindowText));
    for (int i = 0; i < n; ++i) {
        painter.drawText(QRectF(grid.left() + i * cw, grid.bottom() + 4, cw, line), Qt::AlignCenter, m_labels[i]);
        painter.drawText(QRectF(0, grid.top() + i * ch, kMargin - 6, ch), Qt::AlignRight | Qt::AlignVCenter, m_labels[i]);
    }
    QFont bold = painter.font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.drawText(QRectF(grid.left(), grid.bottom() + 4 + line, grid.width(), line), Qt::AlignCenter, tr("predicted"));
    painter.drawText(QRectF(grid.left(), 0, grid.width(), line), Qt::AlignCenter, tr("confusion matrix"));
    painter.save();
    painter.translate(12, grid.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-grid.height() / 2.0, -line / 2.0, grid.height(), line), Qt::AlignCenter, tr("actual"));
    painter.restore();
}

} // namespace ulmfit::ui
