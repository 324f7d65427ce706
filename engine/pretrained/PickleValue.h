#pragma once
#include <torch/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ulmfit::pickle {

struct Value;
using Items = std::vector<Value>;
using DictItems = std::vector<std::pair<Value, Value>>;

/// One value of a restricted unpickler: Python's plain data types, a named global (never
/// imported: only its "module name" is kept for the caller to interpret), a tensor or a storage.
/// Lists and dicts are shared, as Python objects are, so a memoized list that APPENDS later
/// changes is the same list everywhere it was referenced.
struct Value {
    enum class Kind {
        None,
        Bool,
        Int,
        BigInt,
        Float,
        String,
        Bytes,
        Tuple,
        List,
        Dict,
        Global,
        Tensor,
        Storage
    };

    Kind kind = Kind::None;
    bool boolean = false;
    std::int64_t integer = 0;
    double real = 0;
    std::string text; // String, Bytes, Global ("module name"), BigInt (two's complement, little-endian)
    std::shared_ptr<Items> items;    // Tuple, List
    std::shared_ptr<DictItems> dict; // Dict, in insertion order
    torch::Tensor tensor;            // Tensor, Storage (a flat tensor over the whole storage)

    static Value none() { return {}; }
    static Value fromBool(bool b);
    static Value fromInt(std::int64_t i);
    static Value fromFloat(double d);
    static Value fromString(std::string s, Kind kind = Kind::String);
    static Value tuple(Items items);
    static Value list(Items items = {});
    static Value emptyDict();
    static Value global(const std::string& module, const std::string& name);
    static Value fromTensor(torch::Tensor t, Kind kind = Kind::Tensor);

    bool is(Kind k) const { return kind == k; }
    bool isSequence() const { return kind == Kind::Tuple || kind == Kind::List; }
    /// Typed access; each throws ulmfit::Error naming `what` and the actual kind on a mismatch.
    std::int64_t asInt(const std::string& what) const;
    const std::string& asString(const std::string& what) const;
    const Items& asSequence(const std::string& what) const;
    const DictItems& asDict(const std::string& what) const;
    const torch::Tensor& asTensor(const std::string& what) const;
    /// Dict lookup by string key, nullptr when absent (or when this is not a dict).
    const Value* find(const std::string& key) const;
};

/// "list", "str", "global collections.OrderedDict", ... for error messages.
std::string describe(const Value& value);

} // namespace ulmfit::pickle
