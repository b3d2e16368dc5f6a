#pragma once

#include "core/models/SpectralLoss.h"
#include "core/models/Vocoder.h"

#include <torch/types.h>

namespace muze {

// The vocoder's training crops, in log-mel frames: 0.64 s, since it sees little context and short
// crops train it fastest.
inline constexpr int kVocoderCropFrames = 64;

// ln(10) / 20: a difference of log-mels in dB as one of natural-log magnitudes, the scale of the STFT term.
inline constexpr double kDbToLogMagnitude = 0.11512925464970229;

struct VocoderLoss {
    torch::Tensor stft;    // multi-resolution STFT distance
    torch::Tensor melDb;   // mean absolute log-mel difference, dB
    torch::Tensor phase;   // phase distance from the audio's own, radians
    torch::Tensor total() const { return stft + kDbToLogMagnitude * melDb + phase; }
};

// How far the vocoder's sound for log-mels `mel` [B, mels, T] is from the audio under them [B, T·hop].
VocoderLoss vocoderLoss(Vocoder& model, const TorchLogMel& logMel, const torch::Tensor& mel, const torch::Tensor& audio);

}  // namespace muze
