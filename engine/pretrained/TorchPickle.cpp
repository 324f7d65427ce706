#include "pretrained/TorchPickle.h"

#include "core/Error.h"
#include "pretrained/StateDict.h"

#include <ATen/ATen.h>

#include <array>
#include <utility>

namespace ulmfit::pickle {
namespace {

constexpr const char* kOrderedDict = "collections OrderedDict";
constexpr const char* kRebuildTensorV2 = "torch._utils _rebuild_tensor_v2";
constexpr const char* kRebuildTensor = "torch._utils _rebuild_tensor";
constexpr const char* kRebuildParameter = "torch._utils _rebuild_parameter";
constexpr const char* kRestoreTypeTag = "torch.jit._pickle restore_type_tag";

const std::array<std::pair<const char*, at::ScalarType>, 10> kStorageTypes{{
    {"FloatStorage", at::kFloat},
    {"DoubleStorage", at::kDouble},
    {"HalfStorage", at::kHalf},
    {"BFloat16Storage", at::kBFloat16},
    {"LongStorage", at::kLong},
    {"IntStorage", at::kInt},
    {"ShortStorage", at::kShort},
    {"CharStorage", at::kChar},
    {"ByteStorage", at::kByte},
    {"BoolStorage", at::kBool},
}};

bool storageType(const std::string& global, at::ScalarType& dtype) {
    for (const auto& [name, type] : kStorageTypes)
        if (global == std::string("torch ") + name) {
            dtype = type;
            return true;
        }
    return false;
}

std::vector<std::int64_t> intTuple(const Value& v, const std::string& what) {
    std::vector<std::int64_t> ints;
    for (const auto& item : v.asSequence(what))
        ints.push_back(item.asInt(what));
    return ints;
}

/// torch._utils._rebuild_tensor(_v2): a strided view into the storage, bounds checked so a
/// corrupt file cannot make a view that reads outside it.
Value rebuildTensor(const Items& args, const std::string& source) {
    if (args.size() < 4)
        throw Error(source + ": _rebuild_tensor needs at least 4 arguments");
    if (!args[0].is(Value::Kind::Storage))
        throw Error(source + ": a tensor is built from " + describe(args[0]) + " instead of a storage");
    const torch::Tensor& storage = args[0].tensor;
    const auto offset = args[1].asInt(source + ": storage offset");
    const auto size = intTuple(args[2], source + ": tensor size");
    const auto stride = intTuple(args[3], source + ": tensor stride");
    if (size.size() != stride.size())
        throw Error(source + ": a tensor has " + std::to_string(size.size()) + " sizes but " +
                    std::to_string(stride.size()) + " strides");
    std::int64_t last = offset;
    bool empty = false;
    for (std::size_t i = 0; i < size.size(); ++i) {
        if (size[i] < 0 || stride[i] < 0)
            throw Error(source + ": a tensor has a negative size or stride");
        empty = empty || size[i] == 0;
        last += (size[i] - 1) * stride[i];
    }
    if (offset < 0 || (!empty && last >= storage.numel()))
        throw Error(source + ": a tensor of shape " + shapeText(size) +
                    " reaches past the end of its storage of " + std::to_string(storage.numel()) +
                    " elements (the file is damaged)");
    if (empty)
        return Value::fromTensor(at::empty(size, storage.options()));
    return Value::fromTensor(storage.as_strided(size, stride, offset));
}

} // namespace

Hooks torchStateDictHooks(const std::string& source, StorageLoader loadStorage) {
    Hooks hooks;
    hooks.global = [source](const std::string& module, const std::string& name) {
        const std::string global = module + " " + name;
        at::ScalarType dtype;
        if (global == kOrderedDict || global == kRebuildTensorV2 || global == kRebuildTensor ||
            global == kRebuildParameter || global == kRestoreTypeTag || storageType(global, dtype))
            return Value::global(module, name);
        throw Error(source + ": refused Python object " + module + "." + name +
                    ": a state dict never needs it, and loading it could run code");
    };
    hooks.reduce = [source](const Value& callable, const Value& argsValue) -> Value {
        const Items& args = argsValue.asSequence(source + ": REDUCE arguments");
        if (!callable.is(Value::Kind::Global))
            throw Error(source + ": refused a call of " + describe(callable));
        const std::string& name = callable.text;
        if (name == kOrderedDict) {
            if (!args.empty())
                throw Error(source + ": OrderedDict built from arguments is not supported");
            return Value::emptyDict();
        }
        if (name == kRebuildTensorV2 || name == kRebuildTensor)
            return rebuildTensor(args, source);
        if (name == kRebuildParameter) {
            if (args.empty() || !args[0].is(Value::Kind::Tensor))
                throw Error(source + ": a parameter is built from something that is not a tensor");
            return args[0];
        }
        if (name == kRestoreTypeTag) {
            if (args.empty())
                throw Error(source + ": restore_type_tag without arguments");
            return args[0];
        }
        throw Error(source + ": refused a call of " + describe(callable));
    };
    hooks.build = [source](Value& object, const Value& state) {
        // Module.state_dict() sets the OrderedDict's _metadata attribute (module versions);
        // loading needs none of it.
        if (!object.is(Value::Kind::Dict) || !state.is(Value::Kind::Dict))
            throw Error(source + ": refused to set the state of " + describe(object));
    };
    hooks.persistentLoad = [source, loadStorage](const Value& pid) {
        const Items& id = pid.asSequence(source + ": persistent id");
        if (id.size() < 5 || !id[0].is(Value::Kind::String) || id[0].text != "storage")
            throw Error(source + ": unsupported persistent id (only tensor storages are)");
        if (!id[1].is(Value::Kind::Global))
            throw Error(source + ": a storage type is " + describe(id[1]));
        StorageRef ref;
        if (!storageType(id[1].text, ref.dtype))
            throw Error(source + ": unsupported storage type " + id[1].text);
        ref.key = id[2].asString(source + ": storage key");
        ref.numel = id[4].asInt(source + ": storage size");
        if (ref.numel < 0)
            throw Error(source + ": a storage has a negative size");
        torch::Tensor storage = loadStorage(ref);
        // The legacy format can name a view into a larger storage: (view key, offset, size).
        if (id.size() > 5 && !id[5].is(Value::Kind::None)) {
            const Items& view = id[5].asSequence(source + ": storage view");
            if (view.size() != 3)
                throw Error(source + ": a storage view needs (key, offset, size)");
            const auto offset = view[1].asInt(source + ": view offset");
            const auto size = view[2].asInt(source + ": view size");
            if (offset < 0 || size < 0 || offset + size > storage.numel())
                throw Error(source + ": a storage view reaches past its storage (the file is damaged)");
            storage = storage.narrow(0, offset, size);
        }
        return Value::fromTensor(storage, Value::Kind::Storage);
    };
    return hooks;
}

} // namespace ulmfit::pickle
