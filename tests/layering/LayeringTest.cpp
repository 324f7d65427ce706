// The architecture's dependency rules, checked on the sources (so it runs wherever the tests build,
// a Qt-less GPU server included): no Qt under engine/, each engine module includes only the modules
// below it, the recipe library stays a leaf, and ui/ sees nothing of the engine but the recipe.
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QtTest>

namespace {
QString repoRoot() {
    return QFileInfo(QStringLiteral(__FILE__)).absoluteDir().absoluteFilePath("../..");
}

// Every `#include "..."` / `<...>` of each source under `folder`, as "file: header".
QStringList includes(const QString& folder) {
    static const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s*[<\"]([^>\"]+)[>\"]"),
                                            QRegularExpression::MultilineOption);
    QStringList found;
    QDirIterator it(repoRoot() + "/" + folder, {"*.h", "*.cpp"}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        auto matches = include.globalMatch(QString::fromUtf8(file.readAll()));
        while (matches.hasNext())
            found << QDir(repoRoot()).relativeFilePath(it.filePath()) + ": " + matches.next().captured(1);
    }
    return found;
}

QStringList matching(const QStringList& lines, const QString& pattern) {
    return lines.filter(QRegularExpression(pattern));
}

// engine/<module folder> -> the engine folders its files may include (its own included).
const QMap<QString, QStringList>& allowedEngineIncludes() {
    static const QMap<QString, QStringList> allowed{
        {"core", {"core"}},
        {"recipe", {"recipe", "core/Error.h"}},
        {"data/source", {"core", "data/source"}},
        {"zoo", {"core", "data/source", "zoo"}},
        {"data/text", {"core", "data/text"}},
        {"data/corpus", {"core", "recipe", "data/source", "data/text", "data/corpus"}},
        {"data/batch", {"core", "recipe", "data/source", "data/text", "data/corpus", "data/batch"}},
        {"model", {"core", "recipe", "model"}}, // a bundle records its Direction
        {"train", {"core", "recipe", "data", "model", "train"}},
        {"infer", {"core", "recipe", "data", "model", "train", "infer"}},
        {"pretrained", {"core", "recipe", "data", "model", "pretrained"}},
        {"usecase", {"core", "recipe", "data", "zoo", "model", "train", "infer", "pretrained", "usecase"}}, // infer: an ensemble is scored
        {"check", {"core", "recipe", "data", "zoo", "model", "train", "infer", "pretrained", "usecase", "check"}},
    };
    return allowed;
}
} // namespace

class LayeringTest : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void engineHasNoQt() {
        const QStringList bad = matching(includes("engine"), QStringLiteral(": Q"));
        QVERIFY(!includes("engine/core").isEmpty());
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(", ")));
    }

    void engineModulesIncludeOnlyWhatIsBelowThem() {
        static const QRegularExpression engineHeader(
            QStringLiteral(": ((core|recipe|data|zoo|model|train|infer|pretrained|usecase|check)/.*)$"));
        QStringList bad;
        for (auto module = allowedEngineIncludes().begin(); module != allowedEngineIncludes().end();
             ++module) {
            for (const QString& line : includes("engine/" + module.key())) {
                const auto match = engineHeader.match(line);
                if (!match.hasMatch())
                    continue;
                const QString header = match.captured(1);
                const bool ok =
                    std::any_of(module.value().begin(), module.value().end(), [&](const QString& prefix) {
                        return header == prefix || header.startsWith(prefix + "/");
                    });
                if (!ok)
                    bad << line;
            }
        }
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join("\n")));
    }

    void recipeIsALeaf() {
        const QStringList bad =
            matching(includes("engine/recipe"), QStringLiteral(": (torch|ATen|c10|spdlog)/"));
        QVERIFY(!includes("engine/recipe").isEmpty());
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(", ")));
    }

    void uiSeesOnlyTheRecipeOfTheEngine() {
        QVERIFY(!includes("ui/mainwindow").isEmpty());
        const QStringList torch = matching(includes("ui"), QStringLiteral(": (torch|ATen|c10)/"));
        QVERIFY2(torch.isEmpty(), qPrintable(torch.join(", ")));
        const QStringList engine =
            matching(includes("ui"), QStringLiteral(": (core|data|zoo|model|train|infer|pretrained|usecase|check|app)/"));
        QVERIFY2(engine.isEmpty(), qPrintable(engine.join(", ")));
    }

    void bridgeSeesOnlyTheUiValueTypes() {
        // The bridge links ulmfit-ui-types (Qt Core), not the widgets: it hands views plain values.
        const QStringList bad = matching(includes("app/bridge"), QStringLiteral(": ui/(?!types/)"));
        QVERIFY(!includes("app/bridge").isEmpty());
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(", ")));
    }

    void uiUsesOneIncludeStyle() {
        // Within ui/ a header is named from ui/ ("common/Format.h"); "ui/common/Format.h" is for app/.
        const QStringList bad = matching(includes("ui"), QStringLiteral(": ui/"));
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(", ")));
    }
};

QTEST_APPLESS_MAIN(LayeringTest)
#include "LayeringTest.moc"
