#pragma once

#include "core/analysis/Pyin.h"
#include "core/dsp/FloatMatrix.h"

#include <optional>
#include <utility>
#include <vector>

namespace muze {

using TimeSpan = std::pair<double, double>;  // [start, end] in seconds

// Where a voice sings or speaks, from the centre estimate (see separateVocals) without a trained
// model. Each 1 s window (every 0.5 s) is tested three ways:
// - level: the centre carries more of the mix's 300 Hz - 3.7 kHz band than usual for this song (its
//   level relative to the mix's, in dB, is 0.5 dB above the song's 10th percentile of that ratio);
// - pitch: at least 30% of its frames are pitched (pYIN on the centre);
// - movement: a voice's pitch glides, an instrument holds notes on a semitone grid. Between
//   consecutive voiced 50 ms medians, over the window and 0.5 s either side, count the steps that
//   move by 10 to 100 cents (more than a held note wavers, less than a jump to another note).
// A run of windows passing level and pitch whose movement share is at least 0.3 is a region when
// one of them reaches 0.5. The song has vocals when the regions cover 15% or more of it. Steady,
// pitch-corrected singing moves little and can be missed: the measured accuracy is in README.
struct VocalActivity {
    bool hasVocals = false;
    std::vector<TimeSpan> regions;
};

// `mixLogMel` and `centreLogMel`: at the reference's settings; `centrePitch`: pYIN on the centre.
VocalActivity detectVocals(const FloatMatrix& mixLogMel, const FloatMatrix& centreLogMel, double melHopSeconds,
                           const PitchTrack& centrePitch);

// Share of [start, end) that the regions cover, 0..1.
double vocalShare(const std::vector<TimeSpan>& regions, double start, double end);

// Vibrato of the voiced pitch inside vocal regions: runs of at least 0.5 s are detrended (a 0.25 s
// moving average removes the note), and the strongest 3-9 Hz component of what remains is the
// vibrato. rate: its frequency (Hz, mean over runs); depth: its peak-to-peak deviation in semitones
// (mean); extent: the share of analysed runs whose vibrato is at least 0.1 semitone deep, 0..1.
struct Vibrato {
    double rate = 0.0;
    double depth = 0.0;
    double extent = 0.0;
};
std::optional<Vibrato> measureVibrato(const PitchTrack& pitch, const std::vector<TimeSpan>& regions);

// Breaths between sung phrases: inside or between vocal regions (gaps under 2 s), unpitched
// stretches of 0.15 to 0.8 s whose centre band level is 10 to 35 dB below the vocal phrases' and
// above the quietest 5% of the song (real air, not silence).
std::vector<TimeSpan> findBreaths(const FloatMatrix& centreLogMel, double melHopSeconds, const PitchTrack& centrePitch,
                                  const std::vector<TimeSpan>& regions);

}  // namespace muze
