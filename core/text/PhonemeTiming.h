#pragma once

#include "core/text/Lyrics.h"
#include "core/text/SpeechRecognizer.h"

#include <string>
#include <utility>
#include <vector>

namespace muze {

struct TimedPhoneme {
    std::string phoneme;
    double start = 0.0;  // seconds
    double end = 0.0;
};

// When each phoneme of the lyrics is sung, as well as it can be known without forced alignment:
// - recognised words (ASR) carry their own times: each word's phonemes share its span evenly;
// - timed lyrics (.lrc): each line's phonemes share the time from its stamp to the next line's
//   (at most 0.12 s a phoneme), evenly;
// - untimed lyrics: the phonemes share the vocal regions evenly, in order; with no regions, they
//   cannot be placed and the list is empty.
std::vector<TimedPhoneme> timePhonemes(const Lyrics& lyrics, const std::vector<RecognizedWord>& words,
                                       const std::vector<std::pair<double, double>>& vocalRegions, const std::string& language);

}  // namespace muze
