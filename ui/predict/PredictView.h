#pragma once
// The Predict page: classify typed or dropped text as you type, classify many files, and
// generate text with the language model. Requests go out as signals; answers come in as slots.
#include "types/PredictTypes.h"
#include "types/TextAttribution.h"

#include <QWidget>

class QLabel;

namespace ulmfit::ui {

class BatchClassifyPane;
class ClassifyPane;
class GeneratePane;

class PredictView : public QWidget {
    Q_OBJECT
  public:
    explicit PredictView(QWidget* parent = nullptr);

    ClassifyPane* classifyPane() const { return m_classify; }
    BatchClassifyPane* batchPane() const { return m_batch; }
    GeneratePane* generatePane() const { return m_generate; }

  public Q_SLOTS:
    // Which model answers (e.g. "runs/quick-2024…/classifier"); disables the panes when not ready.
    void setModelStatus(const QString& description, bool classifierReady, bool languageModelReady);
    void showPrediction(const ulmfit::ui::PredictionResult& result);
    void showAttribution(const ulmfit::ui::TextAttribution& attribution);
    void addFilePredictions(const QVector<ulmfit::ui::FilePrediction>& predictions);
    void filesFinished(const QString& summary);
    void showGenerated(const QStringList& samples);
    void showClassifyError(const QString& message);
    void showGenerateError(const QString& message);

  Q_SIGNALS:
    void classifyRequested(const QString& text);
    void explainMethodChanged(int method); // 0 Integrated Gradients, 1 attention
    void classifyFilesRequested(const QStringList& paths);
    void generateRequested(const ulmfit::ui::GenerationRequest& request);
    void chooseModelRequested();

  private:
    QLabel* m_modelStatus;
    ClassifyPane* m_classify;
    BatchClassifyPane* m_batch;
    GeneratePane* m_generate;
};

} // namespace ulmfit::ui
