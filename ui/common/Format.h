#pragma once
#include <QString>

/// Human-readable numbers for progress and statistics ("12.3 MB", "4.1 MB/s", "1:05").
namespace Format {
QString bytes(double bytes);
QString amount(double value, const QString& unit); // "B" -> bytes(); else "1,234 files"
QString rate(double perSecond, const QString& unit);
QString duration(double seconds); // "0:42", "12:05", "1:02:03"
QString taskName(const QString& task); // "download" -> "Downloading" (translated)
} // namespace Format
