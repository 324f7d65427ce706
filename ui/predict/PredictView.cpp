#include "predict/PredictView.h"

#include "common/GroupBox.h"
#include "predict/BatchClassifyPane.h"
#include "predict/ClassifyPane.h"
#include "predict/GeneratePane.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace ulmfit::ui {

PredictView::PredictView(QWidget* parent)
    : QWidget(parent), m_modelStatus(new QLabel(tr("No model loaded: train one or choose a model folder."))),
      m_classify(new ClassifyPane), m_batch(new BatchClassifyPane), m_generate(new GeneratePane) {
    setObjectName(QStringLiteral("predictView"));
    m_modelStatus->setObjectName(QStringLiteral("modelStatus"));
    auto* choose = new QPushButton(tr("Choose model…"));
    choose->setObjectName(QStringLiteral("chooseModelButton"));
    connect(choose, &QPushButton::clicked, this, &PredictView::chooseModelRequested);
    auto* header = new QHBoxLayout;
    header->addWidget(m_modelStatus, 1);
    header->addWidget(choose);

    auto* right = new QSplitter(Qt::Vertical);
    right->addWidget(boxed(tr("Generate text"), m_generate));
    right->addWidget(boxed(tr("Classify files"), m_batch));
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(boxed(tr("Classify a review"), m_classify));
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(split, 1);

    connect(m_classify, &ClassifyPane::classifyRequested, this, &PredictView::classifyRequested);
    connect(m_classify, &ClassifyPane::explainMethodChanged, this, &PredictView::explainMethodChanged);
    connect(m_batch, &BatchClassifyPane::classifyFilesRequested, this, &PredictView::classifyFilesRequested);
    connect(m_generate, &GeneratePane::generateRequested, this, &PredictView::generateRequested);
    setModelStatus(m_modelStatus->text(), false, false);
}

void PredictView::setModelStatus(const QString& description, bool classifierReady, bool languageModelReady) {
    m_modelStatus->setText(description);
    m_classify->setEnabled(classifierReady);
    m_batch->setEnabled(classifierReady);
    m_generate->setEnabled(languageModelReady);
}

void PredictView::showAttribution(const TextAttribution& attribution) {
    m_classify->showAttribution(attribution);
}

void PredictView::showPrediction(const PredictionResult& result) {
    m_classify->showPrediction(result);
}

void PredictView::addFilePredictions(const QVector<FilePrediction>& predictions) {
    m_batch->addPredictions(predictions);
}

void PredictView::filesFinished(const QString& summary) {
    m_batch->finished(summary);
}

void PredictView::showGenerated(const QStringList& samples) {
    m_generate->showGenerated(samples);
}

void PredictView::showClassifyError(const QString& message) {
    m_classify->showError(message);
}

void PredictView::showGenerateError(const QString& message) {
    m_generate->showError(message);
}

} // namespace ulmfit::ui
