#include "dataset/DatasetStatsWidget.h"

#include "plots/QCustomPlotInclude.h"
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace ulmfit::ui {

namespace {
constexpr int kBins = 40;
const QColor kColors[] = {QColor(0xd0, 0x5a, 0x4e), QColor(0x3f, 0x7f, 0xbf), QColor(0x5a, 0xa0, 0x5a),
                          QColor(0xc0, 0x9a, 0x30)};

QCustomPlot* makePlot(const QString& name, const QString& title) {
    auto* plot = new QCustomPlot;
    plot->setObjectName(name);
    plot->setMinimumHeight(220);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(
        0, 0, new QCPTextElement(plot, title, QFont(plot->font().family(), 10, QFont::Bold)));
    return plot;
}

/// Bin width: the 99th percentile over kBins, so a handful of very long reviews do not squash the
/// plot, rounded up to 1, 2 or 5 times a power of ten for readable bin edges.
double binWidth(QVector<double> lengths) {
    const auto p99 = lengths.begin() + qMin(lengths.size() - 1, qsizetype(lengths.size() * 0.99));
    std::nth_element(lengths.begin(), p99, lengths.end());
    const double raw = qMax(1e-3, *p99 / kBins);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double step : {1.0, 2.0, 5.0})
        if (raw <= step * magnitude)
            return step * magnitude;
    return 10 * magnitude;
}
} // namespace

DatasetStatsWidget::DatasetStatsWidget(QWidget* parent)
    : QWidget(parent), m_lengths(makePlot(QStringLiteral("lengthPlot"), tr("Review length"))),
      m_balance(makePlot(QStringLiteral("balancePlot"), tr("Label balance"))) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_lengths, 1);
    layout->addWidget(m_balance, 1);
}

void DatasetStatsWidget::setDataset(const DatasetInfo& info) {
    plotLengths(info);
    plotBalance(info);
}

void DatasetStatsWidget::plotLengths(const DatasetInfo& info) {
    m_lengths->clearPlottables();
    if (info.files.isEmpty())
        return m_lengths->replot(QCustomPlot::rpQueuedReplot);
    QVector<double> kb;
    kb.reserve(info.files.size());
    for (const DatasetEntry& e : info.files)
        kb << e.bytes / 1000.0;
    const double width = binWidth(kb);
    QVector<double> keys(kBins + 1), counts(kBins + 1, 0.0);
    for (int i = 0; i <= kBins; ++i)
        keys[i] = (i + 0.5) * width;
    for (double v : kb)
        counts[qMin(kBins, int(v / width))] += 1; // the last bin collects the long tail
    auto* bars = new QCPBars(m_lengths->xAxis, m_lengths->yAxis);
    bars->setData(keys, counts, true);
    bars->setWidth(width * 0.9);
    bars->setBrush(kColors[1]);
    bars->setPen(Qt::NoPen);
    m_lengths->xAxis->setLabel(tr("Length (kB of text; last bar: longer)"));
    m_lengths->yAxis->setLabel(tr("Reviews"));
    m_lengths->rescaleAxes();
    m_lengths->yAxis->setRangeLower(0);
    m_lengths->replot(QCustomPlot::rpQueuedReplot);
}

void DatasetStatsWidget::plotBalance(const DatasetInfo& info) {
    m_balance->clearPlottables();
    QStringList splits;
    for (auto it = info.counts.cbegin(); it != info.counts.cend(); ++it)
        if (!info.labels.isEmpty() && it.value().size() > 0 && !it.value().contains(QString()))
            splits << it.key();
    std::sort(splits.begin(), splits.end(),
              [](const QString& a, const QString& b) { return a > b; }); // train, test
    if (!m_group)
        m_group = new QCPBarsGroup(m_balance);
    for (int l = 0; l < info.labels.size(); ++l) {
        auto* bars = new QCPBars(m_balance->xAxis, m_balance->yAxis);
        bars->setName(info.labels[l]);
        bars->setBrush(kColors[l % 4]);
        bars->setPen(Qt::NoPen);
        bars->setWidth(0.35);
        bars->setBarsGroup(m_group);
        for (int s = 0; s < splits.size(); ++s)
            bars->addData(s + 1, info.counts.value(splits[s]).value(info.labels[l]));
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int s = 0; s < splits.size(); ++s)
        ticker->addTick(s + 1, splits[s]);
    m_balance->xAxis->setTicker(ticker);
    m_balance->xAxis->setRange(0.4, splits.size() + 0.6);
    m_balance->yAxis->setLabel(tr("Reviews"));
    m_balance->rescaleAxes(true);
    m_balance->xAxis->setRange(0.4, splits.size() + 0.6);
    m_balance->yAxis->setRange(0, m_balance->yAxis->range().upper * 1.15);
    m_balance->legend->setVisible(!info.labels.isEmpty());
    m_balance->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace ulmfit::ui
