#pragma once
#include "types/ProgressInfo.h"
#include "types/ShownBatch.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace ulmfit::ui {

class BatchTableModel;

/// The Batches page: fastai's show_batch for the language model (text / text_) and the classifier
/// (text / category), N rows, "Another batch", special tokens highlighted.
class BatchView : public QWidget {
    Q_OBJECT
  public:
    explicit BatchView(QWidget* parent = nullptr);
    void setDatasetAvailable(bool available);
    void setBusy(const QString& message); // shows progress; disables the buttons
    void setProgress(const ProgressInfo& progress);
    void setBatch(const ShownBatch& table);
    void setFailed(const QString& message);

    BatchKind kind() const;
    int rows() const;
    BatchTableModel* model() const { return m_model; }

  Q_SIGNALS:
    void batchRequested(BatchKind kind, int rows);
    void cancelRequested();

  private:
    QWidget* createControls();
    void request();
    void setIdle(const QString& message);

    BatchTableModel* m_model;
    QComboBox* m_kind = nullptr;
    QSpinBox* m_rows = nullptr;
    QPushButton* m_another = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QTableView* m_table = nullptr;
    bool m_datasetAvailable = false;
};

} // namespace ulmfit::ui
