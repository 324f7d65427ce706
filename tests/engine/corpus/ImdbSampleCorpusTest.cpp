// Integration: the real tokenizer and token cache on the imdb_sample archive (3000 reviews).
#include "engine/corpus/CountInCorpusOrder.h"

#include "data/corpus/CorpusBuilder.h"
#include "data/source/ReviewReader.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <chrono>
#include <cstdlib>

using namespace ulmfit;
namespace fs = std::filesystem;

namespace {
struct TaskCounter : Observer {
    int tokenizeReports = 0;
    void onProgress(const Progress& p) override { tokenizeReports += p.task == "tokenize"; }
};
} // namespace

class ImdbSampleCorpusTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    fs::path m_root;

private Q_SLOTS:
    void initTestCase() {
        const fs::path archive = fs::path(ULMFIT_SHARED_DATA_DIR) / "imdb_sample.tgz";
        if (!fs::exists(archive))
            QSKIP("imdb_sample.tgz is not available");
        const std::string command = "tar -xzf '" + archive.string() + "' -C '" + m_dir.path().toStdString() + "'";
        QCOMPARE(std::system(command.c_str()), 0);
        m_root = fs::path(m_dir.path().toStdString()) / "imdb_sample";
    }
    // The tokenizer's output on 3,000 real reviews as one digest (the bytes `ulmfit tokenize --raw`
    // prints for the files in path order): a faster rule or splitter must not change one token.
    // When the output changes on purpose, Tokenizer::kVersion and this digest change together.
    void tokensOfTheSampleAreUnchanged() {
        std::vector<std::string> files;
        for (const auto& entry : fs::recursive_directory_iterator(m_root))
            if (entry.is_regular_file() && entry.path().extension() == ".txt")
                files.push_back(fs::relative(entry.path(), m_root).generic_string());
        std::sort(files.begin(), files.end());
        QCOMPARE(files.size(), std::size_t(3000));
        const auto tokenizer = CorpusTokenizer::fastai();
        QCryptographicHash digest(QCryptographicHash::Sha256);
        text::TokenList tokens;
        std::string line;
        for (const auto& file : files) {
            tokenizer->tokenize(readReviewText(m_root / file), tokens);
            line.clear();
            for (std::size_t i = 0; i < tokens.size(); ++i)
                line.append(i ? " " : "").append(tokens[i]);
            line += '\n';
            digest.addData(QByteArrayView(line.data(), qsizetype(line.size())));
        }
        QCOMPARE(digest.result().toHex(), QByteArray("c66ea4f69f9170f7050399c8e734723108b324400276dbfb7ea455489ca591f6"));
    }

    void corpusIsTheTokenizersOutputNumericalized() {
        // The build splits each distinct chunk once and counts tokens through their chunks; the result
        // must be what tokenizing every review and counting every token in corpus order gives.
        const DatasetIndex index = scanDataset(m_root);
        const auto tokenizer = CorpusTokenizer::fastai();
        std::vector<std::vector<std::string>> docs;
        text::TokenList tokens;
        for (const auto& file : index.files) {
            tokenizer->tokenize(readReviewText(file.path), tokens);
            docs.push_back(tokens.strings());
        }
        const std::vector<TokenCount> counts = countInCorpusOrder(docs);
        CorpusOptions options;
        options.threads = 2;
        const Corpus corpus = buildCorpus(index, options);
        const Vocab expected = Vocab::build(counts, tokenizer->specials, options.vocab);
        QVERIFY(corpus.vocab == expected);
        QCOMPARE(corpus.size(), docs.size());
        for (std::size_t i = 0; i < docs.size(); ++i) {
            const auto ids = expected.encode(docs[i]);
            const auto doc = corpus.doc(i);
            QVERIFY(std::equal(ids.begin(), ids.end(), doc.data, doc.data + doc.size));
            QCOMPARE(doc.size, ids.size());
        }
    }
    void buildsThenHitsTheCache() {
        const DatasetIndex index = scanDataset(m_root);
        CorpusOptions options;
        options.cacheDir = fs::path(m_dir.path().toStdString()) / "cache";
        TaskCounter cold;
        QElapsedTimer timer;
        timer.start();
        const CorpusLoadResult first = loadOrBuildCorpus(index, options, &cold);
        const qint64 coldMs = timer.restart();
        QVERIFY(!first.cacheHit);
        QVERIFY(cold.tokenizeReports > 0);
        checkCorpus(first.corpus);

        TaskCounter warm;
        const CorpusLoadResult second = loadOrBuildCorpus(index, options, &warm);
        const qint64 warmMs = timer.elapsed();
        QVERIFY(second.cacheHit);
        QCOMPARE(warm.tokenizeReports, 0);
        QVERIFY2(warmMs * 3 < coldMs + 30, qPrintable(QString("cold %1 ms, cache %2 ms").arg(coldMs).arg(warmMs)));
        QVERIFY(second.corpus.vocab == first.corpus.vocab);
        QCOMPARE(second.corpus.tokens, first.corpus.tokens);
        qInfo("cold build %lld ms, cache hit %lld ms, %zu tokens, vocab %zu", coldMs, warmMs,
              first.corpus.tokens.size(), first.corpus.vocab.size());
    }
    void threadCountDoesNotChangeTheCorpus() {
        const DatasetIndex index = scanDataset(m_root);
        CorpusOptions one;
        one.threads = 1;
        CorpusOptions three;
        three.threads = 3;
        const Corpus a = buildCorpus(index, one);
        NumericalizeSeconds phases;
        const auto start = std::chrono::steady_clock::now();
        const Corpus b = buildCorpus(index, three, nullptr, nullptr, &phases);
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        // The phases are measured, in order, inside the build: each took some time, together no more than it.
        QVERIFY(phases.tokenize > 0 && phases.vocabulary > 0 && phases.numericalize > 0);
        QVERIFY(phases.tokenize + phases.vocabulary + phases.numericalize <= wall);
        QVERIFY(a.vocab == b.vocab);
        QCOMPARE(a.tokens, b.tokens);
        QCOMPARE(a.offsets, b.offsets);
    }

private:
    void checkCorpus(const Corpus& c) {
        QCOMPARE(c.size(), std::size_t(3000));
        QCOMPARE(c.indicesOf(Split::Train).size(), std::size_t(2000));
        QCOMPARE(c.indicesOf(Split::Test).size(), std::size_t(1000));
        QCOMPARE(c.labelNames, (std::vector<std::string>{"neg", "pos"}));
        QCOMPARE(c.vocab.size() % 8, std::size_t(0));
        QCOMPARE(c.vocab.itos()[0], std::string("xxunk"));
        QCOMPARE(c.vocab.itos()[1], std::string("xxpad"));
        QCOMPARE(c.vocab.itos()[9], std::string("the")); // the most frequent word follows the specials
        for (std::size_t i = 0; i < c.size(); ++i) {
            QCOMPARE(c.doc(i).data[0], std::int32_t(2)); // xxbos
            QVERIFY(c.labels[i] == 0 || c.labels[i] == 1);
        }
        QVERIFY(c.totalTokens() > 3000 * 100);
    }
};

QTEST_APPLESS_MAIN(ImdbSampleCorpusTest)
#include "ImdbSampleCorpusTest.moc"
