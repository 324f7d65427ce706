#include "common/Dialogs.h"

#include <QFileDialog>
#include <QMessageBox>

namespace ulmfit::ui {

namespace {
Dialogs::MessageResponder& messageResponder() {
    static Dialogs::MessageResponder responder;
    return responder;
}
Dialogs::PathResponder& pathResponder() {
    static Dialogs::PathResponder responder;
    return responder;
}
} // namespace

bool Dialogs::message(QWidget* parent, Kind kind, const QString& title, const QString& text) {
    if (messageResponder())
        return messageResponder()(kind, title, text);
    switch (kind) {
    case Kind::Information:
        QMessageBox::information(parent, title, text);
        return true;
    case Kind::Warning:
        QMessageBox::warning(parent, title, text);
        return true;
    case Kind::Critical:
        QMessageBox::critical(parent, title, text);
        return true;
    case Kind::Question:
        return QMessageBox::question(parent, title, text) == QMessageBox::Yes;
    }
    return false;
}

void Dialogs::information(QWidget* parent, const QString& title, const QString& text) {
    message(parent, Kind::Information, title, text);
}
void Dialogs::warning(QWidget* parent, const QString& title, const QString& text) {
    message(parent, Kind::Warning, title, text);
}
void Dialogs::critical(QWidget* parent, const QString& title, const QString& text) {
    message(parent, Kind::Critical, title, text);
}
bool Dialogs::question(QWidget* parent, const QString& title, const QString& text) {
    return message(parent, Kind::Question, title, text);
}

QString Dialogs::existingDirectory(QWidget* parent, const QString& caption, const QString& dir) {
    if (pathResponder())
        return pathResponder()(caption);
    return QFileDialog::getExistingDirectory(parent, caption, dir);
}

QString Dialogs::openFile(QWidget* parent, const QString& caption, const QString& dir,
                          const QString& filter) {
    if (pathResponder())
        return pathResponder()(caption);
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

QString Dialogs::saveFile(QWidget* parent, const QString& caption, const QString& dir,
                          const QString& filter) {
    if (pathResponder())
        return pathResponder()(caption);
    return QFileDialog::getSaveFileName(parent, caption, dir, filter);
}

void Dialogs::setMessageResponder(MessageResponder responder) {
    messageResponder() = std::move(responder);
}
void Dialogs::setPathResponder(PathResponder responder) {
    pathResponder() = std::move(responder);
}

} // namespace ulmfit::ui
