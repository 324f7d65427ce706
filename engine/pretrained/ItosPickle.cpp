#include "pretrained/ItosPickle.h"

#include "core/AtomicFile.h"
#include "core/Error.h"
#include "pretrained/PickleReader.h"

#include <fstream>
#include <iterator>

namespace ulmfit {

std::vector<std::string> parseItosPickle(std::string_view bytes, const std::string& source) {
    // No hooks: every opcode that imports, calls or builds objects is refused by the reader.
    pickle::Reader reader(bytes.data(), bytes.size(), source, {},
                          "a vocabulary pickle must be a plain list of strings");
    const pickle::Value value = reader.readOne();
    if (!value.is(pickle::Value::Kind::List))
        throw Error(source + ": a vocabulary pickle must hold a list of str, but it holds " +
                    describe(value));
    std::vector<std::string> itos;
    itos.reserve(value.items->size());
    for (const auto& item : *value.items) {
        if (!item.is(pickle::Value::Kind::String))
            throw Error(source + ": a vocabulary pickle must hold a list of str, but item " +
                        std::to_string(itos.size()) + " is " + describe(item));
        itos.push_back(item.text);
    }
    if (reader.position() != bytes.size())
        throw Error(source + ": unexpected bytes after the pickled list");
    return itos;
}

std::vector<std::string> readItosPickle(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error("vocabulary pickle not found: " + path.string());
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parseItosPickle(bytes, path.string());
}

namespace {
void putLength(std::string& out, std::uint32_t n) {
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
}
} // namespace

std::string itosPickleBytes(const std::vector<std::string>& itos) {
    std::string out = "\x80\x02]"; // PROTO 2, EMPTY_LIST
    // Items go in batches of 1000 (MARK ... APPENDS), as Python's pickler writes them.
    for (std::size_t start = 0; start < itos.size(); start += 1000) {
        out.push_back('(');
        for (std::size_t i = start; i < std::min(itos.size(), start + 1000); ++i) {
            if (itos[i].size() > 0xffffffffu)
                throw Error("a token is too long to pickle");
            out.push_back('X'); // BINUNICODE: 4-byte length, UTF-8 bytes
            putLength(out, static_cast<std::uint32_t>(itos[i].size()));
            out += itos[i];
        }
        out.push_back('e');
    }
    out.push_back('.');
    return out;
}

void writeItosPickle(const std::filesystem::path& path, const std::vector<std::string>& itos) {
    const std::string bytes = itosPickleBytes(itos);
    writeFileAtomically(path,
                        [&](std::ostream& out) { out.write(bytes.data(), std::streamsize(bytes.size())); });
}

} // namespace ulmfit
