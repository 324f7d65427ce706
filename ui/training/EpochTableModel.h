#pragma once
// The book's epoch table (epoch, train_loss, valid_loss, accuracy, perplexity, time), grown live.
#include "types/TrainingTypes.h"

#include <QAbstractTableModel>

namespace ulmfit::ui {

class EpochTableModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { Stage, Epoch, TrainLoss, ValidLoss, Accuracy, Perplexity, Time, ColumnCount };

    explicit EpochTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setStageTitles(const QStringList& titles); // shown as the Stage column's tooltip
    void addRow(const EpochRow& row);
    void clear();
    const QVector<EpochRow>& rows() const { return m_rows; }

  private:
    QVariant display(const EpochRow& row, int column) const;
    QVariant raw(const EpochRow& row, int column) const;

    QVector<EpochRow> m_rows;
    QStringList m_stageTitles;
};

} // namespace ulmfit::ui
