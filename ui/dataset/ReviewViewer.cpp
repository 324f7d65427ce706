#include "dataset/ReviewViewer.h"

#include "common/ReviewHtml.h"
#include "common/TokenHtml.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ulmfit::ui {

ReviewViewer::ReviewViewer(QWidget* parent)
    : QWidget(parent), m_title(new QLabel), m_meta(new QLabel),
      m_showTokens(new QCheckBox(tr("Show &tokens"))), m_body(new QTextBrowser) {
    setObjectName(QStringLiteral("reviewViewer"));
    m_title->setObjectName(QStringLiteral("reviewTitle"));
    m_meta->setObjectName(QStringLiteral("reviewMeta"));
    m_showTokens->setObjectName(QStringLiteral("showTokensCheck"));
    m_showTokens->setToolTip(tr("Show the review as the fastai tokenizer splits it; special tokens such as "
                                "xxbos and xxmaj are highlighted"));
    m_body->setObjectName(QStringLiteral("reviewBody"));
    m_body->setOpenLinks(false);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* header = new QHBoxLayout;
    auto* labels = new QVBoxLayout;
    labels->addWidget(m_title);
    labels->addWidget(m_meta);
    header->addLayout(labels, 1);
    header->addWidget(m_showTokens, 0, Qt::AlignBottom);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_body, 1);
    connect(m_showTokens, &QCheckBox::toggled, this, &ReviewViewer::onTokensToggled);
    clear();
}

void ReviewViewer::clear() {
    m_entry = {};
    m_haveText = m_haveTokens = false;
    m_title->setText(tr("No review selected"));
    m_meta->clear();
    m_body->clear();
}

void ReviewViewer::showEntry(const DatasetEntry& entry) {
    m_entry = entry;
    m_haveText = m_haveTokens = false;
    m_title->setText(QFileInfo(entry.path).fileName());
    const QString rating = entry.rating >= 0 ? tr("%1 / 10").arg(entry.rating) : tr("none");
    m_meta->setText(tr("Split: %1 · Label: %2 · Rating: %3")
                        .arg(entry.split, entry.label.isEmpty() ? tr("(unlabelled)") : entry.label, rating));
    refresh();
    Q_EMIT textRequested(entry.path);
    if (m_showTokens->isChecked())
        Q_EMIT tokensRequested(entry.path);
}

void ReviewViewer::setText(const QString& path, const QString& text) {
    if (path != m_entry.path)
        return; // a late answer for a review no longer shown
    m_text = text;
    m_haveText = true;
    refresh();
}

void ReviewViewer::setTokens(const QString& path, const QStringList& tokens) {
    if (path != m_entry.path)
        return;
    m_tokens = tokens;
    m_haveTokens = true;
    refresh();
}

void ReviewViewer::setFailed(const QString& path, const QString& message) {
    if (path == m_entry.path)
        m_body->setPlainText(message);
}

void ReviewViewer::onTokensToggled(bool on) {
    if (on && !m_entry.path.isEmpty() && !m_haveTokens)
        Q_EMIT tokensRequested(m_entry.path);
    refresh();
}

void ReviewViewer::refresh() {
    if (m_entry.path.isEmpty())
        return;
    if (m_showTokens->isChecked()) {
        if (m_haveTokens)
            m_body->setHtml(tr("<p><i>Tokens: %1</i></p>").arg(m_tokens.size()) +
                            TokenHtml::fromTokens(m_tokens));
        else
            m_body->setPlainText(tr("Tokenizing…"));
    } else {
        m_body->setHtml(m_haveText ? reviewHtml(m_text) : tr("Loading…"));
    }
}

bool ReviewViewer::showsTokens() const {
    return m_showTokens->isChecked();
}
QString ReviewViewer::shownPlainText() const {
    return m_body->toPlainText();
}

} // namespace ulmfit::ui
