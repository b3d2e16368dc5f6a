#pragma once

#include "core/analysis/Chords.h"
#include "core/analysis/KeyDetection.h"
#include "core/analysis/Structure.h"
#include "core/common/JobControl.h"
#include "core/dsp/FloatMatrix.h"

#include <optional>
#include <vector>

namespace muze {

// The musical facts of a song: rhythm, harmony and form.
struct MusicAnalysis {
    double tempo = 0.0;             // beats per minute
    std::vector<double> beats;      // seconds
    std::vector<double> downbeats;  // seconds, a subset of beats
    int beatsPerBar = 4;
    std::optional<MusicalKey> key;
    std::vector<TimedChord> chords;
    std::vector<Section> sections;
};

// A silent song (peak below -80 dBFS) has no beats, key, chords or sections.
// `mono`: the song at any rate; `logMel`: its log-mel spectrogram at the reference's settings
// (10 ms hop), which the caller computes once for this and the feature cache. Thread-safe.
MusicAnalysis analyzeMusic(const float* mono, std::int64_t frames, int sampleRate, const FloatMatrix& logMel,
                           double melHopSeconds, const JobControl& control = {});

}  // namespace muze
