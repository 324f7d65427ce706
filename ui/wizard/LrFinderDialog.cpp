#include "wizard/LrFinderDialog.h"

#include "common/Format.h"
#include "plots/LrFinderPlot.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace ulmfit::ui {

namespace {
QString rateText(double lr) {
    return QString::number(lr, 'e', 1);
}
} // namespace

LrFinderDialog::LrFinderDialog(QWidget* parent)
    : QDialog(parent), m_title(new QLabel), m_status(new QLabel), m_bar(new QProgressBar),
      m_plot(new LrFinderPlot), m_use(new QPushButton(tr("Use this rate"))), m_close(new QPushButton(tr("Cancel"))) {
    setObjectName(QStringLiteral("lrFinderDialog"));
    setWindowTitle(tr("Find a learning rate"));
    m_title->setObjectName(QStringLiteral("lrFinderTitle"));
    m_status->setObjectName(QStringLiteral("lrFinderStatus"));
    m_status->setWordWrap(true);
    m_bar->setObjectName(QStringLiteral("lrFinderProgress"));
    m_use->setObjectName(QStringLiteral("lrFinderUse"));
    m_close->setObjectName(QStringLiteral("lrFinderClose"));
    m_use->setDefault(true);
    connect(m_use, &QPushButton::clicked, this, [this] {
        if (std::isfinite(chosenRate())) {
            Q_EMIT rateAccepted(chosenRate());
            accept();
        }
    });
    connect(m_close, &QPushButton::clicked, this, &LrFinderDialog::reject);
    connect(m_plot, &LrFinderPlot::rateChosen, this, &LrFinderDialog::updateChoice);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_use);
    buttons->addWidget(m_close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_bar);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    resize(640, 480);
}

void LrFinderDialog::start(const QString& stageTitle) {
    m_running = true;
    m_title->setText(stageTitle);
    m_status->setText(tr("Preparing the data and the model, then training with a growing learning rate…"));
    m_bar->setRange(0, 0); // busy until the first progress
    m_bar->show();
    m_plot->clearCurve();
    m_use->setEnabled(false);
    m_close->setText(tr("Cancel"));
    show();
    raise();
}

void LrFinderDialog::setProgress(const ProgressInfo& progress) {
    if (!m_running)
        return;
    if (progress.total > 0) {
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(1000.0 * double(progress.done) / double(progress.total)));
    }
    m_status->setText(Format::progress(progress));
}

void LrFinderDialog::showCurve(const LrFinderCurve& curve) {
    finishRunning();
    m_plot->setCurve(curve);
    updateChoice(curve.suggestion);
}

void LrFinderDialog::updateChoice(double lr) {
    const bool chosen = std::isfinite(lr);
    m_use->setEnabled(chosen);
    const QString hint = tr("Click the plot to pick another rate: fastai's rule of thumb is a rate where the loss "
                            "still falls clearly, well before its minimum.");
    if (!chosen)
        m_status->setText(tr("No suggestion: the loss never fell. %1").arg(hint));
    else
        m_status->setText(tr("Chosen: %1 (suggested: fastai's valley). %2").arg(rateText(chosenRate()), hint));
}

void LrFinderDialog::showFailure(const QString& message) {
    finishRunning();
    m_status->setText(tr("lr_find failed: %1").arg(message));
}

void LrFinderDialog::showCancelled() {
    finishRunning();
    m_status->setText(tr("Cancelled."));
}

void LrFinderDialog::finishRunning() {
    m_running = false;
    m_bar->hide();
    m_close->setText(tr("Close"));
}

double LrFinderDialog::chosenRate() const {
    const double lr = m_plot->chosenRate();
    return std::isfinite(lr) ? QString::number(lr, 'g', 2).toDouble() : kNoValue;
}

void LrFinderDialog::reject() {
    if (m_running)
        Q_EMIT cancelRequested(); // the job ends with cancelled(); the dialog closes now
    m_running = false;
    QDialog::reject();
}

} // namespace ulmfit::ui
