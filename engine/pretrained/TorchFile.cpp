#include "pretrained/TorchFile.h"

#include "core/AtomicFile.h"
#include "core/Error.h"
#include "pretrained/TorchPickle.h"

#include <ATen/ATen.h>
#include <caffe2/serialize/inline_container.h>
#include <torch/csrc/jit/serialization/pickle.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>

namespace ulmfit {
namespace fs = std::filesystem;
using pickle::Value;

namespace {

// torch.save's legacy magic number 0x1950a86a20f9469cfc6c as the bytes of a pickled LONG1.
const std::string kLegacyMagic("\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19", 10);
constexpr std::int64_t kLegacyProtocolVersion = 1001;

StateDict toStateDict(const Value& root, const std::string& source) {
    const Value* value = &root;
    // fastai's learn.save(..., with_opt=True) wraps the weights: {"model": ..., "opt": ...}.
    if (const Value* model = root.find("model"); model && model->is(Value::Kind::Dict))
        value = model;
    if (!value->is(Value::Kind::Dict))
        throw Error(source + " holds " + describe(*value) + ", not a state dict");
    StateDict stateDict;
    for (const auto& [key, tensor] : *value->dict) {
        if (!key.is(Value::Kind::String))
            throw Error(source + " is not a state dict: a key is " + describe(key));
        if (!tensor.is(Value::Kind::Tensor))
            throw Error(source + " is not a state dict: \"" + key.text + "\" is " + describe(tensor));
        stateDict.set(key.text, tensor.tensor);
    }
    return stateDict;
}

std::string readWholeFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error("weights file not found: " + path.string());
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

StateDict readZip(const fs::path& path) {
    const std::string source = path.string();
    std::unique_ptr<caffe2::serialize::PyTorchStreamReader> reader;
    try {
        reader = std::make_unique<caffe2::serialize::PyTorchStreamReader>(path.string());
    } catch (const c10::Error&) {
        throw Error(source + " is not a complete torch.save zip file (truncated or damaged)");
    }
    auto record = [&](const std::string& name) {
        if (!reader->hasRecord(name))
            throw Error(source + " has no record \"" + name + "\" (the file is damaged or incomplete)");
        try {
            return reader->getRecord(name);
        } catch (const c10::Error&) {
            throw Error(source + ": record \"" + name + "\" cannot be read (the file is damaged)");
        }
    };
    if (reader->hasRecord("byteorder")) { // PyTorch >= 2.1 says which byte order the storages use
        auto [data, size] = record("byteorder");
        if (std::string(static_cast<const char*>(data.get()), size) != "little")
            throw Error(source + " was saved on a big-endian machine, which is not supported");
    }
    auto [pickleData, pickleSize] = record("data.pkl");
    std::map<std::string, torch::Tensor> storages;
    auto loadStorage = [&](const pickle::StorageRef& ref) {
        if (auto it = storages.find(ref.key); it != storages.end())
            return it->second;
        const std::string name = "data/" + ref.key;
        auto [data, size] = record(name);
        const auto expected = static_cast<std::size_t>(ref.numel) * at::elementSize(ref.dtype);
        if (size != expected)
            throw Error(source + ": record \"" + name + "\" has " + std::to_string(size) + " bytes, " +
                        std::to_string(expected) + " expected (the file is damaged)");
        // The tensor owns the record's buffer: no copy of the weights.
        auto owner = std::make_shared<at::DataPtr>(std::move(data));
        auto storage = at::from_blob(
            owner->get(), {ref.numel}, [owner](void*) {}, at::TensorOptions().dtype(ref.dtype));
        storages.emplace(ref.key, storage);
        return storage;
    };
    pickle::Reader reader2(static_cast<const char*>(pickleData.get()), pickleSize, source + " (data.pkl)",
                           pickle::torchStateDictHooks(source, loadStorage), "a state dict never needs that");
    return toStateDict(reader2.readOne(), source);
}

struct LegacyStorage {
    torch::Tensor tensor;
    pickle::StorageRef ref;
};

StateDict readLegacy(const fs::path& path, const std::string& bytes) {
    const std::string source = path.string();
    pickle::Reader header(bytes.data(), bytes.size(), source);
    const Value magic = header.readOne();
    if (!magic.is(Value::Kind::BigInt) || magic.text != kLegacyMagic)
        throw Error(source + " is a pickle but not a torch.save file (no torch magic number)");
    const Value protocol = header.readOne();
    if (!protocol.is(Value::Kind::Int) || protocol.integer != kLegacyProtocolVersion)
        throw Error(source + ": unsupported torch.save protocol version");
    const Value sysInfo = header.readOne();
    if (const Value* little = sysInfo.find("little_endian");
        !little || !little->is(Value::Kind::Bool) || !little->boolean)
        throw Error(source + " was saved on a big-endian machine, which is not supported");

    // The object comes first; the storages it names follow it, so they are allocated here and
    // filled in afterwards (the tensors are views into them).
    std::map<std::string, LegacyStorage> storages;
    auto loadStorage = [&](const pickle::StorageRef& ref) {
        auto it = storages.find(ref.key);
        // Every storage's bytes follow in this file: a larger claim is a corrupt header, refused
        // before allocating it (found by TorchFileFuzz: a 2 TB storage).
        const auto claimed = static_cast<double>(ref.numel) * static_cast<double>(c10::elementSize(ref.dtype));
        if (ref.numel < 0 || claimed > static_cast<double>(bytes.size()))
            throw Error(source + ": storage " + ref.key + " claims more bytes than the file holds (corrupt file)");
        if (it == storages.end())
            it =
                storages
                    .emplace(ref.key,
                             LegacyStorage{at::empty({ref.numel}, at::TensorOptions().dtype(ref.dtype)), ref})
                    .first;
        else if (it->second.ref.numel != ref.numel || it->second.ref.dtype != ref.dtype)
            throw Error(source + ": storage " + ref.key + " is named with two different sizes or types");
        return it->second.tensor;
    };
    std::size_t pos = header.position();
    pickle::Reader objectReader(bytes.data() + pos, bytes.size() - pos, source,
                                pickle::torchStateDictHooks(source, loadStorage),
                                "a state dict never needs that");
    const Value object = objectReader.readOne();
    pos += objectReader.position();
    pickle::Reader keysReader(bytes.data() + pos, bytes.size() - pos, source);
    const Value keys = keysReader.readOne();
    pos += keysReader.position();
    for (const auto& keyValue : keys.asSequence(source + ": storage key list")) {
        const std::string& key = keyValue.asString(source + ": storage key");
        const auto it = storages.find(key);
        if (it == storages.end())
            throw Error(source + ": storage " + key + " is listed but never used (the file is damaged)");
        auto& storage = it->second;
        const auto elementBytes = at::elementSize(storage.ref.dtype);
        if (bytes.size() - pos < 8)
            throw Error(source + " ends before storage " + key + " (the file is truncated)");
        std::int64_t numel = 0;
        std::memcpy(&numel, bytes.data() + pos, 8);
        pos += 8;
        if (numel != storage.ref.numel)
            throw Error(source + ": storage " + key + " holds " + std::to_string(numel) + " elements, " +
                        std::to_string(storage.ref.numel) + " expected (the file is damaged)");
        const auto n = static_cast<std::size_t>(numel) * elementBytes;
        if (bytes.size() - pos < n)
            throw Error(source + " ends inside storage " + key + " (the file is truncated)");
        std::memcpy(storage.tensor.data_ptr(), bytes.data() + pos, n);
        pos += n;
        storage.ref.key.clear(); // filled
    }
    for (const auto& [key, storage] : storages)
        if (!storage.ref.key.empty())
            throw Error(source + ": the data of storage " + key +
                        " is missing (the file is truncated or damaged)");
    return toStateDict(object, source);
}

} // namespace

StateDict readTorchStateDict(const fs::path& path) {
    if (!fs::is_regular_file(path))
        throw Error("weights file not found: " + path.string());
    char head[4] = {};
    {
        std::ifstream in(path, std::ios::binary);
        in.read(head, 4);
        if (in.gcount() < 2)
            throw Error(path.string() + " is empty or truncated: not a torch.save file");
    }
    if (std::memcmp(head, "PK\x03\x04", 4) == 0)
        return readZip(path);
    if (static_cast<unsigned char>(head[0]) == 0x80)
        return readLegacy(path, readWholeFile(path));
    throw Error(path.string() + " is not a torch.save file (neither the zip nor the legacy format)");
}

void writeTorchStateDict(const fs::path& path, const StateDict& stateDict) {
    c10::Dict<std::string, at::Tensor> dict;
    for (const auto& [key, tensor] : stateDict.entries())
        dict.insert(key, tensor.detach().to(at::kCPU));
    const std::vector<char> bytes = torch::jit::pickle_save(c10::IValue(dict));
    writeFileAtomically(path,
                        [&](std::ostream& out) { out.write(bytes.data(), std::streamsize(bytes.size())); });
}

} // namespace ulmfit
