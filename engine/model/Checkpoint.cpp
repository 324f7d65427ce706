#include "model/Checkpoint.h"

#include "core/Error.h"
#include "model/ArchiveFile.h"

#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>

#include <map>
#include <sstream>

namespace ulmfit {
namespace {

constexpr const char* kVersionKey = "ulmfit_format_version";
constexpr const char* kKindKey = "ulmfit_kind";

using ShapeMap = std::map<std::string, std::vector<int64_t>>;

ShapeMap shapesOf(const torch::nn::Module& module) {
    ShapeMap shapes;
    for (const auto& item : module.named_parameters())
        shapes[item.key()] = item.value().sizes().vec();
    for (const auto& item : module.named_buffers())
        shapes[item.key()] = item.value().sizes().vec();
    return shapes;
}

std::string shapeText(const std::vector<int64_t>& shape) {
    std::ostringstream out;
    out << c10::IntArrayRef(shape);
    return out.str();
}

/// torch's loader silently adopts whatever shape the file has, so compare with what the model
/// was built with and explain the first difference in the user's terms.
void checkShapes(const ShapeMap& expected, const ShapeMap& loaded, const std::filesystem::path& path) {
    for (const auto& [name, shape] : expected) {
        const auto& got = loaded.at(name);
        if (got == shape)
            continue;
        const bool embedding = name.size() >= 14 && name.compare(name.size() - 14, 14, "encoder.weight") == 0;
        if (embedding && got.size() == 2 && shape.size() == 2 && got[0] != shape[0])
            throw Error("the weights were trained with a vocabulary of " + std::to_string(got[0]) +
                        " tokens but this model has " + std::to_string(shape[0]) + " (" + path.string() +
                        ")");
        throw Error(path.string() + " does not fit this model: " + name + " is " + shapeText(got) +
                    " in the file but " + shapeText(shape) + " here (different model sizes?)");
    }
}

torch::Device deviceOf(const torch::nn::Module& module) {
    auto params = module.parameters();
    return params.empty() ? torch::Device(torch::kCPU) : params.front().device();
}

void readHeader(torch::serialize::InputArchive& archive, const std::string& kind,
                const std::filesystem::path& path) {
    c10::IValue version, storedKind;
    bool found = false;
    try { // LibTorch reads the entries lazily: a corrupt one fails here (found by CheckpointFuzz),
          // with c10::Error or TorchScript's own ErrorReport
        found = archive.try_read(kVersionKey, version) && archive.try_read(kKindKey, storedKind);
    } catch (const std::exception&) {
    }
    if (!found || !version.isInt() || !storedKind.isString())
        throw Error(path.string() + " is not an ULMFiT Studio weight file");
    if (version.toInt() > kCheckpointFormatVersion)
        throw Error(path.string() + " was written by a newer ULMFiT Studio (format " +
                    std::to_string(version.toInt()) + "); please update");
    if (storedKind.toStringRef() != kind)
        throw Error(path.string() + " holds " + storedKind.toStringRef() + " weights, not " + kind +
                    " weights");
}

} // namespace

void saveModule(const torch::nn::Module& module, const std::string& kind, const std::filesystem::path& path) {
    torch::serialize::OutputArchive archive;
    archive.write(kVersionKey, c10::IValue(kCheckpointFormatVersion));
    archive.write(kKindKey, c10::IValue(kind));
    module.save(archive);
    writeArchiveFile(archive, path);
}

void loadModule(torch::nn::Module& module, const std::string& kind, const std::filesystem::path& path) {
    if (!std::filesystem::is_regular_file(path))
        throw Error("model file not found: " + path.string());
    torch::serialize::InputArchive archive;
    try {
        readArchiveFile(archive, path, deviceOf(module));
    } catch (const Error&) {
        throw Error(path.string() + " is not a readable weight file (corrupt or not written by ULMFiT Studio)");
    }
    readHeader(archive, kind, path);
    const auto expected = shapesOf(module);
    try {
        torch::NoGradGuard noGrad;
        module.load(archive);
    } catch (const c10::Error& e) {
        const std::string what = e.what_without_backtrace();
        throw Error(path.string() + " does not fit this model: " + what.substr(0, what.find('\n')));
    } catch (const std::exception& e) {
        const std::string what = e.what();
        throw Error(path.string() + " does not fit this model: " + what.substr(0, what.find('\n')));
    }
    checkShapes(expected, shapesOf(module), path);
}

void saveEncoder(const AwdLstm& encoder, const std::filesystem::path& path) {
    saveModule(*encoder, "encoder", path);
}
void loadEncoder(const AwdLstm& encoder, const std::filesystem::path& path) {
    loadModule(*encoder.ptr(), "encoder", path);
}

void saveLanguageModel(const LanguageModel& model, const std::filesystem::path& path) {
    saveModule(*model, "language_model", path);
}
void loadLanguageModel(const LanguageModel& model, const std::filesystem::path& path) {
    loadModule(*model.ptr(), "language_model", path);
}
void saveClassifier(const TextClassifier& model, const std::filesystem::path& path) {
    saveModule(*model, "classifier", path);
}
void loadClassifier(const TextClassifier& model, const std::filesystem::path& path) {
    loadModule(*model.ptr(), "classifier", path);
}

} // namespace ulmfit
