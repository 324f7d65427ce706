#pragma once
// The strip under the training plots: epoch and recipe progress (with ETA), Pause/Cancel, exports.
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace ulmfit::ui {

class TrainingControls : public QWidget {
    Q_OBJECT
public:
    explicit TrainingControls(QWidget* parent = nullptr);

    void setRunning(bool running); // enables Pause/Cancel, resets the Pause toggle
    void setEpochProgress(double fraction, const QString& text);
    void setRecipeProgress(double fraction, double etaSeconds);
    void setStatus(const QString& text);
    void setExportEnabled(bool enabled);
    bool isPaused() const;

Q_SIGNALS:
    void pauseRequested(bool paused);
    void cancelRequested();
    void exportPlotsRequested();
    void exportTableRequested();

private:
    void onPauseToggled(bool paused);

    QLabel* m_status;
    QProgressBar* m_epochBar;
    QProgressBar* m_recipeBar;
    QPushButton* m_pause;
    QPushButton* m_cancel;
    QPushButton* m_exportPlots;
    QPushButton* m_exportTable;
};

} // namespace ulmfit::ui
