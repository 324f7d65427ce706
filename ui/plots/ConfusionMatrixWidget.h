#pragma once
// A painted confusion matrix: rows are actual classes, columns predicted ones; each cell shows
// its count and is shaded by its share of the row (so recall reads along the diagonal).
#include <QStringList>
#include <QVector>
#include <QWidget>

namespace ulmfit::ui {

class ConfusionMatrixWidget : public QWidget {
    Q_OBJECT
public:
    explicit ConfusionMatrixWidget(QWidget* parent = nullptr);

    void setMatrix(const QStringList& labels, const QVector<QVector<qint64>>& confusion);
    qint64 count(int actual, int predicted) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QRect gridRect() const;
    void paintCells(QPainter& painter, const QRect& grid) const;
    void paintLabels(QPainter& painter, const QRect& grid) const;

    QStringList m_labels;
    QVector<QVector<qint64>> m_confusion;
};

} // namespace ulmfit::ui
