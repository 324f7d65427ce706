#include "pretrained/ItosPickle.h"
#include "FastaiFixtures.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace ulmfit;
using test::errorOf;
using test::fastaiFixture;

class ItosPickleTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void readsProtocolsTwoAndFour() {
        const auto p4 = readItosPickle(fastaiFixture("itos.pkl"));
        const auto p2 = readItosPickle(fastaiFixture("itos_p2.pkl"));
        QCOMPARE(p4.size(), std::size_t(test::fastaiExpected()["vocab_size"].get<int>()));
        QCOMPARE(p4[0], std::string("xxunk"));
        QCOMPARE(p4[1], std::string("xxpad"));
        QCOMPARE(p4[9], std::string("the"));
        QCOMPARE(p4.back(), std::string("never"));
        QVERIFY(p2 == p4);
    }

    void writtenPickleReadsBack() {
        // Three APPENDS batches, UTF-8, an empty token and the newline token fastai keeps.
        std::vector<std::string> itos{"xxunk", "", "\n", "caf\xc3\xa9", "a b"};
        for (int i = 0; i < 2500; ++i)
            itos.push_back("w" + std::to_string(i));
        QTemporaryDir dir;
        const std::filesystem::path path = dir.filePath("itos.pkl").toStdString();
        writeItosPickle(path, itos);
        QVERIFY(readItosPickle(path) == itos);
        QVERIFY(parseItosPickle(itosPickleBytes({}), "empty").empty());
    }

    void refusesWhatIsNotAListOfStr() {
        QVERIFY(errorOf([] { readItosPickle(fastaiFixture("bad_dict.pkl")); }).contains("holds a dict"));
        QVERIFY(errorOf([] {
                    readItosPickle(fastaiFixture("bad_int_in_list.pkl"));
                }).contains("item 1 is an int"));
        QVERIFY(errorOf([] { readItosPickle("/no/such/itos.pkl"); }).contains("not found"));
        QVERIFY(
            errorOf([] { parseItosPickle("hello", "text"); }).contains("not a pickle of protocol 2 to 5"));
        // Protocol 0 (text opcodes, no PROTO): pickle.dumps(["a"], protocol=0).
        QVERIFY(errorOf([] { parseItosPickle("(lp0\nVa\np1\na.", "p0"); }).contains("protocol 2 to 5"));
    }

    void refusesCodeBeforeRunningIt() {
        // pickle.dump([obj], ...) where obj.__reduce__ returns (print, (...)).
        const auto p2 = errorOf([] { readItosPickle(fastaiFixture("bad_global_p2.pkl")); });
        QVERIFY2(p2.contains("refused pickle opcode GLOBAL"), qPrintable(p2));
        QVERIFY(p2.contains("plain list of strings"));
        const auto p4 = errorOf([] { readItosPickle(fastaiFixture("bad_global_p4.pkl")); });
        QVERIFY2(p4.contains("refused pickle opcode STACK_GLOBAL"), qPrintable(p4));
        // REDUCE, BUILD, INST, OBJ, NEWOBJ on their own (after a list, so the opcode is reached).
        const std::pair<const char*, const char*> opcodes[] = {{"R", "REDUCE"},    {"b", "BUILD"},
                                                               {"i", "INST"},      {"o", "OBJ"},
                                                               {"\x81", "NEWOBJ"}, {"Q", "PERSID"}};
        for (const auto& [byte, name] : opcodes) {
            const std::string bytes = std::string("\x80\x02]") + byte + ".";
            const auto error = errorOf([&] { parseItosPickle(bytes, "crafted"); });
            QVERIFY2(error.contains(QString("refused pickle opcode ") + name), qPrintable(error));
        }
    }

    // Found by ItosPickleFuzz: a list appended to itself (EMPTY_LIST, BINPUT 0, BINGET 0, APPEND)
    // would own its own storage and leak; a dict set into itself likewise.
    void refusesAContainerThatContainsItself() {
        const auto bytes = [](const auto& literal) { return std::string(literal, sizeof literal - 1); };
        QVERIFY(errorOf([&] { parseItosPickle(bytes("\x80\x02]q\x00h\x00" "a."), "cycle"); })
                    .contains("a list that contains itself"));
        // inner.append(outer), then outer.append(inner)
        QVERIFY(errorOf([&] { parseItosPickle(bytes("\x80\x02]q\x00]q\x01h\x00" "aa."), "nested"); })
                    .contains("a list that contains itself"));
        QVERIFY(errorOf([&] { parseItosPickle(bytes("\x80\x02}q\x00X\x01\x00\x00\x00kh\x00s."), "dict"); })
                    .contains("a dict that contains itself"));
    }

    void refusesTruncatedAndTrailingBytes() {
        const auto bytes = test::readBytes(fastaiFixture("itos.pkl"));
        for (std::size_t cut : {std::size_t(1), std::size_t(20), bytes.size() - 1}) {
            const auto error = errorOf([&] { parseItosPickle(bytes.substr(0, cut), "cut"); });
            QVERIFY2(error.contains("truncated"), qPrintable(error));
        }
        QVERIFY(errorOf([&] { parseItosPickle(bytes + "x", "long"); }).contains("after the pickled list"));
    }
};

QTEST_APPLESS_MAIN(ItosPickleTest)
#include "ItosPickleTest.moc"
