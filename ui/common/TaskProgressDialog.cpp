#include "common/TaskProgressDialog.h"

#include "common/Format.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ulmfit::ui {

TaskProgressDialog::TaskProgressDialog(QWidget* parent)
    : QDialog(parent), m_task(new QLabel(this)), m_status(new QLabel(this)), m_detail(new QLabel(this)),
      m_bar(new QProgressBar(this)), m_cancel(new QPushButton(tr("Cancel"), this)) {
    setObjectName(QStringLiteral("taskProgressDialog"));
    setWindowModality(Qt::WindowModal);
    setMinimumWidth(460);
    m_task->setObjectName(QStringLiteral("progressTask"));
    m_status->setObjectName(QStringLiteral("progressStatus"));
    m_detail->setObjectName(QStringLiteral("progressDetail"));
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setWordWrap(true);
    m_cancel->setObjectName(QStringLiteral("progressCancel"));
    QFont bold = m_task->font();
    bold.setBold(true);
    m_task->setFont(bold);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_task);
    layout->addWidget(m_bar);
    layout->addWidget(m_status);
    layout->addWidget(m_detail);
    layout->addWidget(buttons);
    connect(m_cancel, &QPushButton::clicked, this, &TaskProgressDialog::reject);
}

void TaskProgressDialog::start(const QString& title) {
    setWindowTitle(title);
    m_task->setText(tr("Starting…"));
    m_status->clear();
    m_detail->clear();
    m_bar->setRange(0, 0);
    m_cancel->setEnabled(true);
    show();
}

void TaskProgressDialog::setProgress(const ProgressInfo& progress) {
    m_task->setText(Format::taskName(progress.task));
    if (progress.total > 0) {
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(1000 * qBound(0.0, progress.fraction(), 1.0)));
    } else {
        m_bar->setRange(0, 0); // busy indicator when the total is unknown
    }
    m_status->setText(Format::progress(progress));
    m_detail->setText(progress.detail);
}

QString TaskProgressDialog::statusText() const {
    return m_status->text();
}

void TaskProgressDialog::reject() {
    m_cancel->setEnabled(false);
    m_task->setText(tr("Cancelling…"));
    Q_EMIT cancelRequested(); // the owner closes the dialog when the work has stopped
}

} // namespace ulmfit::ui
