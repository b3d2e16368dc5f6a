#include "core/dsp/GriffinLim.h"

#include "core/common/Error.h"
#include "core/common/Parallel.h"
#include "core/dsp/MelFilterbank.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace muze {
namespace {

// Multiplicative-update iterations for the non-negative fit of one frame; the fit is exact within a
// filter's support after a few dozen, and the cost is tiny next to Griffin-Lim itself.
constexpr int kNnlsIterations = 60;

ComplexSpectrogram randomPhases(int bins, int frames, std::uint32_t seed)
{
    ComplexSpectrogram phases;
    phases.bins = bins;
    phases.frames = frames;
    phases.values.resize(static_cast<std::size_t>(bins) * frames);
    std::mt19937 generator(seed);
    std::uniform_real_distribution<float> angle(0.0f, 2.0f * static_cast<float>(M_PI));
    for (auto& value : phases.values)
        value = std::polar(1.0f, angle(generator));
    return phases;
}

// magnitude (bins x frames) times unit phases (frame-major) into a spectrogram.
void applyMagnitude(const FloatMatrix& magnitude, const ComplexSpectrogram& phases, ComplexSpectrogram& out)
{
    out.bins = phases.bins;
    out.frames = phases.frames;
    out.values.resize(phases.values.size());
    for (int t = 0; t < phases.frames; ++t) {
        const std::complex<float>* phase = phases.frame(t);
        std::complex<float>* target = out.frame(t);
        for (int k = 0; k < phases.bins; ++k)
            target[k] = magnitude.at(k, t) * phase[k];
    }
}

}  // namespace

std::vector<float> griffinLim(const FloatMatrix& magnitude, const StftParams& stftParams, std::int64_t length,
                              const GriffinLimParams& params, const JobControl& control)
{
    const int bins = stftParams.nFft / 2 + 1;
    if (magnitude.rows != bins)
        throw Error(ErrorKind::InvalidArgument, "Griffin-Lim: the magnitude has " + std::to_string(magnitude.rows) +
                                                    " bins; n_fft " + std::to_string(stftParams.nFft) + " needs " + std::to_string(bins) + ".");
    const int frames = magnitude.cols;
    ComplexSpectrogram angles = randomPhases(bins, frames, params.seed);
    ComplexSpectrogram rebuilt;
    rebuilt.bins = bins;
    rebuilt.frames = frames;
    rebuilt.values.assign(angles.values.size(), {0.0f, 0.0f});
    ComplexSpectrogram shaped;
    const float acceleration = static_cast<float>(params.momentum / (1.0 + params.momentum));

    for (int iteration = 0; iteration < params.iterations; ++iteration) {
        control.throwIfCancelled();
        applyMagnitude(magnitude, angles, shaped);
        const std::vector<float> signal = istft(shaped, stftParams, length);
        ComplexSpectrogram previous = std::move(rebuilt);
        rebuilt = stft(signal.data(), length, stftParams);
        if (rebuilt.frames != frames)
            throw Error(ErrorKind::InvalidArgument, "Griffin-Lim: the signal length does not match the spectrogram's frames.");
        // ref: librosa: angles = rebuilt - momentum / (1 + momentum) * previous, then normalised.
        for (std::size_t i = 0; i < angles.values.size(); ++i) {
            const std::complex<float> value = rebuilt.values[i] - acceleration * previous.values[i];
            angles.values[i] = value / (std::abs(value) + 1e-16f);
        }
        control.report("griffin-lim", static_cast<double>(iteration + 1) / params.iterations);
    }
    applyMagnitude(magnitude, angles, shaped);
    return istft(shaped, stftParams, length);
}

FloatMatrix melToStftMagnitude(const FloatMatrix& melPower, const LogMelParams& params)
{
    const MelFilterbank filterbank(params.sampleRate, params.stft.nFft, params.nMels, params.fMin, params.effectiveFMax());
    if (melPower.rows != filterbank.bands())
        throw Error(ErrorKind::InvalidArgument, "mel_to_stft: the spectrogram has " + std::to_string(melPower.rows) +
                                                    " bands; the settings say " + std::to_string(filterbank.bands()) + ".");
    const int bins = filterbank.bins();
    FloatMatrix magnitude(bins, melPower.cols);
    parallelFor(melPower.cols, [&](std::int64_t begin, std::int64_t end) {
        std::vector<float> target(static_cast<std::size_t>(melPower.rows));
        std::vector<float> numerator(static_cast<std::size_t>(bins));
        std::vector<float> estimate(static_cast<std::size_t>(bins));
        std::vector<float> projected(static_cast<std::size_t>(melPower.rows));
        std::vector<float> denominator(static_cast<std::size_t>(bins));
        for (std::int64_t t = begin; t < end; ++t) {
            for (int m = 0; m < melPower.rows; ++m)
                target[static_cast<std::size_t>(m)] = std::max(0.0f, melPower.at(m, static_cast<int>(t)));
            // Lee & Seung's update for min ||W s - y||, s >= 0: s <- s * (W'y) / (W'W s).
            filterbank.applyTransposed(target.data(), numerator.data());
            estimate = numerator;
            for (int iteration = 0; iteration < kNnlsIterations; ++iteration) {
                filterbank.apply(estimate.data(), projected.data());
                filterbank.applyTransposed(projected.data(), denominator.data());
                for (int k = 0; k < bins; ++k) {
                    const float d = denominator[static_cast<std::size_t>(k)];
                    estimate[static_cast<std::size_t>(k)] = d > 0 ? estimate[static_cast<std::size_t>(k)] * numerator[static_cast<std::size_t>(k)] / d : 0.0f;
                }
            }
            for (int k = 0; k < bins; ++k)
                magnitude.at(k, static_cast<int>(t)) = static_cast<float>(std::pow(estimate[static_cast<std::size_t>(k)], 1.0 / params.power));
        }
    }, 64);
    return magnitude;
}

AudioBuffer invertLogMel(const FloatMatrix& logMel, const LogMelParams& params, const GriffinLimParams& gl, const JobControl& control)
{
    FloatMatrix power = logMel;
    for (float& value : power.values)
        value = static_cast<float>(params.reference * std::pow(10.0, value / 10.0));
    const FloatMatrix magnitude = melToStftMagnitude(power, params);
    // A centred STFT of n samples has 1 + n / hop frames, so this length gives back as many frames.
    const std::int64_t length = static_cast<std::int64_t>(std::max(logMel.cols - 1, 0)) * params.stft.hopLength;
    AudioBuffer audio;
    audio.sampleRate = params.sampleRate;
    audio.channels = 1;
    audio.samples = griffinLim(magnitude, params.stft, length, gl, control);
    return audio;
}

}  // namespace muze
