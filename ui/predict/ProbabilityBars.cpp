#include "predict/ProbabilityBars.h"

#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>

#include <algorithm>
#include <cmath>

namespace ulmfit::ui {

ProbabilityBars::ProbabilityBars(QWidget* parent) : QWidget(parent), m_grid(new QGridLayout(this)) {
    setObjectName(QStringLiteral("probabilityBars"));
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(1, 1);
}

void ProbabilityBars::clear() {
    qDeleteAll(m_rowWidgets);
    m_rowWidgets.clear();
    m_bars.clear();
    m_labels.clear();
}

void ProbabilityBars::setProbabilities(const QStringList& labels, const QVector<double>& probabilities) {
    if (labels != m_labels) { // rebuild rows only when the classes change
        clear();
        for (int i = 0; i < labels.size(); ++i) {
            auto* name = new QLabel(labels.at(i));
            auto* bar = new QProgressBar;
            bar->setObjectName(QStringLiteral("probabilityBar_") + labels.at(i));
            bar->setRange(0, 1000);
            m_grid->addWidget(name, i, 0);
            m_grid->addWidget(bar, i, 1);
            m_rowWidgets << name << bar;
            m_bars << bar;
        }
        m_labels = labels;
    }
    const auto best = std::max_element(probabilities.begin(), probabilities.end()) - probabilities.begin();
    for (int i = 0; i < m_bars.size(); ++i) {
        const double p = i < probabilities.size() ? probabilities.at(i) : 0.0;
        m_bars[i]->setValue(int(std::lround(p * 1000)));
        m_bars[i]->setFormat(QString::number(p * 100.0, 'f', 1) + QLatin1Char('%'));
        m_bars[i]->setStyleSheet(i == best ? QStringLiteral("QProgressBar::chunk { background: #2ca02c; }")
                                           : QStringLiteral("QProgressBar::chunk { background: #9e9e9e; }"));
    }
}

double ProbabilityBars::probabilityOf(const QString& label) const {
    const int i = int(m_labels.indexOf(label));
    return i < 0 ? -1.0 : m_bars.at(i)->value() / 1000.0;
}

} // namespace ulmfit::ui
