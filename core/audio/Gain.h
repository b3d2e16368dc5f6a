#pragma once

#include <vector>

namespace muze {

struct LimiterParams {
    float ceiling = 0.891f;    // linear: -1 dBFS
    double lookahead = 0.005;  // seconds over which the gain comes down before a peak
    double release = 0.1;      // seconds for the gain to come most of the way back up
};

// Brings every sample within ±ceiling, changing nothing that already is: the gain each sample needs
// is taken as the least over the next `lookahead` (so it falls before a peak, not at it), averaged
// over the last `lookahead` (a ramp, not a step), and allowed back up only at the release rate.
// Each of these steps keeps the gain at or below what every sample needs.
void limitPeaks(std::vector<float>& samples, int sampleRate, const LimiterParams& params = {});

// Linear fades over `seconds` (at most half the samples each): in at the start, out at the end.
void fadeEdges(std::vector<float>& samples, int sampleRate, double seconds);

}  // namespace muze
