#pragma once
// Wizard page 1: the preset, the dataset (folder or archive), its size, and tokenizing it now.
#include "types/ProgressInfo.h"
#include "wizard/RecipePage.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace ulmfit::ui {

class DataPage : public RecipePage {
    Q_OBJECT
  public:
    explicit DataPage(QWidget* parent = nullptr);

    void loadFrom(const ulmfit::Recipe& recipe) override;
    void storeTo(ulmfit::Recipe& recipe) const override;
    bool isComplete() const override;
    bool validatePage() override;
    void selectPreset(const QString& name); // without emitting presetChosen

    // Run options: not part of the recipe file.
    QString dataPath() const;
    void setDataPath(const QString& path);
    QString outputDir() const;
    void setOutputDir(const QString& path);
    void setTokenizeAvailable(bool available); // hidden until something answers tokenizeRequested

  public Q_SLOTS:
    void setTokenizeProgress(const ProgressInfo& progress);
    void tokenizeFinished(bool ok, const QString& summary);

  Q_SIGNALS:
    void presetChosen(const QString& name); // "book" | "quick"
    void tokenizeRequested(const QString& datasetPath);

  private:
    QWidget* buildPathRow(QLineEdit* edit, bool withArchive);
    QWidget* buildTokenizeRow();
    void browse(QLineEdit* edit, bool archive);

    QComboBox* m_preset;
    QLineEdit* m_path;
    QLineEdit* m_output;
    QSpinBox* m_maxVocab;
    QSpinBox* m_minFreq;
    QDoubleSpinBox* m_validPct;
    QSpinBox* m_seed;
    QPushButton* m_tokenize;
    QProgressBar* m_tokenizeBar;
    QLabel* m_message;
};

} // namespace ulmfit::ui
