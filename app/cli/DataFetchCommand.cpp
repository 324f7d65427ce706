// `ulmfit data fetch`: download (or take a local copy of) the IMDb archive, extract it safely into the
// per-user data folder and print the reviews per split and label; `ulmfit data info` prints the
// same table for any dataset folder.
#include "CommandRegistry.h"
#include "InterruptScope.h"
#include "TerminalProgress.h"

#include "core/CancelToken.h"
#include "data/source/Dataset.h"
#include "data/source/DatasetFetcher.h"
#include "data/source/DatasetSummary.h"

#include <iostream>
#include <memory>

namespace ulmfit::cli {
namespace {

struct FetchArgs {
    FetchOptions options;
    std::string archive;
    std::string dest;
    double maxExtractGib = 4;
};

void runFetch(const FetchArgs& args) {
    FetchOptions options = args.options;
    options.localArchive = args.archive;
    options.destRoot = args.dest;
    options.maxExtractBytes = std::uintmax_t(args.maxExtractGib * double(1ULL << 30));
    FetchResult result;
    {
        CancelToken cancel;
        InterruptScope interrupt(cancel);
        TerminalProgress progress;
        result = fetchDataset(options, &progress, &cancel);
    }
    if (result.downloaded)
        std::cout << "Downloaded " << result.archive.string() << "\n";
    std::cout << (result.extracted ? "Extracted to " : "Already extracted: ") << result.datasetRoot.string() << "\n";
    std::cout << describeDataset(scanDataset(result.datasetRoot));
}

void runInfo(const std::string& folder) {
    std::cout << describeDataset(scanDataset(folder));
}

void addFetch(CLI::App& data) {
    auto args = std::make_shared<FetchArgs>();
    CLI::App* fetch = data.add_subcommand("fetch", "Download and extract a dataset (default: fastai's IMDb)");
    fetch->add_option("--url", args->options.url, "Archive URL")->capture_default_str();
    fetch->add_option("--archive", args->archive, "Use this local archive instead of downloading")
        ->check(CLI::ExistingFile);
    fetch->add_option("--dest", args->dest, "Data folder (default: the per-user data folder)");
    fetch->add_option("--sha256", args->options.sha256, "Expected SHA-256 of the archive");
    fetch->add_option("--max-extract-gib", args->maxExtractGib, "Stop extracting past this size (archive-bomb guard)")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    fetch->callback([args] { runFetch(*args); });
}

void addInfo(CLI::App& data) {
    auto folder = std::make_shared<std::string>();
    CLI::App* info = data.add_subcommand("info", "Print the reviews per split and label of a dataset folder");
    info->add_option("--data", *folder, "Dataset folder (holding train/ and test/, or its parent)")
        ->required()
        ->check(CLI::ExistingDirectory);
    info->callback([folder] { runInfo(*folder); });
}

const CommandRegistration dataFetchCommandRegistration("data-fetch", [](CLI::App& app) {
    CLI::App& data = subcommandGroup(app, "data", "Get and inspect datasets");
    addFetch(data);
    addInfo(data);
});
} // namespace
} // namespace ulmfit::cli
