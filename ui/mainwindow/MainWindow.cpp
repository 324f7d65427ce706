#include "mainwindow/MainWindow.h"

#include "common/Dialogs.h"
#include "common/Icons.h"
#include "settings/Settings.h"

#include <QApplication>
#include <QCloseEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>

namespace ulmfit::ui {

namespace {
constexpr int kIdRole = Qt::UserRole;
const QStringList& canonicalOrder() {
    static const QStringList order{"dataset", "batches", "train", "predict", "evaluate", "log"};
    return order;
}
int rankOf(const QString& id) {
    const int rank = canonicalOrder().indexOf(id);
    return rank < 0 ? canonicalOrder().size() : rank;
}
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_sideBar(new QListWidget), m_pages(new QStackedWidget), m_device(new QLabel),
      m_dataset(new QLabel), m_model(new QLabel) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("ULMFiT Studio"));
    setWindowIcon(Icons::application());
    m_sideBar->setObjectName(QStringLiteral("sideBar"));
    m_sideBar->setViewMode(QListView::IconMode);
    m_sideBar->setFlow(QListView::TopToBottom);
    m_sideBar->setMovement(QListView::Static);
    m_sideBar->setWrapping(false);
    m_sideBar->setIconSize(QSize(32, 32));
    m_sideBar->setGridSize(QSize(92, 68));
    m_sideBar->setFixedWidth(96);
    m_sideBar->setFrameShape(QFrame::NoFrame);
    m_sideBar->setSpacing(0);
    m_pages->setObjectName(QStringLiteral("pages"));

    auto* central = new QWidget;
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sideBar);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    connect(m_sideBar, &QListWidget::currentRowChanged, this, [this](int row) {
        m_pages->setCurrentIndex(row);
        Q_EMIT currentViewChanged(currentViewId());
    });
    createMenus();
    createStatusBar();
    // First start: 1280x820, but never larger than the screen (the status bar must stay visible).
    QSize size(1280, 820);
    if (const QScreen* screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.95);
    resize(size);
}

void MainWindow::createMenus() {
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    auto add = [this](const QString& text, const QKeySequence& keys, const char* name, auto signal) {
        QAction* action = m_fileMenu->addAction(text, this, signal);
        action->setShortcut(keys);
        action->setObjectName(QLatin1String(name));
        return action;
    };
    add(tr("Get &IMDb…"), QKeySequence(tr("Ctrl+D")), "actionGetImdb", &MainWindow::getImdbRequested);
    add(tr("Open dataset &folder…"), QKeySequence::Open, "actionOpenFolder",
        &MainWindow::openFolderRequested);
    add(tr("Open &archive…"), QKeySequence(tr("Ctrl+Shift+O")), "actionOpenArchive",
        &MainWindow::openArchiveRequested);
    m_fileMenu->addSeparator();
    add(tr("Open &model…"), QKeySequence(tr("Ctrl+M")), "actionOpenModel", &MainWindow::openModelRequested);
    m_recentMenu = m_fileMenu->addMenu(tr("&Recent models"));
    m_recentMenu->setObjectName(QStringLiteral("recentModelsMenu"));
    setRecentModels({});
    m_fileMenu->addSeparator();
    QAction* quit = m_fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("actionQuit"));

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About ULMFiT Studio"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createStatusBar() {
    m_device->setObjectName(QStringLiteral("statusDevice"));
    m_dataset->setObjectName(QStringLiteral("statusDataset"));
    m_model->setObjectName(QStringLiteral("statusModel"));
    setDeviceText(tr("Detecting device…"));
    setDatasetText({});
    setModelText({});
    statusBar()->addWidget(m_dataset, 1);
    statusBar()->addPermanentWidget(m_model);
    statusBar()->addPermanentWidget(m_device);
}

void MainWindow::addView(const QString& id, const QString& title, const QIcon& icon, QWidget* view) {
    insertView(canonicalPosition(id), id, title, icon, view);
}

int MainWindow::canonicalPosition(const QString& id) const {
    int position = 0;
    while (position < m_sideBar->count() &&
           rankOf(m_sideBar->item(position)->data(kIdRole).toString()) <= rankOf(id))
        ++position;
    return position;
}

void MainWindow::insertView(int position, const QString& id, const QString& title, const QIcon& icon,
                            QWidget* view) {
    Q_ASSERT(!this->view(id));
    position = qBound(0, position, m_sideBar->count());
    const QSignalBlocker block(m_sideBar); // inserting must not look like the user switching views
    auto* item = new QListWidgetItem(icon, title);
    item->setData(kIdRole, id);
    item->setTextAlignment(Qt::AlignHCenter | Qt::AlignBottom);
    m_sideBar->insertItem(position, item);
    view->setProperty("viewId", id);
    m_pages->insertWidget(position, view);
    if (m_sideBar->currentRow() < 0)
        m_sideBar->setCurrentRow(0);
    m_pages->setCurrentIndex(m_sideBar->currentRow());
    rebuildViewMenu();
}

QWidget* MainWindow::view(const QString& id) const {
    for (int i = 0; i < m_pages->count(); ++i)
        if (m_pages->widget(i)->property("viewId").toString() == id)
            return m_pages->widget(i);
    return nullptr;
}

QStringList MainWindow::viewIds() const {
    QStringList ids;
    for (int i = 0; i < m_sideBar->count(); ++i)
        ids << m_sideBar->item(i)->data(kIdRole).toString();
    return ids;
}

QString MainWindow::currentViewId() const {
    const QListWidgetItem* item = m_sideBar->currentItem();
    return item ? item->data(kIdRole).toString() : QString();
}

bool MainWindow::showView(const QString& id) {
    const int row = viewIds().indexOf(id);
    if (row < 0)
        return false;
    m_sideBar->setCurrentRow(row);
    return true;
}

void MainWindow::rebuildViewMenu() {
    m_viewMenu->clear();
    for (int row = 0; row < m_sideBar->count(); ++row) {
        const QListWidgetItem* item = m_sideBar->item(row);
        const QString id = item->data(kIdRole).toString();
        QAction* action =
            m_viewMenu->addAction(item->icon(), item->text(), this, [this, id] { showView(id); });
        action->setObjectName(QStringLiteral("actionView_%1").arg(id));
        if (row < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + row)));
    }
}

void MainWindow::setDeviceText(const QString& text) {
    m_device->setText(tr("Device: %1").arg(text));
}

void MainWindow::setDatasetText(const QString& text) {
    m_dataset->setText(text.isEmpty() ? tr("No dataset open") : tr("Dataset: %1").arg(text));
}

void MainWindow::setModelText(const QString& text) {
    m_model->setText(text.isEmpty() ? tr("No model loaded") : tr("Model: %1").arg(text));
}

void MainWindow::setRecentModels(const QStringList& paths) {
    m_recentMenu->clear();
    for (const QString& path : paths) {
        QAction* action = m_recentMenu->addAction(QFileInfo(path).fileName(), this,
                                                  [this, path] { Q_EMIT recentModelRequested(path); });
        action->setToolTip(path);
    }
    m_recentMenu->setEnabled(!paths.isEmpty());
}

void MainWindow::showAbout() {
    Dialogs::information(this, tr("About ULMFiT Studio"),
                         tr("ULMFiT Studio %1\n\nFine-tune an AWD-LSTM language model on IMDb and train a "
                            "sentiment classifier the way chapter 10 of the fastai book does, "
                            "point and click.")
                             .arg(QApplication::applicationVersion()));
}

void MainWindow::restoreSettings() {
    restoreGeometry(Settings::get(SettingKeys::windowGeometry));
    restoreState(Settings::get(SettingKeys::windowState));
    showView(Settings::get(SettingKeys::currentView));
}

void MainWindow::saveSettings() const {
    Settings::set(SettingKeys::windowGeometry, saveGeometry());
    Settings::set(SettingKeys::windowState, saveState());
    Settings::set(SettingKeys::currentView, currentViewId());
}

void MainWindow::addCloseGuard(std::function<bool()> guard) {
    m_closeGuards.push_back(std::move(guard));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    for (const auto& guard : m_closeGuards)
        if (!guard()) {
            event->ignore();
            return;
        }
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace ulmfit::ui
