// The dataset browser with a synthetic index: item models, tree/filter narrowing, the review
// viewer's requests, statistics, and 100,000 rows staying fast.
#include "ui/dataset/DatasetView.h"
#include "ui/dataset/DatasetStatsWidget.h"
#include "ui/dataset/DatasetTreeModel.h"
#include "ui/dataset/ReviewFilterModel.h"
#include "ui/dataset/ReviewListModel.h"
#include "ui/dataset/ReviewViewer.h"
#include "ui/plots/QCustomPlotInclude.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTreeView>
#include <QtTest>

using namespace ulmfit::ui;

namespace {
/// `perLabel` reviews for each of train/test x neg/pos, named like IMDb's `ID_RATING.txt`.
DatasetInfo syntheticDataset(int perLabel) {
    DatasetInfo info;
    info.root = "/data/imdb";
    info.labels = QStringList{"neg", "pos"};
    for (const QString split : {"train", "test"})
        for (const QString label : {"neg", "pos"}) {
            for (int i = 0; i < perLabel; ++i) {
                const int rating = label == "neg" ? 1 + i % 4 : 7 + i % 4;
                info.files.push_back(
                    {QString("/data/imdb/%1/%2/%3_%4.txt").arg(split, label).arg(i).arg(rating), split, label,
                     rating, 500 + (i * 37) % 3000});
            }
            info.counts[split][label] = perLabel;
        }
    return info;
}

QModelIndex findChildRow(const QAbstractItemModel& model, const QModelIndex& parent, const QString& name) {
    for (int r = 0; r < model.rowCount(parent); ++r)
        if (model.index(r, 0, parent).data().toString() == name)
            return model.index(r, 0, parent);
    return {};
}
} // namespace

class DatasetViewTest : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void modelsPassTheModelTester() {
        DatasetTreeModel tree;
        ReviewListModel list;
        ReviewFilterModel filter;
        filter.setSourceModel(&list);
        QAbstractItemModelTester treeTester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester listTester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(&filter,
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        const DatasetInfo info = syntheticDataset(20);
        tree.setDataset(info);
        list.setDataset(info);
        filter.setSplitAndLabel("test", "pos");
        filter.setFilterText("_9");
        filter.sort(ReviewListModel::RatingColumn);
        tree.setDataset({});
        list.setDataset({});
    }

    void treeListsSplitsAndLabelsWithCounts() {
        DatasetTreeModel tree;
        tree.setDataset(syntheticDataset(7));
        QCOMPARE(tree.index(0, 1).data().toString(), QString("28")); // All reviews
        const QModelIndex train = findChildRow(tree, {}, "train");
        QVERIFY(train.isValid());
        QCOMPARE(tree.rowCount(train), 2);
        const QModelIndex pos = findChildRow(tree, train, "pos");
        QCOMPARE(pos.siblingAtColumn(1).data().toString(), QString("7"));
        QCOMPARE(pos.data(DatasetTreeModel::SplitRole).toString(), QString("train"));
        QCOMPARE(pos.data(DatasetTreeModel::LabelRole).toString(), QString("pos"));
    }

    void treeSelectionAndFilterBoxNarrowTheList() {
        DatasetView view;
        view.resize(1200, 700);
        view.show();
        view.setDataset(syntheticDataset(50));
        auto* tree = view.findChild<QTreeView*>("datasetTree");
        auto* count = view.findChild<QLabel*>("reviewCount");
        QVERIFY(tree && count);
        QCOMPARE(view.filterModel()->rowCount(), 200);

        const QModelIndex test = findChildRow(*tree->model(), {}, "test");
        tree->setCurrentIndex(findChildRow(*tree->model(), test, "neg"));
        QCOMPARE(view.filterModel()->rowCount(), 50);
        QVERIFY(count->text().contains("50"));

        auto* filterEdit = view.findChild<QLineEdit*>("reviewFilter");
        QTest::keyClicks(filterEdit, "_3.txt"); // rating 3 of 1..4: every 4th review
        QCOMPARE(view.filterModel()->rowCount(), 12);
        for (int r = 0; r < view.filterModel()->rowCount(); ++r)
            QVERIFY(view.filterModel()->index(r, 0).data().toString().endsWith("_3.txt"));
    }

    void selectingAReviewRequestsItsTextAndTokens() {
        DatasetView view;
        ReviewViewer* viewer = view.viewer();
        QSignalSpy textRequests(viewer, &ReviewViewer::textRequested);
        QSignalSpy tokenRequests(viewer, &ReviewViewer::tokensRequested);
        view.setDataset(syntheticDataset(3)); // selects the first review
        QCOMPARE(textRequests.count(), 1);
        const QString path = textRequests.first().first().toString();
        QCOMPARE(path, QString("/data/imdb/train/neg/0_1.txt"));
        QVERIFY(view.findChild<QLabel*>("reviewMeta")->text().contains("1 / 10"));

        viewer->setText(path, "A dull film.<br /><br />Skip it.");
        QCOMPARE(viewer->shownPlainText(), QString("A dull film.\n\nSkip it."));
        viewer->setText("/some/other.txt", "late answer for another review");
        QVERIFY(viewer->shownPlainText().startsWith("A dull film."));

        QTest::mouseClick(view.findChild<QCheckBox*>("showTokensCheck"), Qt::LeftButton);
        QCOMPARE(tokenRequests.count(), 1);
        viewer->setTokens(path, {"xxbos", "xxmaj", "a", "dull", "film", "."});
        QVERIFY(viewer->shownPlainText().contains("xxbos xxmaj a dull film ."));
    }

    void statisticsPlotLengthsAndBalance() {
        DatasetStatsWidget stats;
        stats.setDataset(syntheticDataset(30));
        QCOMPARE(stats.lengthPlot()->plottableCount(), 1);
        QCOMPARE(stats.balancePlot()->plottableCount(), 2); // neg, pos
        auto* neg = qobject_cast<QCPBars*>(stats.balancePlot()->plottable(0));
        QCOMPARE(neg->data()->size(), 2); // train, test
        QCOMPARE(neg->data()->at(0)->value, 30.0);
    }

    void hundredThousandReviewsStayFast() {
        DatasetView view;
        view.resize(1200, 700);
        view.show();
        const DatasetInfo big = syntheticDataset(25000);
        QElapsedTimer timer;
        timer.start();
        view.setDataset(big);
        QCoreApplication::processEvents();
        const qint64 openMs = timer.restart();
        QTest::keyClicks(view.findChild<QLineEdit*>("reviewFilter"), "_10");
        const qint64 filterMs = timer.elapsed();
        QCOMPARE(view.filterModel()->rowCount(), 12500); // rating 10 = every 4th positive review
        qInfo("100k reviews: open %lld ms, filter %lld ms", openMs, filterMs);
        QVERIFY2(openMs < 3000, "opening 100k reviews must not build per-row widgets or read files");
        QVERIFY(filterMs < 5000);
    }
};

QTEST_MAIN(DatasetViewTest)
#include "DatasetViewTest.moc"
