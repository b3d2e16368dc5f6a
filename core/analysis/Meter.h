#pragma once

#include "core/analysis/OnsetEnvelope.h"

#include <array>
#include <cstdint>
#include <vector>

namespace muze {

// The beat level a listener taps. Beat trackers often lock onto eighth notes in slow songs with busy
// hi-hats, or onto half notes in fast ones. The kick drum and the bass mostly play on the beat and
// rarely between beats, so:
// - if every other tracked beat carries far less low-band onset strength than its neighbours, the
//   tracker found eighths: keep the strong ones. This is judged a few bars at a time, since a
//   tracker that slips by an eighth (in a break, say) swaps which ones are strong;
// - if the midpoints between tracked beats carry as much low-band strength as the beats, it found
//   half notes: add the midpoints.
// Either change happens only while the tempo stays within [minBpm, maxBpm].
std::vector<double> settleBeatLevel(const std::vector<double>& beats, const OnsetEnvelope& lowBand, double minBpm = 55.0,
                                    double maxBpm = 200.0);

// How the beats group into bars.
struct BarGrid {
    int beatsPerBar = 4;
    std::vector<std::size_t> downbeats;  // indices into the beats
};

// Bars of 3 or 4 beats (the songs this studio sees are in 3/4 or 4/4 far more often than not).
// qm-dsp's downbeat detector places the bar lines for each, from the spectral difference between
// beats of the decimated audio; the time signature is the one whose bar lines stand out more, both
// in that spectral difference and in the harmonic change between beats (`beatChroma`): chords tend
// to change on the bar line.
BarGrid findBars(const float* mono, std::int64_t frames, int sampleRate, const std::vector<double>& beats,
                 const std::vector<std::array<float, 12>>& beatChroma);

// Beats per minute from the mean of the intervals between beats within 10% of their median (so a
// missed or doubled beat does not count); 0 with fewer than two beats.
double tempoOf(const std::vector<double>& beats);

}  // namespace muze
