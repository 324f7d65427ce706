#pragma once
// Classify a folder or a list of files into a table; export it as CSV.
#include "types/PredictTypes.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace ulmfit::ui {

class FilePredictionModel;

class BatchClassifyPane : public QWidget {
    Q_OBJECT
  public:
    explicit BatchClassifyPane(QWidget* parent = nullptr);

    FilePredictionModel* model() const { return m_model; }
    void classifyFolder(const QString& folder); // every *.txt below it, sorted
    void classifyFiles(const QStringList& paths);
    bool exportCsv(const QString& path, QString* error = nullptr) const;

  public Q_SLOTS:
    void addPredictions(const QVector<ulmfit::ui::FilePrediction>& predictions);
    void finished(const QString& summary);

  Q_SIGNALS:
    void classifyFilesRequested(const QStringList& paths);

  private:
    void chooseFolder();
    void chooseFiles();
    void chooseExport();

    FilePredictionModel* m_model;
    QTableView* m_table;
    QLabel* m_status;
    int m_expected = 0;
};

} // namespace ulmfit::ui
