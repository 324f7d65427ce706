#pragma once
#include "ui/dataset/DatasetInfo.h"

#include <QObject>
#include <QPointer>

class DatasetView;
class EngineBridge;
class MainWindow;
class TaskProgressDialog;

/// Gets, extracts and opens datasets: menu and page requests -> dialogs -> bridge jobs with a
/// progress dialog; results -> the Dataset view, the status bar and the settings.
class DatasetController : public QObject {
    Q_OBJECT
public:
    DatasetController(MainWindow* window, DatasetView* view, EngineBridge* bridge, QObject* parent = nullptr);
    ~DatasetController() override;

    void getImdb();
    void openFolder();
    void openArchive();
    void openFolderPath(const QString& folder);    // no dialog
    void openArchivePath(const QString& archive); // no dialog; extracts to datasetsDir()/<name>
    void reopenLastDataset();
    static QString datasetsDir(); // userDataDir()/datasets

Q_SIGNALS:
    void datasetChanged(const DatasetInfo& info);

private:
    void startTask(const QString& title);
    void onDatasetOpened(const DatasetInfo& info);
    void onFailed(const QString& task, const QString& message);
    void endTask();
    bool isDatasetTask(const QString& task) const;

    MainWindow* m_window;
    DatasetView* m_view;
    EngineBridge* m_bridge;
    QPointer<TaskProgressDialog> m_progress;
    bool m_active = false;
};
