#include "model/ModelBundle.h"

#include "core/TokenLine.h"

#include "core/AtomicFile.h"
#include "core/Error.h"
#include "core/StagedFolder.h"
#include "model/Checkpoint.h"
#include "model/ModelFolder.h"

#include <nlohmann/json.hpp>

#include <fstream>

namespace ulmfit {
namespace fs = std::filesystem;
namespace {

constexpr const char* kClassifierKind = "classifier";
constexpr const char* kLanguageModelKind = "language_model";
constexpr const char* kEnsembleKind = "ensemble";

void writeConfig(const fs::path& dir, const nlohmann::json& config) {
    const std::string text = config.dump(2) + "\n";
    writeFileAtomically(
        dir / bundle::kConfigFile, [&](std::ostream& out) { out << text; }, false);
}

// The folder's config.json, checked to be a model config this version can read.
nlohmann::json readAnyConfig(const fs::path& dir) {
    requireModelFolderExists(dir);
    const fs::path path = dir / bundle::kConfigFile;
    std::ifstream in(path);
    if (!in)
        throw Error(dir.string() + " has no " + bundle::kConfigFile + ": not a saved model folder");
    nlohmann::json json;
    try {
        in >> json;
    } catch (const nlohmann::json::exception& e) {
        throw Error(path.string() + " is not valid JSON: " + e.what());
    }
    // a field of the wrong type (found by BundleConfigFuzz) is a bad config, not a crash
    if (!json.is_object() || !json.contains("kind") || !json["kind"].is_string())
        throw Error(path.string() + " is not a model config (needs \"kind\" and \"model\")");
    if (json["kind"] != kEnsembleKind && !json.contains("model"))
        throw Error(path.string() + " is not a model config (needs \"kind\" and \"model\")");
    const auto version = json.find("format_version");
    if (version != json.end() && (!version->is_number() || version->get<double>() > bundle::kFormatVersion))
        throw Error(version->is_number() ? dir.string() + " was saved by a newer ULMFiT Studio; please update"
                                         : path.string() + ": bad \"format_version\": not a number");
    return json;
}

nlohmann::json readConfig(const fs::path& dir, const std::string& kind) {
    auto json = readAnyConfig(dir);
    const auto stored = json["kind"].get<std::string>();
    if (stored == kEnsembleKind && kind == kClassifierKind)
        throw Error(dir.string() + " is an ensemble of classifiers: name one of its members (e.g. " +
                    (dir.parent_path() / "fwd" / "classifier").string() + ") for this");
    if (stored != kind)
        throw Error(dir.string() + " holds " + modelKindInWords(stored) + ", not " + modelKindInWords(kind));
    return json;
}

template <typename T> T readField(const nlohmann::json& json, const char* key, const fs::path& dir) {
    try {
        return json.at(key).get<T>();
    } catch (const nlohmann::json::exception& e) {
        throw Error(dir.string() + "/" + bundle::kConfigFile + ": bad \"" + key + "\": " + e.what());
    }
}

std::vector<std::string> readCheckedVocab(const fs::path& dir, const AwdLstmConfig& config) {
    auto vocab = readVocabFile(dir / bundle::kVocabFile);
    if (static_cast<int64_t>(vocab.size()) != config.vocabSize)
        throw Error("model was trained with a vocabulary of " + std::to_string(config.vocabSize) +
                    " tokens but vocab.txt has " + std::to_string(vocab.size()) + " (" + dir.string() + ")");
    return vocab;
}

Direction readDirection(const nlohmann::json& json, const fs::path& dir) {
    if (!json.contains("direction"))
        return Direction::Forward; // saved before backward models existed
    const auto name = json["direction"].is_string() ? json["direction"].get<std::string>() : std::string();
    const auto direction = directionFromName(name);
    if (!direction)
        throw Error(dir.string() + "/" + bundle::kConfigFile + ": bad \"direction\": expected \"fwd\" or \"bwd\"");
    return *direction;
}

void checkVocabSize(const AwdLstmConfig& config, const std::vector<std::string>& vocab) {
    if (static_cast<int64_t>(vocab.size()) != config.vocabSize)
        throw Error("cannot save: the model has a vocabulary of " + std::to_string(config.vocabSize) +
                    " tokens but " + std::to_string(vocab.size()) + " were given");
}

} // namespace

std::string bundleKind(const fs::path& dir) {
    return readAnyConfig(dir)["kind"].get<std::string>();
}

std::string modelKindInWords(const std::string& kind) {
    if (kind == kLanguageModelKind)
        return "a language model";
    if (kind == kClassifierKind)
        return "a classifier";
    if (kind == kEnsembleKind)
        return "an ensemble of classifiers";
    return "a model of kind \"" + kind + "\"";
}

void writeVocabFile(const fs::path& path, const std::vector<std::string>& vocab) {
    writeFileAtomically(
        path,
        [&](std::ostream& out) {
            for (const auto& token : vocab)
                out << escapeTokenLine(token) << '\n';
        },
        false);
}

std::vector<std::string> readVocabFile(const fs::path& path) {
    std::ifstream in(path);
    if (!in)
        throw Error("vocabulary file not found: " + path.string());
    std::vector<std::string> vocab;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        vocab.push_back(unescapeTokenLine(line));
    }
    return vocab;
}

void saveClassifierBundle(const fs::path& dir, const TextClassifier& model,
                          const std::vector<std::string>& vocab, const std::vector<std::string>& labels,
                          Direction direction) {
    checkVocabSize(model->config(), vocab);
    if (static_cast<int64_t>(labels.size()) != model->options().nClasses)
        throw Error("cannot save: the classifier has " + std::to_string(model->options().nClasses) +
                    " classes but " + std::to_string(labels.size()) + " labels were given");
    StagedFolder staged(dir); // complete before it replaces an earlier bundle
    staged.fill([&](const fs::path& folder) {
        saveClassifier(model, folder / bundle::kWeightsFile);
        writeVocabFile(folder / bundle::kVocabFile, vocab);
        writeConfig(folder, {{"format_version", bundle::kFormatVersion},
                             {"kind", kClassifierKind},
                             {"model", model->config()},
                             {"classifier", model->options()},
                             {"labels", labels},
                             {"direction", directionName(direction)}});
    });
    staged.commit();
}

LoadedClassifier loadClassifierBundle(const fs::path& folder, torch::Device device) {
    const fs::path dir = resolveModelFolder(folder, ModelKind::Classifier);
    const auto json = readConfig(dir, kClassifierKind);
    const auto config = readField<AwdLstmConfig>(json, "model", dir);
    const auto options = readField<ClassifierOptions>(json, "classifier", dir);
    LoadedClassifier loaded;
    loaded.labels = readField<std::vector<std::string>>(json, "labels", dir);
    if (static_cast<int64_t>(loaded.labels.size()) != options.nClasses)
        throw Error(dir.string() + "/config.json lists " + std::to_string(loaded.labels.size()) +
                    " labels for a classifier with " + std::to_string(options.nClasses) + " classes");
    loaded.vocab = readCheckedVocab(dir, config);
    loaded.direction = readDirection(json, dir);
    loaded.model = TextClassifier(config, options);
    loaded.model->to(device);
    loadClassifier(loaded.model, dir / bundle::kWeightsFile);
    loaded.model->eval();
    return loaded;
}

void saveLanguageModelBundle(const fs::path& dir, const LanguageModel& model,
                             const std::vector<std::string>& vocab, Direction direction) {
    checkVocabSize(model->config(), vocab);
    StagedFolder staged(dir); // complete before it replaces an earlier bundle
    staged.fill([&](const fs::path& folder) {
        saveLanguageModel(model, folder / bundle::kWeightsFile);
        writeVocabFile(folder / bundle::kVocabFile, vocab);
        writeConfig(folder, {{"format_version", bundle::kFormatVersion},
                             {"kind", kLanguageModelKind},
                             {"model", model->config()},
                             {"direction", directionName(direction)}});
    });
    staged.commit();
}

LoadedLanguageModel loadLanguageModelBundle(const fs::path& folder, torch::Device device) {
    const fs::path dir = resolveModelFolder(folder, ModelKind::LanguageModel);
    const auto json = readConfig(dir, kLanguageModelKind);
    const auto config = readField<AwdLstmConfig>(json, "model", dir);
    LoadedLanguageModel loaded;
    loaded.vocab = readCheckedVocab(dir, config);
    loaded.direction = readDirection(json, dir);
    loaded.model = LanguageModel(config);
    loaded.model->to(device);
    loadLanguageModel(loaded.model, dir / bundle::kWeightsFile);
    loaded.model->eval();
    return loaded;
}

void saveEnsembleBundle(const fs::path& dir, const std::vector<fs::path>& members) {
    if (members.size() < 2)
        throw Error("an ensemble needs at least two classifiers");
    for (std::size_t a = 0; a < members.size(); ++a)
        for (std::size_t b = a + 1; b < members.size(); ++b)
            if (fs::weakly_canonical(members[a]) == fs::weakly_canonical(members[b]))
                throw Error(members[a].string() + " and " + members[b].string() +
                            " are the same classifier: an ensemble averages different ones (a forward and a "
                            "backward run, say)");
    nlohmann::json paths = nlohmann::json::array();
    for (const auto& member : members)
        paths.push_back(fs::relative(fs::absolute(member), fs::absolute(dir)).generic_string());
    StagedFolder staged(dir);
    staged.fill([&](const fs::path& folder) {
        writeConfig(folder, {{"format_version", bundle::kFormatVersion}, {"kind", kEnsembleKind}, {"members", paths}});
    });
    staged.commit();
}

bool isEnsembleFolder(const fs::path& dir) {
    std::ifstream in(dir / bundle::kConfigFile);
    if (!in)
        return false;
    const auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    return json.is_object() && json.contains("kind") && json["kind"] == kEnsembleKind;
}

Direction bundleDirection(const fs::path& dir) {
    std::ifstream in(dir / bundle::kConfigFile);
    if (!in)
        return Direction::Forward;
    const auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object() || !json.contains("direction") || !json["direction"].is_string())
        return Direction::Forward;
    return directionFromName(json["direction"].get<std::string>()).value_or(Direction::Forward);
}

std::vector<fs::path> ensembleMembers(const fs::path& dir) {
    const auto json = readConfig(dir, kEnsembleKind);
    std::vector<fs::path> members;
    for (const auto& path : readField<std::vector<std::string>>(json, "members", dir)) {
        const fs::path member = (dir / path).lexically_normal();
        if (!fs::is_directory(member))
            throw Error("the ensemble " + dir.string() + " names a member that is not there: " + member.string());
        members.push_back(member);
    }
    if (members.size() < 2)
        throw Error(dir.string() + "/config.json: an ensemble needs at least two members");
    return members;
}

} // namespace ulmfit
