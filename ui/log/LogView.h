#pragma once
#include "types/LogRecord.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace ulmfit::ui {

class LogFilterModel;
class LogModel;

/// The Log page: the engine's log lines with a level filter and a text filter; follows new lines
/// while scrolled to the bottom.
class LogView : public QWidget {
    Q_OBJECT
  public:
    explicit LogView(QWidget* parent = nullptr);
    void append(const LogRecords& records);
    void setLogFile(const QString& path);
    void setMinimumLevel(LogLevel level);
    LogLevel minimumLevel() const;
    LogModel* model() const { return m_model; }
    LogFilterModel* filterModel() const { return m_filter; }

  Q_SIGNALS:
    void minimumLevelChanged(LogLevel level);

  private:
    QWidget* createControls();

    LogModel* m_model;
    LogFilterModel* m_filter;
    QComboBox* m_level = nullptr;
    QLineEdit* m_text = nullptr;
    QLabel* m_file = nullptr;
    QTableView* m_table = nullptr;
};

} // namespace ulmfit::ui
