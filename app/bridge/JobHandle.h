#pragma once
// One engine job's signals, for whoever started it: controllers connect to the handle a bridge
// returns instead of filtering a worker's signals by task name.
#include "ui/types/ProgressInfo.h"

#include <QObject>
#include <QVector>

using ProgressBatch = QVector<ulmfit::ui::ProgressInfo>;
Q_DECLARE_METATYPE(ProgressBatch)

/// Lives on the UI thread, owned by its EngineWorker, deleted (later) after ended(). Exactly one of
/// finished(), failed() or cancelled() comes, then ended().
class JobHandle : public QObject {
    Q_OBJECT
  public:
    JobHandle(QString name, QObject* parent) : QObject(parent), m_name(std::move(name)) {}
    const QString& name() const { return m_name; } // for logs and tests

  Q_SIGNALS:
    void started();
    void progressed(const ProgressBatch& points); // every point since the previous signal, oldest first
    void finished();
    void failed(const QString& message);
    void cancelled();
    void ended();

  private:
    QString m_name;
};
