#pragma once
#include <QString>

namespace ulmfit::ui {

struct ProgressInfo;

/// Human-readable numbers for progress and statistics ("12.3 MB", "4.1 MB/s", "1:05").
namespace Format {
QString bytes(double bytes);
QString amount(double value, const QString& unit); // "B" -> bytes(); else "1,234 files"
QString rate(double perSecond, const QString& unit);
QString duration(double seconds);      // "00:42", "12:05", "1:02:03" (as fastai's tables show time)
QString taskName(const QString& task); // "download" -> "Downloading" (translated)
/// "12,345 docs of 50,000 docs · 4,000 docs/s · 0:09 left" (what is known of it).
QString progress(const ProgressInfo& progress);
} // namespace Format

} // namespace ulmfit::ui
