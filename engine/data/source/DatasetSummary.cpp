#include "data/source/DatasetSummary.h"

#include <cstdio>
#include <sstream>

namespace ulmfit {
namespace {
std::string cell(const std::string& text) {
    char out[64];
    std::snprintf(out, sizeof out, "%9s", text.c_str());
    return out;
}

std::string row(const DatasetIndex& index, const std::string& split) {
    std::string line = "  " + split + std::string(split.size() < 6 ? 6 - split.size() : 0, ' ');
    const auto& counts = index.counts.at(split);
    for (const std::string& label : index.labels) {
        const auto it = counts.find(label);
        line += cell(it == counts.end() ? "-" : std::to_string(it->second));
    }
    return line + cell(std::to_string(index.count(split))) + "\n";
}
} // namespace

std::string describeDataset(const DatasetIndex& index) {
    std::ostringstream out;
    out << "Dataset " << index.root.string() << "\n  split ";
    for (const std::string& label : index.labels)
        out << cell(label);
    out << cell("total") << "\n";
    for (const char* split : {"train", "test", "unsup"})
        if (index.counts.count(split))
            out << row(index, split);
    out << "  empty files: " << index.emptyFiles.size() << "\n";
    const std::size_t shown = std::min<std::size_t>(index.emptyFiles.size(), 10);
    for (std::size_t i = 0; i < shown; ++i)
        out << "    " << index.emptyFiles[i].string() << "\n";
    if (shown < index.emptyFiles.size())
        out << "    ... and " << index.emptyFiles.size() - shown << " more\n";
    return out.str();
}

} // namespace ulmfit
