#include "pretrained/PickleReader.h"

#include "core/Error.h"

#include <cstring>

namespace ulmfit::pickle {
namespace {

// Opcode bytes of Python's pickle module (Lib/pickletools.py documents each).
enum Op : unsigned char {
    MARK = '(',
    STOP = '.',
    POP = '0',
    POP_MARK = '1',
    DUP = '2',
    BINFLOAT = 'G',
    BININT = 'J',
    BININT1 = 'K',
    BININT2 = 'M',
    NONE = 'N',
    BINPERSID = 'Q',
    REDUCE = 'R',
    BINUNICODE = 'X',
    EMPTY_LIST = ']',
    APPEND = 'a',
    BUILD = 'b',
    GLOBAL = 'c',
    DICT = 'd',
    APPENDS = 'e',
    BINGET = 'h',
    LONG_BINGET = 'j',
    LIST = 'l',
    BINPUT = 'q',
    LONG_BINPUT = 'r',
    SETITEM = 's',
    TUPLE = 't',
    SETITEMS = 'u',
    EMPTY_DICT = '}',
    EMPTY_TUPLE = ')',
    BINBYTES = 'B',
    SHORT_BINBYTES = 'C',
    INST = 'i',
    OBJ = 'o',
    PERSID = 'P',
    PROTO = 0x80,
    NEWOBJ = 0x81,
    EXT1 = 0x82,
    EXT2 = 0x83,
    EXT4 = 0x84,
    TUPLE1 = 0x85,
    TUPLE2 = 0x86,
    TUPLE3 = 0x87,
    NEWTRUE = 0x88,
    NEWFALSE = 0x89,
    LONG1 = 0x8a,
    LONG4 = 0x8b,
    SHORT_BINUNICODE = 0x8c,
    BINUNICODE8 = 0x8d,
    BINBYTES8 = 0x8e,
    EMPTY_SET = 0x8f,
    ADDITEMS = 0x90,
    FROZENSET = 0x91,
    NEWOBJ_EX = 0x92,
    STACK_GLOBAL = 0x93,
    MEMOIZE = 0x94,
    FRAME = 0x95,
    BYTEARRAY8 = 0x96,
    NEXT_BUFFER = 0x97,
    READONLY_BUFFER = 0x98,
};

const char* refusedName(unsigned char op) {
    switch (op) {
    case GLOBAL:
        return "GLOBAL";
    case STACK_GLOBAL:
        return "STACK_GLOBAL";
    case REDUCE:
        return "REDUCE";
    case BUILD:
        return "BUILD";
    case INST:
        return "INST";
    case OBJ:
        return "OBJ";
    case NEWOBJ:
        return "NEWOBJ";
    case NEWOBJ_EX:
        return "NEWOBJ_EX";
    case EXT1:
    case EXT2:
    case EXT4:
        return "EXT";
    case PERSID:
    case BINPERSID:
        return "PERSID";
    default:
        return nullptr;
    }
}


/// Whether `value` holds (at any depth) the container whose storage is `container`. A pickle can
/// append a list to itself, or to a list inside it; the shared storage would then own itself and
/// never be freed (the fuzzer's first finding), and anything walking it would never end.
bool reaches(const Value& value, const void* container) {
    if (value.items) {
        if (value.items.get() == container)
            return true;
        for (const auto& item : *value.items)
            if (reaches(item, container))
                return true;
    }
    if (value.dict) {
        if (value.dict.get() == container)
            return true;
        for (const auto& [key, item] : *value.dict)
            if (reaches(key, container) || reaches(item, container))
                return true;
    }
    return false;
}

} // namespace

Reader::Reader(const char* data, std::size_t size, std::string source, Hooks hooks, std::string refusal)
    : m_data(data), m_size(size), m_source(std::move(source)), m_hooks(std::move(hooks)),
      m_refusal(std::move(refusal)) {}

void Reader::fail(const std::string& message) const {
    throw Error(m_source + ": " + message + " (byte " + std::to_string(m_opcodeAt) + ")");
}

void Reader::refuse(const char* opcode) const {
    fail(std::string("refused pickle opcode ") + opcode + ": it would import or call Python code, and " +
         m_refusal);
}

void Reader::need(std::size_t n) const {
    if (n > m_size - m_pos)
        throw Error(m_source + ": the file ends in the middle of a pickle (truncated?)");
}

std::uint64_t Reader::readUnsigned(std::size_t bytes) {
    need(bytes);
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < bytes; ++i)
        value |= std::uint64_t(static_cast<unsigned char>(m_data[m_pos + i])) << (8 * i);
    m_pos += bytes;
    return value;
}

std::string Reader::readBytes(std::size_t n) {
    need(n);
    std::string s(m_data + m_pos, n);
    m_pos += n;
    return s;
}

Value Reader::pop() {
    if (m_stack.empty() || (!m_marks.empty() && m_marks.back() == m_stack.size()))
        fail("malformed pickle: stack underflow");
    Value v = std::move(m_stack.back());
    m_stack.pop_back();
    return v;
}

Value& Reader::top() {
    if (m_stack.empty())
        fail("malformed pickle: stack underflow");
    return m_stack.back();
}

Items Reader::popToMark() {
    if (m_marks.empty())
        fail("malformed pickle: no MARK");
    const std::size_t mark = m_marks.back();
    m_marks.pop_back();
    Items items(std::make_move_iterator(m_stack.begin() + static_cast<std::ptrdiff_t>(mark)),
                std::make_move_iterator(m_stack.end()));
    m_stack.resize(mark);
    return items;
}

void Reader::appendTo(Value& list, Items items) {
    if (list.kind != Value::Kind::List)
        fail("malformed pickle: APPEND to " + describe(list));
    for (auto& item : items) {
        if (reaches(item, list.items.get()))
            fail("malformed pickle: a list that contains itself");
        list.items->push_back(std::move(item));
    }
}

void Reader::setItems(Value& dict, Items keysAndValues) {
    if (dict.kind != Value::Kind::Dict)
        fail("malformed pickle: SETITEM on " + describe(dict));
    if (keysAndValues.size() % 2 != 0)
        fail("malformed pickle: SETITEMS with an odd number of items");
    for (std::size_t i = 0; i < keysAndValues.size(); i += 2) {
        Value& key = keysAndValues[i];
        if (reaches(key, dict.dict.get()) || reaches(keysAndValues[i + 1], dict.dict.get()))
            fail("malformed pickle: a dict that contains itself");
        // Python's dict: a repeated key keeps its place and takes the new value.
        bool replaced = false;
        if (key.kind == Value::Kind::String)
            for (auto& [k, v] : *dict.dict)
                if (k.kind == Value::Kind::String && k.text == key.text) {
                    v = std::move(keysAndValues[i + 1]);
                    replaced = true;
                    break;
                }
        if (!replaced)
            dict.dict->emplace_back(std::move(key), std::move(keysAndValues[i + 1]));
    }
}

const Value& Reader::memoGet(std::uint64_t key) const {
    const auto it = m_memo.find(key);
    if (it == m_memo.end())
        fail("malformed pickle: memo entry " + std::to_string(key) + " was never stored");
    return it->second;
}

Value Reader::readOne() {
    m_stack.clear();
    m_marks.clear();
    m_memo.clear();
    bool first = true;
    for (;;) {
        m_opcodeAt = m_pos;
        need(1);
        const auto op = static_cast<unsigned char>(m_data[m_pos++]);
        if (first) {
            // Protocols 0 and 1 have no PROTO opcode: they are refused here, as is anything
            // that is not a pickle at all.
            if (op != PROTO)
                fail("not a pickle of protocol 2 to 5");
            first = false;
        }
        switch (op) {
        case PROTO: {
            const auto protocol = readUnsigned(1);
            if (protocol < 2 || protocol > 5)
                fail("pickle protocol " + std::to_string(protocol) + " is not supported (2 to 5 are)");
            break;
        }
        case FRAME:
            readUnsigned(8); // only a buffering hint
            break;
        case STOP: {
            if (m_stack.size() != 1 || !m_marks.empty())
                fail("malformed pickle: STOP with " + std::to_string(m_stack.size()) +
                     " values on the stack");
            Value result = std::move(m_stack.back());
            m_stack.clear();
            return result;
        }
        case MARK:
            m_marks.push_back(m_stack.size());
            break;
        case POP:
            pop();
            break;
        case POP_MARK:
            popToMark();
            break;
        case DUP:
            m_stack.push_back(top());
            break;
        case NONE:
            m_stack.push_back(Value::none());
            break;
        case NEWTRUE:
        case NEWFALSE:
            m_stack.push_back(Value::fromBool(op == NEWTRUE));
            break;
        case BININT:
            m_stack.push_back(Value::fromInt(static_cast<std::int32_t>(readUnsigned(4))));
            break;
        case BININT1:
            m_stack.push_back(Value::fromInt(static_cast<std::int64_t>(readUnsigned(1))));
            break;
        case BININT2:
            m_stack.push_back(Value::fromInt(static_cast<std::int64_t>(readUnsigned(2))));
            break;
        case LONG1:
        case LONG4: {
            const auto n = readUnsigned(op == LONG1 ? 1 : 4);
            std::string bytes = readBytes(n);
            if (n <= 8) {
                std::uint64_t u = 0;
                for (std::size_t i = 0; i < n; ++i)
                    u |= std::uint64_t(static_cast<unsigned char>(bytes[i])) << (8 * i);
                if (n > 0 && n < 8 && (static_cast<unsigned char>(bytes[n - 1]) & 0x80))
                    u |= ~std::uint64_t(0) << (8 * n); // sign-extend
                m_stack.push_back(Value::fromInt(static_cast<std::int64_t>(u)));
            } else {
                m_stack.push_back(Value::fromString(std::move(bytes), Value::Kind::BigInt));
            }
            break;
        }
        case BINFLOAT: {
            // Big-endian IEEE double.
            std::uint64_t bits = 0;
            need(8);
            for (int i = 0; i < 8; ++i)
                bits = (bits << 8) | static_cast<unsigned char>(m_data[m_pos++]);
            double d;
            std::memcpy(&d, &bits, sizeof d);
            m_stack.push_back(Value::fromFloat(d));
            break;
        }
        case SHORT_BINUNICODE:
        case BINUNICODE:
        case BINUNICODE8: {
            const auto n = readUnsigned(op == SHORT_BINUNICODE ? 1 : op == BINUNICODE ? 4 : 8);
            m_stack.push_back(Value::fromString(readBytes(n)));
            break;
        }
        case SHORT_BINBYTES:
        case BINBYTES:
        case BINBYTES8: {
            const auto n = readUnsigned(op == SHORT_BINBYTES ? 1 : op == BINBYTES ? 4 : 8);
            m_stack.push_back(Value::fromString(readBytes(n), Value::Kind::Bytes));
            break;
        }
        case EMPTY_LIST:
            m_stack.push_back(Value::list());
            break;
        case LIST:
            m_stack.push_back(Value::list(popToMark()));
            break;
        case APPEND: {
            Value item = pop();
            Items one;
            one.push_back(std::move(item));
            appendTo(top(), std::move(one));
            break;
        }
        case APPENDS: {
            Items items = popToMark();
            appendTo(top(), std::move(items));
            break;
        }
        case EMPTY_TUPLE:
            m_stack.push_back(Value::tuple({}));
            break;
        case TUPLE:
            m_stack.push_back(Value::tuple(popToMark()));
            break;
        case TUPLE1:
        case TUPLE2:
        case TUPLE3: {
            const std::size_t n = op - TUPLE1 + 1;
            Items items(n);
            for (std::size_t i = n; i-- > 0;)
                items[i] = pop();
            m_stack.push_back(Value::tuple(std::move(items)));
            break;
        }
        case EMPTY_DICT:
            m_stack.push_back(Value::emptyDict());
            break;
        case DICT: {
            Value dict = Value::emptyDict();
            setItems(dict, popToMark());
            m_stack.push_back(std::move(dict));
            break;
        }
        case SETITEM: {
            Value value = pop();
            Value key = pop();
            Items pair;
            pair.push_back(std::move(key));
            pair.push_back(std::move(value));
            setItems(top(), std::move(pair));
            break;
        }
        case SETITEMS: {
            Items items = popToMark();
            setItems(top(), std::move(items));
            break;
        }
        case BINPUT:
        case LONG_BINPUT:
            m_memo[readUnsigned(op == BINPUT ? 1 : 4)] = top();
            break;
        case MEMOIZE:
            m_memo[m_memo.size()] = top();
            break;
        case BINGET:
        case LONG_BINGET:
            m_stack.push_back(memoGet(readUnsigned(op == BINGET ? 1 : 4)));
            break;
        case GLOBAL: {
            if (!m_hooks.global)
                refuse("GLOBAL");
            // Two newline-terminated names.
            std::string names[2];
            for (auto& name : names) {
                const void* end = std::memchr(m_data + m_pos, '\n', m_size - m_pos);
                if (!end)
                    throw Error(m_source + ": the file ends in the middle of a pickle (truncated?)");
                const auto length =
                    static_cast<std::size_t>(static_cast<const char*>(end) - (m_data + m_pos));
                name = readBytes(length);
                ++m_pos;
            }
            m_stack.push_back(m_hooks.global(names[0], names[1]));
            break;
        }
        case STACK_GLOBAL: {
            if (!m_hooks.global)
                refuse("STACK_GLOBAL");
            Value name = pop();
            Value module = pop();
            m_stack.push_back(m_hooks.global(module.asString(m_source + ": STACK_GLOBAL module"),
                                             name.asString(m_source + ": STACK_GLOBAL name")));
            break;
        }
        case REDUCE: {
            if (!m_hooks.reduce)
                refuse("REDUCE");
            Value args = pop();
            Value callable = pop();
            m_stack.push_back(m_hooks.reduce(callable, args));
            break;
        }
        case BUILD: {
            if (!m_hooks.build)
                refuse("BUILD");
            Value state = pop();
            m_hooks.build(top(), state);
            break;
        }
        case BINPERSID: {
            if (!m_hooks.persistentLoad)
                refuse("PERSID");
            Value pid = pop();
            m_stack.push_back(m_hooks.persistentLoad(pid));
            break;
        }
        default:
            if (const char* name = refusedName(op))
                refuse(name);
            fail("unsupported pickle opcode 0x" + std::string(1, "0123456789abcdef"[op >> 4]) +
                 "0123456789abcdef"[op & 15]);
        }
    }
}

} // namespace ulmfit::pickle
