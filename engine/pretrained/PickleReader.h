#pragma once
#include "pretrained/PickleValue.h"

#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace ulmfit::pickle {

/// What a caller lets a pickle do beyond building plain data. A hook left empty refuses its
/// opcodes, so the default reader accepts nothing that could import or call anything. Hooks
/// interpret names (they never import or call Python) and throw ulmfit::Error to refuse.
struct Hooks {
    /// GLOBAL / STACK_GLOBAL: turn "module", "name" into a value (usually Value::global).
    std::function<Value(const std::string& module, const std::string& name)> global;
    /// REDUCE: the result of "calling" `callable` (a value from `global`) with the tuple `args`.
    std::function<Value(const Value& callable, const Value& args)> reduce;
    /// BUILD: apply `state` to `object` (Python's __setstate__).
    std::function<void(Value& object, const Value& state)> build;
    /// BINPERSID: the object a persistent id stands for (torch.save's storages).
    std::function<Value(const Value& pid)> persistentLoad;
};

/// A small unpickler for the binary protocols 2 to 5 that interprets the opcodes of plain data
/// (None, bool, int, float, str, bytes, tuple, list, dict, memo, frames) itself and hands
/// everything else to `hooks`; INST, OBJ, NEWOBJ, EXT, PERSID and the text opcodes of
/// protocol 0 are always refused. Nothing is ever executed.
class Reader {
  public:
    /// `source` names the input in errors ("itos.pkl"); `refusal` says why a refused opcode is
    /// not allowed ("a vocabulary must be a plain list of strings").
    Reader(const char* data, std::size_t size, std::string source, Hooks hooks = {},
           std::string refusal = "such a file never needs code");

    /// Reads one pickle, from the current position through its STOP opcode.
    Value readOne();
    std::size_t position() const { return m_pos; }

  private:
    [[noreturn]] void fail(const std::string& message) const;
    [[noreturn]] void refuse(const char* opcode) const;
    void need(std::size_t n) const;
    std::uint64_t readUnsigned(std::size_t bytes);
    std::string readBytes(std::size_t n);
    Value pop();
    Value& top();
    Items popToMark();
    void appendTo(Value& list, Items items);
    void setItems(Value& dict, Items keysAndValues);
    const Value& memoGet(std::uint64_t key) const;

    const char* m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
    std::size_t m_opcodeAt = 0;
    std::string m_source;
    Hooks m_hooks;
    std::string m_refusal;
    std::vector<Value> m_stack;
    std::vector<std::size_t> m_marks;
    std::unordered_map<std::uint64_t, Value> m_memo;
};

} // namespace ulmfit::pickle
