#pragma once

#include <cstddef>
#include <map>
#include <vector>

namespace muze {

// `input` (mono) made `outputLength` samples long and its pitch moved by `pitchScale` (2 is an octave
// up), its formants kept, by Rubber Band's finer engine. `keyFrames` pins input samples to output
// samples in between (both increasing), so that parts of the input stretch by their own ratios.
// The output has exactly `outputLength` samples.
std::vector<float> stretchAndShift(const std::vector<float>& input, int sampleRate, std::size_t outputLength, double pitchScale,
                                   const std::map<std::size_t, std::size_t>& keyFrames = {});

}  // namespace muze
