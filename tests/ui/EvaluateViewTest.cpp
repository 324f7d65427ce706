// The Evaluate page filled with a synthetic report: accuracy, matrix, per-class table, top losses.
#include "evaluate/ClassMetricsModel.h"
#include "evaluate/EvaluateView.h"
#include "evaluate/TopLossesModel.h"
#include "plots/ConfusionMatrixWidget.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace ulmfit::ui;

namespace {

EvaluationReport report(const QString& reviewPath) {
    EvaluationReport r;
    r.labels = {QStringLiteral("neg"), QStringLiteral("pos")};
    r.count = 1000;
    r.accuracy = 0.9;
    r.loss = 0.25;
    r.confusion = {{460, 40}, {60, 440}};
    r.precision = {460.0 / 520.0, 440.0 / 480.0};
    r.recall = {0.92, 0.88};
    r.topLosses = {TopLossItem{reviewPath, QString(), QStringLiteral("pos"), QStringLiteral("neg"), 0.99, 4.6},
                   TopLossItem{QString(), QStringLiteral("Inline <b>text</b>"), QStringLiteral("neg"),
                               QStringLiteral("pos"), 0.95, 3.0}};
    return r;
}

} // namespace

class EvaluateViewTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void requestsEvaluationOfTheDataset();
    void fillsEveryPart();
    void clickingATopLossShowsTheReview();
    void modelsPassTheTester();
};

void EvaluateViewTest::requestsEvaluationOfTheDataset() {
    EvaluateView view;
    view.show();
    auto* button = view.findChild<QPushButton*>(QStringLiteral("evaluateButton"));
    QVERIFY(!button->isEnabled());
    view.setModelStatus(QStringLiteral("model"), true);
    QSignalSpy spy(&view, &EvaluateView::evaluateRequested);
    QTest::keyClicks(view.findChild<QLineEdit*>(QStringLiteral("evalDatasetEdit")), QStringLiteral("/data/imdb"));
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("/data/imdb"));
    QVERIFY(!button->isEnabled());
    view.showError(QStringLiteral("no test/ folder"));
    QVERIFY(button->isEnabled());
    QVERIFY(view.findChild<QLabel*>(QStringLiteral("accuracyLabel"))->text().contains(QStringLiteral("no test/ folder")));
}

void EvaluateViewTest::fillsEveryPart() {
    EvaluateView view;
    view.resize(1200, 800);
    view.show();
    view.showReport(report(QString()));
    const QString accuracy = view.findChild<QLabel*>(QStringLiteral("accuracyLabel"))->text();
    QVERIFY2(accuracy.contains(QStringLiteral("90.00%")), qPrintable(accuracy));
    auto* matrix = view.findChild<ConfusionMatrixWidget*>(QStringLiteral("confusionMatrix"));
    QCOMPARE(matrix->count(1, 0), qint64(60));
    QCOMPARE(matrix->count(0, 0), qint64(460));
    QVERIFY(!matrix->grab().isNull());
    auto* perClass = view.findChild<QTableView*>(QStringLiteral("classMetricsTable"))->model();
    QCOMPARE(perClass->rowCount(), 2);
    QCOMPARE(perClass->index(1, ClassMetricsModel::Recall).data().toString(), QStringLiteral("0.8800"));
    QCOMPARE(perClass->index(1, ClassMetricsModel::Support).data().toLongLong(), qint64(500));
    QCOMPARE(perClass->index(0, ClassMetricsModel::F1).data().toString(), QStringLiteral("0.9020"));
    QCOMPARE(view.findChild<QTableView*>(QStringLiteral("topLossesTable"))->model()->rowCount(), 2);

    // An ensemble: the three accuracies side by side.
    EvaluationReport both = report(QString());
    both.members = {{QStringLiteral("fwd"), 0.88, 0.3}, {QStringLiteral("bwd"), 0.8925, 0.28}};
    view.showReport(both);
    QCOMPARE(view.findChild<QLabel*>(QStringLiteral("accuracyLabel"))->text(),
             QStringLiteral("Ensemble 90.00% · forward 88.00% · backward 89.25% on 1,000 reviews"));
}

void EvaluateViewTest::clickingATopLossShowsTheReview() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("123_1.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Worst film ever, & yet I loved it.");
    file.close();
    EvaluateView view;
    view.resize(1200, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showReport(report(path));
    auto* table = view.findChild<QTableView*>(QStringLiteral("topLossesTable"));
    auto* review = view.findChild<QTextBrowser*>(QStringLiteral("topLossText"));
    const QRect cell = table->visualRect(table->model()->index(0, TopLossesModel::Loss));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTRY_VERIFY(review->toPlainText().contains(QStringLiteral("Worst film ever, & yet I loved it.")));
    QVERIFY(review->toPlainText().contains(QStringLiteral("Predicted: neg (99.0%)")));
    const QRect second = table->visualRect(table->model()->index(1, TopLossesModel::Actual));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, second.center());
    QTRY_VERIFY(review->toPlainText().contains(QStringLiteral("Inline <b>text</b>"))); // escaped, not markup
}

void EvaluateViewTest::modelsPassTheTester() {
    ClassMetricsModel metrics;
    TopLossesModel losses;
    QAbstractItemModelTester t1(&metrics, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&losses, QAbstractItemModelTester::FailureReportingMode::QtTest);
    metrics.setReport(report(QString()));
    losses.setItems(report(QString()).topLosses);
    QCOMPARE(metrics.rowCount(), 2);
    QCOMPARE(losses.rowCount(), 2);
    losses.setItems({});
    QCOMPARE(losses.rowCount(), 0);
}

QTEST_MAIN(EvaluateViewTest)
#include "EvaluateViewTest.moc"
