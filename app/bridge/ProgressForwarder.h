#pragma once
#include "core/Observer.h"
#include "ui/common/ProgressInfo.h"

#include <QElapsedTimer>
#include <QVector>

class EngineWorker;

/// The engine Observer of one job: copies each Progress into a ProgressInfo and hands the points
/// collected so far to the UI thread at most once per interval (plus a final flush).
class ProgressForwarder : public ulmfit::Observer {
public:
    ProgressForwarder(EngineWorker* worker, int intervalMs);
    void onProgress(const ulmfit::Progress& progress) override;
    void onMessage(const std::string& message) override;
    void flush();

    static ProgressInfo toInfo(const ulmfit::Progress& progress);

private:
    EngineWorker* m_worker;
    int m_intervalMs;
    QElapsedTimer m_sinceFlush;
    QVector<ProgressInfo> m_points;
};
