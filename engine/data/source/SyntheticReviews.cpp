#include "data/source/SyntheticReviews.h"

#include "core/Error.h"

#include <array>
#include <fstream>
#include <string>

namespace ulmfit {

void writeSyntheticReviews(const std::filesystem::path& root, int perLabel) {
    constexpr std::array<const char*, 5> pos{"great", "wonderful", "loved", "brilliant", "superb"};
    constexpr std::array<const char*, 5> neg{"awful", "terrible", "boring", "hated", "worst"};
    constexpr std::array<const char*, 10> filler{"the", "movie", "was", "a", "film", "and", "plot", "actors", "this", "it"};
    for (const char* split : {"train", "test"})
        for (const bool positive : {true, false}) {
            const auto folder = root / split / (positive ? "pos" : "neg");
            const auto& cue = positive ? pos : neg;
            std::filesystem::create_directories(folder);
            for (int i = 0; i < perLabel; ++i) {
                std::string text;
                for (int w = 0; w < 30 + (i * 7) % 20; ++w)
                    text += std::string(w % 3 == 0 ? cue[(i + w) % cue.size()] : filler[(i * 3 + w) % filler.size()]) + ' ';
                text += ".\n";
                const auto file = folder / (std::to_string(i) + "_" + (positive ? "9" : "2") + ".txt");
                std::ofstream(file) << text;
                if (!std::filesystem::exists(file))
                    throw Error("cannot write " + file.string() + " (is the folder writable?)");
            }
        }
}

} // namespace ulmfit
