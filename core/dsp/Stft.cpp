#include "core/dsp/Stft.h"

#include "core/common/Error.h"
#include "core/common/Parallel.h"
#include "core/dsp/Fft.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>

namespace muze {
namespace {

void checkParams(const StftParams& params)
{
    if (params.nFft < 2 || params.nFft % 2 != 0 || params.hopLength < 1)
        throw Error(ErrorKind::InvalidArgument, "STFT needs an even n_fft of at least 2 and a positive hop length.");
}

std::int64_t frameStart(int t, const StftParams& params)
{
    return static_cast<std::int64_t>(t) * params.hopLength - (params.center ? params.nFft / 2 : 0);
}

}  // namespace

std::vector<float> hannWindow(int length)
{
    std::vector<float> window(static_cast<std::size_t>(length));
    const double twoPi = 2.0 * M_PI;
    for (int n = 0; n < length; ++n)
        window[static_cast<std::size_t>(n)] = static_cast<float>(0.5 - 0.5 * std::cos(twoPi * n / length));
    return window;
}

int stftFrameCount(std::int64_t samples, const StftParams& params)
{
    checkParams(params);
    if (params.center)
        return static_cast<int>(1 + samples / params.hopLength);
    if (samples < params.nFft)
        return 0;
    return static_cast<int>(1 + (samples - params.nFft) / params.hopLength);
}

void windowedFrame(const float* signal, std::int64_t length, int t, const StftParams& params, const float* window, float* frame,
                   std::int64_t firstSample)
{
    const std::int64_t start = frameStart(t, params);
    const int first = static_cast<int>(std::clamp<std::int64_t>(-start, 0, params.nFft));
    const int last = static_cast<int>(std::clamp<std::int64_t>(length - start, 0, params.nFft));
    std::fill(frame, frame + first, 0.0f);
    for (int i = first; i < last; ++i)
        frame[i] = signal[start + i - firstSample] * window[i];
    std::fill(frame + std::max(first, last), frame + params.nFft, 0.0f);
}

ComplexSpectrogram stft(const float* signal, std::int64_t length, const StftParams& params)
{
    const RealFft fft(params.nFft);
    const std::vector<float> window = hannWindow(params.nFft);
    ComplexSpectrogram out;
    out.bins = fft.bins();
    out.frames = stftFrameCount(length, params);
    out.values.resize(static_cast<std::size_t>(out.frames) * out.bins);
    parallelFor(out.frames, [&](std::int64_t begin, std::int64_t end) {
        AlignedVector<float> frame(static_cast<std::size_t>(params.nFft));
        AlignedVector<std::complex<float>> spectrum(static_cast<std::size_t>(out.bins));
        for (std::int64_t t = begin; t < end; ++t) {
            windowedFrame(signal, length, static_cast<int>(t), params, window.data(), frame.data());
            fft.forward(frame.data(), spectrum.data());
            std::copy(spectrum.begin(), spectrum.end(), out.frame(static_cast<int>(t)));
        }
    }, 64);
    return out;
}

std::vector<float> istft(const ComplexSpectrogram& spectrogram, const StftParams& params, std::int64_t length)
{
    checkParams(params);
    const RealFft fft(params.nFft);
    if (spectrogram.bins != fft.bins())
        throw Error(ErrorKind::InvalidArgument, "istft: the spectrogram's bin count does not match n_fft.");
    const std::vector<float> window = hannWindow(params.nFft);
    const std::int64_t offset = params.center ? params.nFft / 2 : 0;
    const std::int64_t fullLength = params.nFft + static_cast<std::int64_t>(params.hopLength) * std::max(spectrogram.frames - 1, 0);
    std::vector<float> signal(static_cast<std::size_t>(fullLength), 0.0f);
    std::vector<float> windowSum(static_cast<std::size_t>(fullLength), 0.0f);
    const float scale = 1.0f / static_cast<float>(params.nFft);

    // Each thread overlap-adds its run of frames into a private span; the spans are summed after.
    std::mutex mergeMutex;
    parallelFor(spectrogram.frames, [&](std::int64_t begin, std::int64_t end) {
        const std::int64_t spanStart = begin * params.hopLength;
        const std::int64_t spanLength = (end - 1 - begin) * params.hopLength + params.nFft;
        std::vector<float> span(static_cast<std::size_t>(spanLength), 0.0f);
        AlignedVector<std::complex<float>> spectrum(static_cast<std::size_t>(spectrogram.bins));
        AlignedVector<float> frame(static_cast<std::size_t>(params.nFft));
        for (std::int64_t t = begin; t < end; ++t) {
            const std::complex<float>* source = spectrogram.frame(static_cast<int>(t));
            std::copy(source, source + spectrogram.bins, spectrum.begin());
            fft.inverse(spectrum.data(), frame.data());
            float* target = span.data() + (t - begin) * params.hopLength;
            for (int i = 0; i < params.nFft; ++i)
                target[i] += frame[static_cast<std::size_t>(i)] * scale * window[static_cast<std::size_t>(i)];
        }
        std::lock_guard<std::mutex> lock(mergeMutex);
        for (std::int64_t i = 0; i < spanLength; ++i)
            signal[static_cast<std::size_t>(spanStart + i)] += span[static_cast<std::size_t>(i)];
    }, 64);

    for (int t = 0; t < spectrogram.frames; ++t) {
        float* target = windowSum.data() + static_cast<std::size_t>(t) * params.hopLength;
        for (int i = 0; i < params.nFft; ++i)
            target[i] += window[static_cast<std::size_t>(i)] * window[static_cast<std::size_t>(i)];
    }
    std::vector<float> out(static_cast<std::size_t>(std::max<std::int64_t>(length, 0)), 0.0f);
    const float tiny = std::numeric_limits<float>::min();  // ref: librosa's util.tiny
    for (std::int64_t n = 0; n < length && n + offset < fullLength; ++n) {
        const float sum = windowSum[static_cast<std::size_t>(n + offset)];
        const float value = signal[static_cast<std::size_t>(n + offset)];
        out[static_cast<std::size_t>(n)] = sum > tiny ? value / sum : value;
    }
    return out;
}

}  // namespace muze
