#include "app/gui/StudioController.h"

#include "app/bridge/EngineBridge.h"
#include "app/bridge/LogForwarder.h"
#include "app/bridge/PredictBridge.h"
#include "app/gui/BatchController.h"
#include "app/gui/DatasetController.h"
#include "app/gui/EvaluateController.h"
#include "app/gui/PredictController.h"
#include "app/gui/TrainController.h"
#include "ui/batches/BatchView.h"
#include "ui/common/Dialogs.h"
#include "ui/common/Icons.h"
#include "ui/dataset/DatasetView.h"
#include "ui/log/LogView.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/settings/Settings.h"

#include <QDir>
#include <QFileInfo>

#include <spdlog/spdlog.h>

using namespace ulmfit::ui;

namespace {
QString resolveLogFile(const QString& requested) {
    if (requested == QLatin1String("-"))
        return {};
    return requested.isEmpty() ? LogForwarder::defaultLogFile() : requested;
}
} // namespace

StudioController::StudioController(const QString& logFile, QObject* parent)
    : QObject(parent), m_log(std::make_unique<LogForwarder>(resolveLogFile(logFile))),
      m_bridge(std::make_unique<EngineBridge>()), m_window(std::make_unique<MainWindow>()) {
    addViews();
    wireLog();
    wireModels();
    m_dataset = std::make_unique<DatasetController>(m_window.get(), m_datasetView, m_bridge.get());
    m_batches = std::make_unique<BatchController>(m_batchView, m_bridge.get());
    connect(m_dataset.get(), &DatasetController::datasetChanged, m_batches.get(),
            &BatchController::setDataset);
    addModelViews();
    m_window->setDeviceText(EngineBridge::deviceDescription());
}

StudioController::~StudioController() {
    m_train.reset(); // stop engine work before the views it reports to go away
    m_predictBridge.reset();
    m_bridge.reset();
}

void StudioController::addViews() {
    m_datasetView = new DatasetView;
    m_batchView = new BatchView;
    m_logView = new LogView;
    m_window->addView(QStringLiteral("dataset"), tr("Dataset"), Icons::view(QStringLiteral("dataset")),
                      m_datasetView);
    m_window->addView(QStringLiteral("batches"), tr("Batches"), Icons::view(QStringLiteral("batches")),
                      m_batchView);
    m_window->addView(QStringLiteral("log"), tr("Log"), Icons::view(QStringLiteral("log")), m_logView);
}

void StudioController::wireLog() {
    connect(m_log.get(), &LogForwarder::records, m_logView, &LogView::append);
    if (!m_log->logFile().isEmpty())
        m_logView->setLogFile(m_log->logFile());
    m_logView->setMinimumLevel(LogLevel(Settings::get(SettingKeys::logLevel)));
    connect(m_logView, &LogView::minimumLevelChanged, this,
            [](LogLevel level) { Settings::set(SettingKeys::logLevel, int(level)); });
}

void StudioController::wireModels() {
    m_window->setRecentModels(Settings::get(SettingKeys::recentModels));
    connect(m_window.get(), &MainWindow::openModelRequested, this, [this] {
        const QString path = Dialogs::openFile(m_window.get(), tr("Open model"),
                                               QFileInfo(Settings::get(SettingKeys::loadedModel)).path(),
                                               tr("ULMFiT models (*.pt *.ulmfit);;All files (*)"));
        if (!path.isEmpty())
            chooseModel(path);
    });
    connect(m_window.get(), &MainWindow::recentModelRequested, this, &StudioController::chooseModel);
}

void StudioController::addModelViews() {
    m_predictBridge = std::make_unique<PredictBridge>();
    m_train = std::make_unique<TrainController>(m_window.get(), m_bridge.get());
    m_predict = std::make_unique<PredictController>(m_window.get(), m_predictBridge.get());
    m_evaluate = std::make_unique<EvaluateController>(m_window.get(), m_predictBridge.get());
    connect(m_train.get(), &TrainController::modelTrained, this, &StudioController::chooseModel);
    connect(this, &StudioController::modelChosen, m_predict.get(), &PredictController::loadModel);
    connect(m_dataset.get(), &DatasetController::datasetChanged, this, [this](const DatasetInfo& info) {
        m_train->setDatasetPath(info.root);
        m_evaluate->setDatasetPath(info.root);
    });
}

void StudioController::chooseModel(const QString& path) {
    if (!QFileInfo::exists(path)) {
        Dialogs::warning(m_window.get(), tr("Open model"),
                         tr("The model file %1 no longer exists.").arg(path));
        return;
    }
    Settings::set(SettingKeys::loadedModel, path);
    m_window->setRecentModels(Settings::addRecentModel(path));
    m_window->setModelText(QFileInfo(path).fileName());
    spdlog::info("model chosen: {}", path.toStdString());
    Q_EMIT modelChosen(path);
}

void StudioController::start() {
    m_window->restoreSettings();
    m_window->show();
    spdlog::info("ULMFiT Studio started; device: {}", EngineBridge::deviceDescription().toStdString());
    m_dataset->reopenLastDataset();
}
