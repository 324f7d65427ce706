#pragma once
#include "types/DatasetInfo.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QStackedWidget;
class QTreeView;

namespace ulmfit::ui {

class DatasetStatsWidget;
class DatasetTreeModel;
class ReviewFilterModel;
class ReviewListModel;
class ReviewViewer;

/// The Dataset page: where to get a dataset from (when none is open), then a tree of splits and
/// labels with counts, the filterable review list, the review viewer and statistics.
class DatasetView : public QWidget {
    Q_OBJECT
  public:
    explicit DatasetView(QWidget* parent = nullptr);
    void setDataset(const DatasetInfo& info);
    const DatasetInfo& dataset() const { return m_info; }

    ReviewViewer* viewer() const { return m_viewer; }
    DatasetTreeModel* treeModel() const { return m_treeModel; }
    ReviewFilterModel* filterModel() const { return m_filter; }
    DatasetStatsWidget* stats() const { return m_stats; }

  Q_SIGNALS:
    void getImdbRequested();
    void openFolderRequested();
    void openArchiveRequested();

  private:
    QWidget* createEmptyPage();
    QWidget* createBrowserPage();
    QWidget* createListPane();
    void onTreeSelection();
    void onReviewSelection();
    void updateShownCount();

    DatasetInfo m_info;
    QStackedWidget* m_stack;
    DatasetTreeModel* m_treeModel;
    ReviewListModel* m_listModel;
    ReviewFilterModel* m_filter;
    QLabel* m_rootLabel = nullptr;
    QTreeView* m_tree = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QTreeView* m_list = nullptr;
    QLabel* m_shownCount = nullptr;
    ReviewViewer* m_viewer = nullptr;
    DatasetStatsWidget* m_stats = nullptr;
};

} // namespace ulmfit::ui
