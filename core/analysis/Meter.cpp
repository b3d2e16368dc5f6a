#include "core/analysis/Meter.h"

#include "core/analysis/BeatTracker.h"

#include <dsp/tempotracking/DownBeat.h>

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

// qm-dsp decimates the audio by this factor before comparing beats' spectra (as its bar and beat
// tracker does).
constexpr std::size_t kDownbeatDecimation = 16;
// Weight of qm-dsp's spectral contrast against the harmonic one: the former is about ten times larger.
constexpr double kSpectralWeight = 0.1;

double cosine(const std::array<float, 12>& a, const std::array<float, 12>& b)
{
    double dot = 0.0;
    double aa = 0.0;
    double bb = 0.0;
    for (std::size_t k = 0; k < 12; ++k) {
        dot += a[k] * b[k];
        aa += a[k] * a[k];
        bb += b[k] * b[k];
    }
    return aa > 0 && bb > 0 ? dot / std::sqrt(aa * bb) : 1.0;
}

// How much more `values` rise on the marked beats than on the others, relative to their mean.
double contrast(const std::vector<double>& values, const std::vector<bool>& marked)
{
    double on = 0.0;
    double off = 0.0;
    std::size_t onCount = 0;
    for (std::size_t i = 0; i < values.size() && i < marked.size(); ++i) {
        (marked[i] ? on : off) += values[i];
        onCount += marked[i] ? 1 : 0;
    }
    const std::size_t offCount = std::min(values.size(), marked.size()) - onCount;
    if (onCount == 0 || offCount == 0)
        return 0.0;
    return on / static_cast<double>(onCount) - off / static_cast<double>(offCount);
}

std::vector<bool> everyNth(std::size_t count, int step, int phase)
{
    std::vector<bool> marked(count);
    for (std::size_t i = 0; i < count; ++i)
        marked[i] = static_cast<int>(i % static_cast<std::size_t>(step)) == phase;
    return marked;
}

struct Candidate {
    BarGrid grid;
    double score = 0.0;
};

Candidate barsOf(int beatsPerBar, const float* mono, std::int64_t frames, int sampleRate, const std::vector<double>& beats,
                 const std::vector<double>& harmonicChange)
{
    const int hop = beatTrackerHop(sampleRate);
    const double hopSeconds = static_cast<double>(hop) / sampleRate;
    DownBeat detector(static_cast<float>(sampleRate), kDownbeatDecimation, static_cast<std::size_t>(hop));
    detector.setBeatsPerBar(beatsPerBar);
    for (std::int64_t start = 0; start + hop <= frames; start += hop)
        detector.pushAudioBlock(mono + start);
    std::size_t length = 0;
    const float* decimated = detector.getBufferedAudio(length);
    std::vector<double> beatsInHops;
    for (double beat : beats)
        beatsInHops.push_back(beat / hopSeconds);
    std::vector<int> downbeats;
    detector.findDownBeats(decimated, length, beatsInHops, downbeats);
    std::vector<double> spectralDifference;
    detector.getBeatSD(spectralDifference);

    Candidate candidate;
    candidate.grid.beatsPerBar = beatsPerBar;
    std::vector<bool> marked(beats.size());
    for (int index : downbeats) {
        if (index >= 0 && static_cast<std::size_t>(index) < beats.size()) {
            candidate.grid.downbeats.push_back(static_cast<std::size_t>(index));
            marked[static_cast<std::size_t>(index)] = true;
        }
    }
    double meanDifference = 0.0;
    for (double value : spectralDifference)
        meanDifference += value / static_cast<double>(std::max<std::size_t>(spectralDifference.size(), 1));
    // How far qm-dsp's bar lines set their beats apart, whichever way; and the best phase's harmonic contrast.
    const double spectral = meanDifference > 0 ? std::abs(contrast(spectralDifference, marked)) / meanDifference : 0.0;
    double harmonic = 0.0;
    for (int phase = 0; phase < beatsPerBar; ++phase)
        harmonic = std::max(harmonic, contrast(harmonicChange, everyNth(beats.size(), beatsPerBar, phase)));
    candidate.score = harmonic + kSpectralWeight * spectral;
    return candidate;
}

}  // namespace

BarGrid findBars(const float* mono, std::int64_t frames, int sampleRate, const std::vector<double>& beats,
                 const std::vector<std::array<float, 12>>& beatChroma)
{
    if (beats.size() < 8)
        return {4, beats.empty() ? std::vector<std::size_t>{} : std::vector<std::size_t>{0}};
    std::vector<double> harmonicChange(beats.size(), 0.0);
    for (std::size_t i = 1; i < beatChroma.size() && i < beats.size(); ++i)
        harmonicChange[i] = 1.0 - cosine(beatChroma[i], beatChroma[i - 1]);
    const Candidate triple = barsOf(3, mono, frames, sampleRate, beats, harmonicChange);
    const Candidate quadruple = barsOf(4, mono, frames, sampleRate, beats, harmonicChange);
    return triple.score > quadruple.score ? triple.grid : quadruple.grid;
}

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
