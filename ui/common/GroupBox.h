#pragma once
#include <QString>

class QGroupBox;
class QWidget;

namespace ulmfit::ui {

/// `content` in a titled group box (the views' panels).
QGroupBox* boxed(const QString& title, QWidget* content);

} // namespace ulmfit::ui
