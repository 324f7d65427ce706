#pragma once
// The Predict and Evaluate pages' door into the engine: loads a trained run's classifier (and its
// language model bundle, when there is one) on an owned worker thread, then classifies text and
// files, generates text and evaluates on a labelled folder there. Typing produces many classify
// requests; only the newest waiting text is classified.
#include "app/bridge/EngineWorker.h"
#include "ui/types/EvaluationTypes.h"
#include "ui/types/PredictTypes.h"
#include "ui/types/TextAttribution.h"

#include <QMutex>

#include <QObject>
#include <QPointer>
#include <atomic>

#include <memory>

struct InferenceState;
namespace ulmfit {
struct ExplainOptions;
}

class PredictBridge : public QObject {
    Q_OBJECT
public:
    explicit PredictBridge(QObject* parent = nullptr);
    ~PredictBridge() override; // joins the worker before the models it uses go away

    // A run folder (with classifier/ and optionally lm/), a classifier bundle folder, or a file in one.
    JobHandle* loadModel(const QString& path);
    JobHandle* classify(const QString& text); // while one waits, newer texts join it (same handle)
    JobHandle* classifyFiles(const QStringList& paths);
    JobHandle* generate(const ulmfit::ui::GenerationRequest& request);
    JobHandle* evaluate(const QString& datasetDir);
    /// How classify() explains its prediction: 0 Integrated Gradients (default), 1 fastai's attention.
    void setExplainMethod(int method) { m_explainMethod = method; }
    /// The attribution of a review file for `targetLabel` ("" = the predicted one): the Evaluate
    /// view's top losses.
    JobHandle* explainFile(const QString& path, const QString& targetLabel);
    void cancel();

Q_SIGNALS:
    void modelLoaded(const QString& description, bool classifierReady, bool languageModelReady);
    void predicted(const ulmfit::ui::PredictionResult& result);
    void explained(const ulmfit::ui::TextAttribution& attribution); // with each predicted()
    void fileExplained(const QString& path, const ulmfit::ui::TextAttribution& attribution);
    void filesPredicted(const QVector<ulmfit::ui::FilePrediction>& predictions);
    void filesDone(const QString& summary);
    void generated(const QStringList& samples);
    void evaluated(const ulmfit::ui::EvaluationReport& report);

private:
    void classifyLatest(JobContext& context);
    ulmfit::ExplainOptions explainOptions() const; // the method the view chose

    std::shared_ptr<InferenceState> m_state; // touched only by jobs on the worker
    QMutex m_textMutex;
    QString m_latestText;
    bool m_classifyQueued = false; // guarded by m_textMutex
    QPointer<JobHandle> m_classifyJob;
    std::atomic<int> m_explainMethod{0};
    std::unique_ptr<EngineWorker> m_worker;
};
