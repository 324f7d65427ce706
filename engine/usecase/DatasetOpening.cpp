#include "usecase/DatasetOpening.h"

#include "data/source/DatasetFetcher.h"

namespace ulmfit {
namespace fs = std::filesystem;

OpenedDataset openDataset(const fs::path& data, const fs::path& extractRoot, Observer* observer,
                          const CancelToken* cancel) {
    fs::path folder;
    if (fs::is_regular_file(data)) {
        FetchOptions fetch;
        fetch.localArchive = data;
        fetch.destRoot = extractRoot;
        folder = fetchDataset(fetch, observer, cancel).datasetRoot;
    } else {
        folder = findDatasetRoot(data);
    }
    OpenedDataset opened{folder, scanDataset(folder, observer, cancel)};
    return opened;
}

OpenedCorpus openCorpus(const CorpusRequest& request, Observer* observer, const CancelToken* cancel) {
    OpenedDataset dataset = openDataset(request.data, request.extractRoot, observer, cancel);
    return {dataset.root, loadOrBuildCorpus(dataset.index, request.corpus, observer, cancel)};
}

std::string describeCorpus(const CorpusLoadResult& loaded) {
    return std::to_string(loaded.corpus.size()) + " documents, " +
           std::to_string(loaded.corpus.totalTokens()) + " tokens, vocabulary " +
           std::to_string(loaded.corpus.vocab.size()) + " (" +
           (loaded.cacheHit ? std::string("token cache") : "tokenized: " + loaded.cacheNote) + ")";
}

} // namespace ulmfit
