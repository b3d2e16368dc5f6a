#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/common/JobControl.h"

#include <string>
#include <utility>
#include <vector>

namespace muze {

struct RecognizedWord {
    std::string word;
    double start = 0.0;  // seconds
    double end = 0.0;
    double confidence = 0.0;  // posterior probability, 0..1
};

struct Transcript {
    std::vector<RecognizedWord> words;
    double confidence = 0.0;  // mean word posterior, 0 with no words

    std::string text() const;
    // The share of `words` (lower case) that the transcript holds, as a bag of words: order aside,
    // each heard word counting once. 0 for no words.
    double recall(std::vector<std::string> words) const;
};

// The words of written text as the recogniser spells them: lower case, letters and apostrophes.
std::vector<std::string> wordsOf(const std::string& text);

// Speech recognition with pocketsphinx and its US English model (Debian's pocketsphinx-en-us),
// one utterance per region (seconds) of `audio`. Recognising sung words is much harder than speech:
// callers keep a transcript only above a confidence threshold. Thread-safe: each thread keeps its
// own decoder. Throws Error(Unsupported) when the model is missing.
Transcript recognizeSpeech(const AudioBuffer& audio, const std::vector<std::pair<double, double>>& regions,
                           const JobControl& control = {});

}  // namespace muze
