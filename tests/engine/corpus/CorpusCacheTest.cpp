#include "core/CancelToken.h"
#include "data/corpus/CorpusBuilder.h"
#include "data/corpus/TokenCache.h"
#include "data/text/WordSplitter.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <fstream>

using namespace ulmfit;
namespace fs = std::filesystem;

namespace {
/// Splits on spaces after an "xxbos"; counts calls so a test can tell a cache hit from a rebuild.
struct CountingTokenizer {
    std::shared_ptr<std::atomic<int>> calls = std::make_shared<std::atomic<int>>(0);
    std::shared_ptr<const CorpusTokenizer> make(int version) const {
        auto t = std::make_shared<CorpusTokenizer>();
        t->specials = {"xxunk", "xxpad", "xxbos", "xxeos", "xxfld", "xxrep", "xxwrep", "xxup", "xxmaj"};
        t->version = version;
        t->chunk = [calls = calls](std::string_view text, text::Chunks& out) {
            ++*calls;
            out.text = "xxbos " + std::string(text);
            out.views.clear();
            text::cutChunks(out.text, out.views); // the words between the spaces
        };
        t->split = [](std::string_view chunk, text::TokenList& out) { out.push(chunk); };
        return t;
    }
};

void writeText(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

/// train/{neg,pos} 3 files each, test/{neg,pos} 2 files each.
fs::path makeDataset(const fs::path& root) {
    for (const char* split : {"train", "test"})
        for (const char* label : {"neg", "pos"})
            for (int i = 0; i < (std::string(split) == "train" ? 3 : 2); ++i)
                writeText(root / split / label / (std::to_string(i) + "_7.txt"),
                          std::string("this ") + label + " movie was " + (i % 2 ? "great" : "bad") + " movie");
    return root;
}

struct Fixture {
    QTemporaryDir dir;
    fs::path data = makeDataset(fs::path(dir.path().toStdString()) / "ds");
    CountingTokenizer counter;
    CorpusOptions options;
    Fixture() {
        options.cacheDir = fs::path(dir.path().toStdString()) / "cache";
        options.vocab.minFreq = 1;
        options.tokenizer = counter.make(1);
    }
    CorpusLoadResult load() { return loadOrBuildCorpus(scanDataset(data), options); }
};

void compareCorpora(const Corpus& a, const Corpus& b) {
    QVERIFY(a.vocab == b.vocab);
    QCOMPARE(a.tokens, b.tokens);
    QCOMPARE(a.offsets, b.offsets);
    QCOMPARE(a.labels, b.labels);
    QVERIFY(a.splits == b.splits);
    QCOMPARE(a.sourcePaths, b.sourcePaths);
    QCOMPARE(a.labelNames, b.labelNames);
}
} // namespace

class CorpusCacheTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void buildDescribesEveryDocument() {
        Fixture f;
        const Corpus c = f.load().corpus;
        QCOMPARE(c.size(), std::size_t(10));
        QCOMPARE(c.labelNames, (std::vector<std::string>{"neg", "pos"}));
        QCOMPARE(c.indicesOf(Split::Train).size(), std::size_t(6));
        QCOMPARE(c.indicesOf(Split::Test).size(), std::size_t(4));
        for (std::size_t i = 0; i < c.size(); ++i) {
            const bool pos = c.sourcePaths[i].find("/pos/") != std::string::npos;
            QCOMPARE(c.labelNames[std::size_t(c.labels[i])], std::string(pos ? "pos" : "neg"));
            QCOMPARE(c.vocab.token(c.doc(i).data[0]), std::string("xxbos"));
            QCOMPARE(c.docLength(i), std::int64_t(7));
        }
    }
    void secondLoadHitsTheCacheWithoutTokenizing() {
        Fixture f;
        const auto first = f.load();
        QVERIFY(!first.cacheHit);
        QCOMPARE(f.counter.calls->load(), 10);
        QVERIFY(fs::exists(first.cacheFile));
        const auto second = f.load();
        QVERIFY(second.cacheHit);
        QCOMPARE(f.counter.calls->load(), 10);
        compareCorpora(first.corpus, second.corpus);
    }
    void modifiedFileInvalidates() {
        Fixture f;
        f.load();
        writeText(f.data / "train" / "pos" / "0_7.txt", "a completely different review text");
        const auto again = f.load();
        QVERIFY(!again.cacheHit);
        QVERIFY(QString::fromStdString(again.cacheNote).contains("inputs changed"));
        QVERIFY(again.corpus.vocab.id("completely") != Vocab::kUnkId);
    }
    void touchedFileInvalidates() {
        Fixture f;
        f.load();
        const auto file = f.data / "test" / "neg" / "1_7.txt";
        fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(5));
        QVERIFY(!f.load().cacheHit);
        QVERIFY(f.load().cacheHit);
    }
    void tokenizerVersionAndOptionsInvalidate() {
        Fixture f;
        f.load();
        f.options.tokenizer = f.counter.make(2);
        QVERIFY(!f.load().cacheHit);
        QVERIFY(f.load().cacheHit);
        f.options.vocab.minFreq = 5;
        const auto changed = f.load();
        QVERIFY(!changed.cacheHit);
        QCOMPARE(changed.corpus.vocab.id("great"), Vocab::kUnkId); // "great" occurs 4 times
        const auto index = scanDataset(f.data);
        QVERIFY(corpusCacheKey(index, f.options.vocab, 1) != corpusCacheKey(index, f.options.vocab, 2));
        QVERIFY(corpusCacheKey(index, VocabOptions{3, 60000}, 1) != corpusCacheKey(index, VocabOptions{3, 100}, 1));
    }
    void truncatedCacheIsRebuilt() {
        Fixture f;
        const auto first = f.load();
        fs::resize_file(first.cacheFile, fs::file_size(first.cacheFile) / 2);
        const auto again = f.load();
        QVERIFY(!again.cacheHit);
        QVERIFY(QString::fromStdString(again.cacheNote).startsWith("corrupt"));
        compareCorpora(first.corpus, again.corpus);
        QVERIFY(f.load().cacheHit); // rewritten intact
    }
    void flippedByteIsDetected() {
        Fixture f;
        const auto first = f.load();
        std::fstream file(first.cacheFile, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(static_cast<std::streamoff>(fs::file_size(first.cacheFile) - 20));
        file.put('\x7f');
        file.close();
        const auto again = f.load();
        QVERIFY(!again.cacheHit);
        QVERIFY(QString::fromStdString(again.cacheNote).startsWith("corrupt"));
    }
    void garbageFileIsRebuiltNotCrashed() {
        Fixture f;
        const auto first = f.load();
        std::ofstream(first.cacheFile, std::ios::binary) << std::string(1000, '\xff');
        QVERIFY(!f.load().cacheHit);
        QVERIFY(f.load().cacheHit);
    }
    void unwritableCacheFolderStillBuilds() {
        Fixture f;
        std::ofstream(f.options.cacheDir.string()) << "a file where the cache folder should be";
        const auto result = f.load();
        QVERIFY(!result.cacheHit);
        QCOMPARE(result.corpus.size(), std::size_t(10));
    }
    void cancelledBuildWritesNoCache() {
        Fixture f;
        CancelToken cancel;
        cancel.cancel();
        QVERIFY_THROWS_EXCEPTION(Cancelled, loadOrBuildCorpus(scanDataset(f.data), f.options, nullptr, &cancel));
        QVERIFY(!fs::exists(f.options.cacheDir) || fs::is_empty(f.options.cacheDir));
    }
};

QTEST_APPLESS_MAIN(CorpusCacheTest)
#include "CorpusCacheTest.moc"
