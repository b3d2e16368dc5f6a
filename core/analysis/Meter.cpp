#include "core/analysis/Meter.h"

#include "core/analysis/BeatTracker.h"

#include <dsp/tempotracking/DownBeat.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace muze {
namespace {

// A phase of beats counts as weak when its mean low-band strength is below this share of the other's,
// judged over this many beats at a time: a tracker that slips by an eighth in a break swaps the phases.
constexpr double kWeakPhaseRatio = 0.55;
constexpr std::size_t kPhaseWindow = 16;
// Midpoints count as beats when their low-band strength reaches this share of the beats'.
constexpr double kMidpointRatio = 0.75;

std::vector<float> strengthsAt(const OnsetEnvelope& envelope, const std::vector<double>& times)
{
    std::vector<float> strengths;
    strengths.reserve(times.size());
    for (double time : times)
        strengths.push_back(envelope.strengthNear(time));
    return strengths;
}

double meanStrength(const OnsetEnvelope& envelope, const std::vector<double>& times)
{
    double sum = 0.0;
    for (double time : times)
        sum += envelope.strengthNear(time);
    return times.empty() ? 0.0 : sum / static_cast<double>(times.size());
}

struct PhaseContrast {
    double weakShare = 1.0;  // the weaker phase's mean strength over the stronger one's
    std::size_t strongPhase = 0;
};

// How far the beats in [first, last) at even indices differ from those at odd ones.
PhaseContrast phaseContrast(const std::vector<float>& strengths, std::size_t first, std::size_t last)
{
    double sums[2] = {0.0, 0.0};
    int counts[2] = {0, 0};
    for (std::size_t i = first; i < last; ++i) {
        sums[i % 2] += strengths[i];
        ++counts[i % 2];
    }
    const double even = counts[0] > 0 ? sums[0] / counts[0] : 0.0;
    const double odd = counts[1] > 0 ? sums[1] / counts[1] : 0.0;
    const double strong = std::max(even, odd);
    return {strong > 0 ? std::min(even, odd) / strong : 1.0, even >= odd ? std::size_t{0} : std::size_t{1}};
}

// The window of kPhaseWindow beats around beat `index`, clamped to the song.
std::pair<std::size_t, std::size_t> windowAround(std::size_t index, std::size_t count)
{
    const std::size_t length = std::min(kPhaseWindow, count);
    const std::size_t first = std::min(index > length / 2 ? index - length / 2 : 0, count - length);
    return {first, first + length};
}

// The median weak share over the song's windows.
double typicalWeakShare(const std::vector<float>& strengths)
{
    std::vector<double> shares;
    for (std::size_t index = 0; index < strengths.size(); index += 2) {
        const auto [first, last] = windowAround(index, strengths.size());
        shares.push_back(phaseContrast(strengths, first, last).weakShare);
    }
    std::nth_element(shares.begin(), shares.begin() + static_cast<long>(shares.size() / 2), shares.end());
    return shares[shares.size() / 2];
}

// The beats of the locally stronger phase. Where the phases swap, two kept beats can fall an eighth
// apart: the later one goes.
std::vector<double> strongPhaseBeats(const std::vector<double>& beats, const std::vector<float>& strengths, double eighthSeconds)
{
    std::vector<double> kept;
    for (std::size_t index = 0; index < beats.size(); ++index) {
        const auto [first, last] = windowAround(index, beats.size());
        if (index % 2 != phaseContrast(strengths, first, last).strongPhase)
            continue;
        if (kept.empty() || beats[index] - kept.back() > 1.5 * eighthSeconds)
            kept.push_back(beats[index]);
    }
    return kept;
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

    const std::vector<float> strengths = strengthsAt(lowBand, beats);
    if (tempo / 2 >= minBpm && typicalWeakShare(strengths) < kWeakPhaseRatio)
        return strongPhaseBeats(beats, strengths, 60.0 / tempo);

    std::vector<double> midpoints;
    for (std::size_t i = 1; i < beats.size(); ++i)
        midpoints.push_back((beats[i - 1] + beats[i]) / 2);
    const double onBeats = meanStrength(lowBand, beats);
    const double between = meanStrength(lowBand, midpoints);
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
