#pragma once
#include "types/DatasetInfo.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QTextBrowser;

namespace ulmfit::ui {

/// One review: file name, label, rating (from `ID_RATING.txt`), and the text or, toggled, the
/// fastai tokens with special tokens highlighted. Text and tokens arrive asynchronously.
class ReviewViewer : public QWidget {
    Q_OBJECT
  public:
    explicit ReviewViewer(QWidget* parent = nullptr);
    void showEntry(const DatasetEntry& entry); // emits textRequested / tokensRequested
    void clear();
    void setText(const QString& path, const QString& text); // ignored unless path is current
    void setTokens(const QString& path, const QStringList& tokens);
    void setFailed(const QString& path, const QString& message);
    QString currentPath() const { return m_entry.path; }
    bool showsTokens() const;
    QString shownPlainText() const;

  Q_SIGNALS:
    void textRequested(const QString& path);
    void tokensRequested(const QString& path);

  private:
    void refresh();
    void onTokensToggled(bool on);

    DatasetEntry m_entry;
    QString m_text;
    QStringList m_tokens;
    bool m_haveText = false;
    bool m_haveTokens = false;
    QLabel* m_title;
    QLabel* m_meta;
    QCheckBox* m_showTokens;
    QTextBrowser* m_body;
};

} // namespace ulmfit::ui
