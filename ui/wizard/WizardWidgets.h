#pragma once
// Small factories for the wizard's spin boxes, so every page sets names and ranges the same way.
#include <QDoubleSpinBox>
#include <QSpinBox>

namespace ulmfit::ui::WizardWidgets {

inline QSpinBox* intSpin(const char* name, int low, int high, int step = 1) {
    auto* spin = new QSpinBox;
    spin->setObjectName(QString::fromLatin1(name));
    spin->setRange(low, high);
    spin->setSingleStep(step);
    return spin;
}

inline QDoubleSpinBox* dropMultSpin(const char* name) {
    auto* spin = new QDoubleSpinBox;
    spin->setObjectName(QString::fromLatin1(name));
    spin->setRange(0.0, 2.0);
    spin->setSingleStep(0.05);
    spin->setDecimals(2);
    return spin;
}

} // namespace ulmfit::ui::WizardWidgets
