#pragma once

#include <string>
#include <vector>

namespace muze {

// Text to IPA phonemes through espeak-ng.
struct PhonemeText {
    std::string ipa;                    // as the reference stores it: words separated by spaces
    std::vector<std::string> phonemes;  // one entry per phoneme, word boundaries dropped
};

// `language`: an espeak-ng voice name ("en", "pl", "de", ...). Throws Error(Unsupported) when
// espeak-ng has no such voice or cannot start. Thread-safe (espeak-ng itself is not, so calls are
// serialised).
PhonemeText toPhonemes(const std::string& text, const std::string& language = "en");

}  // namespace muze
