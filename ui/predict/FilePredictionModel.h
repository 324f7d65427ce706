#pragma once
// Rows of classified files (file, label, probability or error), exportable to CSV.
#include "types/PredictTypes.h"

#include <QAbstractTableModel>

namespace ulmfit::ui {

class FilePredictionModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { File, Label, Probability, ColumnCount };

    explicit FilePredictionModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void append(const QVector<FilePrediction>& predictions);
    void clear();
    const QVector<FilePrediction>& predictions() const { return m_rows; }

  private:
    QVector<FilePrediction> m_rows;
};

} // namespace ulmfit::ui
