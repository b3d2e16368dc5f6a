#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace muze {

// How espeak-ng speaks.
struct SpeechVoice {
    std::string language = "en";  // an espeak-ng voice name, optionally with a variant: "en+f3"
    int pitch = 50;               // espeak-ng's base pitch, 0..99
    bool monotone = false;        // no intonation: every voiced sound at the base pitch
};

// One phoneme as spoken: [start, end) in samples.
struct SpokenPhoneme {
    std::string ipa;
    std::int64_t start = 0;
    std::int64_t end = 0;
    int word = 0;  // which word of the text, from 0
};

struct Speech {
    std::vector<float> samples;  // mono
    int sampleRate = 0;
    std::vector<SpokenPhoneme> phonemes;  // in order; the pauses between them are not listed
};

// `text` spoken by espeak-ng, with where each phoneme is. Thread-safe (calls are serialised).
// Throws Error(Unsupported) when espeak-ng has no such voice.
Speech speak(const std::string& text, const SpeechVoice& voice = {});

}  // namespace muze
