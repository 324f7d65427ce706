#pragma once
// Runs the real `ulmfit` (ULMFIT_CLI_PATH, defined for every CLI test) as a user would.
#include <QList>
#include <QPair>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ulmfit::test {

/// What one run of `ulmfit` gave. A run that did not finish in time keeps code -1 and CrashExit.
struct CliRun {
    int code = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QString out, err;
};

using EnvironmentVariables = QList<QPair<QString, QString>>;

/// Runs `ulmfit arguments...` with `variables` added to this process's environment, waiting at
/// most `timeoutMs` for it to end.
inline CliRun runUlmfit(const QStringList& arguments, const EnvironmentVariables& variables = {},
                        int timeoutMs = 120000) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const auto& [name, value] : variables)
        environment.insert(name, value);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(ULMFIT_CLI_PATH), arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitCode(), process.exitStatus(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace ulmfit::test
