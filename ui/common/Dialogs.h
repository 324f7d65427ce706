#pragma once
#include <QString>

#include <functional>

class QWidget;

namespace ulmfit::ui {

/// Every message box and file dialog of the application goes through here, so a test can
/// answer them (set a responder) instead of blocking on a modal dialog.
class Dialogs {
  public:
    enum class Kind { Information, Warning, Critical, Question };
    /// Receives (kind, title, text); the return value answers a Question (true = Yes).
    using MessageResponder = std::function<bool(Kind, const QString&, const QString&)>;
    /// Receives the dialog caption; returns the chosen path ("" = cancelled).
    using PathResponder = std::function<QString(const QString&)>;

    static void information(QWidget* parent, const QString& title, const QString& text);
    static void warning(QWidget* parent, const QString& title, const QString& text);
    static void critical(QWidget* parent, const QString& title, const QString& text);
    static bool question(QWidget* parent, const QString& title, const QString& text);
    static QString existingDirectory(QWidget* parent, const QString& caption, const QString& dir);
    static QString openFile(QWidget* parent, const QString& caption, const QString& dir,
                            const QString& filter);
    static QString saveFile(QWidget* parent, const QString& caption, const QString& dir,
                            const QString& filter);

    /// Test hooks: while set, no dialog is shown. Pass {} to restore real dialogs.
    static void setMessageResponder(MessageResponder responder);
    static void setPathResponder(PathResponder responder);

  private:
    static bool message(QWidget* parent, Kind kind, const QString& title, const QString& text);
};

} // namespace ulmfit::ui
