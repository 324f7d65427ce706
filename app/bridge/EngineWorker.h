#pragma once
#include "ui/common/ProgressInfo.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace ulmfit {
class CancelToken;
class Observer;
} // namespace ulmfit

using ProgressBatch = QVector<ProgressInfo>;
Q_DECLARE_METATYPE(ProgressBatch)

/// What a job sees while it runs on the worker thread.
class JobContext {
public:
    virtual ~JobContext() = default;
    virtual ulmfit::Observer* observer() = 0;           // throttled progress -> progressed()
    virtual const ulmfit::CancelToken* cancel() const = 0;
    virtual void deliver(std::function<void()> onUiThread) = 0; // runs on the UI thread, in order
};

/// Owns one worker thread and runs jobs on it one at a time, in order. Each job is wrapped in the
/// only try/catch boundary of the bridge: exceptions become failed()/cancelled(), never cross the
/// thread. Progress reaches the UI thread at most ~15 times a second, each signal carrying every
/// point since the previous one. The thread is stopped and joined in the destructor.
class EngineWorker : public QObject {
    Q_OBJECT
public:
    using Job = std::function<void(JobContext&)>;

    explicit EngineWorker(QObject* parent = nullptr);
    ~EngineWorker() override; // cancels pending work, then joins the thread

    void run(const QString& task, Job job); // call on the UI thread
    void cancel();                          // cancels the running job and every queued one
    bool isBusy() const { return m_pending > 0; }
    /// The task whose signals are being delivered now ("" between jobs): lets several
    /// controllers share one worker and pick out the progress of their own jobs.
    QString currentTask() const { return m_currentTask; }

    static constexpr int kMinimumProgressIntervalMs = 66;

Q_SIGNALS:
    void started(const QString& task);
    void progressed(const ProgressBatch& points);
    void finished(const QString& task);
    void failed(const QString& task, const QString& message);
    void cancelled(const QString& task);
    void busyChanged(bool busy);

private:
    void execute(const QString& task, const Job& job, const std::shared_ptr<ulmfit::CancelToken>& token);
    void jobDone();

    QThread m_thread;
    QObject* m_threadContext; // lives in m_thread: queued lambdas run there
    std::shared_ptr<ulmfit::CancelToken> m_cancel;
    int m_pending = 0;
    QString m_currentTask;
};
