#include "common/Format.h"

#include "types/ProgressInfo.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace ulmfit::ui {

namespace Format {

QString bytes(double bytes) {
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeSIFormat);
}

QString amount(double value, const QString& unit) {
    if (unit == QLatin1String("B"))
        return bytes(value);
    return QStringLiteral("%1 %2").arg(QLocale().toString(qint64(value)), unit);
}

QString rate(double perSecond, const QString& unit) {
    return QCoreApplication::translate("Format", "%1/s").arg(amount(perSecond, unit));
}

QString duration(double seconds) {
    const qint64 total = qint64(seconds + 0.5);
    const qint64 h = total / 3600, m = (total / 60) % 60, s = total % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
}

QString taskName(const QString& task) {
    static const struct {
        const char* task;
        const char* title;
    } names[] = {
        {"download", QT_TRANSLATE_NOOP("Format", "Downloading")},
        {"extract", QT_TRANSLATE_NOOP("Format", "Extracting")},
        {"verify", QT_TRANSLATE_NOOP("Format", "Verifying the checksum")},
        {"scan", QT_TRANSLATE_NOOP("Format", "Scanning the dataset")},
        {"tokenize", QT_TRANSLATE_NOOP("Format", "Tokenizing")},
        {"numericalize", QT_TRANSLATE_NOOP("Format", "Numericalizing")},
        {"cache", QT_TRANSLATE_NOOP("Format", "Reading the token cache")},
        {"lr_find", QT_TRANSLATE_NOOP("Format", "Trying learning rates")},
    };
    for (const auto& name : names)
        if (task == QLatin1String(name.task))
            return QCoreApplication::translate("Format", name.title);
    return task;
}

QString progress(const ProgressInfo& p) {
    QStringList parts;
    if (p.total > 0)
        parts << QCoreApplication::translate("Format", "%1 of %2")
                     .arg(amount(p.done, p.unit), amount(p.total, p.unit));
    else
        parts << amount(p.done, p.unit);
    if (p.rate > 0) {
        parts << rate(p.rate, p.unit);
        if (p.total > p.done)
            parts << QCoreApplication::translate("Format", "%1 left")
                         .arg(duration((p.total - p.done) / p.rate));
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace Format

} // namespace ulmfit::ui
