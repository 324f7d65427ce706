#pragma once
// The most confidently wrong reviews: actual, predicted, probability, loss, file.
#include "types/EvaluationTypes.h"

#include <QAbstractTableModel>

namespace ulmfit::ui {

class TopLossesModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { Actual, Predicted, Probability, Loss, File, ColumnCount };

    explicit TopLossesModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setItems(const QVector<TopLossItem>& items);
    const TopLossItem* item(int row) const;

  private:
    QVector<TopLossItem> m_items;
};

} // namespace ulmfit::ui
