#pragma once

#include <optional>
#include <string>

namespace muze {

// What a prompt says about a track; unknown parts are simply left out.
struct PromptFacts {
    std::string genre;                // from the tags, as written
    std::optional<double> tempo;      // BPM
    std::string key;                  // "C major"
    std::string timeSignature;        // "3/4"; 4/4 is not mentioned
    double energy = 0.5;              // 0..1
    bool hasVocals = false;
    std::optional<double> voiceHz;    // median pitch of the voice
    std::string sentiment;            // of the lyrics
    std::string structure;            // "verse-chorus", "through-composed", ...
};

// The reference's prompt: one sentence a text encoder can learn from, e.g. "Energetic rock song at
// 128 BPM in C major with male vocals, verse-chorus structure, positive lyrics." The mood word
// comes from energy (energetic >= 0.75, upbeat >= 0.55 with tempo >= 110 or steady otherwise,
// mellow >= 0.35, quiet below). Vocals are called male below a median pitch of 160 Hz and female
// above 190 Hz, and just "vocals" between: a guess from the register, not a fact about the singer.
std::string buildPrompt(const PromptFacts& facts);

}  // namespace muze
