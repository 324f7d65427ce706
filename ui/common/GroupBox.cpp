#include "common/GroupBox.h"

#include <QGroupBox>
#include <QVBoxLayout>

namespace ulmfit::ui {

QGroupBox* boxed(const QString& title, QWidget* content) {
    auto* box = new QGroupBox(title);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}

} // namespace ulmfit::ui
