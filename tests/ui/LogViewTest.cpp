// The log view: model (capacity, tester), level and text filters driven through the widgets.
#include "ui/log/LogView.h"
#include "ui/log/LogFilterModel.h"
#include "ui/log/LogModel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using namespace ulmfit::ui;

namespace {
LogRecords records(std::initializer_list<std::pair<LogLevel, QString>> lines) {
    LogRecords out;
    for (const auto& [level, message] : lines)
        out.push_back({QDateTime::currentDateTime(), level, "ulmfit", message});
    return out;
}
} // namespace

class LogViewTest : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void modelKeepsTheNewestRecords() {
        LogModel model(5);
        LogFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(&filter,
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        LogRecords many;
        for (int i = 0; i < 8; ++i)
            many += records({{LogLevel::Info, QString("line %1").arg(i)}});
        model.append(many.mid(0, 3));
        model.append(many.mid(3));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(0, LogModel::MessageColumn).data().toString(), QString("line 3"));
        QCOMPARE(model.index(4, LogModel::MessageColumn).data().toString(), QString("line 7"));
        filter.setMinimumLevel(LogLevel::Warning);
        QCOMPARE(filter.rowCount(), 0);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void levelAndTextFiltersNarrowTheView() {
        LogView view;
        view.show();
        view.append(records({{LogLevel::Debug, "tokenizer cache miss"},
                             {LogLevel::Info, "opened dataset /data/imdb"},
                             {LogLevel::Warning, "3 empty files skipped"},
                             {LogLevel::Error, "download failed: timeout"}}));
        auto* table = view.findChild<QTableView*>("logTable");
        auto* level = view.findChild<QComboBox*>("logLevelFilter");
        QCOMPARE(table->model()->rowCount(), 3); // default: info and above

        QSignalSpy levelChanged(&view, &LogView::minimumLevelChanged);
        level->setCurrentIndex(level->findData(int(LogLevel::Warning)));
        QCOMPARE(levelChanged.count(), 1);
        QCOMPARE(table->model()->rowCount(), 2);
        level->setCurrentIndex(level->findData(int(LogLevel::Trace)));
        QCOMPARE(table->model()->rowCount(), 4);

        QTest::keyClicks(view.findChild<QLineEdit*>("logTextFilter"), "DATASET");
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, LogModel::MessageColumn).data().toString(),
                 QString("opened dataset /data/imdb"));

        QTest::mouseClick(view.findChild<QPushButton*>("logClearButton"), Qt::LeftButton);
        QCOMPARE(view.model()->rowCount(), 0);
    }
};

QTEST_MAIN(LogViewTest)
#include "LogViewTest.moc"
