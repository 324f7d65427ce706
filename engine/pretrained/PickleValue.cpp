#include "pretrained/PickleValue.h"

#include "core/Error.h"

namespace ulmfit::pickle {

Value Value::fromBool(bool b) {
    Value v;
    v.kind = Kind::Bool;
    v.boolean = b;
    return v;
}

Value Value::fromInt(std::int64_t i) {
    Value v;
    v.kind = Kind::Int;
    v.integer = i;
    return v;
}

Value Value::fromFloat(double d) {
    Value v;
    v.kind = Kind::Float;
    v.real = d;
    return v;
}

Value Value::fromString(std::string s, Kind kind) {
    Value v;
    v.kind = kind;
    v.text = std::move(s);
    return v;
}

Value Value::tuple(Items items) {
    Value v;
    v.kind = Kind::Tuple;
    v.items = std::make_shared<Items>(std::move(items));
    return v;
}

Value Value::list(Items items) {
    Value v = tuple(std::move(items));
    v.kind = Kind::List;
    return v;
}

Value Value::emptyDict() {
    Value v;
    v.kind = Kind::Dict;
    v.dict = std::make_shared<DictItems>();
    return v;
}

Value Value::global(const std::string& module, const std::string& name) {
    return fromString(module + " " + name, Kind::Global);
}

Value Value::fromTensor(torch::Tensor t, Kind kind) {
    Value v;
    v.kind = kind;
    v.tensor = std::move(t);
    return v;
}

namespace {
[[noreturn]] void wrongKind(const Value& v, const std::string& what, const char* wanted) {
    throw Error(what + " should be " + wanted + " but is " + describe(v));
}
} // namespace

std::int64_t Value::asInt(const std::string& what) const {
    if (kind != Kind::Int)
        wrongKind(*this, what, "an int");
    return integer;
}

const std::string& Value::asString(const std::string& what) const {
    if (kind != Kind::String)
        wrongKind(*this, what, "a str");
    return text;
}

const Items& Value::asSequence(const std::string& what) const {
    if (!isSequence())
        wrongKind(*this, what, "a tuple or list");
    return *items;
}

const DictItems& Value::asDict(const std::string& what) const {
    if (kind != Kind::Dict)
        wrongKind(*this, what, "a dict");
    return *dict;
}

const torch::Tensor& Value::asTensor(const std::string& what) const {
    if (kind != Kind::Tensor)
        wrongKind(*this, what, "a tensor");
    return tensor;
}

const Value* Value::find(const std::string& key) const {
    if (kind != Kind::Dict)
        return nullptr;
    for (const auto& [k, v] : *dict)
        if (k.kind == Kind::String && k.text == key)
            return &v;
    return nullptr;
}

std::string describe(const Value& v) {
    switch (v.kind) {
    case Value::Kind::None:
        return "None";
    case Value::Kind::Bool:
        return "a bool";
    case Value::Kind::Int:
    case Value::Kind::BigInt:
        return "an int";
    case Value::Kind::Float:
        return "a float";
    case Value::Kind::String:
        return "a str";
    case Value::Kind::Bytes:
        return "bytes";
    case Value::Kind::Tuple:
        return "a tuple";
    case Value::Kind::List:
        return "a list";
    case Value::Kind::Dict:
        return "a dict";
    case Value::Kind::Global: {
        std::string name = v.text;
        name[name.find(' ')] = '.';
        return "the Python object " + name;
    }
    case Value::Kind::Tensor:
        return "a tensor";
    case Value::Kind::Storage:
        return "a tensor storage";
    }
    return "an unknown value";
}

} // namespace ulmfit::pickle
