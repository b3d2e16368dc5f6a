#include "core/analysis/Meter.h"

#include <algorithm>
#include <cmath>

namespace muze {
namespace {

// A phase of beats counts as weak when its mean low-band strength is below this share of the other's.
constexpr double kWeakPhaseRatio = 0.55;
// Midpoints count as beats when their low-band strength reaches this share of the beats'.
constexpr double kMidpointRatio = 0.75;

double meanStrength(const OnsetEnvelope& envelope, const std::vector<double>& times, std::size_t first, std::size_t step)
{
    double sum = 0.0;
    std::size_t count = 0;
    for (std::size_t i = first; i < times.size(); i += step) {
        sum += envelope.strengthNear(times[i]);
        ++count;
    }
    return count > 0 ? sum / static_cast<double>(count) : 0.0;
}

}  // namespace

double tempoOf(const std::vector<double>& beats)
{
    std::vector<double> intervals;
    for (std::size_t i = 1; i < beats.size(); ++i)
        intervals.push_back(beats[i] - beats[i - 1]);
    if (intervals.empty())
        return 0.0;
    std::vector<double> sorted = intervals;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(sorted.size() / 2), sorted.end());
    const double median = sorted[sorted.size() / 2];
    // The mean of the typical intervals is finer than their median, which moves in hop-sized steps.
    double sum = 0.0;
    int count = 0;
    for (double interval : intervals) {
        if (std::abs(interval - median) <= 0.1 * median) {
            sum += interval;
            ++count;
        }
    }
    return count > 0 && sum > 0 ? 60.0 * count / sum : 0.0;
}

std::vector<double> settleBeatLevel(const std::vector<double>& beats, const OnsetEnvelope& lowBand, double minBpm, double maxBpm)
{
    if (beats.size() < 8)
        return beats;
    const double tempo = tempoOf(beats);

    const double even = meanStrength(lowBand, beats, 0, 2);
    const double odd = meanStrength(lowBand, beats, 1, 2);
    if (tempo / 2 >= minBpm && std::min(even, odd) < kWeakPhaseRatio * std::max(even, odd)) {
        std::vector<double> kept;
        for (std::size_t i = even >= odd ? 0 : 1; i < beats.size(); i += 2)
            kept.push_back(beats[i]);
        return kept;
    }

    std::vector<double> midpoints;
    for (std::size_t i = 1; i < beats.size(); ++i)
        midpoints.push_back((beats[i - 1] + beats[i]) / 2);
    const double onBeats = meanStrength(lowBand, beats, 0, 1);
    const double between = meanStrength(lowBand, midpoints, 0, 1);
    if (tempo * 2 <= maxBpm && between >= kMidpointRatio * onBeats) {
        std::vector<double> doubled;
        for (std::size_t i = 0; i < beats.size(); ++i) {
            doubled.push_back(beats[i]);
            if (i < midpoints.size())
                doubled.push_back(midpoints[i]);
        }
        return doubled;
    }
    return beats;
}

}  // namespace muze
