// The use cases the CLI and the bridge share: opening a dataset from a folder, its parent or an
// archive, building its corpus once (then the token cache), and drawing batches with the book's
// loader sizes.
#include "core/Error.h"
#include "data/source/SyntheticReviews.h"
#include "usecase/BatchPreview.h"
#include "usecase/DatasetOpening.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace ulmfit;
namespace fs = std::filesystem;

class UseCasesTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_reviews = fs::path(m_dir.filePath("parent/reviews").toStdString());
        writeSyntheticReviews(m_reviews, 40);
    }

    void opensAFolderItsParentAndAnArchive() {
        QCOMPARE(openDataset(m_reviews).root, m_reviews);
        QCOMPARE(openDataset(m_reviews.parent_path()).root, m_reviews); // the folder holding it
        const QString archive = m_dir.filePath("reviews.tgz");
        QCOMPARE(QProcess::execute("tar", {"czf", archive, "-C", m_dir.filePath("parent"), "reviews"}), 0);
        const fs::path extractRoot = m_dir.filePath("extracted").toStdString();
        const OpenedDataset extracted = openDataset(archive.toStdString(), extractRoot);
        QVERIFY(extracted.root.string().rfind(extractRoot.string(), 0) == 0);
        QCOMPARE(extracted.index.files.size(), openDataset(m_reviews).index.files.size());
        QVERIFY_THROWS_EXCEPTION(Error, openDataset(m_dir.filePath("nothing").toStdString()));
    }

    void buildsTheCorpusOnceThenReadsTheCache() {
        CorpusRequest request;
        request.data = m_reviews;
        request.corpus.vocab = {1, 60000};
        request.corpus.cacheDir = m_dir.filePath("cache").toStdString();
        const OpenedCorpus first = openCorpus(request);
        QVERIFY(!first.loaded.cacheHit);
        QCOMPARE(first.datasetRoot, m_reviews);
        const OpenedCorpus second = openCorpus(request);
        QVERIFY(second.loaded.cacheHit);
        QCOMPARE(second.loaded.corpus.size(), first.loaded.corpus.size());
        QVERIFY(describeCorpus(second.loaded).find("(token cache)") != std::string::npos);
    }

    void batchesUseTheBooksSizesAndDrawsDiffer() {
        using Kind = BatchPreviewOptions::Kind;
        const auto lm = BatchPreviewOptions::book(Kind::LanguageModel);
        QCOMPARE(lm.bs, 128);
        QCOMPARE(lm.seqLen, 80);
        QCOMPARE(BatchPreviewOptions::book(Kind::Classifier).bs, 128);
        QCOMPARE(BatchPreviewOptions::book(Kind::Classifier).seqLen, 72);

        CorpusRequest request;
        request.data = m_reviews;
        request.corpus.useCache = false;
        const Corpus corpus = openCorpus(request).loaded.corpus;
        BatchPreviewOptions small = lm;
        small.bs = 2;
        small.seqLen = 8;
        const BatchTable first = previewBatch(corpus, small);
        QCOMPARE(first.columns, (std::vector<std::string>{"text", "text_"}));
        QCOMPARE(previewBatch(corpus, small).rows, first.rows); // reproducible
        small.draw = 1;
        QVERIFY(previewBatch(corpus, small).rows != first.rows); // "another batch"
        BatchPreviewOptions classifier = BatchPreviewOptions::book(Kind::Classifier);
        classifier.bs = 4;
        classifier.rows = 3;
        const BatchTable clas = previewBatch(corpus, classifier);
        QCOMPARE(clas.columns, (std::vector<std::string>{"text", "category"}));
        QCOMPARE(clas.rows.size(), std::size_t(3));
    }

private:
    QTemporaryDir m_dir;
    fs::path m_reviews;
};

QTEST_APPLESS_MAIN(UseCasesTest)
#include "UseCasesTest.moc"
