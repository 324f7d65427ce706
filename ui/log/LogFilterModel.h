#pragma once
#include "types/LogRecord.h"

#include <QSortFilterProxyModel>

namespace ulmfit::ui {

/// Shows log records at or above a level whose message contains the filter text.
class LogFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
  public:
    explicit LogFilterModel(QObject* parent = nullptr);
    void setMinimumLevel(LogLevel level);
    LogLevel minimumLevel() const { return m_level; }
    void setText(const QString& text);

  protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

  private:
    LogLevel m_level = LogLevel::Trace;
    QString m_text;
};

} // namespace ulmfit::ui
