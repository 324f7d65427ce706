#include "predict/BatchClassifyPane.h"

#include "common/ModelCsvWriter.h"
#include "predict/FilePredictionModel.h"

#include <QDirIterator>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ulmfit::ui {

BatchClassifyPane::BatchClassifyPane(QWidget* parent)
    : QWidget(parent), m_model(new FilePredictionModel(this)), m_table(new QTableView), m_status(new QLabel) {
    setObjectName(QStringLiteral("batchClassifyPane"));
    m_table->setObjectName(QStringLiteral("filePredictionsTable"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setAlternatingRowColors(true);
    m_status->setObjectName(QStringLiteral("batchStatus"));
    auto* folder = new QPushButton(tr("Classify folder…"));
    folder->setObjectName(QStringLiteral("classifyFolderButton"));
    auto* files = new QPushButton(tr("Classify files…"));
    files->setObjectName(QStringLiteral("classifyFilesButton"));
    auto* exportButton = new QPushButton(tr("Export CSV…"));
    exportButton->setObjectName(QStringLiteral("exportPredictionsButton"));
    connect(folder, &QPushButton::clicked, this, &BatchClassifyPane::chooseFolder);
    connect(files, &QPushButton::clicked, this, &BatchClassifyPane::chooseFiles);
    connect(exportButton, &QPushButton::clicked, this, &BatchClassifyPane::chooseExport);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(folder);
    buttons->addWidget(files);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
}

void BatchClassifyPane::classifyFolder(const QString& folder) {
    QStringList paths;
    QDirIterator it(folder, {QStringLiteral("*.txt")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        paths << it.next();
    paths.sort();
    classifyFiles(paths);
}

void BatchClassifyPane::classifyFiles(const QStringList& paths) {
    m_model->clear();
    m_expected = int(paths.size());
    if (paths.isEmpty()) {
        m_status->setText(tr("No .txt files to classify."));
        return;
    }
    m_status->setText(tr("Classifying %n file(s)…", nullptr, m_expected));
    Q_EMIT classifyFilesRequested(paths);
}

void BatchClassifyPane::addPredictions(const QVector<FilePrediction>& predictions) {
    m_model->append(predictions);
    m_status->setText(tr("%1 of %2 classified").arg(m_model->rowCount()).arg(m_expected));
}

void BatchClassifyPane::finished(const QString& summary) {
    m_status->setText(summary);
}

bool BatchClassifyPane::exportCsv(const QString& path, QString* error) const {
    return ModelCsvWriter::write(*m_model, path, error);
}

void BatchClassifyPane::chooseFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder of reviews"));
    if (!folder.isEmpty())
        classifyFolder(folder);
}

void BatchClassifyPane::chooseFiles() {
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Reviews"), QString(), tr("Text files (*.txt)"));
    if (!paths.isEmpty())
        classifyFiles(paths);
}

void BatchClassifyPane::chooseExport() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export predictions"), QStringLiteral("predictions.csv"), tr("CSV file (*.csv)"));
    QString error;
    if (!path.isEmpty())
        m_status->setText(exportCsv(path, &error) ? tr("Saved %1").arg(path) : error);
}

} // namespace ulmfit::ui
