#pragma once
#include "app/bridge/JobHandle.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

namespace ulmfit {
class CancelToken;
class Observer;
} // namespace ulmfit

/// What a job sees while it runs on the worker thread.
class JobContext {
  public:
    virtual ~JobContext() = default;
    virtual ulmfit::Observer* observer() = 0; // throttled progress -> the job's progressed()
    virtual const ulmfit::CancelToken* cancel() const = 0;
    virtual void deliver(std::function<void()> onUiThread) = 0; // runs on the UI thread, in order
};

/// Owns one worker thread and runs jobs on it one at a time, in order. Each job is wrapped in the
/// only try/catch boundary of the bridge: exceptions become the job's failed()/cancelled(), never
/// cross the thread. Progress reaches the UI thread at most ~15 times a second, each signal
/// carrying every point since the previous one. The thread is stopped and joined in the destructor.
class EngineWorker : public QObject {
    Q_OBJECT
  public:
    using Job = std::function<void(JobContext&)>;

    explicit EngineWorker(QObject* parent = nullptr);
    ~EngineWorker() override; // cancels pending work, then joins the thread

    /// Call on the UI thread. The handle's signals tell this job's progress and outcome.
    JobHandle* run(const QString& name, Job job);
    void cancel(); // cancels the running job and every queued one
    bool isBusy() const { return m_pending > 0; }

    static constexpr int kMinimumProgressIntervalMs = 66;

  Q_SIGNALS:
    void busyChanged(bool busy);

  private:
    void execute(const QPointer<JobHandle>& handle, const Job& job,
                 const std::shared_ptr<ulmfit::CancelToken>& token);
    void jobDone(JobHandle* handle);

    QThread m_thread;
    QObject* m_threadContext; // lives in m_thread: queued lambdas run there
    std::shared_ptr<ulmfit::CancelToken> m_cancel;
    int m_pending = 0;
};
