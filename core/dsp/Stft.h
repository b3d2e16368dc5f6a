#pragma once

#include <complex>
#include <cstdint>
#include <vector>

namespace muze {

// Short-time Fourier transform settings. Defaults are the reference's: 1024-sample frames every
// 320 samples (10 ms at 32 kHz).
struct StftParams {
    int nFft = 1024;      // samples per frame; the Hann window is as long (librosa's win_length = n_fft)
    int hopLength = 320;  // samples between frame starts
    // Frames centred on t * hopLength, the signal padded with nFft / 2 zeros at each end.
    // ref: librosa.stft(center=True, pad_mode="constant"), librosa's default since 0.10.
    bool center = true;
};

// The periodic Hann window. ref: scipy.signal.get_window("hann", length, fftbins=True), as librosa uses.
std::vector<float> hannWindow(int length);

// Frames an STFT of `samples` samples has. ref: librosa, 1 + samples // hop when centred.
int stftFrameCount(std::int64_t samples, const StftParams& params);

// Frame t of a signal `length` samples long, multiplied by `window` and zero where the frame reaches
// past the signal. `signal` holds the samples from `firstSample` on: all of them by default, or the
// recent part of a stream.
void windowedFrame(const float* signal, std::int64_t length, int t, const StftParams& params, const float* window,
                   float* frame, std::int64_t firstSample = 0);

// A complex spectrogram, frame-major: bin k of frame t is values[t * bins + k].
struct ComplexSpectrogram {
    int bins = 0;
    int frames = 0;
    std::vector<std::complex<float>> values;

    std::complex<float>* frame(int t) { return values.data() + static_cast<std::size_t>(t) * bins; }
    const std::complex<float>* frame(int t) const { return values.data() + static_cast<std::size_t>(t) * bins; }
};

// Thread-safe; runs on computeThreads() threads.
ComplexSpectrogram stft(const float* signal, std::int64_t length, const StftParams& params);

// The signal whose STFT is closest to `spectrogram`, `length` samples long: windowed overlap-add,
// divided by the summed squared window. ref: librosa.istft(window="hann", center=..., length=...).
std::vector<float> istft(const ComplexSpectrogram& spectrogram, const StftParams& params, std::int64_t length);

}  // namespace muze
