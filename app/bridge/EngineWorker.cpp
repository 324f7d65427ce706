#include "app/bridge/EngineWorker.h"

#include "app/bridge/ProgressForwarder.h"
#include "core/CancelToken.h"
#include "core/Error.h"
#include "train/Device.h"

#include <spdlog/spdlog.h>

namespace {
/// Runs `f` on the UI thread (the thread `target` lives in), after everything posted before it.
void post(QObject* target, std::function<void()> f) {
    QMetaObject::invokeMethod(target, std::move(f), Qt::QueuedConnection);
}

/// JobContext for one job: its token, its throttled observer, delivery to the UI thread.
class Context : public JobContext {
  public:
    Context(EngineWorker* worker, const ulmfit::CancelToken* token, ProgressForwarder* forwarder)
        : m_worker(worker), m_token(token), m_forwarder(forwarder) {}
    ulmfit::Observer* observer() override { return m_forwarder; }
    const ulmfit::CancelToken* cancel() const override { return m_token; }
    void deliver(std::function<void()> onUiThread) override {
        m_forwarder->flush(); // results never overtake the progress that led to them
        post(m_worker, std::move(onUiThread));
    }

  private:
    EngineWorker* m_worker;
    const ulmfit::CancelToken* m_token;
    ProgressForwarder* m_forwarder;
};
} // namespace

EngineWorker::EngineWorker(QObject* parent)
    : QObject(parent), m_threadContext(new QObject), m_cancel(std::make_shared<ulmfit::CancelToken>()) {
    qRegisterMetaType<ProgressBatch>();
    m_thread.setObjectName(QStringLiteral("engine-worker"));
    m_threadContext->moveToThread(&m_thread);
    // LibTorch's intra-op thread count is per thread with OpenMP: set it on the worker itself.
    connect(
        &m_thread, &QThread::started, m_threadContext, [] { ulmfit::configureCpu(); },
        Qt::DirectConnection);
    m_thread.start();
}

EngineWorker::~EngineWorker() {
    m_cancel->cancel();
    m_thread.quit(); // queued jobs not yet started are dropped with the thread's event queue
    m_thread.wait();
    delete m_threadContext; // its thread has ended: nothing else can touch it now
}

JobHandle* EngineWorker::run(const QString& name, Job job) {
    if (m_pending++ == 0)
        Q_EMIT busyChanged(true);
    auto* handle = new JobHandle(name, this);
    std::shared_ptr<ulmfit::CancelToken> token = m_cancel;
    QPointer<JobHandle> guarded(handle);
    QMetaObject::invokeMethod(
        m_threadContext, [this, guarded, job = std::move(job), token] { execute(guarded, job, token); },
        Qt::QueuedConnection);
    return handle;
}

void EngineWorker::cancel() {
    m_cancel->cancel();
    m_cancel = std::make_shared<ulmfit::CancelToken>(); // jobs queued after this call run normally
}

// Runs on the worker thread. The single boundary where engine exceptions are caught. The handle
// is touched only on the UI thread, in the lambdas posted there.
void EngineWorker::execute(const QPointer<JobHandle>& handle, const Job& job,
                           const std::shared_ptr<ulmfit::CancelToken>& token) {
    const std::string name = handle ? handle->name().toStdString() : std::string("job");
    ProgressForwarder forwarder(kMinimumProgressIntervalMs, [this, handle](const ProgressBatch& points) {
        post(this, [handle, points] {
            if (handle)
                Q_EMIT handle->progressed(points);
        });
    });
    Context context(this, token.get(), &forwarder);
    const auto emitOnUi = [this, handle](std::function<void(JobHandle*)> signal) {
        post(this, [handle, signal = std::move(signal)] {
            if (handle)
                signal(handle);
        });
    };
    emitOnUi([](JobHandle* h) { Q_EMIT h->started(); });
    try {
        token->throwIfCancelled();
        job(context);
        forwarder.flush();
        emitOnUi([](JobHandle* h) { Q_EMIT h->finished(); });
    } catch (const ulmfit::Cancelled&) {
        spdlog::info("{}: cancelled", name);
        emitOnUi([](JobHandle* h) { Q_EMIT h->cancelled(); });
    } catch (const std::exception& e) {
        const QString message = QString::fromUtf8(e.what());
        spdlog::error("{}: {}", name, e.what());
        emitOnUi([message](JobHandle* h) { Q_EMIT h->failed(message); });
    } catch (...) {
        spdlog::error("{}: unexpected error", name);
        emitOnUi([](JobHandle* h) { Q_EMIT h->failed(EngineWorker::tr("unexpected error")); });
    }
    post(this, [this, handle] { jobDone(handle); });
}

void EngineWorker::jobDone(JobHandle* handle) {
    if (handle) {
        Q_EMIT handle->ended();
        handle->deleteLater();
    }
    if (--m_pending == 0)
        Q_EMIT busyChanged(false);
}
