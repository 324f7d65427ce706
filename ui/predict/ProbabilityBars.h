#pragma once
// One labelled bar per class, showing a prediction's probabilities; the winner is highlighted.
#include <QStringList>
#include <QVector>
#include <QWidget>

class QGridLayout;
class QProgressBar;

namespace ulmfit::ui {

class ProbabilityBars : public QWidget {
    Q_OBJECT
public:
    explicit ProbabilityBars(QWidget* parent = nullptr);

    void setProbabilities(const QStringList& labels, const QVector<double>& probabilities);
    void clear();
    double probabilityOf(const QString& label) const; // -1 when the label is not shown

private:
    QGridLayout* m_grid;
    QStringList m_labels;
    QVector<QProgressBar*> m_bars;
    QVector<QWidget*> m_rowWidgets;
};

} // namespace ulmfit::ui
