#pragma once
// The editable stages of one model (LM or classifier): freeze_to, epochs, lr or slice per row.
#include "types/TrainingRequest.h"

#include <vector>

#include <QAbstractTableModel>

namespace ulmfit::ui {

class StageTableModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { Freeze, Epochs, LearningRate, ColumnCount };

    explicit StageTableModel(StageModel model, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;

    void setStages(const std::vector<ulmfit::RecipeStage>& stages);
    const std::vector<ulmfit::RecipeStage>& stages() const { return m_stages; }
    void appendStage(); // a copy of the last stage, unfrozen (the usual next step)
    void moveStage(int row, int delta);

  private:
    StageModel m_model;
    std::vector<ulmfit::RecipeStage> m_stages;
};

} // namespace ulmfit::ui
