// `ulmfit tokenize [FILE...]`: fastai's tokenization of each file (or stdin), one line per file,
// tokens separated by single spaces. This is the interface compatibility checks against fastai use.
#include "CommandRegistry.h"

#include "core/Error.h"
#include "data/source/Dataset.h"
#include "data/source/ReviewReader.h"
#include "data/text/Tokenizer.h"
#include "data/text/Unicode.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>

namespace ulmfit::cli {
namespace {

struct TokenizeArgs {
    std::vector<std::string> files;
    bool raw = false;
};

void appendEscaped(std::string& out, char32_t cp) {
    char buffer[16];
    switch (cp) {
    case '\n': out += "\\n"; return;
    case '\t': out += "\\t"; return;
    case '\r': out += "\\r"; return;
    default: break;
    }
    std::snprintf(buffer, sizeof buffer, cp < 0x100 ? "\\x%02x" : "\\u%04x", static_cast<unsigned>(cp));
    out += buffer;
}

// Whitespace and control characters inside tokens ("\n\n" from <br />) are written the way Python
// writes them in string literals, so each file stays on one line and splits on spaces. A literal
// backslash is always a token of its own (spec_add_spaces), so the escapes cannot be ambiguous.
std::string escapeToken(std::string_view token) {
    std::string out;
    const char* p = token.data();
    const char* end = p + token.size();
    while (p < end) {
        int length = 1;
        const char32_t cp = text::unicode::decode(p, end, length);
        if (cp < 0x20 || cp == 0x7F || (cp != ' ' && text::unicode::isSpace(cp)))
            appendEscaped(out, cp);
        else
            out.append(p, static_cast<std::size_t>(length));
        p += length;
    }
    return out;
}

void printTokens(const text::TokenList& tokens, bool raw) {
    std::string line;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (i > 0)
            line += ' ';
        if (raw)
            line += tokens[i];
        else
            line += escapeToken(tokens[i]);
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
}

void runTokenize(const TokenizeArgs& args) {
    for (const auto& file : args.files) // check every path before printing anything
        if (!std::filesystem::is_regular_file(file))
            throw Error("cannot read '" + file + "': no such file (give text files to tokenize, or none to read stdin)");
    const text::Tokenizer tokenizer;
    text::TokenList tokens;
    if (args.files.empty()) {
        const std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
        tokenizer.tokenize(input, tokens); // invalid UTF-8 is read as U+FFFD, as in files
        printTokens(tokens, args.raw);
    }
    ReviewReader reader;
    for (const auto& file : args.files) {
        tokenizer.tokenize(reader.read(file), tokens);
        printTokens(tokens, args.raw);
    }
    std::fflush(stdout);
}

const CommandRegistration tokenizeCommandRegistration("tokenize", [](CLI::App& app) {
    auto args = std::make_shared<TokenizeArgs>();
    CLI::App* cmd = app.add_subcommand("tokenize", "Print fastai's tokens for each text file (stdin if none), "
                                                   "one line per file");
    cmd->add_option("files", args->files, "UTF-8 text files (invalid bytes read as U+FFFD)");
    cmd->add_flag("--raw", args->raw, "Print whitespace inside tokens as is instead of escaping it (\\n, \\t, ...)");
    cmd->callback([args] { runTokenize(*args); });
});

} // namespace
} // namespace ulmfit::cli
