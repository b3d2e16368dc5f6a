#pragma once

#include "core/analysis/OnsetEnvelope.h"

#include <vector>

namespace muze {

// The beat level a listener taps. Beat trackers often lock onto eighth notes in slow songs with busy
// hi-hats, or onto half notes in fast ones. The kick drum and the bass mostly play on the beat and
// rarely between beats, so:
// - if every other tracked beat carries far less low-band onset strength than its neighbours, the
//   tracker found eighths: keep the strong ones;
// - if the midpoints between tracked beats carry as much low-band strength as the beats, it found
//   half notes: add the midpoints.
// Either change happens only while the tempo stays within [minBpm, maxBpm].
std::vector<double> settleBeatLevel(const std::vector<double>& beats, const OnsetEnvelope& lowBand, double minBpm = 55.0,
                                    double maxBpm = 200.0);

// Beats per minute from the mean of the intervals between beats within 10% of their median (so a
// missed or doubled beat does not count); 0 with fewer than two beats.
double tempoOf(const std::vector<double>& beats);

}  // namespace muze
