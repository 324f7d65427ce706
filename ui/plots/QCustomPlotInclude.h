#pragma once
// qcustomplot.h still uses the `signals`/`slots`/`foreach` keywords that QT_NO_KEYWORDS removes;
// map them for this one header (moc never reads it: the library is prebuilt).
#ifdef QT_NO_KEYWORDS
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef foreach
#else
#include <qcustomplot.h>
#endif
