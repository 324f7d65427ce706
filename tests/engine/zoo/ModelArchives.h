#pragma once
// Small stand-ins for fastai's model-zoo archives, built in the tests: random bytes for the weights
// (the zoo layer never parses them) and a vocabulary of one token per line, so the tests' own
// vocabulary counter can count it without the pickle reader.
#include "engine/source/TestArchives.h"

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace modelarchives {

inline std::string randomBytes(std::size_t size, unsigned seed) {
    std::mt19937 generator(seed);
    std::string bytes(size, '\0');
    for (char& byte : bytes)
        byte = char(generator() & 0xff);
    return bytes;
}

/// `tokens` as Python's pickle.dump(list_of_str, protocol=2) writes them, byte for byte as far as
/// a reader can tell (PROTO 2, EMPTY_LIST, MARK, BINUNICODE each, APPENDS, STOP): what the CLI's
/// strict vocabulary reader counts.
inline std::string pickledVocabulary(const std::vector<std::string>& tokens) {
    std::string bytes = "\x80\x02](";
    for (const auto& token : tokens) {
        bytes += 'X';
        for (int shift = 0; shift < 32; shift += 8)
            bytes += char((token.size() >> shift) & 0xff);
        bytes += token;
    }
    return bytes + "e.";
}

/// What a fake model holds.
struct FakeModel {
    std::string weights = randomBytes(1000000, 1);
    std::string vocabulary = "xxunk\nxxpad\nxxbos\nthe\n,\n";
};

/// `<top>/lstm_fwd.pth` and `<top>/itos_wt103.pkl`, as fastai's wt103-fwd.tgz lays them out.
inline void writeModelArchive(const std::filesystem::path& target, const FakeModel& model,
                              const std::string& weightsName = "lstm_fwd.pth",
                              const std::string& top = "wt103-fwd/") {
    testarchives::writeTarGz(target,
                             {testarchives::dir(top), testarchives::file(top + weightsName, model.weights),
                              testarchives::file(top + "itos_wt103.pkl", model.vocabulary)});
}

/// A vocabulary "reader" for tests: one token per line.
inline std::size_t countLines(const std::filesystem::path& file) {
    const std::string text = testarchives::readBytes(file);
    return std::size_t(std::count(text.begin(), text.end(), '\n'));
}

/// Hidden staging folders left in `root` (there must be none after an install, failed or not).
inline std::vector<std::string> hiddenEntries(const std::filesystem::path& root) {
    std::vector<std::string> hidden;
    for (const auto& entry : std::filesystem::directory_iterator(root))
        if (entry.path().filename().string().front() == '.')
            hidden.push_back(entry.path().filename().string());
    return hidden;
}

} // namespace modelarchives
