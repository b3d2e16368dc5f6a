#pragma once

#include "core/audio/AudioBuffer.h"
#include "core/common/JobControl.h"
#include "core/dsp/FloatMatrix.h"
#include "core/dsp/LogMel.h"

#include <cstdint>
#include <vector>

namespace muze {

// ref: librosa.griffinlim(n_iter=32, momentum=0.99, init="random"), the fast variant of Perraudin et al.
struct GriffinLimParams {
    int iterations = 32;
    double momentum = 0.99;
    std::uint32_t seed = 0;  // for the random initial phases, so a result can be reproduced
};

// A signal of `length` samples whose STFT magnitude approximates `magnitude` (bins x frames).
std::vector<float> griffinLim(const FloatMatrix& magnitude, const StftParams& stft, std::int64_t length,
                              const GriffinLimParams& params = {}, const JobControl& control = {});

// The linear STFT magnitude (bins x frames) a mel power spectrogram most likely came from: a
// non-negative least-squares fit (multiplicative updates) of the filterbank to each frame, then the
// root for `params.power`. ref: librosa.feature.inverse.mel_to_stft.
FloatMatrix melToStftMagnitude(const FloatMatrix& melPower, const LogMelParams& params);

// The reverse of logMelSpectrogram: dB back to power, mel back to linear, Griffin-Lim back to audio.
// The dB values clipped by top_db cannot come back; quiet detail below that floor is lost.
AudioBuffer invertLogMel(const FloatMatrix& logMel, const LogMelParams& params, const GriffinLimParams& gl = {},
                         const JobControl& control = {});

}  // namespace muze
