#pragma once
// A stages table with Add/Remove/Up/Down, editing one model's fit_one_cycle schedule in place.
#include "types/TrainingRequest.h"

#include <vector>

#include <QWidget>

class QTableView;

namespace ulmfit::ui {

class StageTableModel;

class StagesEditor : public QWidget {
    Q_OBJECT
  public:
    StagesEditor(StageModel model, const QString& objectName, QWidget* parent = nullptr);

    void setStages(const std::vector<ulmfit::RecipeStage>& stages);
    std::vector<ulmfit::RecipeStage> stages() const;
    StageTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    /// Sets row's rate to `top`, or the top of its slice (keeping the slice's spread).
    void setTopRate(int row, double top);

  Q_SIGNALS:
    void stagesChanged();
    void lrFindRequested(int row); // "Find a learning rate…" for the selected stage (the first when none is)

  private:
    int currentRow() const;
    void moveCurrent(int delta);

    StageTableModel* m_model;
    QTableView* m_view;
};

} // namespace ulmfit::ui
