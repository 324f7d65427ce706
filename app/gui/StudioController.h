#pragma once
#include <QObject>

#include <memory>

class BatchController;
namespace ulmfit::ui {
class BatchView;
class DatasetView;
class LogView;
class MainWindow;
} // namespace ulmfit::ui
class DatasetController;
class EngineBridge;
class LogForwarder;
class EvaluateController;
class PredictBridge;
class PredictController;
class TrainController;

/// Builds the application: the main window with the Dataset, Batches and Log views, the engine
/// bridge, the log forwarding, and the controllers between them. Owned by main().
class StudioController : public QObject {
    Q_OBJECT
  public:
    /// `logFile`: where the log is written; empty = the per-user default, "-" = no file (tests).
    explicit StudioController(const QString& logFile = {}, QObject* parent = nullptr);
    ~StudioController() override;

    void start(); // restores settings, shows the window, reopens the last dataset

    ulmfit::ui::MainWindow* window() const { return m_window.get(); }
    EngineBridge* bridge() const { return m_bridge.get(); }
    ulmfit::ui::DatasetView* datasetView() const { return m_datasetView; }
    ulmfit::ui::BatchView* batchView() const { return m_batchView; }
    ulmfit::ui::LogView* logView() const { return m_logView; }
    DatasetController* datasetController() const { return m_dataset.get(); }
    TrainController* trainController() const { return m_train.get(); }
    PredictController* predictController() const { return m_predict.get(); }
    EvaluateController* evaluateController() const { return m_evaluate.get(); }
    PredictBridge* predictBridge() const { return m_predictBridge.get(); }

  Q_SIGNALS:
    /// The user picked a model file (File > Open model / Recent models); the Predict view loads it.
    void modelChosen(const QString& path);

  private:
    void addViews();
    void wireLog();
    void wireModels();
    void addModelViews(); // Train, Predict, Evaluate (gui-train)
    void chooseModel(const QString& path);

    std::unique_ptr<LogForwarder> m_log;
    std::unique_ptr<EngineBridge> m_bridge;
    std::unique_ptr<ulmfit::ui::MainWindow> m_window;
    ulmfit::ui::DatasetView* m_datasetView = nullptr;
    ulmfit::ui::BatchView* m_batchView = nullptr;
    ulmfit::ui::LogView* m_logView = nullptr;
    std::unique_ptr<DatasetController> m_dataset;
    std::unique_ptr<BatchController> m_batches;
    std::unique_ptr<PredictBridge> m_predictBridge;
    std::unique_ptr<TrainController> m_train;
    std::unique_ptr<PredictController> m_predict;
    std::unique_ptr<EvaluateController> m_evaluate;
};
