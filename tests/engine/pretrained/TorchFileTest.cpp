#include "pretrained/TorchFile.h"
#include "FastaiFixtures.h"

#include <caffe2/serialize/inline_container.h>

#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace ulmfit;
using test::errorOf;
using test::fastaiFixture;
namespace fs = std::filesystem;

namespace {

template <std::size_t N> std::string bytes(const char (&literal)[N]) {
    return std::string(literal, N - 1);
}

const std::vector<std::string> kV2Keys{
    "0.encoder.weight",           "0.encoder_dp.emb.weight",
    "0.rnns.0.weight_hh_l0_raw",  "0.rnns.0.module.weight_ih_l0",
    "0.rnns.0.module.bias_ih_l0", "0.rnns.0.module.bias_hh_l0",
    "0.rnns.1.weight_hh_l0_raw",  "0.rnns.1.module.weight_ih_l0",
    "0.rnns.1.module.bias_ih_l0", "0.rnns.1.module.bias_hh_l0",
    "0.rnns.2.weight_hh_l0_raw",  "0.rnns.2.module.weight_ih_l0",
    "0.rnns.2.module.bias_ih_l0", "0.rnns.2.module.bias_hh_l0",
    "1.decoder.weight",           "1.decoder.bias",
};

/// Copies the zip fixture record by record with LibTorch's writer, leaving `skip` out.
void copyZipWithout(const fs::path& from, const fs::path& to, const std::string& skip) {
    caffe2::serialize::PyTorchStreamReader reader(from.string());
    caffe2::serialize::PyTorchStreamWriter writer(to.string());
    for (const auto& name : reader.getAllRecords()) {
        if (name == skip || name == "version" || name == ".data/version") // the writer adds its own
            continue;
        auto [data, size] = reader.getRecord(name);
        writer.writeRecord(name, data.get(), size);
    }
    writer.writeEndOfFile();
}

void writeZipWithPickle(const fs::path& to, const std::string& pickle) {
    caffe2::serialize::PyTorchStreamWriter writer(to.string());
    writer.writeRecord("data.pkl", pickle.data(), pickle.size());
    writer.writeEndOfFile();
}

} // namespace

class TorchFileTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void readsTheZipFormat() {
        const auto sd = readTorchStateDict(fastaiFixture("lm_zip.pth"));
        QVERIFY(sd.keys() == kV2Keys);
        QCOMPARE(sd.at("0.encoder.weight").sizes(), (at::IntArrayRef{47, 8}));
        QCOMPARE(sd.at("0.rnns.1.module.weight_ih_l0").sizes(), (at::IntArrayRef{48, 12}));
        QCOMPARE(sd.at("1.decoder.bias").sizes(), (at::IntArrayRef{47}));
        // fastai's tied weights are one storage in the file and stay one here.
        QCOMPARE(sd.at("1.decoder.weight").data_ptr(), sd.at("0.encoder.weight").data_ptr());
        QCOMPARE(sd.at("0.encoder_dp.emb.weight").data_ptr(), sd.at("0.encoder.weight").data_ptr());
    }

    void legacyFormatHoldsTheSameWeights() {
        const auto zip = readTorchStateDict(fastaiFixture("lm_zip.pth"));
        const auto legacy = readTorchStateDict(fastaiFixture("lm_legacy.pth"));
        QCOMPARE(legacy.size(), zip.size() + 3); // fastai v1's module.weight_hh_l0 copies
        for (const auto& [key, tensor] : zip.entries())
            QVERIFY2(torch::equal(legacy.at(key), tensor), key.c_str());
        QVERIFY(
            torch::equal(legacy.at("0.rnns.2.module.weight_hh_l0"), legacy.at("0.rnns.2.weight_hh_l0_raw")));
        QCOMPARE(legacy.at("1.decoder.weight").data_ptr(), legacy.at("0.encoder.weight").data_ptr());
    }

    void writtenFileReadsBack() {
        QTemporaryDir dir;
        const fs::path path = dir.filePath("out.pth").toStdString();
        auto sd = readTorchStateDict(fastaiFixture("lm_legacy.pth"));
        writeTorchStateDict(path, sd);
        const auto back = readTorchStateDict(path);
        QVERIFY(back.keys() == sd.keys());
        for (const auto& [key, tensor] : sd.entries())
            QVERIFY2(torch::equal(back.at(key), tensor), key.c_str());
        QCOMPARE(back.at("1.decoder.weight").data_ptr(), back.at("0.encoder.weight").data_ptr());
    }

    // Found by TorchFileFuzz: a legacy file whose storage claims about 2 TB; refused before allocating.
    void aStorageLargerThanTheFileIsRefused() {
        const std::string path = ULMFIT_FIXTURES_DIR "/fuzz/legacy-huge-storage.pth";
        QVERIFY2(errorOf([&] { readTorchStateDict(path); }).contains("claims more bytes than the file holds"),
                 qPrintable(errorOf([&] { readTorchStateDict(path); })));
    }

    void truncatedFilesAreRefused() {
        QTemporaryDir dir;
        for (const char* name : {"lm_zip.pth", "lm_legacy.pth"}) {
            const auto bytes = test::readBytes(fastaiFixture(name));
            for (std::size_t cut : {bytes.size() / 2, bytes.size() - 100, std::size_t(1)}) {
                const fs::path path = dir.filePath("cut.pth").toStdString();
                test::writeBytes(path, bytes.substr(0, cut));
                const auto error = errorOf([&] { readTorchStateDict(path); });
                QVERIFY2(error.contains("truncated"), qPrintable(error));
            }
        }
    }

    void zipWithoutARecordIsRefused() {
        QTemporaryDir dir;
        const fs::path path = dir.filePath("missing.pth").toStdString();
        copyZipWithout(fastaiFixture("lm_zip.pth"), path, "data/3");
        const auto error = errorOf([&] { readTorchStateDict(path); });
        QVERIFY2(error.contains("has no record \"data/3\""), qPrintable(error));
        copyZipWithout(fastaiFixture("lm_zip.pth"), path, "data.pkl");
        QVERIFY(errorOf([&] { readTorchStateDict(path); }).contains("has no record \"data.pkl\""));
    }

    void codeInAStateDictIsRefused() {
        QTemporaryDir dir;
        const fs::path path = dir.filePath("evil.pth").toStdString();
        // os.system("true"), as a malicious torch.save file would carry it.
        writeZipWithPickle(path, bytes("\x80\x02"
                                       "cos\nsystem\nX\x04\x00\x00\x00true\x85R."));
        auto error = errorOf([&] { readTorchStateDict(path); });
        QVERIFY2(error.contains("refused Python object os.system"), qPrintable(error));
        // NEWOBJ is never interpreted, whatever the class.
        writeZipWithPickle(path, bytes("\x80\x02"
                                       "ccollections\nOrderedDict\n)\x81."));
        error = errorOf([&] { readTorchStateDict(path); });
        QVERIFY2(error.contains("refused pickle opcode NEWOBJ"), qPrintable(error));
        // A pickle that is data but not a state dict.
        writeZipWithPickle(path, bytes("\x80\x02]q\x00."));
        QVERIFY(errorOf([&] { readTorchStateDict(path); }).contains("holds a list, not a state dict"));
    }

    void otherFilesAreRefused() {
        QTemporaryDir dir;
        const fs::path path = dir.filePath("text.pth").toStdString();
        test::writeBytes(path, "hello world");
        QVERIFY(errorOf([&] { readTorchStateDict(path); }).contains("not a torch.save file"));
        QVERIFY(errorOf([&] {
                    readTorchStateDict(fastaiFixture("itos.pkl"));
                }).contains("no torch magic number"));
        QVERIFY(errorOf([&] { readTorchStateDict("/no/such/file.pth"); }).contains("not found"));
    }
};

QTEST_APPLESS_MAIN(TorchFileTest)
#include "TorchFileTest.moc"
