#pragma once

#include "core/common/JobControl.h"
#include "core/dsp/FloatMatrix.h"
#include "core/dsp/Stft.h"

#include <cstdint>
#include <memory>

namespace muze {

// The reference's log-mel settings, which reproduce librosa's defaults:
// librosa.power_to_db(librosa.feature.melspectrogram(y, sr=32000, n_fft=1024, hop_length=320,
// n_mels=128), ref=1.0, amin=1e-10, top_db=80).
struct LogMelParams {
    int sampleRate = 32000;  // Hz of the input signal
    StftParams stft;         // n_fft 1024, hop 320, centred with zero padding
    int nMels = 128;
    double fMin = 0.0;       // Hz
    double fMax = 0.0;       // Hz; 0 means sampleRate / 2
    double power = 2.0;      // 2 for a power spectrogram, 1 for magnitude
    double amin = 1e-10;     // floor applied before the logarithm
    double reference = 1.0;  // 0 dB level
    double topDb = 80.0;     // values more than this below the loudest are raised to it; <= 0 disables

    double effectiveFMax() const { return fMax > 0 ? fMax : sampleRate / 2.0; }
};

// The mel spectrogram (nMels x frames, linear power), before any logarithm.
FloatMatrix melSpectrogram(const float* samples, std::int64_t length, const LogMelParams& params,
                           const JobControl& control = {});

// melSpectrogram of a signal that arrives a block at a time: frame for frame the same as the whole
// signal's, keeping only the samples the next frame needs besides the result.
//
// Thread contract: one stream belongs to one thread at a time; it uses computeThreads() threads
// inside each block.
class MelStream {
public:
    // `expectedSamples`: about how long the signal will be, so that the result is allocated once.
    explicit MelStream(const LogMelParams& params, std::int64_t expectedSamples = 0);
    ~MelStream();
    MelStream(const MelStream&) = delete;
    MelStream& operator=(const MelStream&) = delete;

    void push(const float* samples, std::int64_t count);
    // Ends the signal and returns its mel spectrogram (nMels x frames, linear power).
    FloatMatrix finish();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// In place: 10 * log10(max(amin, x) / reference), then the top_db floor over the whole matrix.
// ref: librosa.power_to_db.
void powerToDb(FloatMatrix& spectrogram, const LogMelParams& params);

// melSpectrogram followed by powerToDb. Thread-safe; runs on computeThreads() threads.
FloatMatrix logMelSpectrogram(const float* samples, std::int64_t length, const LogMelParams& params,
                              const JobControl& control = {});

}  // namespace muze
