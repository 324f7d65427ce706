#include "plots/PlotExporter.h"

#include "plots/QCustomPlotInclude.h"

#include <QCoreApplication>
#include <QPdfWriter>
#include <QPixmap>

namespace ulmfit::ui::PlotExporter {
namespace {

bool fail(QString* error, const QString& path) {
    if (error)
        *error = QCoreApplication::translate("PlotExporter", "Cannot write the plots to %1").arg(path);
    return false;
}

} // namespace

bool savePng(QWidget* container, const QString& path, QString* error) {
    const QPixmap pixmap = container->grab();
    return (!pixmap.isNull() && pixmap.save(path, "PNG")) || fail(error, path);
}

bool savePdf(const QList<QCustomPlot*>& plots, const QString& path, QString* error) {
    if (plots.isEmpty())
        return fail(error, path);
    const int width = 900;
    const int rowHeight = 420;
    QPdfWriter writer(path);
    writer.setTitle(QCoreApplication::translate("PlotExporter", "ULMFiT training plots"));
    writer.setPageSize(QPageSize(QSizeF(width, rowHeight * plots.size()), QPageSize::Point));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(72); // one PDF point per plot pixel
    QCPPainter painter;
    if (!painter.begin(&writer))
        return fail(error, path);
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    for (int i = 0; i < plots.size(); ++i) {
        painter.save();
        painter.translate(0, i * rowHeight);
        plots.at(i)->toPainter(&painter, width, rowHeight);
        painter.restore();
    }
    return painter.end() || fail(error, path);
}

bool save(QWidget* container, const QList<QCustomPlot*>& plots, const QString& path, QString* error) {
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        return savePdf(plots, path, error);
    return savePng(container, path, error);
}

} // namespace ulmfit::ui::PlotExporter
