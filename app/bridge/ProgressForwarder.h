#pragma once
#include "app/bridge/JobHandle.h"
#include "app/bridge/ThrottledBuffer.h"
#include "core/Observer.h"

#include <functional>

/// The engine Observer of one job: copies each Progress into a ProgressInfo and pushes the points
/// collected so far into its sink at most once per interval (plus a final flush). Messages go to
/// the log.
class ProgressForwarder : public ulmfit::Observer {
  public:
    using Sink = std::function<void(const ProgressBatch& points)>;
    ProgressForwarder(int intervalMs, Sink sink);
    void onProgress(const ulmfit::Progress& progress) override;
    void onMessage(const std::string& message) override;
    void flush();

    static ulmfit::ui::ProgressInfo toInfo(const ulmfit::Progress& progress);

  private:
    ThrottledBuffer<ulmfit::ui::ProgressInfo> m_points;
    Sink m_sink;
};
