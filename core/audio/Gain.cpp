#include "core/audio/Gain.h"

#include <algorithm>
#include <cmath>
#include <deque>

namespace muze {
namespace {

// out[n] = min of in[n .. n + window].
std::vector<float> minimumAhead(const std::vector<float>& in, std::size_t window)
{
    std::vector<float> out(in.size());
    std::deque<std::size_t> candidates;  // indices with increasing values
    for (std::size_t i = in.size(); i-- > 0;) {
        while (!candidates.empty() && in[candidates.back()] >= in[i])
            candidates.pop_back();
        candidates.push_back(i);
        while (candidates.front() > i + window)
            candidates.pop_front();
        out[i] = in[candidates.front()];
    }
    return out;
}

// out[n] = mean of in[n - window .. n], with in[0] before the start.
std::vector<float> meanBehind(const std::vector<float>& in, std::size_t window)
{
    std::vector<float> out(in.size());
    double sum = static_cast<double>(window + 1) * in.front();
    for (std::size_t i = 0; i < in.size(); ++i) {
        sum += in[i] - (i >= window + 1 ? in[i - window - 1] : in.front());
        out[i] = static_cast<float>(sum / static_cast<double>(window + 1));
    }
    return out;
}

}  // namespace

void limitPeaks(std::vector<float>& samples, int sampleRate, const LimiterParams& params)
{
    std::vector<float> needed(samples.size());
    std::transform(samples.begin(), samples.end(), needed.begin(),
                   [&](float s) { return std::abs(s) > params.ceiling ? params.ceiling / std::abs(s) : 1.0f; });
    if (std::all_of(needed.begin(), needed.end(), [](float g) { return g == 1.0f; }))
        return;
    const auto window = static_cast<std::size_t>(std::max(1.0, params.lookahead * sampleRate));
    const std::vector<float> ramp = meanBehind(minimumAhead(needed, window), window);
    const auto recovery = static_cast<float>(1.0 - std::exp(-1.0 / (params.release * sampleRate)));
    float gain = 1.0f;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        gain = std::min(ramp[i], gain + (1.0f - gain) * recovery);
        samples[i] = std::clamp(samples[i] * gain, -params.ceiling, params.ceiling);  // the clamp acts only on rounding
    }
}

void fadeEdges(std::vector<float>& samples, int sampleRate, double seconds)
{
    const std::size_t fade = std::min(samples.size() / 2, static_cast<std::size_t>(seconds * sampleRate));
    for (std::size_t i = 0; i < fade; ++i) {
        const float gain = static_cast<float>(i) / static_cast<float>(fade);
        samples[i] *= gain;
        samples[samples.size() - 1 - i] *= gain;
    }
}

}  // namespace muze
