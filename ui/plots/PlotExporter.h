#pragma once
// Saves a set of plots as one image: PNG (the widgets as on screen) or vector PDF (one plot a row).
#include <QList>
#include <QString>

class QCustomPlot;
class QWidget;

namespace ulmfit::ui::PlotExporter {

bool savePng(QWidget* container, const QString& path, QString* error = nullptr);
bool savePdf(const QList<QCustomPlot*>& plots, const QString& path, QString* error = nullptr);
// By extension: ".pdf" -> savePdf(plots), anything else -> savePng(container).
bool save(QWidget* container, const QList<QCustomPlot*>& plots, const QString& path, QString* error = nullptr);

} // namespace ulmfit::ui::PlotExporter
