#pragma once
#include "types/ProgressInfo.h"

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;

namespace ulmfit::ui {

/// Shows a long task's progress (amount, rate, time left) with a Cancel button. Not modal for
/// the event loop: the work runs on the bridge's worker thread and reports via setProgress().
class TaskProgressDialog : public QDialog {
    Q_OBJECT
  public:
    explicit TaskProgressDialog(QWidget* parent = nullptr);
    void start(const QString& title); // resets and shows
    void setProgress(const ProgressInfo& progress);
    QString statusText() const;

  Q_SIGNALS:
    void cancelRequested();

  protected:
    void reject() override; // Escape / window close = cancel

  private:
    QLabel* m_task;
    QLabel* m_status;
    QLabel* m_detail;
    QProgressBar* m_bar;
    QPushButton* m_cancel;
};

} // namespace ulmfit::ui
