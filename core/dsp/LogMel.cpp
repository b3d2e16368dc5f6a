#include "core/dsp/LogMel.h"

#include "core/common/Error.h"
#include "core/common/Parallel.h"
#include "core/dsp/Fft.h"
#include "core/dsp/MelFilterbank.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

namespace muze {
namespace {

// Frames per progress report and cancel check: about 5 s of audio at the reference's settings.
constexpr std::int64_t kFramesPerCheck = 512;

void spectrumToPower(const std::complex<float>* spectrum, int bins, double power, float* out)
{
    for (int k = 0; k < bins; ++k) {
        const float re = spectrum[k].real();
        const float im = spectrum[k].imag();
        const float squared = re * re + im * im;
        out[k] = power == 2.0 ? squared : static_cast<float>(std::pow(squared, power / 2.0));
    }
}

}  // namespace

FloatMatrix melSpectrogram(const float* samples, std::int64_t length, const LogMelParams& params, const JobControl& control)
{
    const RealFft fft(params.stft.nFft);
    const MelFilterbank filterbank(params.sampleRate, params.stft.nFft, params.nMels, params.fMin, params.effectiveFMax());
    const std::vector<float> window = hannWindow(params.stft.nFft);
    const int frames = stftFrameCount(length, params.stft);
    FloatMatrix mel(params.nMels, frames);

    std::atomic<std::int64_t> framesDone{0};
    parallelFor(frames, [&](std::int64_t begin, std::int64_t end) {
        AlignedVector<float> frame(static_cast<std::size_t>(params.stft.nFft));
        AlignedVector<std::complex<float>> spectrum(static_cast<std::size_t>(fft.bins()));
        std::vector<float> power(static_cast<std::size_t>(fft.bins()));
        std::vector<float> bands(static_cast<std::size_t>(params.nMels));
        for (std::int64_t t = begin; t < end; ++t) {
            windowedFrame(samples, length, static_cast<int>(t), params.stft, window.data(), frame.data());
            fft.forward(frame.data(), spectrum.data());
            spectrumToPower(spectrum.data(), fft.bins(), params.power, power.data());
            filterbank.apply(power.data(), bands.data());
            for (int m = 0; m < params.nMels; ++m)
                mel.at(m, static_cast<int>(t)) = bands[static_cast<std::size_t>(m)];
            if ((t - begin + 1) % kFramesPerCheck == 0) {
                control.throwIfCancelled();
                const std::int64_t done = framesDone.fetch_add(kFramesPerCheck) + kFramesPerCheck;
                if (begin == 0)  // one thread reports, so the callback is never called concurrently
                    control.report("log-mel", static_cast<double>(done) / frames);
            }
        }
    }, 256);
    return mel;
}

void powerToDb(FloatMatrix& spectrogram, const LogMelParams& params)
{
    if (params.amin <= 0)
        throw Error(ErrorKind::InvalidArgument, "power_to_db needs amin > 0.");
    const float amin = static_cast<float>(params.amin);
    const float referenceDb = static_cast<float>(10.0 * std::log10(std::max(params.amin, std::abs(params.reference))));
    const std::int64_t count = static_cast<std::int64_t>(spectrogram.values.size());
    std::vector<float> sliceMaxima(static_cast<std::size_t>(computeThreads()), -std::numeric_limits<float>::infinity());
    std::atomic<int> nextSlice{0};
    parallelFor(count, [&](std::int64_t begin, std::int64_t end) {
        float highest = -std::numeric_limits<float>::infinity();
        for (std::int64_t i = begin; i < end; ++i) {
            float& value = spectrogram.values[static_cast<std::size_t>(i)];
            value = 10.0f * std::log10(std::max(amin, value)) - referenceDb;
            highest = std::max(highest, value);
        }
        sliceMaxima[static_cast<std::size_t>(nextSlice.fetch_add(1))] = highest;
    }, 1 << 16);
    if (params.topDb <= 0 || count == 0)
        return;
    const float floor = *std::max_element(sliceMaxima.begin(), sliceMaxima.end()) - static_cast<float>(params.topDb);
    for (float& value : spectrogram.values)
        value = std::max(value, floor);
}

FloatMatrix logMelSpectrogram(const float* samples, std::int64_t length, const LogMelParams& params, const JobControl& control)
{
    FloatMatrix mel = melSpectrogram(samples, length, params, control);
    powerToDb(mel, params);
    control.report("log-mel", 1.0);
    return mel;
}

}  // namespace muze
