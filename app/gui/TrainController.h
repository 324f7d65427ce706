#pragma once
#include "ui/types/TrainingRequest.h"

#include <QObject>
#include <QPointer>

#include <memory>

class EngineBridge;
class JobHandle;
class PretrainedModelsBridge;
namespace ulmfit::ui {
class MainWindow;
class TaskProgressDialog;
class TrainingView;
class TrainingWizard;
} // namespace ulmfit::ui
class TrainingBridge;

/// Train page <-> training bridge: opens the wizard, starts its recipe, feeds the live view,
/// forwards Pause/Cancel, and announces the trained model's folder.
class TrainController : public QObject {
    Q_OBJECT
  public:
    /// engine runs the wizard's "Tokenize now" (on its dataset worker); it must outlive this.
    TrainController(ulmfit::ui::MainWindow* window, EngineBridge* engine, QObject* parent = nullptr);
    ~TrainController() override;

    ulmfit::ui::TrainingView* view() const { return m_view; }
    TrainingBridge* bridge() const { return m_bridge.get(); }
    PretrainedModelsBridge* pretrainedModels() const { return m_pretrained.get(); }
    ulmfit::ui::TrainingWizard* wizard(); // created on first use

    void openWizard();
    void resumeRun(); // "Resume interrupted run…": a run folder, then its recipe from its last checkpoint
    void startTraining(ulmfit::ui::TrainingRequest request); // fills in a default output folder
    void setDatasetPath(const QString& path);                // the wizard's default dataset

    static QString defaultOutputDir(const QString& recipeName);

  Q_SIGNALS:
    void modelTrained(const QString& runDir);

  private:
    void wireBridge();
    bool confirmQuit(); // the main window's close guard while a run trains
    void wireTokenizing(ulmfit::ui::TrainingWizard* wizard);
    void wirePretrained(ulmfit::ui::TrainingWizard* wizard);
    void wireLrFinder(ulmfit::ui::TrainingWizard* wizard);
    void watchInstall(JobHandle* job, const QString& title);

    ulmfit::ui::MainWindow* m_window;
    EngineBridge* m_engine;
    ulmfit::ui::TrainingView* m_view;
    QPointer<ulmfit::ui::TrainingWizard> m_wizard;
    std::unique_ptr<TrainingBridge> m_bridge;
    std::unique_ptr<PretrainedModelsBridge> m_pretrained; // the per-user models folder
    QPointer<ulmfit::ui::TaskProgressDialog> m_installProgress;
    QString m_datasetPath;
    QString m_runDir; // the folder of the run in progress (or the last one)
};
