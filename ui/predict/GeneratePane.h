#pragma once
// Text generation with the fine-tuned language model: prompt, words, temperature, samples.
#include "types/PredictTypes.h"

#include <QWidget>

class QDoubleSpinBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTextBrowser;

namespace ulmfit::ui {

class GeneratePane : public QWidget {
    Q_OBJECT
  public:
    explicit GeneratePane(QWidget* parent = nullptr);

    GenerationRequest request() const;

  public Q_SLOTS:
    void showGenerated(const QStringList& samples);
    void showError(const QString& message);

  Q_SIGNALS:
    void generateRequested(const ulmfit::ui::GenerationRequest& request);

  private:
    QWidget* buildControls();

    QLineEdit* m_prompt;
    QSpinBox* m_words;
    QDoubleSpinBox* m_temperature;
    QSpinBox* m_samples;
    QPushButton* m_generate;
    QTextBrowser* m_output;
};

} // namespace ulmfit::ui
