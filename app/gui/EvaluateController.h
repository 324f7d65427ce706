#pragma once
#include <QObject>

namespace ulmfit::ui {
class EvaluateView;
class MainWindow;
} // namespace ulmfit::ui
class PredictBridge;

/// Evaluate page <-> inference bridge: evaluation on a labelled test folder, with progress.
class EvaluateController : public QObject {
    Q_OBJECT
  public:
    EvaluateController(ulmfit::ui::MainWindow* window, PredictBridge* bridge, QObject* parent = nullptr);
    ulmfit::ui::EvaluateView* view() const { return m_view; }
    void setDatasetPath(const QString& path);

  private:
    ulmfit::ui::EvaluateView* m_view;
};
