// The batch viewer: its model, the request it emits, rows shown with highlighted special tokens.
#include "ui/batches/BatchView.h"
#include "ui/batches/BatchTableModel.h"
#include "ui/common/RichTextDelegate.h"
#include "ui/common/TokenHtml.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QtTest>

using namespace ulmfit::ui;

namespace {
ShownBatch lmBatch() {
    ShownBatch batch;
    batch.kind = BatchKind::LanguageModel;
    batch.headers = QStringList{"text", "text_"};
    batch.rows = {{"xxbos xxmaj this movie was", "xxmaj this movie was great"},
                  {"i liked it xxunk", "liked it xxunk ."},
                  {"xxup wow ! a", "wow ! a film"}};
    return batch;
}
} // namespace

class BatchViewTest : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void modelPassesTheModelTester() {
        BatchTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(lmBatch());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QString("text_"));
        QCOMPARE(model.index(1, 0).data().toString(), QString("i liked it xxunk"));
        model.setTable({});
        QCOMPARE(model.rowCount(), 0);
    }

    void specialTokensAreHighlighted() {
        QVERIFY(TokenHtml::isSpecial("xxmaj"));
        QVERIFY(!TokenHtml::isSpecial("xxx"));
        const QString html = TokenHtml::fromTokenText("xxbos <b> movie");
        QVERIFY(html.contains("<span style=\"color:#b3261e;font-weight:600\">xxbos</span>"));
        QVERIFY(html.contains("&lt;b&gt;")); // text is escaped, never interpreted
    }

    void buttonRequestsABatchAndRowsAreShown() {
        BatchView view;
        view.resize(1000, 600);
        view.show();
        auto* button = view.findChild<QPushButton*>("anotherBatchButton");
        QVERIFY(!button->isEnabled()); // no dataset yet
        view.setDatasetAvailable(true);
        QVERIFY(button->isEnabled());
        view.findChild<QSpinBox*>("batchRows")->setValue(3);

        QSignalSpy requests(&view, &BatchView::batchRequested);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(requests.count(), 1);
        QCOMPARE(requests.first().at(0).value<BatchKind>(), BatchKind::LanguageModel);
        QCOMPARE(requests.first().at(1).toInt(), 3);

        view.setBusy("working");
        QVERIFY(!button->isEnabled());
        auto* cancel = view.findChild<QPushButton*>("batchCancelButton");
        QVERIFY(cancel->isVisible());
        QSignalSpy cancelRequests(&view, &BatchView::cancelRequested);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(cancelRequests.count(), 1);
        view.setBatch(lmBatch());
        QVERIFY(button->isEnabled());
        QVERIFY(!cancel->isVisible());
        auto* table = view.findChild<QTableView*>("batchTable");
        QCOMPARE(table->model()->rowCount(), 3);
        QVERIFY(qobject_cast<RichTextDelegate*>(table->itemDelegate()));
        QVERIFY(table->rowHeight(0) >= table->fontMetrics().height());

        view.setFailed("the dataset is too small");
        QVERIFY(view.findChild<QLabel*>("batchStatus")->text().contains("too small"));
    }
};

QTEST_MAIN(BatchViewTest)
#include "BatchViewTest.moc"
