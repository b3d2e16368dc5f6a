#pragma once

#include "core/analysis/Chords.h"
#include "core/analysis/Chroma.h"

#include <optional>
#include <string>
#include <vector>

namespace muze {

struct MusicalKey {
    int tonic = 0;  // pitch class, C = 0
    bool minor = false;

    std::string name() const;  // as musicians write it: "Bb major", "F# major", "C# minor", "Eb minor"
};

// A key named with sharps or flats ("A# major" and "Bb major" alike); nothing for other text.
std::optional<MusicalKey> parseKey(const std::string& text);

// The key of a song, in two steps.
// 1. Which scale: each of the 24 keys scores the share of the song's duration its diatonic triads
//    cover (the tonic triad counting double), plus half the correlation of the treble chroma's mean
//    with Krumhansl and Kessler's key profile.
// 2. Which tonic: a major key and its relative minor share their notes, so between the winner and
//    its relative the tonal centre decides: whether the song starts (0.5) or ends (1) on the tonic
//    chord, how much the bass dwells on the tonic, and the profile correlation.
// On rendered test songs the profile alone finds about half the keys; this, over nine in ten.
// Returns nothing for a song without chords.
std::optional<MusicalKey> detectKey(const std::vector<TimedChord>& chords, const Chromagram& treble, const Chromagram& bass);

}  // namespace muze
