#include "predict/ClassifyPane.h"

#include "common/RecipeText.h"

#include "common/AttributionView.h"
#include "common/Dialogs.h"
#include "predict/ProbabilityBars.h"

#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace ulmfit::ui {
namespace {

QString droppedTextFile(const QMimeData* mime) {
    if (!mime || !mime->hasUrls() || mime->urls().isEmpty())
        return {};
    const QString path = mime->urls().constFirst().toLocalFile();
    return path.endsWith(QLatin1String(".txt"), Qt::CaseInsensitive) ? path : QString();
}

} // namespace

ClassifyPane::ClassifyPane(QWidget* parent)
    : QWidget(parent), m_edit(new QPlainTextEdit), m_label(new QLabel), m_status(new QLabel),
      m_bars(new ProbabilityBars), m_members(new QLabel), m_method(new QComboBox), m_why(new AttributionView) {
    setObjectName(QStringLiteral("classifyPane"));
    m_edit->setObjectName(QStringLiteral("reviewEdit"));
    m_edit->setPlaceholderText(tr("Type or paste a review, or drop a .txt file here…"));
    m_edit->viewport()->installEventFilter(this);
    m_label->setObjectName(QStringLiteral("predictedLabel"));
    QFont big = m_label->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_label->setFont(big);
    m_label->setText(tr("—"));
    m_status->setObjectName(QStringLiteral("classifyStatus"));
    m_status->setWordWrap(true);
    auto* open = new QPushButton(tr("Open .txt…"));
    open->setObjectName(QStringLiteral("openTextButton"));
    connect(open, &QPushButton::clicked, this, &ClassifyPane::openFile);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &ClassifyPane::requestNow);
    connect(m_edit, &QPlainTextEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    auto* result = new QHBoxLayout;
    result->addWidget(new QLabel(tr("Prediction:")));
    result->addWidget(m_label, 1);
    result->addWidget(open);
    m_method->setObjectName(QStringLiteral("explainMethodCombo"));
    m_method->addItem(tr("Integrated Gradients"));
    m_method->addItem(tr("Attention (fastai)"));
    m_method->setToolTip(tr("Integrated Gradients: signed scores that add up to the change of the logit; "
                            "attention: fastai's gradient magnitude per word, 0 to 1."));
    connect(m_method, &QComboBox::currentIndexChanged, this, [this](int method) {
        Q_EMIT explainMethodChanged(method);
        requestNow();
    });
    auto* save = new QPushButton(tr("Save…"));
    save->setObjectName(QStringLiteral("saveAttributionButton"));
    connect(save, &QPushButton::clicked, this, &ClassifyPane::saveAttribution);
    auto* why = new QHBoxLayout;
    why->addWidget(new QLabel(tr("Why:")));
    why->addWidget(m_method);
    why->addStretch(1);
    why->addWidget(save);
    m_why->setObjectName(QStringLiteral("classifyAttribution"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_edit, 1);
    layout->addLayout(result);
    layout->addWidget(m_bars);
    m_members->setObjectName(QStringLiteral("memberPredictions"));
    m_members->hide();
    layout->addWidget(m_members);
    layout->addWidget(m_status);
    layout->addLayout(why);
    layout->addWidget(m_why, 1);
}

QString ClassifyPane::text() const {
    return m_edit->toPlainText();
}

void ClassifyPane::requestNow() {
    const QString review = text();
    if (review.trimmed().isEmpty()) {
        m_label->setText(tr("—"));
        m_bars->clear();
        return;
    }
    m_status->setText(tr("Classifying…"));
    Q_EMIT classifyRequested(review);
}

void ClassifyPane::showAttribution(const TextAttribution& attribution) {
    if (attribution.text != text())
        return; // explains text that has since been edited
    m_why->setAttribution(attribution);
}

void ClassifyPane::saveAttribution() {
    const QString path = Dialogs::saveFile(this, tr("Save the explained review"), QStringLiteral("review.html"),
                                           tr("HTML page (*.html);;PNG image (*.png)"));
    if (path.isEmpty())
        return;
    const bool ok = path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ? m_why->savePng(path) : m_why->saveHtml(path);
    m_status->setText(ok ? tr("Saved to %1").arg(path) : m_why->errorString());
}

void ClassifyPane::showPrediction(const PredictionResult& result) {
    if (!result.text.isNull() && result.text != text())
        return; // an answer to text that has since been edited; the newer request is on its way
    m_label->setText(result.label);
    m_bars->setProbabilities(result.labels, result.probabilities);
    QStringList members; // "forward: pos 91.2 % · backward: pos 87.5 %"
    for (int m = 0; m < result.memberProbabilities.size(); ++m) {
        const auto& p = result.memberProbabilities[m];
        const int best = int(std::max_element(p.begin(), p.end()) - p.begin());
        members << tr("%1: %2 %3 %").arg(directionText(result.memberNames.value(m)), result.labels.value(best))
                       .arg(p.value(best) * 100.0, 0, 'f', 1);
    }
    m_members->setText(tr("Ensemble of %1").arg(members.join(QStringLiteral(" · "))));
    m_members->setVisible(!members.isEmpty());
    m_status->clear();
}

void ClassifyPane::showError(const QString& message) {
    m_status->setText(message);
}

bool ClassifyPane::loadTextFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    m_edit->setPlainText(QString::fromUtf8(file.readAll()));
    return true;
}

void ClassifyPane::openFile() {
    const QString path = Dialogs::openFile(this, tr("Open a review"), QString(), tr("Text files (*.txt)"));
    if (!path.isEmpty())
        loadTextFile(path);
}

// Dropping a .txt file loads its content instead of inserting the file's URL.
bool ClassifyPane::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
        auto* drag = static_cast<QDropEvent*>(event);
        if (!droppedTextFile(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (event->type() == QEvent::Drop) {
        auto* drop = static_cast<QDropEvent*>(event);
        const QString path = droppedTextFile(drop->mimeData());
        if (!path.isEmpty()) {
            loadTextFile(path);
            drop->acceptProposedAction();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ulmfit::ui
