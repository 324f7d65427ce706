#include "app/gui/DatasetController.h"

#include "app/bridge/EngineBridge.h"
#include "core/Paths.h"
#include "ui/common/Dialogs.h"
#include "ui/common/TaskProgressDialog.h"
#include "ui/dataset/DatasetView.h"
#include "ui/dataset/ReviewViewer.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/settings/Settings.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

DatasetController::DatasetController(MainWindow* window, DatasetView* view, EngineBridge* bridge, QObject* parent)
    : QObject(parent), m_window(window), m_view(view), m_bridge(bridge),
      m_progress(new TaskProgressDialog(window)) {
    connect(window, &MainWindow::getImdbRequested, this, &DatasetController::getImdb);
    connect(window, &MainWindow::openFolderRequested, this, &DatasetController::openFolder);
    connect(window, &MainWindow::openArchiveRequested, this, &DatasetController::openArchive);
    connect(view, &DatasetView::getImdbRequested, this, &DatasetController::getImdb);
    connect(view, &DatasetView::openFolderRequested, this, &DatasetController::openFolder);
    connect(view, &DatasetView::openArchiveRequested, this, &DatasetController::openArchive);

    ReviewViewer* viewer = view->viewer();
    connect(viewer, &ReviewViewer::textRequested, bridge, &EngineBridge::loadReview);
    connect(viewer, &ReviewViewer::tokensRequested, bridge, &EngineBridge::tokenizeReview);
    connect(bridge, &EngineBridge::reviewLoaded, viewer, &ReviewViewer::setText);
    connect(bridge, &EngineBridge::reviewTokenized, viewer, &ReviewViewer::setTokens);
    connect(bridge->reviewWorker(), &EngineWorker::failed, viewer,
            [viewer](const QString&, const QString& message) { viewer->setFailed(viewer->currentPath(), message); });

    EngineWorker* worker = bridge->datasetWorker();
    connect(bridge, &EngineBridge::datasetOpened, this, &DatasetController::onDatasetOpened);
    connect(worker, &EngineWorker::failed, this, &DatasetController::onFailed);
    connect(worker, &EngineWorker::cancelled, this, [this](const QString& task) {
        if (isDatasetTask(task))
            endTask();
    });
    connect(worker, &EngineWorker::progressed, this, [this, worker](const ProgressBatch& points) {
        if (m_active && isDatasetTask(worker->currentTask()) && !points.isEmpty())
            m_progress->setProgress(points.last()); // the dialog shows the latest point
    });
    connect(m_progress, &TaskProgressDialog::cancelRequested, bridge, &EngineBridge::cancel);
}

DatasetController::~DatasetController() = default;

QString DatasetController::datasetsDir() {
    return QString::fromStdString((ulmfit::userDataDir() / "datasets").string());
}

bool DatasetController::isDatasetTask(const QString& task) const {
    return task == QLatin1String("open") || task == QLatin1String("extract") || task == QLatin1String("fetch");
}

void DatasetController::getImdb() {
    FetchRequest request;
    request.url = Settings::get(SettingKeys::imdbUrl);
    request.sha256 = Settings::get(SettingKeys::imdbSha256);
    request.destRoot = datasetsDir();
    startTask(tr("Get IMDb"));
    m_bridge->fetchDataset(request);
}

void DatasetController::openFolder() {
    const QString folder = Dialogs::existingDirectory(m_window, tr("Open dataset folder"),
                                                      Settings::get(SettingKeys::lastBrowseFolder));
    if (!folder.isEmpty())
        openFolderPath(folder);
}

void DatasetController::openArchive() {
    const QString archive =
        Dialogs::openFile(m_window, tr("Open dataset archive"), Settings::get(SettingKeys::lastBrowseFolder),
                          tr("Archives (*.tgz *.tar.gz *.tar *.zip);;All files (*)"));
    if (!archive.isEmpty())
        openArchivePath(archive);
}

void DatasetController::openFolderPath(const QString& folder) {
    Settings::set(SettingKeys::lastBrowseFolder, QFileInfo(folder).absolutePath());
    startTask(tr("Open dataset"));
    m_bridge->openFolder(folder);
}

void DatasetController::openArchivePath(const QString& archive) {
    Settings::set(SettingKeys::lastBrowseFolder, QFileInfo(archive).absolutePath());
    FetchRequest request;
    request.localArchive = archive;
    request.destRoot = datasetsDir();
    startTask(tr("Open dataset archive"));
    m_bridge->fetchDataset(request);
}

void DatasetController::reopenLastDataset() {
    const QString folder = Settings::get(SettingKeys::datasetFolder);
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        m_bridge->openFolder(folder); // quietly: no dialog at startup
}

void DatasetController::startTask(const QString& title) {
    m_active = true;
    m_progress->start(title);
}

void DatasetController::endTask() {
    m_active = false;
    m_progress->hide();
}

void DatasetController::onDatasetOpened(const DatasetInfo& info) {
    endTask();
    m_view->setDataset(info);
    Settings::set(SettingKeys::datasetFolder, info.root);
    m_window->setDatasetText(tr("%1 (%2 reviews)").arg(QDir::toNativeSeparators(info.root),
                                                       QLocale().toString(info.files.size())));
    m_window->showView(QStringLiteral("dataset"));
    Q_EMIT datasetChanged(info);
}

void DatasetController::onFailed(const QString& task, const QString& message) {
    if (!isDatasetTask(task))
        return;
    const bool shown = m_active;
    endTask();
    if (shown) // a failed quiet reopen at startup is only logged
        Dialogs::critical(m_window, tr("Dataset"), message);
}
