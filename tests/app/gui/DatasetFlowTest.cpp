// End to end through the real engine: open imdb_sample.tgz via File > Open archive (extracted by
// the engine into a temporary data folder), see the sample's counts, read and tokenize a review,
// and draw language-model and classifier batches.
#include "Screenshot.h"

#include "app/bridge/EngineBridge.h"
#include "app/gui/StudioController.h"
#include "ui/batches/BatchTableModel.h"
#include "ui/batches/BatchView.h"
#include "ui/common/Dialogs.h"
#include "ui/dataset/DatasetTreeModel.h"
#include "ui/dataset/DatasetView.h"
#include "ui/dataset/ReviewViewer.h"
#include "ui/mainwindow/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace ulmfit::ui;

namespace {
int countOf(const QAbstractItemModel& model, const QString& split, const QString& label) {
    for (int s = 0; s < model.rowCount(); ++s) {
        const QModelIndex splitIndex = model.index(s, 0);
        if (splitIndex.data(DatasetTreeModel::SplitRole).toString() != split)
            continue;
        for (int l = 0; l < model.rowCount(splitIndex); ++l)
            if (model.index(l, 0, splitIndex).data(DatasetTreeModel::LabelRole).toString() == label)
                return model.index(l, 0, splitIndex).data(DatasetTreeModel::CountRole).toInt();
    }
    return -1;
}
} // namespace

class DatasetFlowTest : public QObject {
    Q_OBJECT

  private:
    QTemporaryDir m_home;
    std::unique_ptr<StudioController> m_studio;
    QStringList m_messages;

  private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_home.isValid());
        qputenv("ULMFIT_DATA_DIR", m_home.filePath("data").toUtf8());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_home.filePath("settings"));
        const QString archive = QStringLiteral(ULMFIT_SHARED_DATA_DIR) + "/imdb_sample.tgz";
        QVERIFY2(QFileInfo::exists(archive), qPrintable(archive));
        Dialogs::setPathResponder([archive](const QString&) { return archive; });
        Dialogs::setMessageResponder([this](Dialogs::Kind, const QString&, const QString& text) {
            m_messages << text;
            return true;
        });
        m_studio = std::make_unique<StudioController>("-");
        m_studio->start();
        m_studio->window()->setGeometry(10, 10, 1380, 860);
    }

    void cleanupTestCase() {
        m_studio.reset();
        Dialogs::setPathResponder({});
        Dialogs::setMessageResponder({});
    }

    void openArchiveShowsTheSampleCounts() {
        QSignalSpy opened(m_studio->bridge(), &EngineBridge::datasetOpened);
        m_studio->window()->findChild<QAction*>("actionOpenArchive")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 30000);
        QVERIFY2(m_messages.isEmpty(), qPrintable(m_messages.join("; ")));
        const DatasetTreeModel& tree = *m_studio->datasetView()->treeModel();
        QAbstractItemModelTester tester(const_cast<DatasetTreeModel*>(&tree),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(countOf(tree, "train", "pos"), 1000);
        QCOMPARE(countOf(tree, "train", "neg"), 1000);
        QCOMPARE(countOf(tree, "test", "pos"), 500);
        QCOMPARE(countOf(tree, "test", "neg"), 500);
        QVERIFY(m_studio->window()->findChild<QLabel*>("statusDataset")->text().contains("3,000") ||
                m_studio->window()->findChild<QLabel*>("statusDataset")->text().contains("3000"));
        QVERIFY(QFileInfo(m_home.filePath("data/datasets/imdb_sample/train/pos")).isDir());
    }

    void firstReviewIsShownAndTokenized() {
        ReviewViewer* viewer = m_studio->datasetView()->viewer();
        QVERIFY(!viewer->currentPath().isEmpty());
        QTRY_VERIFY(!viewer->shownPlainText().isEmpty() && viewer->shownPlainText() != "Loading…");
        QSignalSpy tokens(m_studio->bridge(), &EngineBridge::reviewTokenized);
        QTest::mouseClick(viewer->findChild<QCheckBox*>("showTokensCheck"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(tokens.count(), 1, 10000);
        const QStringList list = tokens.first().at(1).toStringList();
        QVERIFY(list.size() > 10);
        QCOMPARE(list.first(), QString("xxbos"));
        QTRY_VERIFY(viewer->shownPlainText().contains("xxbos"));
        screenshot("dataset-tokens");
        QTest::mouseClick(viewer->findChild<QCheckBox*>("showTokensCheck"), Qt::LeftButton);
        screenshot("dataset");
        auto* tabs = m_studio->datasetView()->findChild<QTabWidget*>("datasetTabs");
        tabs->setCurrentIndex(1);
        screenshot("dataset-statistics");
        tabs->setCurrentIndex(0);
    }

    void batchViewShowsLanguageModelAndClassifierRows() {
        m_studio->window()->showView("batches");
        BatchView* view = m_studio->batchView();
        auto* button = view->findChild<QPushButton*>("anotherBatchButton");
        QTRY_VERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), view->rows(), 120000);
        QCOMPARE(view->model()->table().headers, QStringList({"text", "text_"}));
        const QString firstLm = view->model()->index(0, 0).data().toString();
        QVERIFY(!firstLm.isEmpty());

        QSignalSpy ready(m_studio->bridge(), &EngineBridge::batchReady);
        view->findChild<QComboBox*>("batchKind")->setCurrentIndex(1); // classifier: draws at once
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
        QCOMPARE(view->model()->table().headers, QStringList({"text", "category"}));
        for (int r = 0; r < view->model()->rowCount(); ++r)
            QVERIFY(QStringList({"pos", "neg"}).contains(view->model()->index(r, 1).data().toString()));
        QVERIFY(view->model()->index(0, 0).data().toString().startsWith("xxbos"));
        QVERIFY(m_messages.isEmpty());
        screenshot("batches-classifier");
        view->findChild<QComboBox*>("batchKind")->setCurrentIndex(0);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 60000);
        screenshot("batches-lm");
        m_studio->window()->showView("log");
        screenshot("log");
    }
};

QTEST_MAIN(DatasetFlowTest)
#include "DatasetFlowTest.moc"
