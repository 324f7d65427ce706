#pragma once
// Type, paste or drop a review: it is classified as you type (debounced), with a bar per class.
#include "types/PredictTypes.h"
#include "types/TextAttribution.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace ulmfit::ui {

class AttributionView;
class ProbabilityBars;

class ClassifyPane : public QWidget {
    Q_OBJECT
  public:
    explicit ClassifyPane(QWidget* parent = nullptr);

    static constexpr int kDebounceMs = 300;
    QString text() const;
    bool loadTextFile(const QString& path); // what a drop or "Open…" does

  public Q_SLOTS:
    void showPrediction(const ulmfit::ui::PredictionResult& result);
    void showError(const QString& message);
    /// Why: the review with each word coloured by its attribution (dropped when the text changed).
    void showAttribution(const ulmfit::ui::TextAttribution& attribution);

  Q_SIGNALS:
    void classifyRequested(const QString& text);
    void explainMethodChanged(int method); // 0 Integrated Gradients, 1 fastai's attention

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void openFile();
    void saveAttribution();
    void requestNow();

    QPlainTextEdit* m_edit;
    QLabel* m_label;
    QLabel* m_status;
    ProbabilityBars* m_bars;
    QLabel* m_members; // an ensemble's members' own predictions
    QComboBox* m_method;
    AttributionView* m_why;
    QTimer m_debounce;
};

} // namespace ulmfit::ui
