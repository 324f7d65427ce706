#pragma once
#include "ui/types/DatasetInfo.h"

#include <QObject>
#include <QPointer>

namespace ulmfit::ui {
class DatasetView;
class MainWindow;
class TaskProgressDialog;
} // namespace ulmfit::ui
class EngineBridge;
class JobHandle;

/// Gets, extracts and opens datasets: menu and page requests -> dialogs -> bridge jobs with a
/// progress dialog; results -> the Dataset view, the status bar and the settings.
class DatasetController : public QObject {
    Q_OBJECT
  public:
    DatasetController(ulmfit::ui::MainWindow* window, ulmfit::ui::DatasetView* view, EngineBridge* bridge,
                      QObject* parent = nullptr);
    ~DatasetController() override;

    void getImdb();
    void openFolder();
    void openArchive();
    void openFolderPath(const QString& folder);   // no dialog
    void openArchivePath(const QString& archive); // no dialog; extracts to datasetsDir()/<name>
    void reopenLastDataset();
    static QString datasetsDir(); // userDataDir()/datasets

  Q_SIGNALS:
    void datasetChanged(const ulmfit::ui::DatasetInfo& info);

  private:
    /// A job shown in the progress dialog titled `title`; its failure is shown in a message box.
    void watch(JobHandle* job, const QString& title);
    void onDatasetOpened(const ulmfit::ui::DatasetInfo& info);
    void endTask();
    void watchReview(JobHandle* job, const QString& path);

    ulmfit::ui::MainWindow* m_window;
    ulmfit::ui::DatasetView* m_view;
    EngineBridge* m_bridge;
    QPointer<ulmfit::ui::TaskProgressDialog> m_progress;
};
