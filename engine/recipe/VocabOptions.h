#pragma once

namespace ulmfit {

/// fastai's Numericalize/make_vocab defaults.
struct VocabOptions {
    int minFreq = 3;
    int maxVocab = 60000;

    bool operator==(const VocabOptions& other) const {
        return minFreq == other.minFreq && maxVocab == other.maxVocab;
    }
};

} // namespace ulmfit
