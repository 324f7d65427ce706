#pragma once
// The Evaluate page: accuracy, confusion matrix, per-class precision/recall and the top losses
// on a labelled test set; clicking a top loss shows the review.
#include "types/EvaluationTypes.h"
#include "types/ProgressInfo.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace ulmfit::ui {

class ClassMetricsModel;
class ConfusionMatrixWidget;
class TopLossesModel;

class EvaluateView : public QWidget {
    Q_OBJECT
  public:
    explicit EvaluateView(QWidget* parent = nullptr);

    void setDatasetPath(const QString& path);
    ClassMetricsModel* classMetrics() const { return m_classModel; }
    TopLossesModel* topLosses() const { return m_lossModel; }

  public Q_SLOTS:
    void setModelStatus(const QString& description, bool ready);
    void setProgress(const ProgressInfo& progress);
    void showReport(const ulmfit::ui::EvaluationReport& report);
    void showError(const QString& message);
    void showTopLoss(int row);

  Q_SIGNALS:
    void evaluateRequested(const QString& datasetPath);

  private:
    QWidget* buildHeader();
    QWidget* buildResults();
    void browse();

    QLabel* m_modelStatus;
    QLineEdit* m_dataset;
    QPushButton* m_evaluate;
    QProgressBar* m_progress;
    QLabel* m_accuracy;
    ConfusionMatrixWidget* m_confusion;
    ClassMetricsModel* m_classModel;
    TopLossesModel* m_lossModel;
    QTableView* m_lossTable;
    QTextBrowser* m_review;
};

} // namespace ulmfit::ui
