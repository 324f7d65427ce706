#pragma once
#include <QObject>

class MainWindow;
class PredictBridge;
namespace ulmfit::ui {
class PredictView;
}

/// Predict page <-> inference bridge: classify-as-you-type, files, text generation.
class PredictController : public QObject {
    Q_OBJECT
public:
    PredictController(MainWindow* window, PredictBridge* bridge, QObject* parent = nullptr);
    ulmfit::ui::PredictView* view() const { return m_view; }

private:
    void onFailed(const QString& task, const QString& message);

    ulmfit::ui::PredictView* m_view;
    PredictBridge* m_bridge;
};
