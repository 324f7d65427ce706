#pragma once
#include <QMainWindow>

#include <functional>
#include <vector>

class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace ulmfit::ui {

/// The one application window: a side bar of views (Dataset, Batches, Train, Predict, Evaluate,
/// Log) over a stack of pages, the menus, and a status bar (device, dataset, model). It only shows
/// things and emits requests; controllers in app/gui do the work.
class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    explicit MainWindow(QWidget* parent = nullptr);

    /// Adds a page. Known ids ("dataset", "batches", "train", "predict", "evaluate", "log") take their
    /// canonical place in the side bar whatever the call order; other ids are appended.
    void addView(const QString& id, const QString& title, const QIcon& icon, QWidget* view);
    /// Adds a page at side-bar row `position` (clamped to 0..count).
    void insertView(int position, const QString& id, const QString& title, const QIcon& icon, QWidget* view);
    QWidget* view(const QString& id) const;
    QStringList viewIds() const;
    QString currentViewId() const;
    bool showView(const QString& id); // false when no such view

    void setDeviceText(const QString& text);
    void setDatasetText(const QString& text);
    void setModelText(const QString& text);
    void setRecentModels(const QStringList& paths);
    QMenu* fileMenu() const { return m_fileMenu; }
    QMenu* viewMenu() const { return m_viewMenu; }

    void restoreSettings(); // geometry, state, last view; call after the views are added
    /// Asked before the window closes (e.g. "a training run is in progress: quit?"); false keeps it open.
    void addCloseGuard(std::function<bool()> guard);
    void saveSettings() const;

  Q_SIGNALS:
    void getImdbRequested();
    void openFolderRequested();
    void openArchiveRequested();
    void openModelRequested();
    void recentModelRequested(const QString& path);
    void currentViewChanged(const QString& id);

  protected:
    void closeEvent(QCloseEvent* event) override;

  private:
    void createMenus();
    void createStatusBar();
    void rebuildViewMenu();
    void showAbout();
    int canonicalPosition(const QString& id) const;

    std::vector<std::function<bool()>> m_closeGuards;
    QListWidget* m_sideBar;
    QStackedWidget* m_pages;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QLabel* m_device;
    QLabel* m_dataset;
    QLabel* m_model;
};

} // namespace ulmfit::ui
