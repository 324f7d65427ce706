// `ulmfit data show-batch`: builds (or loads from the token cache) the corpus of a dataset folder and
// prints the first batch of the LM or classifier loader decoded to text, as the book's show_batch.
#include "CommandRegistry.h"
#include "TerminalProgress.h"

#include "usecase/BatchPreview.h"
#include "usecase/DatasetOpening.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>

namespace ulmfit::cli {
namespace {

struct ShowBatchArgs {
    std::string data;
    bool lm = false;
    bool clas = false;
    int rows = 5;
    int bs = 0;     // 0: the book's loader size for the chosen kind
    int seqLen = 0; // 0: the book's
    std::uint64_t seed = 42;
    std::int64_t maxTokens = 0;
    std::string cacheDir;
    bool noCache = false;
};

/// fastai keeps "\n" tokens; show them escaped so a row stays on one line.
std::string oneLine(const std::string& s) {
    std::string result;
    for (const char c : s) {
        switch (c) {
        case '\n':
            result += "\\n";
            break;
        case '\r':
            result += "\\r";
            break;
        case '\t':
            result += "\\t";
            break;
        default:
            result += c;
        }
    }
    return result;
}

std::size_t codePoints(const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

/// Cuts `s` to at most `width` code points, ending with "…" when something was cut.
std::string fit(const std::string& s, std::size_t width) {
    if (codePoints(s) <= width)
        return s + std::string(width - codePoints(s), ' ');
    std::size_t kept = 0, end = 0;
    for (; end < s.size(); ++end)
        if ((s[end] & 0xC0) != 0x80 && kept++ == width - 1)
            break;
    return s.substr(0, end) + "…";
}

std::size_t terminalWidth() {
    winsize size{};
    if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 40)
        return size.ws_col;
    if (const char* columns = std::getenv("COLUMNS"))
        return std::max(40, std::atoi(columns));
    return 0; // not a terminal: ~100 characters per text cell
}

/// Column widths: short columns (category) keep their width, text columns share the rest.
std::vector<std::size_t> columnWidths(const BatchTable& table) {
    std::vector<std::size_t> widths(table.columns.size(), 0);
    for (std::size_t c = 0; c < widths.size(); ++c) {
        widths[c] = codePoints(table.columns[c]);
        for (const auto& row : table.rows)
            widths[c] = std::max(widths[c], codePoints(row[c]));
    }
    const std::size_t texts =
        static_cast<std::size_t>(std::count_if(table.columns.begin(), table.columns.end(),
                                               [](const std::string& c) { return c.rfind("text", 0) == 0; }));
    const std::size_t terminal = terminalWidth();
    std::size_t fixed = 5 + 3 * widths.size();
    for (std::size_t c = 0; c < widths.size(); ++c)
        if (table.columns[c].rfind("text", 0) != 0)
            fixed += widths[c];
    const std::size_t share =
        terminal > fixed + 20 * texts ? (terminal - fixed) / std::max<std::size_t>(1, texts) : 100;
    for (std::size_t c = 0; c < widths.size(); ++c)
        if (table.columns[c].rfind("text", 0) == 0)
            widths[c] = std::min(widths[c], std::max<std::size_t>(20, share));
    return widths;
}

void printTable(BatchTable table) {
    for (auto& row : table.rows)
        for (auto& cell : row)
            cell = oneLine(cell);
    const auto widths = columnWidths(table);
    const auto printRow = [&](const std::string& index, const std::vector<std::string>& cells) {
        std::string line = fit(index, 4);
        for (std::size_t c = 0; c < cells.size(); ++c)
            line += (c ? " | " : " ") + fit(cells[c], widths[c]);
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        std::cout << line << "\n";
    };
    printRow("", table.columns);
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        printRow(std::to_string(r), table.rows[r]);
}

BatchPreviewOptions previewOptions(const ShowBatchArgs& args) {
    using Kind = BatchPreviewOptions::Kind;
    BatchPreviewOptions options = BatchPreviewOptions::book(args.lm ? Kind::LanguageModel : Kind::Classifier);
    options.rows = args.rows;
    options.bs = args.bs > 0 ? args.bs : options.bs;
    options.seqLen = args.seqLen > 0 ? args.seqLen : options.seqLen;
    options.seed = args.seed;
    options.maxTokens = args.maxTokens;
    return options;
}

void showBatch(const ShowBatchArgs& args) {
    CorpusRequest request;
    request.data = args.data;
    request.corpus.cacheDir = args.cacheDir;
    request.corpus.useCache = !args.noCache;
    const CorpusLoadResult loaded = [&] {
        TerminalProgress progress; // its line ends before the batch is printed
        return openCorpus(request, &progress).loaded;
    }();
    const Corpus& corpus = loaded.corpus;
    std::cout << "corpus: " << corpus.size() << " documents, " << corpus.totalTokens() << " tokens, vocab "
              << corpus.vocab.size() << " (token cache "
              << (args.noCache      ? "off"
                  : loaded.cacheHit ? "hit"
                                    : "miss, written")
              << (args.noCache ? "" : ": ") << loaded.cacheFile.string() << ")\n";
    printTable(previewBatch(corpus, previewOptions(args)));
}

const CommandRegistration dataShowBatchCommandRegistration("data show-batch", [](CLI::App& app) {
    auto args = std::make_shared<ShowBatchArgs>();
    CLI::App* cmd =
        subcommandGroup(app, "data", "Get and inspect datasets")
            .add_subcommand("show-batch", "Show a language-model or classifier batch decoded to text");
    cmd->add_option("--data", args->data,
                    "Dataset folder (with train/ and test/), the folder holding it, or a .tgz")
        ->required();
    auto* lm = cmd->add_flag("--lm", args->lm, "Language-model batch (all documents, 10% validation split)");
    auto* clas = cmd->add_flag("--clas", args->clas, "Classifier batch (train/ documents, sorted by length)");
    lm->excludes(clas);
    cmd->add_option("-n,--rows", args->rows, "Rows to show")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000));
    cmd->add_option("--bs", args->bs, "Batch size (default: the book's, 128)")->check(CLI::Range(1, 100000));
    cmd->add_option("--seq-len", args->seqLen, "LM sequence length (default: the book's, 80)")
        ->check(CLI::Range(2, 100000));
    cmd->add_option("--seed", args->seed, "Shuffle/split seed")->capture_default_str();
    cmd->add_option("--max-tokens", args->maxTokens,
                    "Classifier: keep each review's first N tokens (0 = all)");
    cmd->add_option("--cache-dir", args->cacheDir,
                    "Token cache folder (default: cache/ in the per-user data folder)");
    cmd->add_flag("--no-cache", args->noCache, "Tokenize without reading or writing the token cache");
    cmd->callback([args] {
        if (!args->lm && !args->clas)
            throw CLI::ValidationError("show-batch", "choose --lm or --clas");
        showBatch(*args);
    });
});

} // namespace
} // namespace ulmfit::cli
