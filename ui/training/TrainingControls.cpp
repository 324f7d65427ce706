#include "training/TrainingControls.h"

#include "common/Format.h"

#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

#include <cmath>

namespace ulmfit::ui {
namespace {

QProgressBar* makeBar(const QString& name) {
    auto* bar = new QProgressBar;
    bar->setObjectName(name);
    bar->setRange(0, 1000);
    bar->setValue(0);
    bar->setTextVisible(true);
    return bar;
}

} // namespace

TrainingControls::TrainingControls(QWidget* parent)
    : QWidget(parent), m_status(new QLabel(tr("No training run yet."))),
      m_epochBar(makeBar(QStringLiteral("epochProgress"))),
      m_recipeBar(makeBar(QStringLiteral("recipeProgress"))), m_pause(new QPushButton(tr("Pause"))),
      m_cancel(new QPushButton(tr("Cancel"))), m_exportPlots(new QPushButton(tr("Export plots…"))),
      m_exportTable(new QPushButton(tr("Export table…"))) {
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setCheckable(true);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_exportPlots->setObjectName(QStringLiteral("exportPlotsButton"));
    m_exportTable->setObjectName(QStringLiteral("exportTableButton"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_status, 0, 0, 1, 2);
    grid->addWidget(new QLabel(tr("Epoch:")), 1, 0);
    grid->addWidget(m_epochBar, 1, 1);
    grid->addWidget(new QLabel(tr("Recipe:")), 2, 0);
    grid->addWidget(m_recipeBar, 2, 1);
    auto* buttons = new QHBoxLayout;
    for (auto* button : {m_pause, m_cancel, m_exportPlots, m_exportTable})
        buttons->addWidget(button);
    grid->addLayout(buttons, 1, 2, 2, 1);
    grid->setColumnStretch(1, 1);
    connect(m_pause, &QPushButton::toggled, this, &TrainingControls::onPauseToggled);
    connect(m_cancel, &QPushButton::clicked, this, &TrainingControls::cancelRequested);
    connect(m_exportPlots, &QPushButton::clicked, this, &TrainingControls::exportPlotsRequested);
    connect(m_exportTable, &QPushButton::clicked, this, &TrainingControls::exportTableRequested);
    setRunning(false);
    setExportEnabled(false);
}

void TrainingControls::setRunning(bool running) {
    const QSignalBlocker blocker(m_pause);
    m_pause->setChecked(false);
    m_pause->setText(tr("Pause"));
    m_pause->setEnabled(running);
    m_cancel->setEnabled(running);
}

void TrainingControls::onPauseToggled(bool paused) {
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    Q_EMIT pauseRequested(paused);
}

bool TrainingControls::isPaused() const {
    return m_pause->isChecked();
}

void TrainingControls::setEpochProgress(double fraction, const QString& text) {
    m_epochBar->setValue(int(std::lround(std::max(fraction, 0.0) * 1000))); // < 0: not known yet
    m_epochBar->setFormat(text);
}

void TrainingControls::setRecipeProgress(double fraction, double etaSeconds) {
    m_recipeBar->setValue(int(std::lround(fraction * 1000)));
    const QString percent = QString::number(fraction * 100.0, 'f', 1) + QLatin1Char('%');
    m_recipeBar->setFormat(etaSeconds < 0 ? percent
                                          : tr("%1 — ETA %2").arg(percent, Format::duration(etaSeconds)));
}

void TrainingControls::setStatus(const QString& text) {
    m_status->setText(text);
}

void TrainingControls::setExportEnabled(bool enabled) {
    m_exportPlots->setEnabled(enabled);
    m_exportTable->setEnabled(enabled);
}

} // namespace ulmfit::ui
