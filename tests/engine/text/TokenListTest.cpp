// TokenList: tokens back to back in one buffer.
#include "data/text/TokenList.h"

#include <QtTest>

using ulmfit::text::TokenList;

class TokenListTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pushIndexAndIterate() {
        TokenList tokens;
        QVERIFY(tokens.empty());
        tokens.push("xxbos");
        tokens.push("");
        tokens.push("caf\xC3\xA9");
        QCOMPARE(tokens.size(), std::size_t(3));
        QCOMPARE(tokens[0], std::string_view("xxbos"));
        QCOMPARE(tokens[1], std::string_view(""));
        QCOMPARE(tokens[2], std::string_view("caf\xC3\xA9"));
        QCOMPARE(tokens.bytes(), std::string("xxboscaf\xC3\xA9"));
        std::vector<std::string> seen;
        for (const std::string_view t : tokens)
            seen.emplace_back(t);
        QCOMPARE(seen, (std::vector<std::string>{"xxbos", "", "caf\xC3\xA9"}));
        QCOMPARE(tokens.strings(), seen);
    }

    void truncateKeepsThePrefixAndReuses() {
        TokenList tokens;
        for (const char* t : {"a", "bb", "ccc"})
            tokens.push(t);
        tokens.truncate(1);
        QCOMPARE(tokens.strings(), std::vector<std::string>{"a"});
        tokens.push("d");
        QCOMPARE(tokens.strings(), (std::vector<std::string>{"a", "d"}));
        tokens.clear();
        QVERIFY(tokens.empty());
        QCOMPARE(tokens.bytes(), std::string());
    }
};

QTEST_APPLESS_MAIN(TokenListTest)
#include "TokenListTest.moc"
