#include "app/bridge/DeviceInfo.h"

#include "core/BlasKernels.h"
#include "train/Device.h"
#include "train/Precision.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace {
/// The card's name from the NVIDIA driver's procfs: a CPU build of LibTorch has no CUDA API for it.
QString nvidiaCardName() {
    const QDir gpus(QStringLiteral("/proc/driver/nvidia/gpus"));
    for (const QString& gpu : gpus.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile info(gpus.filePath(gpu + QStringLiteral("/information")));
        if (!info.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray& line : info.readAll().split('\n'))
            if (line.startsWith("Model:"))
                return QString::fromUtf8(line.mid(6)).trimmed();
    }
    return {};
}
} // namespace

namespace DeviceInfo {

bool cudaAvailable() { return torch::cuda::is_available(); }

QString description() {
    if (cudaAvailable()) {
        const QString name = nvidiaCardName();
        return QStringLiteral("CUDA: %1").arg(name.isEmpty() ? QStringLiteral("GPU") : name);
    }
    const int threads = ulmfit::configureCpu().cores(); // what the engine workers will use
    const QString cpu = threads == 1 ? QCoreApplication::translate("DeviceInfo", "CPU (1 thread)")
                                     : QCoreApplication::translate("DeviceInfo", "CPU (%1 threads)").arg(threads);
    QString text = cpu + QStringLiteral(" · BLAS ") + QString::fromStdString(ulmfit::currentBlasKernels().shortSummary());
    if (ulmfit::precisionFor(false, true).precision == ulmfit::Precision::BFloat16Mixed)
        text += QStringLiteral(" · bfloat16");
    return text;
}

} // namespace DeviceInfo
