#pragma once
// Where the language model starts, as fastai's language_model_learner offers it: fastai's
// WikiText-103 model (downloaded or imported here when missing), a model of the user's own, or
// random weights.
#include "types/PretrainedModels.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace ulmfit::ui {

class PretrainedStartEditor : public QWidget {
    Q_OBJECT
  public:
    enum Start { WikiText103, EarlierModel, Scratch };

    explicit PretrainedStartEditor(QWidget* parent = nullptr);

    /// What the models folder holds now; the WikiText-103 choice is complete only when installed.
    void setPretrainedModels(const PretrainedModelList& models);
    /// The recipe's `pretrained` field: "" (scratch), an installed model's name, or a path.
    void setPretrained(const QString& value);
    QString pretrained() const;
    Start start() const;
    bool isComplete() const;
    /// Shown under the choice when the recipe fine-tunes from random weights.
    void setScratchWarningVisible(bool visible);
    /// Which directions the run trains: a backward model starts from fastai's backward WikiText-103
    /// (wt103-bwd), so the WikiText-103 choice then needs that one installed too.
    void setDirections(bool forward, bool backward);

  Q_SIGNALS:
    void changed();
    void downloadRequested(const QString& name);
    void importRequested(const QString& name, const QString& archiveOrFolder);

  private:
    QWidget* buildWikiTextRow();
    QWidget* buildEarlierRow();
    void updateStatus();
    QStringList requiredModels() const; // the catalogue models the WikiText-103 choice needs now
    QString firstMissing() const;
    void chooseArchive();
    void browseEarlier();

    QComboBox* m_start;
    QStackedWidget* m_details;
    QLabel* m_status;
    QPushButton* m_download;
    QPushButton* m_import;
    QLineEdit* m_earlierPath;
    QLabel* m_scratchWarning;
    PretrainedModelList m_models;
    QString m_modelName = QStringLiteral("wt103-fwd"); // which catalogue model the WikiText-103 choice names
    bool m_forward = true, m_backward = false;
};

} // namespace ulmfit::ui
