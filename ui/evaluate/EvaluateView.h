#pragma once
// The Evaluate page: accuracy, confusion matrix, per-class precision/recall and the top losses
// on a labelled test set; clicking a top loss shows the review.
#include "types/EvaluationTypes.h"
#include "types/ProgressInfo.h"
#include "types/TextAttribution.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace ulmfit::ui {

class AttributionView;
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
    /// Why the model chose what it did for the review at `path` (dropped unless it is still selected).
    void showAttribution(const QString& path, const ulmfit::ui::TextAttribution& attribution);

  Q_SIGNALS:
    void evaluateRequested(const QString& datasetPath);
    void explainRequested(const QString& path, const QString& label); // a selected top loss, its predicted label

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
    AttributionView* m_why;
    QString m_shownPath;
};

} // namespace ulmfit::ui
