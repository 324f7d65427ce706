// The Predict page: debounced classification while typing, file drops, files table, generation.
#include "predict/BatchClassifyPane.h"
#include "predict/ClassifyPane.h"
#include "predict/FilePredictionModel.h"
#include "predict/PredictView.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QUrl>

using namespace ulmfit::ui;

namespace {

void writeFile(const QString& path, const QByteArray& content) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

PredictionResult positive(const QString& text) {
    return PredictionResult{text, QStringLiteral("pos"), 1, {QStringLiteral("neg"), QStringLiteral("pos")}, {0.2, 0.8}};
}

} // namespace

class PredictViewTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void typingIsDebouncedIntoOneRequest();
    void showsLabelAndProbabilities();
    void dropsStaleAnswers();
    void droppedTextFileIsLoaded();
    void classifiesAFolderIntoATable();
    void generatesWithTheBookDefaults();
    void disabledWithoutAModel();
    void showsAnEnsemblesMembers();

private:
    PredictView* m_view = nullptr;
    QTemporaryDir m_dir;
};

void PredictViewTest::init() {
    m_view = new PredictView;
    m_view->setModelStatus(QStringLiteral("test model"), true, true);
    m_view->resize(1200, 800);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void PredictViewTest::cleanup() {
    delete m_view;
}

void PredictViewTest::typingIsDebouncedIntoOneRequest() {
    QSignalSpy spy(m_view, &PredictView::classifyRequested);
    auto* edit = m_view->findChild<QPlainTextEdit*>(QStringLiteral("reviewEdit"));
    QElapsedTimer clock;
    clock.start();
    QTest::keyClicks(edit, QStringLiteral("What a great film"));
    QCOMPARE(spy.count(), 0); // nothing while typing
    QTRY_COMPARE(spy.count(), 1);
    QVERIFY(clock.elapsed() >= ClassifyPane::kDebounceMs);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("What a great film"));
    QTest::qWait(ClassifyPane::kDebounceMs + 100);
    QCOMPARE(spy.count(), 1); // and only once
    QTest::keyClicks(edit, QStringLiteral("!"));
    QTRY_COMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("What a great film!"));
}

void PredictViewTest::showsLabelAndProbabilities() {
    auto* edit = m_view->findChild<QPlainTextEdit*>(QStringLiteral("reviewEdit"));
    edit->setPlainText(QStringLiteral("Loved it"));
    m_view->showPrediction(positive(QStringLiteral("Loved it")));
    QCOMPARE(m_view->findChild<QLabel*>(QStringLiteral("predictedLabel"))->text(), QStringLiteral("pos"));
    auto* posBar = m_view->findChild<QProgressBar*>(QStringLiteral("probabilityBar_pos"));
    auto* negBar = m_view->findChild<QProgressBar*>(QStringLiteral("probabilityBar_neg"));
    QVERIFY(posBar && negBar);
    QCOMPARE(posBar->value(), 800);
    QCOMPARE(negBar->value(), 200);
    QCOMPARE(posBar->text(), QStringLiteral("80.0%"));
}

void PredictViewTest::dropsStaleAnswers() {
    auto* edit = m_view->findChild<QPlainTextEdit*>(QStringLiteral("reviewEdit"));
    edit->setPlainText(QStringLiteral("newer text"));
    m_view->showPrediction(positive(QStringLiteral("older text")));
    QCOMPARE(m_view->findChild<QLabel*>(QStringLiteral("predictedLabel"))->text(), QStringLiteral("—"));
}

void PredictViewTest::droppedTextFileIsLoaded() {
    const QString path = m_dir.filePath(QStringLiteral("review.txt"));
    writeFile(path, "A dropped review.");
    auto* edit = m_view->findChild<QPlainTextEdit*>(QStringLiteral("reviewEdit"));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(edit->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(edit->viewport(), &drop);
    QCOMPARE(edit->toPlainText(), QStringLiteral("A dropped review."));
    QSignalSpy spy(m_view, &PredictView::classifyRequested);
    QTRY_COMPARE(spy.count(), 1);
}

void PredictViewTest::classifiesAFolderIntoATable() {
    writeFile(m_dir.filePath(QStringLiteral("set/pos/a.txt")), "good");
    writeFile(m_dir.filePath(QStringLiteral("set/neg/b.txt")), "bad");
    writeFile(m_dir.filePath(QStringLiteral("set/notes.md")), "skip me");
    QSignalSpy spy(m_view, &PredictView::classifyFilesRequested);
    auto* pane = m_view->batchPane();
    QAbstractItemModelTester tester(pane->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    pane->classifyFolder(m_dir.filePath(QStringLiteral("set")));
    QCOMPARE(spy.count(), 1);
    const QStringList paths = spy.at(0).at(0).toStringList();
    QCOMPARE(paths.size(), 2);
    QVERIFY(paths[0].endsWith(QStringLiteral("neg/b.txt")));
    m_view->addFilePredictions({FilePrediction{paths[0], QStringLiteral("neg"), 0.9, {}}});
    m_view->addFilePredictions({FilePrediction{paths[1], QString(), 0.0, QStringLiteral("unreadable")}});
    auto* table = m_view->findChild<QTableView*>(QStringLiteral("filePredictionsTable"));
    QCOMPARE(table->model()->rowCount(), 2);
    QCOMPARE(table->model()->index(0, FilePredictionModel::Probability).data().toString(), QStringLiteral("90.0%"));
    const QString csv = m_dir.filePath(QStringLiteral("predictions.csv"));
    QString error;
    QVERIFY2(pane->exportCsv(csv, &error), qPrintable(error));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], QStringLiteral("file,label,probability"));
    QCOMPARE(lines[1], paths[0] + QStringLiteral(",neg,0.900000"));
    QCOMPARE(lines[2], paths[1] + QStringLiteral(",,unreadable"));
}

void PredictViewTest::generatesWithTheBookDefaults() {
    QSignalSpy spy(m_view, &PredictView::generateRequested);
    QCOMPARE(m_view->findChild<QLineEdit*>(QStringLiteral("promptEdit"))->text(),
             QStringLiteral("I liked this movie because"));
    auto* button = m_view->findChild<QPushButton*>(QStringLiteral("generateButton"));
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    const auto request = spy.at(0).at(0).value<GenerationRequest>();
    QCOMPARE(request.words, 40);
    QCOMPARE(request.temperature, 0.75);
    QCOMPARE(request.samples, 2);
    QVERIFY(!button->isEnabled()); // until the answer arrives
    m_view->showGenerated({QStringLiteral("I liked this movie because it <was> fun"), QStringLiteral("second")});
    QVERIFY(button->isEnabled());
    const QString shown = m_view->findChild<QTextBrowser*>(QStringLiteral("generatedText"))->toPlainText();
    QVERIFY(shown.contains(QStringLiteral("it <was> fun")));
    QVERIFY(shown.contains(QStringLiteral("2. second")));
}

void PredictViewTest::disabledWithoutAModel() {
    m_view->setModelStatus(QStringLiteral("no model"), false, false);
    QVERIFY(!m_view->findChild<QPlainTextEdit*>(QStringLiteral("reviewEdit"))->isEnabled());
    QVERIFY(!m_view->findChild<QPushButton*>(QStringLiteral("generateButton"))->isEnabled());
    QCOMPARE(m_view->findChild<QLabel*>(QStringLiteral("modelStatus"))->text(), QStringLiteral("no model"));
}



// An ensemble's answer: its mean in the bars, each member's own prediction under them.
void PredictViewTest::showsAnEnsemblesMembers() {
    auto* edit = m_view->findChild<QPlainTextEdit*>(QStringLiteral("reviewEdit"));
    edit->setPlainText(QStringLiteral("Loved it"));
    auto* members = m_view->findChild<QLabel*>(QStringLiteral("memberPredictions"));
    m_view->showPrediction(positive(QStringLiteral("Loved it")));
    QVERIFY(members->isHidden()); // one model
    PredictionResult both = positive(QStringLiteral("Loved it"));
    both.memberNames = {QStringLiteral("fwd"), QStringLiteral("bwd")};
    both.memberProbabilities = {{0.1, 0.9}, {0.3, 0.7}};
    m_view->showPrediction(both);
    QVERIFY(!members->isHidden());
    QCOMPARE(members->text(), QStringLiteral("Ensemble of forward: pos 90.0 % · backward: pos 70.0 %"));
    QCOMPARE(m_view->findChild<QProgressBar*>(QStringLiteral("probabilityBar_pos"))->value(), 800);
}

QTEST_MAIN(PredictViewTest)
#include "PredictViewTest.moc"
