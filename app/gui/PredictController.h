#pragma once
#include <QObject>

namespace ulmfit::ui {
class MainWindow;
class PredictView;
} // namespace ulmfit::ui
class PredictBridge;

/// Predict page <-> inference bridge: classify-as-you-type, files, text generation.
class PredictController : public QObject {
    Q_OBJECT
  public:
    PredictController(ulmfit::ui::MainWindow* window, PredictBridge* bridge, QObject* parent = nullptr);
    ulmfit::ui::PredictView* view() const { return m_view; }
    void loadModel(const QString& path); // a run folder, a classifier folder, or a file in one

  private:
    ulmfit::ui::PredictView* m_view;
    PredictBridge* m_bridge;
};
