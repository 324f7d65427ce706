#pragma once
// A QCustomPlot that coalesces redraw requests: any number of updates within one interval
// become a single replot, so a fast training run cannot flood the UI thread.
#include "plots/QCustomPlotInclude.h"

#include <QTimer>

namespace ulmfit::ui {

class ThrottledPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit ThrottledPlot(QWidget* parent = nullptr);

    void setReplotInterval(int milliseconds); // default 50 ms: at most ~20 redraws a second
    int replotCount() const { return m_replots; }

    // Vertical marker with a label at the top, e.g. where a recipe stage starts.
    void addMarker(double x, const QString& label);
    void clearMarkers();
    void addGap(double x); // breaks every graph's line at x (a new stage trains another model)
    int markerCount() const { return int(m_markers.size()) / 2; } // line + label per marker
    void setFixedXRange(double upper); // 0 = follow the data

public Q_SLOTS:
    void requestReplot(); // cheap: call after every data change
    void replotNow();

protected:
    virtual void updateRanges(); // called once per replot, not per point

private:
    void styleAxes();

    QTimer m_timer;
    int m_replots = 0;
    double m_fixedX = 0.0;
    QVector<QCPAbstractItem*> m_markers;
};

} // namespace ulmfit::ui
