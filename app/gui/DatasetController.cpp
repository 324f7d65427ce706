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

using namespace ulmfit::ui;

DatasetController::DatasetController(MainWindow* window, DatasetView* view, EngineBridge* bridge,
                                     QObject* parent)
    : QObject(parent), m_window(window), m_view(view), m_bridge(bridge),
      m_progress(new TaskProgressDialog(window)) {
    connect(window, &MainWindow::getImdbRequested, this, &DatasetController::getImdb);
    connect(window, &MainWindow::openFolderRequested, this, &DatasetController::openFolder);
    connect(window, &MainWindow::openArchiveRequested, this, &DatasetController::openArchive);
    connect(view, &DatasetView::getImdbRequested, this, &DatasetController::getImdb);
    connect(view, &DatasetView::openFolderRequested, this, &DatasetController::openFolder);
    connect(view, &DatasetView::openArchiveRequested, this, &DatasetController::openArchive);

    ReviewViewer* viewer = view->viewer();
    connect(viewer, &ReviewViewer::textRequested, this,
            [this](const QString& path) { watchReview(m_bridge->loadReview(path), path); });
    connect(viewer, &ReviewViewer::tokensRequested, this,
            [this](const QString& path) { watchReview(m_bridge->tokenizeReview(path), path); });
    connect(bridge, &EngineBridge::reviewLoaded, viewer, &ReviewViewer::setText);
    connect(bridge, &EngineBridge::reviewTokenized, viewer, &ReviewViewer::setTokens);
    connect(bridge, &EngineBridge::datasetOpened, this, &DatasetController::onDatasetOpened);
    connect(m_progress, &TaskProgressDialog::cancelRequested, bridge, &EngineBridge::cancel);
}

DatasetController::~DatasetController() = default;

QString DatasetController::datasetsDir() {
    return QString::fromStdString((ulmfit::userDataDir() / "datasets").string());
}

void DatasetController::watch(JobHandle* job, const QString& title) {
    m_progress->start(title);
    connect(job, &JobHandle::progressed, m_progress, [this](const ProgressBatch& points) {
        if (!points.isEmpty())
            m_progress->setProgress(points.constLast()); // the dialog shows the latest point
    });
    connect(job, &JobHandle::cancelled, this, &DatasetController::endTask);
    connect(job, &JobHandle::failed, this, [this, title](const QString& message) {
        endTask();
        Dialogs::critical(m_window, title, message);
    });
}

void DatasetController::watchReview(JobHandle* job, const QString& path) {
    ReviewViewer* viewer = m_view->viewer();
    connect(job, &JobHandle::failed, viewer,
            [viewer, path](const QString& message) { viewer->setFailed(path, message); });
}

void DatasetController::getImdb() {
    FetchRequest request;
    request.url = Settings::get(SettingKeys::imdbUrl);
    request.sha256 = Settings::get(SettingKeys::imdbSha256);
    request.destRoot = datasetsDir();
    watch(m_bridge->fetchDataset(request), tr("Get IMDb"));
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
    watch(m_bridge->openFolder(folder), tr("Open dataset"));
}

void DatasetController::openArchivePath(const QString& archive) {
    Settings::set(SettingKeys::lastBrowseFolder, QFileInfo(archive).absolutePath());
    FetchRequest request;
    request.localArchive = archive;
    request.destRoot = datasetsDir();
    watch(m_bridge->fetchDataset(request), tr("Open dataset archive"));
}

void DatasetController::reopenLastDataset() {
    const QString folder = Settings::get(SettingKeys::datasetFolder);
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        m_bridge->openFolder(folder); // quietly: no dialog at startup; a failure is only logged
}

void DatasetController::endTask() {
    m_progress->hide();
}

void DatasetController::onDatasetOpened(const DatasetInfo& info) {
    endTask();
    m_view->setDataset(info);
    Settings::set(SettingKeys::datasetFolder, info.root);
    m_window->setDatasetText(
        tr("%1 (%2 reviews)")
            .arg(QDir::toNativeSeparators(info.root), QLocale().toString(info.files.size())));
    m_window->showView(QStringLiteral("dataset"));
    Q_EMIT datasetChanged(info);
}
