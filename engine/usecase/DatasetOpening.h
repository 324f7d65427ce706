#pragma once
// Use case "open a dataset" and "build or load its corpus": a folder (or the folder holding it) or
// an archive (extracted first), scanned, then tokenized or read from the token cache. The CLI, the
// bridge and the recipe runner all go through here.
#include "core/CancelToken.h"
#include "core/Observer.h"
#include "data/corpus/CorpusBuilder.h"
#include "data/source/Dataset.h"

#include <filesystem>

namespace ulmfit {

struct OpenedDataset {
    std::filesystem::path root; // the folder holding train/ and test/
    DatasetIndex index;
};

/// `data` is a dataset folder, a folder holding one, or a .tgz archive; an archive is extracted
/// into `extractRoot` (empty: the per-user data folder), reusing an earlier complete extraction.
OpenedDataset openDataset(const std::filesystem::path& data, const std::filesystem::path& extractRoot = {},
                          Observer* observer = nullptr, const CancelToken* cancel = nullptr);

struct CorpusRequest {
    std::filesystem::path data;        // as openDataset takes it
    std::filesystem::path extractRoot; // as openDataset takes it
    CorpusOptions corpus;              // vocabulary options, token cache folder, ...
};

struct OpenedCorpus {
    std::filesystem::path datasetRoot;
    CorpusLoadResult loaded;
};

/// openDataset, then the corpus from the token cache or freshly tokenized (progress "tokenize").
OpenedCorpus openCorpus(const CorpusRequest& request, Observer* observer = nullptr,
                        const CancelToken* cancel = nullptr);

/// "50,000 documents, 14,230,112 tokens, vocabulary 60,008 (token cache)": one line for logs and the CLI.
std::string describeCorpus(const CorpusLoadResult& loaded);

} // namespace ulmfit
