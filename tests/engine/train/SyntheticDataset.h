#pragma once
// A tiny fastai-layout review folder whose labels are learnable from their words.
#include <filesystem>
#include <fstream>
#include <string>

namespace ulmfit::test {

inline void writeSyntheticDataset(const std::filesystem::path& root, int perLabel = 12) {
    const char* pos[] = {"great", "wonderful", "loved", "brilliant", "superb"};
    const char* neg[] = {"awful", "terrible", "boring", "hated", "worst"};
    const char* filler[] = {"the", "movie", "was", "a", "film", "and", "plot", "actors", "this", "it"};
    for (const char* split : {"train", "test"})
        for (const char* label : {"pos", "neg"}) {
            const auto folder = root / split / label;
            std::filesystem::create_directories(folder);
            const bool positive = std::string(label) == "pos";
            for (int i = 0; i < perLabel; ++i) {
                std::ofstream out(folder / (std::to_string(i) + "_" + (positive ? "9" : "2") + ".txt"));
                for (int w = 0; w < 30 + (i * 7) % 20; ++w)
                    out << (w % 3 == 0 ? (positive ? pos : neg)[(i + w) % 5] : filler[(i * 3 + w) % 10]) << ' ';
                out << ".\n";
            }
        }
}

} // namespace ulmfit::test
