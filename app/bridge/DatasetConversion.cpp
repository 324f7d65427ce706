#include "app/bridge/EngineState.h"

#include <QHash>

using namespace ulmfit::ui;

namespace {
/// Returns one shared QString per distinct value, so 100k entries hold 2-3 split/label strings.
class Interner {
  public:
    const QString& operator()(const std::string& s) {
        auto it = m_strings.find(s);
        if (it == m_strings.end())
            it = m_strings.emplace(s, QString::fromStdString(s)).first;
        return it->second;
    }

  private:
    std::unordered_map<std::string, QString> m_strings;
};
} // namespace

DatasetInfo toDatasetInfo(const ulmfit::DatasetIndex& index) {
    DatasetInfo info;
    Interner intern;
    info.root = QString::fromStdString(index.root.string());
    info.files.reserve(qsizetype(index.files.size()));
    for (const ulmfit::ReviewFile& file : index.files)
        info.files.push_back({QString::fromStdString(file.path.string()), intern(file.split),
                              intern(file.label), file.rating, qint64(file.bytes)});
    for (const std::string& label : index.labels)
        info.labels << intern(label);
    for (const auto& [split, labels] : index.counts)
        for (const auto& [label, count] : labels)
            info.counts[intern(split)][intern(label)] = int(count);
    info.emptyFiles = int(index.emptyFiles.size());
    return info;
}
