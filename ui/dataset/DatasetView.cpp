#include "dataset/DatasetView.h"

#include "dataset/DatasetStatsWidget.h"
#include "dataset/DatasetTreeModel.h"
#include "dataset/ReviewFilterModel.h"
#include "dataset/ReviewListModel.h"
#include "dataset/ReviewViewer.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace ulmfit::ui {

DatasetView::DatasetView(QWidget* parent)
    : QWidget(parent), m_stack(new QStackedWidget), m_treeModel(new DatasetTreeModel(this)),
      m_listModel(new ReviewListModel(this)), m_filter(new ReviewFilterModel(this)) {
    setObjectName(QStringLiteral("datasetView"));
    m_filter->setSourceModel(m_listModel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    m_stack->addWidget(createEmptyPage());
    m_stack->addWidget(createBrowserPage());
}

QWidget* DatasetView::createEmptyPage() {
    auto* page = new QWidget;
    page->setObjectName(QStringLiteral("datasetEmptyPage"));
    auto* title =
        new QLabel(tr("<h2>No dataset open</h2><p>ULMFiT Studio trains on IMDb movie reviews in the "
                      "fastai layout: <tt>train/</tt> and <tt>test/</tt> folders with one subfolder "
                      "per label (<tt>pos</tt>, <tt>neg</tt>) and an optional <tt>unsup/</tt>.</p>"));
    title->setWordWrap(true);
    title->setMaximumWidth(560);
    auto button = [page](const QString& text, const char* name) {
        auto* b = new QPushButton(text, page);
        b->setObjectName(QLatin1String(name));
        b->setMinimumHeight(36);
        return b;
    };
    QPushButton* imdb = button(tr("Get IMDb (download)…"), "getImdbButton");
    QPushButton* folder = button(tr("Open dataset folder…"), "openFolderButton");
    QPushButton* archive = button(tr("Open archive (.tgz)…"), "openArchiveButton");
    connect(imdb, &QPushButton::clicked, this, &DatasetView::getImdbRequested);
    connect(folder, &QPushButton::clicked, this, &DatasetView::openFolderRequested);
    connect(archive, &QPushButton::clicked, this, &DatasetView::openArchiveRequested);

    auto* column = new QVBoxLayout;
    column->addWidget(title);
    for (QPushButton* b : {imdb, folder, archive})
        column->addWidget(b);
    auto* outer = new QHBoxLayout(page);
    outer->addStretch();
    outer->addLayout(column);
    outer->addStretch();
    auto* wrapper = new QWidget;
    auto* vertical = new QVBoxLayout(wrapper);
    vertical->addStretch();
    vertical->addWidget(page);
    vertical->addStretch(2);
    return wrapper;
}

QWidget* DatasetView::createBrowserPage() {
    m_tree = new QTreeView;
    m_tree->setObjectName(QStringLiteral("datasetTree"));
    m_tree->setModel(m_treeModel);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_viewer = new ReviewViewer;
    m_stats = new DatasetStatsWidget;
    auto* tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("datasetTabs"));
    tabs->addTab(m_viewer, tr("Review"));
    tabs->addTab(m_stats, tr("Statistics"));

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("datasetSplitter"));
    splitter->addWidget(m_tree);
    splitter->addWidget(createListPane());
    splitter->addWidget(tabs);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 3);
    splitter->setSizes({230, 420, 560});

    m_rootLabel = new QLabel;
    m_rootLabel->setObjectName(QStringLiteral("datasetRoot"));
    m_rootLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_rootLabel);
    layout->addWidget(splitter, 1);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DatasetView::onTreeSelection);
    return page;
}

QWidget* DatasetView::createListPane() {
    m_filterEdit = new QLineEdit;
    m_filterEdit->setObjectName(QStringLiteral("reviewFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter by file name, rating suffix (_10) or label…"));
    m_filterEdit->setClearButtonEnabled(true);
    m_list = new QTreeView;
    m_list->setObjectName(QStringLiteral("reviewList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true); // lets the view skip measuring 100k rows
    m_list->setSortingEnabled(true);
    m_list->setModel(m_filter);
    m_list->sortByColumn(-1, Qt::AscendingOrder); // keep scan order until the user sorts
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(ReviewListModel::FileColumn, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_shownCount = new QLabel;
    m_shownCount->setObjectName(QStringLiteral("reviewCount"));
    auto* pane = new QWidget;
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_shownCount);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setFilterText(text);
        updateShownCount();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DatasetView::onReviewSelection);
    return pane;
}

void DatasetView::setDataset(const DatasetInfo& info) {
    m_info = info;
    m_treeModel->setDataset(info);
    m_listModel->setDataset(info);
    m_filter->setSplitAndLabel({}, {});
    m_stats->setDataset(info);
    m_viewer->clear();
    m_rootLabel->setText(
        tr("<b>%1</b> — %2 reviews").arg(info.root.toHtmlEscaped(), QLocale().toString(info.files.size())));
    m_tree->expandAll();
    m_stack->setCurrentIndex(info.isEmpty() ? 0 : 1);
    updateShownCount();
    if (m_filter->rowCount() > 0)
        m_list->setCurrentIndex(m_filter->index(0, 0));
}

void DatasetView::onTreeSelection() {
    const QModelIndex current = m_tree->currentIndex();
    m_filter->setSplitAndLabel(current.data(DatasetTreeModel::SplitRole).toString(),
                               current.data(DatasetTreeModel::LabelRole).toString());
    updateShownCount();
}

void DatasetView::onReviewSelection() {
    const QModelIndex source = m_filter->mapToSource(m_list->currentIndex());
    if (const DatasetEntry* entry = source.isValid() ? m_info.files.constData() + source.row() : nullptr)
        m_viewer->showEntry(*entry);
}

void DatasetView::updateShownCount() {
    m_shownCount->setText(
        tr("Showing %1 of %2 reviews")
            .arg(QLocale().toString(m_filter->rowCount()), QLocale().toString(m_info.files.size())));
}

} // namespace ulmfit::ui
