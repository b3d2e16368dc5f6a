#pragma once

#include "core/dsp/LogMel.h"

#include <torch/types.h>

#include <vector>

namespace muze {

// How far two waveforms [B, N] are apart as a listener's ear would judge the spectrum, at several
// time-frequency resolutions: at each FFT size (hop a quarter of it, Hann window), the spectral
// convergence ‖|S| − |Ŝ|‖ / ‖|S|‖ plus the mean absolute difference of log magnitudes; averaged over
// the sizes. Differentiable: the vocoder's training loss and the measure its bench reports.
// ref: Yamamoto et al. 2020, "Parallel WaveGAN", section 2.3.
torch::Tensor multiResolutionStftDistance(const torch::Tensor& predicted, const torch::Tensor& target,
                                          const std::vector<int>& fftSizes = {512, 1024, 2048});

// How far two phase spectrograms [B, F, T] (radians) are apart, as the mean of two anti-wrapped
// distances (|x − 2π·round(x / 2π)|, so that phases a turn apart are equal): of their differences
// across frequency (group delay) and across frames (instantaneous frequency). The phases themselves
// are not compared: where a song's phase starts is arbitrary. Each frequency bin counts by its share
// of the target's magnitude, so that the phase of silence, which nothing can predict, does not.
// ref: Ai and Ling 2023, "APNet", section 2.3.
torch::Tensor phaseDistance(const torch::Tensor& predictedPhase, const torch::Tensor& targetPhase, const torch::Tensor& targetMagnitude);

// The same distance between two log-mel spectrograms [B, mels, frames] in dB: a VAE of log-mels
// has one spectrum at one resolution, so the resolutions are in time: the power averaged over spans
// of 1, 4 and 16 frames (10, 40 and 160 ms), where the span-1 view weighs each frame's detail and the
// longer ones the balance of notes and of whole bars.
torch::Tensor multiResolutionMelDistance(const torch::Tensor& predictedDb, const torch::Tensor& targetDb,
                                         const std::vector<int>& frameSpans = {1, 4, 16});

// The dataset's log-mel (see LogMel.h) of waveforms [B, N] as a differentiable tensor [B, mels,
// frames] in dB, without the top_db floor (which depends on the whole song).
class TorchLogMel {
public:
    explicit TorchLogMel(const LogMelParams& params = {});
    torch::Tensor operator()(const torch::Tensor& waveforms) const;

private:
    LogMelParams m_params;
    torch::Tensor m_filters;  // [mels, bins]
    torch::Tensor m_window;
};

}  // namespace muze
