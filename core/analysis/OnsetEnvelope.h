#pragma once

#include "core/dsp/FloatMatrix.h"

#include <vector>

namespace muze {

// How sharply a range of log-mel bands rises at each frame: the sum over bands [firstBand,
// lastBand) of the dB increase from the frame before (decreases count as zero). Low bands follow
// the kick drum and the bass; all bands, every onset.
struct OnsetEnvelope {
    std::vector<float> values;  // one per log-mel frame
    double hopSeconds = 0.0;

    // The strongest value within `radiusSeconds` of `seconds`.
    float strengthNear(double seconds, double radiusSeconds = 0.03) const;
};

OnsetEnvelope bandOnsets(const FloatMatrix& logMel, double hopSeconds, int firstBand, int lastBand);

}  // namespace muze
