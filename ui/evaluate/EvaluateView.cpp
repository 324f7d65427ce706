#include "evaluate/EvaluateView.h"

#include "common/RecipeText.h"

#include "common/Dialogs.h"
#include "common/AttributionView.h"
#include "common/GroupBox.h"

#include "common/ReviewHtml.h"
#include "evaluate/ClassMetricsModel.h"
#include "evaluate/TopLossesModel.h"
#include "plots/ConfusionMatrixWidget.h"

#include <QFile>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <cmath>

namespace ulmfit::ui {
namespace {

QTableView* makeTable(const QString& name, QAbstractItemModel* model) {
    auto* table = new QTableView;
    table->setObjectName(name);
    table->setModel(model);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    return table;
}

} // namespace

EvaluateView::EvaluateView(QWidget* parent)
    : QWidget(parent), m_modelStatus(new QLabel(tr("No model loaded."))), m_dataset(new QLineEdit),
      m_evaluate(new QPushButton(tr("Evaluate"))), m_progress(new QProgressBar), m_accuracy(new QLabel),
      m_confusion(new ConfusionMatrixWidget), m_classModel(new ClassMetricsModel(this)),
      m_lossModel(new TopLossesModel(this)),
      m_lossTable(makeTable(QStringLiteral("topLossesTable"), m_lossModel)), m_review(new QTextBrowser), m_why(new AttributionView) {
    setObjectName(QStringLiteral("evaluateView"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildHeader());
    layout->addWidget(buildResults(), 1);
    connect(m_lossTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showTopLoss(current.row()); });
    setModelStatus(m_modelStatus->text(), false);
}

QWidget* EvaluateView::buildHeader() {
    m_modelStatus->setObjectName(QStringLiteral("evalModelStatus"));
    m_dataset->setObjectName(QStringLiteral("evalDatasetEdit"));
    m_dataset->setPlaceholderText(tr("dataset folder with test/<label>/*.txt"));
    m_evaluate->setObjectName(QStringLiteral("evaluateButton"));
    m_progress->setObjectName(QStringLiteral("evaluateProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_accuracy->setObjectName(QStringLiteral("accuracyLabel"));
    QFont big = m_accuracy->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_accuracy->setFont(big);
    auto* browseButton = new QPushButton(tr("Folder…"));
    connect(browseButton, &QPushButton::clicked, this, &EvaluateView::browse);
    connect(m_evaluate, &QPushButton::clicked, this, [this] {
        m_evaluate->setEnabled(false);
        m_progress->setValue(0);
        Q_EMIT evaluateRequested(m_dataset->text().trimmed());
    });
    auto* header = new QWidget;
    auto* grid = new QGridLayout(header);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_modelStatus, 0, 0, 1, 4);
    grid->addWidget(new QLabel(tr("Test data:")), 1, 0);
    grid->addWidget(m_dataset, 1, 1);
    grid->addWidget(browseButton, 1, 2);
    grid->addWidget(m_evaluate, 1, 3);
    grid->addWidget(m_progress, 2, 0, 1, 4);
    grid->addWidget(m_accuracy, 3, 0, 1, 4);
    grid->setColumnStretch(1, 1);
    return header;
}

QWidget* EvaluateView::buildResults() {
    m_review->setObjectName(QStringLiteral("topLossText"));
    m_review->setPlaceholderText(tr("Click a top loss to read the review."));
    auto* top = new QSplitter(Qt::Horizontal);
    top->addWidget(boxed(tr("Confusion matrix"), m_confusion));
    top->addWidget(boxed(tr("Per class"), makeTable(QStringLiteral("classMetricsTable"), m_classModel)));
    auto* bottom = new QSplitter(Qt::Horizontal);
    bottom->addWidget(boxed(tr("Top losses (most confidently wrong)"), m_lossTable));
    m_why->setObjectName(QStringLiteral("topLossAttribution"));
    auto* review = new QSplitter(Qt::Vertical);
    review->addWidget(m_review);
    review->addWidget(m_why);
    bottom->addWidget(boxed(tr("Review, and the words that decided the prediction"), review));
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    split->addWidget(bottom);
    return split;
}

void EvaluateView::setDatasetPath(const QString& path) {
    m_dataset->setText(path);
}

void EvaluateView::browse() {
    const QString folder = Dialogs::existingDirectory(this, tr("Labelled dataset"), m_dataset->text());
    if (!folder.isEmpty())
        m_dataset->setText(folder);
}

void EvaluateView::setModelStatus(const QString& description, bool ready) {
    m_modelStatus->setText(description);
    m_evaluate->setEnabled(ready);
}

void EvaluateView::setProgress(const ProgressInfo& progress) {
    const double fraction = progress.fraction();
    m_progress->setRange(0, fraction < 0 ? 0 : 1000);
    if (fraction >= 0)
        m_progress->setValue(int(std::lround(fraction * 1000)));
}

void EvaluateView::showReport(const EvaluationReport& report) {
    m_evaluate->setEnabled(true);
    m_progress->setRange(0, 1000);
    m_progress->setValue(1000);
    QString accuracy = tr("Accuracy %1% on %2 reviews (loss %3)")
                           .arg(report.accuracy * 100.0, 0, 'f', 2)
                           .arg(QLocale().toString(report.count))
                           .arg(report.loss, 0, 'f', 4);
    if (!report.members.isEmpty()) { // an ensemble: its members side by side with it
        QStringList members;
        for (const auto& member : report.members)
            members << tr("%1 %2%").arg(directionText(member.name)).arg(member.accuracy * 100.0, 0, 'f', 2);
        accuracy = tr("Ensemble %1% · %2 on %3 reviews")
                       .arg(report.accuracy * 100.0, 0, 'f', 2)
                       .arg(members.join(QStringLiteral(" · ")), QLocale().toString(report.count));
    }
    m_accuracy->setText(accuracy);
    m_confusion->setMatrix(report.labels, report.confusion);
    m_classModel->setReport(report);
    m_lossModel->setItems(report.topLosses);
    m_review->clear();
    if (m_lossModel->rowCount() > 0)
        m_lossTable->selectRow(0); // the worst review is shown right away
}

void EvaluateView::showError(const QString& message) {
    m_evaluate->setEnabled(true);
    m_progress->setRange(0, 1000);
    m_accuracy->setText(tr("Evaluation failed: %1").arg(message));
}

void EvaluateView::showTopLoss(int row) {
    const TopLossItem* item = m_lossModel->item(row);
    if (!item)
        return;
    QString text = item->text;
    if (text.isEmpty() && !item->path.isEmpty()) {
        QFile file(item->path);
        text = file.open(QIODevice::ReadOnly)
                   ? QString::fromUtf8(file.readAll())
                   : tr("(cannot read %1: %2)").arg(item->path, file.errorString());
    }
    m_shownPath = item->path;
    m_why->clear();
    if (!item->path.isEmpty())
        Q_EMIT explainRequested(item->path, item->predicted);
    m_review->setHtml(
        tr("<p><b>Actual:</b> %1 &nbsp; <b>Predicted:</b> %2 (%3%) &nbsp; <b>Loss:</b> %4</p><p>%5</p>")
            .arg(item->actual.toHtmlEscaped(), item->predicted.toHtmlEscaped())
            .arg(item->probability * 100.0, 0, 'f', 1)
            .arg(item->loss, 0, 'f', 3)
            .arg(reviewHtml(text)));
}

void EvaluateView::showAttribution(const QString& path, const TextAttribution& attribution) {
    if (path == m_shownPath)
        m_why->setAttribution(attribution);
}

} // namespace ulmfit::ui
