#include "app/bridge/EngineWorker.h"

#include "train/Device.h"

#include "app/bridge/ProgressForwarder.h"
#include "core/CancelToken.h"
#include "core/Error.h"

#include <spdlog/spdlog.h>

namespace {
/// JobContext for one job: its token, its throttled observer, delivery to the UI thread.
class Context : public JobContext {
public:
    Context(EngineWorker* worker, const ulmfit::CancelToken* token, ProgressForwarder* forwarder)
        : m_worker(worker), m_token(token), m_forwarder(forwarder) {}
    ulmfit::Observer* observer() override { return m_forwarder; }
    const ulmfit::CancelToken* cancel() const override { return m_token; }
    void deliver(std::function<void()> onUiThread) override {
        m_forwarder->flush(); // results never overtake the progress that led to them
        QMetaObject::invokeMethod(m_worker, std::move(onUiThread), Qt::QueuedConnection);
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
    connect(&m_thread, &QThread::started, m_threadContext, [] { ulmfit::configureCpuThreads(); }, Qt::DirectConnection);
    m_thread.start();
}

EngineWorker::~EngineWorker() {
    m_cancel->cancel();
    m_thread.quit(); // queued jobs not yet started are dropped with the thread's event queue
    m_thread.wait();
    delete m_threadContext; // its thread has ended: nothing else can touch it now
}

void EngineWorker::run(const QString& task, Job job) {
    if (m_pending++ == 0)
        Q_EMIT busyChanged(true);
    std::shared_ptr<ulmfit::CancelToken> token = m_cancel;
    QMetaObject::invokeMethod(
        m_threadContext, [this, task, job = std::move(job), token] { execute(task, job, token); },
        Qt::QueuedConnection);
}

void EngineWorker::cancel() {
    m_cancel->cancel();
    m_cancel = std::make_shared<ulmfit::CancelToken>(); // jobs queued after this call run normally
}

// Runs on the worker thread. The single boundary where engine exceptions are caught.
void EngineWorker::execute(const QString& task, const Job& job, const std::shared_ptr<ulmfit::CancelToken>& token) {
    ProgressForwarder forwarder(this, kMinimumProgressIntervalMs);
    Context context(this, token.get(), &forwarder);
    auto post = [this](std::function<void()> f) { QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection); };
    post([this, task] {
        m_currentTask = task;
        Q_EMIT started(task);
    });
    try {
        token->throwIfCancelled();
        job(context);
        forwarder.flush();
        post([this, task] { Q_EMIT finished(task); });
    } catch (const ulmfit::Cancelled&) {
        spdlog::info("{}: cancelled", task.toStdString());
        post([this, task] { Q_EMIT cancelled(task); });
    } catch (const std::exception& e) {
        const QString message = QString::fromUtf8(e.what());
        spdlog::error("{}: {}", task.toStdString(), e.what());
        post([this, task, message] { Q_EMIT failed(task, message); });
    } catch (...) {
        post([this, task] { Q_EMIT failed(task, tr("unexpected error")); });
    }
    post([this] { jobDone(); });
}

void EngineWorker::jobDone() {
    m_currentTask.clear();
    if (--m_pending == 0)
        Q_EMIT busyChanged(false);
}
