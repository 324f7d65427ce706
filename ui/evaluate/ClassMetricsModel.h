#pragma once
// Per-class precision, recall, F1 and support of an evaluation.
#include "types/EvaluationTypes.h"

#include <QAbstractTableModel>

namespace ulmfit::ui {

class ClassMetricsModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { Label, Precision, Recall, F1, Support, ColumnCount };

    explicit ClassMetricsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setReport(const EvaluationReport& report);

  private:
    double value(int row, int column) const;

    EvaluationReport m_report;
};

} // namespace ulmfit::ui
