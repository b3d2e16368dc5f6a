#include "core/analysis/Pyin.h"

#include "core/audio/Resampler.h"
#include "core/common/Error.h"
#include "core/dsp/Fft.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace muze {
namespace {

constexpr int kThresholds = 100;  // 0.01, 0.02, ..., 1.00

struct Candidate {
    double hz = 0.0;
    double probability = 0.0;
};

// ref: the pYIN paper's threshold prior, Beta(2, 18) (mean 0.1) over thresholds 0.01..1.
std::vector<double> thresholdPrior()
{
    std::vector<double> prior(kThresholds);
    double sum = 0.0;
    for (int i = 0; i < kThresholds; ++i) {
        const double s = (i + 1) / 100.0;
        prior[static_cast<std::size_t>(i)] = s * std::pow(1.0 - s, 17.0);  // Beta(2, 18) up to a constant
        sum += prior[static_cast<std::size_t>(i)];
    }
    for (double& p : prior)
        p /= sum;
    return prior;
}

// YIN's difference function d(tau) for tau < frame / 2, computed with one FFT-based autocorrelation.
class DifferenceFunction {
public:
    explicit DifferenceFunction(int frameLength)
        : m_frame(frameLength), m_fft(2 * frameLength), m_signal(static_cast<std::size_t>(2 * frameLength)),
          m_window(static_cast<std::size_t>(2 * frameLength)), m_spectrum(static_cast<std::size_t>(frameLength + 1)),
          m_windowSpectrum(static_cast<std::size_t>(frameLength + 1)), m_correlation(static_cast<std::size_t>(2 * frameLength))
    {
    }

    // d[tau] for tau in [0, frame / 2): sum over j < frame / 2 of (x[j] - x[j + tau])^2.
    void compute(const float* x, std::vector<double>& d)
    {
        const int half = m_frame / 2;
        std::fill(m_signal.begin(), m_signal.end(), 0.0f);
        std::fill(m_window.begin(), m_window.end(), 0.0f);
        std::copy(x, x + m_frame, m_signal.begin());
        std::copy(x, x + half, m_window.begin());
        m_fft.forward(m_signal.data(), m_spectrum.data());
        m_fft.forward(m_window.data(), m_windowSpectrum.data());
        // Cross-correlation r[tau] = sum_j x[j] x[j + tau], j < half: conj(W) * X.
        for (std::size_t k = 0; k < m_spectrum.size(); ++k)
            m_spectrum[k] *= std::conj(m_windowSpectrum[k]);
        m_fft.inverse(m_spectrum.data(), m_correlation.data());
        const double scale = 1.0 / (2.0 * m_frame);
        // Energies of the sliding windows x[tau .. tau + half).
        double first = 0.0;
        for (int j = 0; j < half; ++j)
            first += static_cast<double>(x[j]) * x[j];
        double sliding = first;
        d.assign(static_cast<std::size_t>(half), 0.0);
        for (int tau = 0; tau < half; ++tau) {
            if (tau > 0)
                sliding += static_cast<double>(x[tau + half - 1]) * x[tau + half - 1] - static_cast<double>(x[tau - 1]) * x[tau - 1];
            d[static_cast<std::size_t>(tau)] = std::max(0.0, first + sliding - 2.0 * m_correlation[static_cast<std::size_t>(tau)] * scale);
        }
    }

private:
    int m_frame;
    RealFft m_fft;
    AlignedVector<float> m_signal;
    AlignedVector<float> m_window;
    AlignedVector<std::complex<float>> m_spectrum;
    AlignedVector<std::complex<float>> m_windowSpectrum;
    AlignedVector<float> m_correlation;
};

// The cumulative mean normalised difference d'(tau) (YIN's step 3).
void normalise(std::vector<double>& d)
{
    double running = 0.0;
    d[0] = 1.0;
    for (std::size_t tau = 1; tau < d.size(); ++tau) {
        running += d[tau];
        d[tau] = running > 0 ? d[tau] * static_cast<double>(tau) / running : 1.0;
    }
}

double parabolicPeriod(const std::vector<double>& d, std::size_t tau)
{
    if (tau == 0 || tau + 1 >= d.size())
        return static_cast<double>(tau);
    const double a = d[tau - 1];
    const double b = d[tau];
    const double c = d[tau + 1];
    const double denominator = a - 2 * b + c;
    return denominator > 0 ? static_cast<double>(tau) + 0.5 * (a - c) / denominator : static_cast<double>(tau);
}

// Stage 1: pitch candidates of one frame from its normalised difference.
std::vector<Candidate> candidates(const std::vector<double>& d, std::size_t minTau, std::size_t maxTau, double rate,
                                  const std::vector<double>& prior)
{
    std::vector<Candidate> found;
    // Local minima of d' within the lag range, in order of lag.
    std::vector<std::size_t> minima;
    for (std::size_t tau = std::max<std::size_t>(minTau, 1); tau < maxTau && tau + 1 < d.size(); ++tau)
        if (d[tau] < d[tau - 1] && d[tau] <= d[tau + 1])
            minima.push_back(tau);
    if (minima.empty())
        return found;
    double unassigned = 0.0;
    for (int i = 0; i < kThresholds; ++i) {
        const double threshold = (i + 1) / 100.0;
        // YIN's absolute threshold: the first dip below it.
        const auto first = std::find_if(minima.begin(), minima.end(), [&](std::size_t tau) { return d[tau] < threshold; });
        if (first == minima.end()) {
            unassigned += prior[static_cast<std::size_t>(i)];
            continue;
        }
        const double hz = rate / parabolicPeriod(d, *first);
        auto same = std::find_if(found.begin(), found.end(), [&](const Candidate& c) { return std::abs(c.hz - hz) < 1e-6; });
        if (same == found.end())
            found.push_back({hz, prior[static_cast<std::size_t>(i)]});
        else
            same->probability += prior[static_cast<std::size_t>(i)];
    }
    // ref: pYIN gives the global minimum a small share of what no threshold claimed.
    if (unassigned > 0) {
        const std::size_t best = *std::min_element(minima.begin(), minima.end(), [&](std::size_t a, std::size_t b) { return d[a] < d[b]; });
        found.push_back({rate / parabolicPeriod(d, best), 0.01 * unassigned});
    }
    return found;
}

struct PitchGrid {
    double minHz = 0.0;
    int binsPerSemitone = 0;
    int bins = 0;
    int binOf(double hz) const
    {
        return static_cast<int>(std::lround(12.0 * binsPerSemitone * std::log2(hz / minHz)));
    }
    double hzOf(int bin) const { return minHz * std::pow(2.0, bin / (12.0 * binsPerSemitone)); }
};

// Where a state's best path came from, in one byte: the pitch move (source bin - target bin +
// maxJumpBins) times two, plus one when the voicing switched. A song's worth of these is a quarter
// of the size of the source states themselves.
using Step = std::uint8_t;
constexpr int kMaxJumpBins = 63;  // the widest move a Step holds: (2 * 63) * 2 + 1 = 253

Step stepCode(int move, int width, bool switched)
{
    return static_cast<Step>((move + width) * 2 + (switched ? 1 : 0));
}

int sourceState(int target, Step step, int bins, int width)
{
    const bool targetVoiced = target < bins;
    const int sourceBin = target % bins + step / 2 - width;
    const bool sourceVoiced = targetVoiced != ((step & 1) != 0);
    return sourceVoiced ? sourceBin : sourceBin + bins;
}

// Stage 2: Viterbi over (pitch bin, voiced) states. States 0..bins-1 are voiced, bins..2 bins-1 unvoiced.
std::vector<int> decode(const std::vector<std::vector<Candidate>>& frames, const PitchGrid& grid, const PyinParams& params,
                        const JobControl& control)
{
    const int bins = grid.bins;
    const int width = params.maxJumpBins;
    // Triangular pitch-move weights, normalised to sum to one.
    std::vector<double> move(static_cast<std::size_t>(2 * width + 1));
    double sum = 0.0;
    for (int j = -width; j <= width; ++j) {
        move[static_cast<std::size_t>(j + width)] = width + 1 - std::abs(j);
        sum += move[static_cast<std::size_t>(j + width)];
    }
    std::vector<double> logStay(move.size());
    std::vector<double> logSwitch(move.size());
    for (std::size_t j = 0; j < move.size(); ++j) {
        logStay[j] = std::log(params.voicingStay * move[j] / sum);
        logSwitch[j] = std::log((1.0 - params.voicingStay) * move[j] / sum);
    }
    const std::size_t states = static_cast<std::size_t>(2 * bins);
    std::vector<double> score(states, -std::log(static_cast<double>(states)));
    std::vector<double> next(states);
    std::vector<Step> from(frames.size() * states);
    std::vector<double> observation(states);
    for (std::size_t t = 0; t < frames.size(); ++t) {
        double pitched = 0.0;
        std::fill(observation.begin(), observation.begin() + bins, 0.0);
        for (const Candidate& c : frames[t]) {
            const int bin = grid.binOf(c.hz);
            if (bin >= 0 && bin < bins) {
                observation[static_cast<std::size_t>(bin)] += params.yinTrust * c.probability;
                pitched += params.yinTrust * c.probability;
            }
        }
        const double unpitched = (1.0 - pitched) / bins;
        for (int b = 0; b < bins; ++b) {
            observation[static_cast<std::size_t>(b)] = std::log(std::max(observation[static_cast<std::size_t>(b)], 1e-30));
            observation[static_cast<std::size_t>(b + bins)] = std::log(std::max(unpitched, 1e-30));
        }
        if (t == 0) {
            for (std::size_t s = 0; s < states; ++s)
                score[s] += observation[s];
            continue;
        }
        for (int target = 0; target < bins; ++target) {
            double bestVoiced = -1e300;
            double bestUnvoiced = -1e300;
            Step voicedFrom = stepCode(0, width, false);
            Step unvoicedFrom = stepCode(0, width, false);
            for (int j = -width; j <= width; ++j) {
                const int source = target + j;
                if (source < 0 || source >= bins)
                    continue;
                const auto w = static_cast<std::size_t>(j + width);
                const double fromVoiced = score[static_cast<std::size_t>(source)];
                const double fromUnvoiced = score[static_cast<std::size_t>(source + bins)];
                // into the voiced target
                if (fromVoiced + logStay[w] > bestVoiced) { bestVoiced = fromVoiced + logStay[w]; voicedFrom = stepCode(j, width, false); }
                if (fromUnvoiced + logSwitch[w] > bestVoiced) { bestVoiced = fromUnvoiced + logSwitch[w]; voicedFrom = stepCode(j, width, true); }
                // into the unvoiced target
                if (fromUnvoiced + logStay[w] > bestUnvoiced) { bestUnvoiced = fromUnvoiced + logStay[w]; unvoicedFrom = stepCode(j, width, false); }
                if (fromVoiced + logSwitch[w] > bestUnvoiced) { bestUnvoiced = fromVoiced + logSwitch[w]; unvoicedFrom = stepCode(j, width, true); }
            }
            next[static_cast<std::size_t>(target)] = bestVoiced + observation[static_cast<std::size_t>(target)];
            next[static_cast<std::size_t>(target + bins)] = bestUnvoiced + observation[static_cast<std::size_t>(target + bins)];
            from[t * states + static_cast<std::size_t>(target)] = voicedFrom;
            from[t * states + static_cast<std::size_t>(target + bins)] = unvoicedFrom;
        }
        // Keep the scores from drifting towards minus infinity.
        const double top = *std::max_element(next.begin(), next.end());
        for (std::size_t s = 0; s < states; ++s)
            score[s] = next[s] - top;
        if (t % 1024 == 0) {
            control.throwIfCancelled();
            control.report("pitch", 0.5 + 0.5 * static_cast<double>(t) / static_cast<double>(frames.size()));
        }
    }
    std::vector<int> path(frames.size());
    if (frames.empty())
        return path;
    path.back() = static_cast<int>(std::max_element(score.begin(), score.end()) - score.begin());
    for (std::size_t t = frames.size() - 1; t > 0; --t)
        path[t - 1] = sourceState(path[t], from[t * states + static_cast<std::size_t>(path[t])], bins, width);
    return path;
}

}  // namespace

PitchTrack trackPitch(const float* mono, std::int64_t frames, int sampleRate, const PyinParams& params, const JobControl& control)
{
    if (params.frameLength % 2 != 0 || params.hopLength <= 0 || params.minHz <= 0 || params.maxHz <= params.minHz)
        throw Error(ErrorKind::InvalidArgument, "Pitch tracking needs an even frame, a positive hop and 0 < min Hz < max Hz.");
    if (params.maxJumpBins < 0 || params.maxJumpBins > kMaxJumpBins)
        throw Error(ErrorKind::InvalidArgument, "Pitch tracking allows moves of 0 to 63 bins between frames.");
    const AudioBuffer audio = resampleMono(mono, frames, sampleRate, params.analysisRate);
    const double rate = params.analysisRate;

    const std::vector<double> prior = thresholdPrior();
    DifferenceFunction difference(params.frameLength);
    const auto minTau = static_cast<std::size_t>(std::floor(rate / params.maxHz));
    const auto maxTau = std::min(static_cast<std::size_t>(std::ceil(rate / params.minHz)) + 1, static_cast<std::size_t>(params.frameLength / 2 - 1));
    const std::int64_t length = audio.frames();
    const std::int64_t count = length / params.hopLength + 1;
    std::vector<std::vector<Candidate>> found(static_cast<std::size_t>(count));
    std::vector<float> frame(static_cast<std::size_t>(params.frameLength));
    std::vector<double> d;
    for (std::int64_t t = 0; t < count; ++t) {
        // Frames centred on t * hop, zero beyond the signal.
        const std::int64_t start = t * params.hopLength - params.frameLength / 2;
        double energy = 0.0;
        for (int i = 0; i < params.frameLength; ++i) {
            const std::int64_t at = start + i;
            frame[static_cast<std::size_t>(i)] = at >= 0 && at < length ? audio.samples[static_cast<std::size_t>(at)] : 0.0f;
            energy += static_cast<double>(frame[static_cast<std::size_t>(i)]) * frame[static_cast<std::size_t>(i)];
        }
        if (std::sqrt(energy / params.frameLength) < params.silenceRms)
            continue;
        difference.compute(frame.data(), d);
        normalise(d);
        found[static_cast<std::size_t>(t)] = candidates(d, minTau, maxTau, rate, prior);
        if (t % 1024 == 0) {
            control.throwIfCancelled();
            control.report("pitch", 0.5 * static_cast<double>(t) / static_cast<double>(count));
        }
    }

    const PitchGrid grid{params.minHz, params.binsPerSemitone, static_cast<int>(std::floor(12.0 * params.binsPerSemitone * std::log2(params.maxHz / params.minHz))) + 1};
    const std::vector<int> path = decode(found, grid, params, control);
    PitchTrack track;
    track.hopSeconds = params.hopLength / rate;
    track.hz.resize(path.size(), 0.0f);
    track.voiced.resize(path.size(), false);
    for (std::size_t t = 0; t < path.size(); ++t) {
        if (path[t] >= grid.bins)
            continue;
        // The candidate nearest the decoded bin gives the exact pitch; the bin's centre otherwise.
        double hz = grid.hzOf(path[t]);
        double nearest = 1.0;
        for (const Candidate& c : found[t]) {
            const double distance = std::abs(grid.binOf(c.hz) - path[t]);
            if (distance <= nearest) {
                nearest = distance;
                hz = c.hz;
            }
        }
        track.hz[t] = static_cast<float>(hz);
        track.voiced[t] = true;
    }
    control.report("pitch", 1.0);
    return track;
}

PitchTrack coarsen(const PitchTrack& track, int factor)
{
    PitchTrack out;
    out.hopSeconds = track.hopSeconds * factor;
    std::vector<float> voiced;
    for (std::size_t start = 0; start < track.hz.size(); start += static_cast<std::size_t>(factor)) {
        voiced.clear();
        const std::size_t end = std::min(track.hz.size(), start + static_cast<std::size_t>(factor));
        for (std::size_t t = start; t < end; ++t)
            if (track.voiced[t])
                voiced.push_back(track.hz[t]);
        const bool isVoiced = 2 * voiced.size() > end - start;
        float hz = 0.0f;
        if (isVoiced) {
            std::nth_element(voiced.begin(), voiced.begin() + static_cast<long>(voiced.size() / 2), voiced.end());
            hz = voiced[voiced.size() / 2];
        }
        out.hz.push_back(hz);
        out.voiced.push_back(isVoiced);
    }
    return out;
}

}  // namespace muze
