#include "core/analysis/OnsetEnvelope.h"

#include <algorithm>
#include <cmath>

namespace muze {

OnsetEnvelope bandOnsets(const FloatMatrix& logMel, double hopSeconds, int firstBand, int lastBand)
{
    OnsetEnvelope envelope;
    envelope.hopSeconds = hopSeconds;
    envelope.values.assign(static_cast<std::size_t>(logMel.cols), 0.0f);
    firstBand = std::clamp(firstBand, 0, logMel.rows);
    lastBand = std::clamp(lastBand, firstBand, logMel.rows);
    for (int band = firstBand; band < lastBand; ++band) {
        const float* row = logMel.row(band);
        for (int t = 1; t < logMel.cols; ++t)
            envelope.values[static_cast<std::size_t>(t)] += std::max(0.0f, row[t] - row[t - 1]);
    }
    return envelope;
}

float OnsetEnvelope::strengthNear(double seconds, double radiusSeconds) const
{
    if (values.empty() || hopSeconds <= 0)
        return 0.0f;
    const auto last = static_cast<long>(values.size()) - 1;
    const long first = std::clamp(static_cast<long>(std::floor((seconds - radiusSeconds) / hopSeconds)), 0L, last);
    const long end = std::clamp(static_cast<long>(std::ceil((seconds + radiusSeconds) / hopSeconds)), first, last);
    return *std::max_element(values.begin() + first, values.begin() + end + 1);
}

}  // namespace muze
