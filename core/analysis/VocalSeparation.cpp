#include "core/analysis/VocalSeparation.h"

#include "core/common/Error.h"
#include "core/dsp/Stft.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace muze {
namespace {

constexpr int kFftSize = 1024;
constexpr int kHop = 512;
constexpr int kMedianFrames = 9;   // ~0.14 s at 32 kHz: longer than a drum hit, shorter than a sung note
constexpr int kMedianBins = 9;     // ~280 Hz at 32 kHz: wider than a partial
constexpr double kLowHz = 120.0;
constexpr double kHighHz = 8000.0;
constexpr double kPanningSharpness = 6.0;

std::vector<float> channelOf(const AudioBuffer& audio, int channel)
{
    std::vector<float> out(static_cast<std::size_t>(audio.frames()));
    for (std::size_t f = 0; f < out.size(); ++f)
        out[f] = audio.samples[f * static_cast<std::size_t>(audio.channels) + static_cast<std::size_t>(channel)];
    return out;
}

// Running median over `width` values (odd) of a strided sequence, the ends padded by repeating the
// first and last values. Keeps the window sorted, so each step costs O(width), not a sort.
void slidingMedian(const float* data, int count, std::ptrdiff_t stride, int width, std::vector<float>& out)
{
    out.resize(static_cast<std::size_t>(count));
    const int half = width / 2;
    auto at = [&](int i) { return data[static_cast<std::ptrdiff_t>(std::clamp(i, 0, count - 1)) * stride]; };
    std::vector<float> sorted;
    for (int i = -half; i <= half; ++i)
        sorted.push_back(at(i));
    std::sort(sorted.begin(), sorted.end());
    for (int i = 0; i < count; ++i) {
        out[static_cast<std::size_t>(i)] = sorted[static_cast<std::size_t>(half)];
        sorted.erase(std::lower_bound(sorted.begin(), sorted.end(), at(i - half)));
        const float incoming = at(i + half + 1);
        sorted.insert(std::upper_bound(sorted.begin(), sorted.end(), incoming), incoming);
    }
}

// Soft harmonic mask H^2 / (H^2 + P^2) from median filters along time (H) and frequency (P), for
// the first `usedBins` bins (the rest stay 0).
std::vector<float> harmonicMask(const std::vector<float>& magnitude, int frames, int bins, int usedBins)
{
    std::vector<float> harmonic(magnitude.size(), 0.0f);
    std::vector<float> line;
    for (int k = 0; k < usedBins; ++k) {
        slidingMedian(magnitude.data() + k, frames, bins, kMedianFrames, line);
        for (int t = 0; t < frames; ++t)
            harmonic[static_cast<std::size_t>(t) * bins + k] = line[static_cast<std::size_t>(t)];
    }
    std::vector<float> mask(magnitude.size(), 0.0f);
    for (int t = 0; t < frames; ++t) {
        slidingMedian(magnitude.data() + static_cast<std::ptrdiff_t>(t) * bins, usedBins, 1, kMedianBins, line);
        for (int k = 0; k < usedBins; ++k) {
            const std::size_t i = static_cast<std::size_t>(t) * bins + k;
            const float h2 = harmonic[i] * harmonic[i];
            const float p2 = line[static_cast<std::size_t>(k)] * line[static_cast<std::size_t>(k)];
            mask[i] = h2 + p2 > 0 ? h2 / (h2 + p2) : 0.0f;
        }
    }
    return mask;
}

// A raised-cosine shoulder an octave wide at each edge of the voice band.
float bandGain(double hz)
{
    auto shoulder = [](double octavesInside) {
        return octavesInside >= 1.0 ? 1.0 : octavesInside <= 0.0 ? 0.0 : 0.5 - 0.5 * std::cos(M_PI * octavesInside);
    };
    if (hz <= 0)
        return 0.0f;
    return static_cast<float>(shoulder(std::log2(hz / kLowHz) + 0.5) * shoulder(std::log2(kHighHz / hz) + 0.5));
}

}  // namespace

VocalEstimate separateVocals(const AudioBuffer& audio, const JobControl& control)
{
    if (audio.channels < 1 || audio.channels > 2 || audio.sampleRate <= 0)
        throw Error(ErrorKind::InvalidArgument, "Vocal separation takes mono or stereo audio.");
    const StftParams params{kFftSize, kHop, true};
    const std::int64_t length = audio.frames();
    const std::vector<float> left = channelOf(audio, 0);
    const std::vector<float> right = audio.channels == 2 ? channelOf(audio, 1) : left;
    std::vector<float> mid(left.size());
    for (std::size_t i = 0; i < mid.size(); ++i)
        mid[i] = 0.5f * (left[i] + right[i]);

    ComplexSpectrogram midSpectrum = stft(mid.data(), length, params);
    const int frames = midSpectrum.frames;
    const int bins = midSpectrum.bins;
    std::vector<float> centreMask(static_cast<std::size_t>(frames) * bins, 1.0f);
    if (audio.channels == 2) {
        const ComplexSpectrogram l = stft(left.data(), length, params);
        const ComplexSpectrogram r = stft(right.data(), length, params);
        for (std::size_t i = 0; i < centreMask.size(); ++i) {
            const float power = std::norm(l.values[i]) + std::norm(r.values[i]);
            const float similarity = power > 0 ? 2.0f * std::abs(l.values[i] * std::conj(r.values[i])) / power : 0.0f;
            centreMask[i] = std::pow(similarity, static_cast<float>(kPanningSharpness));
        }
    }
    control.throwIfCancelled();
    control.report("vocals", 0.3);

    std::vector<float> centred(centreMask.size());
    for (std::size_t i = 0; i < centred.size(); ++i)
        centred[i] = std::abs(midSpectrum.values[i]) * centreMask[i];
    // Bins above the voice band's upper shoulder are discarded anyway: no need to filter them.
    int usedBins = bins;
    while (usedBins > 1 && bandGain(static_cast<double>(usedBins - 1) * audio.sampleRate / kFftSize) == 0.0f)
        --usedBins;
    const std::vector<float> harmonic = harmonicMask(centred, frames, bins, usedBins);
    control.throwIfCancelled();
    control.report("vocals", 0.8);

    ComplexSpectrogram centreSpectrum = midSpectrum;
    for (int t = 0; t < frames; ++t) {
        for (int k = 0; k < bins; ++k) {
            const std::size_t i = static_cast<std::size_t>(t) * bins + k;
            const float gain = centreMask[i] * bandGain(static_cast<double>(k) * audio.sampleRate / kFftSize);
            centreSpectrum.values[i] *= gain;
            midSpectrum.values[i] *= gain * harmonic[i];
        }
    }
    VocalEstimate estimate;
    for (auto [buffer, spectrum] : {std::pair{&estimate.centre, &centreSpectrum}, std::pair{&estimate.vocals, &midSpectrum}}) {
        buffer->sampleRate = audio.sampleRate;
        buffer->channels = 1;
        buffer->samples = istft(*spectrum, params, length);
    }
    control.report("vocals", 1.0);
    return estimate;
}

}  // namespace muze
