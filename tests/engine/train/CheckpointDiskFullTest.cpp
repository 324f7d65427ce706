// The per-epoch checkpoint on a disk that fills up: the epoch that does not fit fails with one
// clear error, and the previous epoch's checkpoint stays complete, current and loadable.
#include "SmallTmpfs.h"
#include "TinyModels.h"

#include "core/Error.h"
#include "train/DiscriminativeAdam.h"
#include "train/TrainingCheckpoint.h"

#include <QtTest>

#include <algorithm>
#include <fstream>

using namespace ulmfit;
namespace fs = std::filesystem;

namespace {
/// Leaves about `keep` bytes free on the file system holding `folder`.
void fillDisk(const fs::path& folder, std::uintmax_t keep) {
    const auto available = fs::space(folder).available;
    std::ofstream filler(folder / "filler", std::ios::binary);
    const std::string block(4096, 'x');
    for (std::uintmax_t written = 0; written + keep + block.size() <= available && filler;
         written += block.size())
        filler.write(block.data(), static_cast<std::streamsize>(block.size()));
}
} // namespace

class CheckpointDiskFullTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void epochThatDoesNotFitKeepsThePreviousCheckpoint() {
        test::SmallTmpfs disk(2 * 1024 * 1024);
        if (!disk.ok())
            QSKIP("cannot mount a tmpfs here (needs root)");
        torch::manual_seed(1);
        auto model = test::tinyLm(2000, 32); // 2 x 64,000 weights: about 0.5 MB with Adam's state
        DiscriminativeAdam adam(model.groups);
        const fs::path dir = disk.path() / "checkpoint";
        TrainingCheckpoint checkpoint(dir);
        checkpoint.save({0, 1, "lm"}, *model.module, adam);
        const auto saved = model.module->parameters().front().clone();

        fillDisk(disk.path(), 64 * 1024);
        {
            torch::NoGradGuard noGrad;
            model.module->parameters().front().add_(1.0); // "the next epoch"
        }
        QString error;
        try {
            checkpoint.save({0, 2, "lm"}, *model.module, adam);
        } catch (const Error& e) {
            error = e.what();
        }
        const QString newFile = QString::fromStdString((dir / "epoch-0-2" / "model.pt").string());
        QVERIFY2(error.startsWith("not enough disk space to write " + newFile + ": it needs "),
                 qPrintable(error));

        const auto progress = checkpoint.progress();
        QVERIFY(progress);
        QCOMPARE(progress->epochsDone, 1);
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(dir))
            names.push_back(entry.path().filename().string());
        std::sort(names.begin(), names.end());
        QCOMPARE(names, (std::vector<std::string>{"epoch-0-1", "progress.json"})); // nothing half-written
        auto reloaded = test::tinyLm(2000, 32);
        DiscriminativeAdam reloadedAdam(reloaded.groups);
        checkpoint.load(*reloaded.module, &reloadedAdam);
        QVERIFY(torch::equal(reloaded.module->parameters().front(), saved));
    }
};

QTEST_APPLESS_MAIN(CheckpointDiskFullTest)
#include "CheckpointDiskFullTest.moc"
