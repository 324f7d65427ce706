#include "wizard/PretrainedStartEditor.h"

#include "common/Dialogs.h"
#include "common/Format.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ulmfit::ui {

namespace {
// A recipe names an installed model by its bare name ("wt103-fwd"), anything else by its path.
bool looksLikeModelName(const QString& value, const PretrainedModelList& models) {
    if (findPretrained(models, value))
        return true;
    return !value.contains(QLatin1Char('/')) && !value.endsWith(QStringLiteral(".pt"));
}
} // namespace

PretrainedStartEditor::PretrainedStartEditor(QWidget* parent)
    : QWidget(parent), m_start(new QComboBox), m_details(new QStackedWidget), m_status(new QLabel),
      m_download(new QPushButton(tr("Download…"))), m_import(new QPushButton(tr("Use a local archive…"))),
      m_earlierPath(new QLineEdit), m_scratchWarning(new QLabel) {
    m_start->setObjectName(QStringLiteral("lmSourceCombo"));
    m_start->addItem(tr("WikiText-103 (fastai)"), WikiText103);
    m_start->addItem(tr("An earlier model of mine"), EarlierModel);
    m_start->addItem(tr("Nothing (train from scratch)"), Scratch);
    m_start->setToolTip(tr("fastai's AWD-LSTM pretrained on WikiText-103 is where the book starts: "
                           "language_model_learner(dls_lm, AWD_LSTM) downloads it."));
    m_details->addWidget(buildWikiTextRow());
    m_details->addWidget(buildEarlierRow());
    m_details->addWidget(new QWidget); // scratch: nothing more to choose
    m_scratchWarning->setObjectName(QStringLiteral("scratchWarning"));
    m_scratchWarning->setWordWrap(true);
    m_scratchWarning->setStyleSheet(QStringLiteral("QLabel { color: #9a5b00; }"));
    m_scratchWarning->setText(
        tr("⚠ These stages are the book's fine-tuning stages for a pretrained model. From random weights "
           "every layer group trains from the first stage, and the language model and the classifier end "
           "well below the book's (its ~94.8 % needs the WikiText-103 start)."));
    m_scratchWarning->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_start);
    layout->addWidget(m_details);
    layout->addWidget(m_scratchWarning);
    connect(m_start, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_details->setCurrentIndex(index);
        m_details->setVisible(index != Scratch);
        Q_EMIT changed();
    });
    connect(m_earlierPath, &QLineEdit::textChanged, this, &PretrainedStartEditor::changed);
    updateStatus();
}

QWidget* PretrainedStartEditor::buildWikiTextRow() {
    auto* row = new QWidget;
    m_status->setObjectName(QStringLiteral("pretrainedStatus"));
    m_status->setWordWrap(true);
    m_download->setObjectName(QStringLiteral("pretrainedDownloadButton"));
    m_import->setObjectName(QStringLiteral("pretrainedImportButton"));
    m_import->setToolTip(tr("Offline: fastai's wt103-fwd.tgz, or a folder with its lstm_fwd.pth and itos_wt103.pkl"));
    connect(m_download, &QPushButton::clicked, this, [this] { Q_EMIT downloadRequested(firstMissing()); });
    connect(m_import, &QPushButton::clicked, this, &PretrainedStartEditor::chooseArchive);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status, 1);
    layout->addWidget(m_download);
    layout->addWidget(m_import);
    return row;
}

QWidget* PretrainedStartEditor::buildEarlierRow() {
    auto* row = new QWidget;
    m_earlierPath->setObjectName(QStringLiteral("encoderEdit"));
    m_earlierPath->setPlaceholderText(tr("a language-model folder (a run's lm/, an import) or an encoder.pt"));
    auto* browse = new QPushButton(tr("…"));
    browse->setObjectName(QStringLiteral("earlierModelBrowse"));
    connect(browse, &QPushButton::clicked, this, &PretrainedStartEditor::browseEarlier);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_earlierPath, 1);
    layout->addWidget(browse);
    return row;
}

void PretrainedStartEditor::setPretrainedModels(const PretrainedModelList& models) {
    m_models = models;
    updateStatus();
    Q_EMIT changed();
}

QStringList PretrainedStartEditor::requiredModels() const {
    // fastai publishes WikiText-103 as wt103-fwd and wt103-bwd: the name's end says the direction.
    QString base = m_modelName;
    if (base.endsWith(QStringLiteral("-fwd")) || base.endsWith(QStringLiteral("-bwd")))
        base.chop(4);
    else
        return {m_modelName}; // another installed model: used as named
    QStringList names;
    if (m_forward)
        names << base + QStringLiteral("-fwd");
    if (m_backward)
        names << base + QStringLiteral("-bwd");
    return names;
}

QString PretrainedStartEditor::firstMissing() const {
    for (const QString& name : requiredModels()) {
        const PretrainedModelStatus* model = findPretrained(m_models, name);
        if (!model || !model->installed)
            return name;
    }
    return {};
}

void PretrainedStartEditor::updateStatus() {
    QStringList lines;
    for (const QString& name : requiredModels()) {
        const PretrainedModelStatus* model = findPretrained(m_models, name);
        if (model && model->installed) {
            const QString vocabulary = model->vocabularySize > 0
                                           ? tr(", vocabulary of %1 tokens").arg(QLocale().toString(model->vocabularySize))
                                           : QString();
            lines << tr("%1 installed (%2%3)").arg(name, Format::bytes(double(model->bytes)), vocabulary);
        } else if (model && !model->problem.isEmpty()) {
            lines << tr("%1 is not usable: %2").arg(name, model->problem);
        } else {
            lines << tr("%1 is not installed yet (about 105 MB).").arg(name);
        }
    }
    m_status->setText(lines.join(QLatin1Char('\n')));
    const bool missing = !firstMissing().isEmpty();
    m_download->setVisible(missing);
    m_import->setVisible(missing);
}

void PretrainedStartEditor::setDirections(bool forward, bool backward) {
    m_forward = forward;
    m_backward = backward;
    updateStatus();
    Q_EMIT changed();
}

void PretrainedStartEditor::chooseArchive() {
    const QString path = Dialogs::openFile(this, tr("fastai's WikiText-103 archive"), QString(),
                                           tr("Archives (*.tgz *.tar.gz *.tar *.zip);;All files (*)"));
    if (!path.isEmpty())
        Q_EMIT importRequested(firstMissing(), path);
}

void PretrainedStartEditor::browseEarlier() {
    const QString path = Dialogs::existingDirectory(this, tr("Language-model folder"), m_earlierPath->text());
    if (!path.isEmpty())
        m_earlierPath->setText(path);
}

void PretrainedStartEditor::setPretrained(const QString& value) {
    if (value.isEmpty()) {
        m_start->setCurrentIndex(Scratch);
    } else if (looksLikeModelName(value, m_models)) {
        m_modelName = value;
        m_start->setCurrentIndex(WikiText103);
    } else {
        m_earlierPath->setText(value);
        m_start->setCurrentIndex(EarlierModel);
    }
    m_details->setCurrentIndex(m_start->currentIndex());
    m_details->setVisible(m_start->currentIndex() != Scratch);
    updateStatus();
}

PretrainedStartEditor::Start PretrainedStartEditor::start() const {
    return static_cast<Start>(m_start->currentData().toInt());
}

QString PretrainedStartEditor::pretrained() const {
    switch (start()) {
    case WikiText103:
        return m_modelName;
    case EarlierModel:
        return m_earlierPath->text().trimmed();
    case Scratch:
        break;
    }
    return {};
}

bool PretrainedStartEditor::isComplete() const {
    switch (start()) {
    case WikiText103:
        return firstMissing().isEmpty();
    case EarlierModel:
        return !m_earlierPath->text().trimmed().isEmpty();
    case Scratch:
        break;
    }
    return true;
}

void PretrainedStartEditor::setScratchWarningVisible(bool visible) {
    m_scratchWarning->setVisible(visible);
}

} // namespace ulmfit::ui
