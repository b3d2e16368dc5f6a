#include "core/analysis/VoiceAnalysis.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace muze {
namespace {

constexpr int kFirstVoiceBand = 20;   // ~300 Hz at the reference's mel settings
constexpr int kLastVoiceBand = 90;    // ~3.7 kHz
constexpr double kWindowSeconds = 1.0;
constexpr double kWindowHopSeconds = 0.5;
constexpr double kRiseDb = 0.5;
constexpr double kBaselinePercentile = 0.1;
constexpr double kMinimumPitched = 0.3;
constexpr double kMinimumCover = 0.15;
constexpr double kPitchStepSeconds = 0.05;
constexpr double kHeldNoteCents = 10.0;
constexpr double kGlideCents = 100.0;
constexpr double kMinimumMoving = 0.5;
constexpr double kExtendMoving = 0.3;
constexpr double kMovingContextSeconds = 0.5;

std::vector<float> bandLevel(const FloatMatrix& logMel)
{
    std::vector<float> level(static_cast<std::size_t>(logMel.cols), 0.0f);
    const int last = std::min(kLastVoiceBand, logMel.rows);
    for (int m = kFirstVoiceBand; m < last; ++m)
        for (int t = 0; t < logMel.cols; ++t)
            level[static_cast<std::size_t>(t)] += logMel.at(m, t) / static_cast<float>(last - kFirstVoiceBand);
    return level;
}

double percentile(std::vector<double> values, double share)
{
    if (values.empty())
        return 0.0;
    const auto at = static_cast<std::size_t>(share * static_cast<double>(values.size() - 1));
    std::nth_element(values.begin(), values.begin() + static_cast<long>(at), values.end());
    return values[at];
}

double meanOf(const std::vector<float>& values, std::size_t first, std::size_t end)
{
    end = std::min(end, values.size());
    if (end <= first)
        return 0.0;
    return std::accumulate(values.begin() + static_cast<long>(first), values.begin() + static_cast<long>(end), 0.0) /
           static_cast<double>(end - first);
}

double pitchedShare(const PitchTrack& pitch, double start, double end)
{
    const auto first = static_cast<std::size_t>(std::max(0.0, start / pitch.hopSeconds));
    const auto last = std::min(pitch.voiced.size(), static_cast<std::size_t>(end / pitch.hopSeconds));
    if (last <= first)
        return 0.0;
    return static_cast<double>(std::count(pitch.voiced.begin() + static_cast<long>(first), pitch.voiced.begin() + static_cast<long>(last), true)) /
           static_cast<double>(last - first);
}

// Share of the steps between consecutive voiced frames of `steps` (the pitch coarsened to
// kPitchStepSeconds) inside [start, end) that glide: more than a held note wavers, less than a jump
// to another note.
double movingShare(const PitchTrack& steps, double start, double end)
{
    const auto first = static_cast<std::size_t>(std::max(0.0, start / steps.hopSeconds));
    const auto last = std::min(steps.voiced.size(), static_cast<std::size_t>(end / steps.hopSeconds));
    int pairs = 0;
    int moving = 0;
    for (std::size_t t = first + 1; t < last; ++t) {
        if (!steps.voiced[t - 1] || !steps.voiced[t])
            continue;
        ++pairs;
        const double cents = std::abs(1200.0 * std::log2(steps.hz[t] / steps.hz[t - 1]));
        if (cents > kHeldNoteCents && cents < kGlideCents)
            ++moving;
    }
    return pairs == 0 ? 0.0 : static_cast<double>(moving) / pairs;
}

void addSpan(std::vector<TimeSpan>& spans, double start, double end)
{
    if (!spans.empty() && start <= spans.back().second)
        spans.back().second = std::max(spans.back().second, end);
    else
        spans.emplace_back(start, end);
}

bool insideOrNear(const std::vector<TimeSpan>& regions, double time, double slack)
{
    return std::any_of(regions.begin(), regions.end(), [&](const TimeSpan& r) { return time >= r.first - slack && time <= r.second + slack; });
}

}  // namespace

VocalActivity detectVocals(const FloatMatrix& mixLogMel, const FloatMatrix& centreLogMel, double melHopSeconds, const PitchTrack& centrePitch)
{
    VocalActivity activity;
    const std::vector<float> mix = bandLevel(mixLogMel);
    const std::vector<float> centre = bandLevel(centreLogMel);
    const auto windowFrames = static_cast<std::size_t>(kWindowSeconds / melHopSeconds);
    const auto hopFrames = static_cast<std::size_t>(kWindowHopSeconds / melHopSeconds);
    const std::size_t frames = std::min(mix.size(), centre.size());
    std::vector<double> ratio;
    std::vector<double> starts;
    for (std::size_t first = 0; first + windowFrames <= frames; first += hopFrames) {
        ratio.push_back(meanOf(centre, first, first + windowFrames) - meanOf(mix, first, first + windowFrames));
        starts.push_back(static_cast<double>(first) * melHopSeconds);
    }
    if (ratio.empty())
        return activity;
    const double threshold = percentile(ratio, kBaselinePercentile) + kRiseDb;
    const PitchTrack steps = coarsen(centrePitch, std::max(1, static_cast<int>(std::lround(kPitchStepSeconds / centrePitch.hopSeconds))));
    std::vector<double> moving(ratio.size(), 0.0);  // 0 where the window fails the level or pitch test
    for (std::size_t w = 0; w < ratio.size(); ++w) {
        const double start = starts[w];
        const double end = start + kWindowSeconds;
        if (ratio[w] > threshold && pitchedShare(centrePitch, start, end) >= kMinimumPitched)
            moving[w] = movingShare(steps, start - kMovingContextSeconds, end + kMovingContextSeconds);
    }
    // Hysteresis: a run of windows that move at least kExtendMoving is a region when one of them
    // moves at least kMinimumMoving.
    std::size_t w = 0;
    while (w < moving.size()) {
        if (moving[w] < kExtendMoving) {
            ++w;
            continue;
        }
        std::size_t end = w;
        bool seeded = false;
        for (; end < moving.size() && moving[end] >= kExtendMoving; ++end)
            seeded = seeded || moving[end] >= kMinimumMoving;
        if (seeded)
            addSpan(activity.regions, starts[w], starts[end - 1] + kWindowSeconds);
        w = end;
    }
    double covered = 0.0;
    for (const TimeSpan& region : activity.regions)
        covered += region.second - region.first;
    activity.hasVocals = covered >= kMinimumCover * static_cast<double>(frames) * melHopSeconds;
    return activity;
}

double vocalShare(const std::vector<TimeSpan>& regions, double start, double end)
{
    if (end <= start)
        return 0.0;
    double covered = 0.0;
    for (const TimeSpan& r : regions)
        covered += std::max(0.0, std::min(end, r.second) - std::max(start, r.first));
    return covered / (end - start);
}

std::optional<Vibrato> measureVibrato(const PitchTrack& pitch, const std::vector<TimeSpan>& regions)
{
    const double hop = pitch.hopSeconds;
    const auto minimumRun = static_cast<std::size_t>(0.5 / hop);
    const auto smoothing = static_cast<std::size_t>(0.25 / hop);
    double rateSum = 0.0;
    double depthSum = 0.0;
    int runs = 0;
    int vibratoRuns = 0;
    std::size_t t = 0;
    while (t < pitch.voiced.size()) {
        if (!pitch.voiced[t] || !insideOrNear(regions, static_cast<double>(t) * hop, 0.0)) {
            ++t;
            continue;
        }
        std::size_t end = t;
        while (end < pitch.voiced.size() && pitch.voiced[end])
            ++end;
        if (end - t >= minimumRun) {
            std::vector<double> cents;
            for (std::size_t i = t; i < end; ++i)
                cents.push_back(1200.0 * std::log2(pitch.hz[i] / 440.0));
            std::vector<double> residual(cents.size());
            for (std::size_t i = 0; i < cents.size(); ++i) {
                const std::size_t a = i >= smoothing / 2 ? i - smoothing / 2 : 0;
                const std::size_t b = std::min(cents.size(), i + smoothing / 2 + 1);
                residual[i] = cents[i] - std::accumulate(cents.begin() + static_cast<long>(a), cents.begin() + static_cast<long>(b), 0.0) / static_cast<double>(b - a);
            }
            // The strongest rate in 3..9 Hz by a direct DFT (runs are short).
            double bestPower = 0.0;
            double bestRate = 0.0;
            for (double rate = 3.0; rate <= 9.0; rate += 0.1) {
                double re = 0.0;
                double im = 0.0;
                for (std::size_t i = 0; i < residual.size(); ++i) {
                    re += residual[i] * std::cos(2 * M_PI * rate * static_cast<double>(i) * hop);
                    im += residual[i] * std::sin(2 * M_PI * rate * static_cast<double>(i) * hop);
                }
                const double power = re * re + im * im;
                if (power > bestPower) {
                    bestPower = power;
                    bestRate = rate;
                }
            }
            // Amplitude of that sinusoid, in cents; peak to peak is twice it.
            const double amplitude = 2.0 * std::sqrt(bestPower) / static_cast<double>(residual.size());
            const double depthSemitones = 2.0 * amplitude / 100.0;
            ++runs;
            if (depthSemitones >= 0.1) {
                ++vibratoRuns;
                rateSum += bestRate;
                depthSum += depthSemitones;
            }
        }
        t = end;
    }
    if (runs == 0)
        return std::nullopt;
    Vibrato vibrato;
    vibrato.extent = static_cast<double>(vibratoRuns) / runs;
    if (vibratoRuns > 0) {
        vibrato.rate = rateSum / vibratoRuns;
        vibrato.depth = depthSum / vibratoRuns;
    }
    return vibrato;
}

std::vector<TimeSpan> findBreaths(const FloatMatrix& centreLogMel, double melHopSeconds, const PitchTrack& centrePitch,
                                  const std::vector<TimeSpan>& regions)
{
    std::vector<TimeSpan> breaths;
    if (regions.empty())
        return breaths;
    const std::vector<float> level = bandLevel(centreLogMel);
    std::vector<double> voiced;
    std::vector<double> all(level.begin(), level.end());
    for (std::size_t t = 0; t < level.size(); ++t) {
        const std::size_t p = static_cast<std::size_t>(static_cast<double>(t) * melHopSeconds / centrePitch.hopSeconds);
        if (p < centrePitch.voiced.size() && centrePitch.voiced[p] && insideOrNear(regions, static_cast<double>(t) * melHopSeconds, 0.0))
            voiced.push_back(level[t]);
    }
    if (voiced.empty())
        return breaths;
    const double phrase = percentile(voiced, 0.5);
    const double floor = percentile(all, 0.05);
    std::size_t t = 0;
    while (t < level.size()) {
        const double seconds = static_cast<double>(t) * melHopSeconds;
        const std::size_t p = static_cast<std::size_t>(seconds / centrePitch.hopSeconds);
        const bool unpitched = p >= centrePitch.voiced.size() || !centrePitch.voiced[p];
        const bool breathy = level[t] < phrase - 10.0 && level[t] > phrase - 35.0 && level[t] > floor + 3.0;
        if (!(unpitched && breathy && insideOrNear(regions, seconds, 2.0))) {
            ++t;
            continue;
        }
        std::size_t end = t;
        while (end < level.size()) {
            const std::size_t q = static_cast<std::size_t>(static_cast<double>(end) * melHopSeconds / centrePitch.hopSeconds);
            const bool stillUnpitched = q >= centrePitch.voiced.size() || !centrePitch.voiced[q];
            if (!stillUnpitched || level[end] >= phrase - 10.0 || level[end] <= floor + 3.0)
                break;
            ++end;
        }
        const double length = static_cast<double>(end - t) * melHopSeconds;
        if (length >= 0.15 && length <= 0.8)
            breaths.emplace_back(seconds, seconds + length);
        t = std::max(end, t + 1);
    }
    return breaths;
}

}  // namespace muze
