#pragma once
#include "plots/QCustomPlotInclude.h"

namespace ulmfit::ui {

/// Puts `axis` on a logarithmic scale with ticks at powers of ten, labelled like 1e-3 when
/// `powerLabels` (learning rates) or in plain numbers (perplexities).
void setLogarithmic(QCPAxis* axis, bool powerLabels);

/// Shows all of `graph`'s values on the logarithmic `axis`, with a margin of `factor` below and
/// above (a factor, not a distance: the axis has no zero). Leaves the axis alone when the graph is
/// empty.
void fitLogRange(QCPAxis* axis, const QCPGraph* graph, double factor);

} // namespace ulmfit::ui
