#include "predict/GeneratePane.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ulmfit::ui {

GeneratePane::GeneratePane(QWidget* parent)
    : QWidget(parent), m_prompt(new QLineEdit), m_words(new QSpinBox), m_temperature(new QDoubleSpinBox),
      m_samples(new QSpinBox), m_generate(new QPushButton(tr("Generate"))), m_output(new QTextBrowser) {
    setObjectName(QStringLiteral("generatePane"));
    m_output->setObjectName(QStringLiteral("generatedText"));
    m_output->setPlaceholderText(tr("Samples from the fine-tuned language model appear here."));
    connect(m_generate, &QPushButton::clicked, this, [this] {
        m_generate->setEnabled(false);
        Q_EMIT generateRequested(request());
    });
    connect(m_prompt, &QLineEdit::returnPressed, m_generate, &QPushButton::click);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildControls());
    layout->addWidget(m_output, 1);
}

QWidget* GeneratePane::buildControls() {
    const GenerationRequest defaults;
    m_prompt->setObjectName(QStringLiteral("promptEdit"));
    m_prompt->setText(defaults.prompt);
    m_words->setObjectName(QStringLiteral("wordsSpin"));
    m_words->setRange(1, 1000);
    m_words->setValue(defaults.words);
    m_temperature->setObjectName(QStringLiteral("temperatureSpin"));
    m_temperature->setRange(0.05, 5.0);
    m_temperature->setSingleStep(0.05);
    m_temperature->setValue(defaults.temperature);
    m_samples->setObjectName(QStringLiteral("samplesSpin"));
    m_samples->setRange(1, 20);
    m_samples->setValue(defaults.samples);
    m_generate->setObjectName(QStringLiteral("generateButton"));
    auto* row = new QHBoxLayout;
    for (auto [label, widget] : {std::pair<QString, QWidget*>{tr("Words:"), m_words},
                                 {tr("Temperature:"), m_temperature}, {tr("Samples:"), m_samples}}) {
        auto* form = new QFormLayout;
        form->addRow(label, widget);
        row->addLayout(form);
    }
    row->addStretch();
    row->addWidget(m_generate);
    auto* box = new QWidget;
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Prompt:"), m_prompt);
    form->addRow(row);
    return box;
}

GenerationRequest GeneratePane::request() const {
    return GenerationRequest{m_prompt->text(), m_words->value(), m_temperature->value(), m_samples->value()};
}

void GeneratePane::showGenerated(const QStringList& samples) {
    m_generate->setEnabled(true);
    QStringList html;
    for (int i = 0; i < samples.size(); ++i)
        html << QStringLiteral("<p><b>%1.</b> %2</p>").arg(i + 1).arg(samples.at(i).toHtmlEscaped());
    m_output->setHtml(html.join(QString()));
}

void GeneratePane::showError(const QString& message) {
    m_generate->setEnabled(true);
    m_output->setPlainText(message);
}

} // namespace ulmfit::ui
