#pragma once

#include "core/common/JobControl.h"

#include <array>
#include <cstdint>
#include <vector>

namespace muze {

using PitchClassProfile = std::array<float, 12>;  // C, C#, ..., B

// A chromagram: the energy of each pitch class over time, from qm-dsp's constant-Q chromagram at
// three bins per semitone, folded to twelve classes around the song's tuning.
struct Chromagram {
    std::vector<PitchClassProfile> frames;
    double hopSeconds = 0.0;
    int tuningOffset = 0;  // -1, 0 or +1: a third of a semitone flat, in tune, or sharp of A440
};

// Chromagrams of a song's bass (C1 to C3: mostly chord roots) and of what sounds above it (C3 to
// C7: the chords' other notes and the melody), folded with the same tuning, found in the latter.
struct ChromaFeatures {
    Chromagram bass;
    Chromagram treble;
};

// Thread-safe: every call has its own qm-dsp objects.
ChromaFeatures computeChroma(const float* mono, std::int64_t frames, int sampleRate, const JobControl& control = {});

// One profile per beat interval [beats[i], beats[i + 1]) (the last runs to `endSeconds`): the
// mean of the frames it covers, scaled to a maximum of 1 (silence stays all zero).
std::vector<PitchClassProfile> beatSynchronousChroma(const Chromagram& chroma, const std::vector<double>& beats, double endSeconds);

// The mean of the profiles (frames or beats), scaled to a maximum of 1.
PitchClassProfile meanProfile(const std::vector<PitchClassProfile>& profiles);

}  // namespace muze
