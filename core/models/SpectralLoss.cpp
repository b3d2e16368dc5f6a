#include "core/models/SpectralLoss.h"

#include "core/dsp/MelFilterbank.h"

#include <torch/torch.h>

#include <cmath>

namespace muze {
namespace {

torch::Tensor magnitude(const torch::Tensor& waveforms, int fftSize, const torch::Tensor& window)
{
    const torch::Tensor spectrum = torch::stft(waveforms, fftSize, fftSize / 4, fftSize, window, /*center=*/true, "reflect",
                                               /*normalized=*/false, /*onesided=*/true, /*return_complex=*/true);
    return spectrum.abs().clamp_min(1e-7);
}

// Spectral convergence plus the mean absolute log difference of two magnitude spectrograms [B, F, T].
torch::Tensor spectralDistance(const torch::Tensor& p, const torch::Tensor& t)
{
    const torch::Tensor convergence = torch::linalg_norm(t - p, "fro", {-2, -1}) / torch::linalg_norm(t, "fro", {-2, -1}).clamp_min(1e-7);
    return convergence.mean() + (t.log() - p.log()).abs().mean();
}

torch::Tensor antiWrapped(const torch::Tensor& difference)
{
    return (difference - 2 * M_PI * torch::round(difference / (2 * M_PI))).abs();
}

torch::Tensor weightedMean(const torch::Tensor& values, const torch::Tensor& weights)
{
    return (values * weights).sum() / weights.sum().clamp_min(1e-12);
}

}  // namespace

torch::Tensor phaseDistance(const torch::Tensor& predictedPhase, const torch::Tensor& targetPhase, const torch::Tensor& targetMagnitude)
{
    const torch::Tensor weight = targetMagnitude.detach();
    const torch::Tensor groupDelay =
        weightedMean(antiWrapped(predictedPhase.diff(1, 1) - targetPhase.diff(1, 1)), weight.narrow(1, 1, weight.size(1) - 1));
    const torch::Tensor instantaneousFrequency =
        weightedMean(antiWrapped(predictedPhase.diff(1, 2) - targetPhase.diff(1, 2)), weight.narrow(2, 1, weight.size(2) - 1));
    return (groupDelay + instantaneousFrequency) / 2.0;
}

torch::Tensor multiResolutionStftDistance(const torch::Tensor& predicted, const torch::Tensor& target, const std::vector<int>& fftSizes)
{
    torch::Tensor total = torch::zeros({}, predicted.options());
    for (int fftSize : fftSizes) {
        const torch::Tensor window = torch::hann_window(fftSize, predicted.options());
        total = total + spectralDistance(magnitude(predicted, fftSize, window), magnitude(target, fftSize, window));
    }
    return total / static_cast<double>(fftSizes.size());
}

torch::Tensor multiResolutionMelDistance(const torch::Tensor& predictedDb, const torch::Tensor& targetDb, const std::vector<int>& frameSpans)
{
    const auto magnitudes = [](const torch::Tensor& db, int span) {
        const torch::Tensor power = torch::exp(db * (std::log(10.0) / 10.0));  // 10^(dB / 10)
        return torch::avg_pool1d(power, span, span).sqrt().clamp_min(1e-7);
    };
    torch::Tensor total = torch::zeros({}, predictedDb.options());
    for (int span : frameSpans)
        total = total + spectralDistance(magnitudes(predictedDb, span), magnitudes(targetDb, span));
    return total / static_cast<double>(frameSpans.size());
}

TorchLogMel::TorchLogMel(const LogMelParams& params) : m_params(params)
{
    const FloatMatrix filters =
        MelFilterbank(params.sampleRate, params.stft.nFft, params.nMels, params.fMin, params.effectiveFMax()).dense();
    m_filters = torch::from_blob(const_cast<float*>(filters.values.data()), {filters.rows, filters.cols}, torch::kFloat32).clone();
    m_window = torch::hann_window(params.stft.nFft);
}

torch::Tensor TorchLogMel::operator()(const torch::Tensor& waveforms) const
{
    const torch::Tensor spectrum = torch::stft(waveforms, m_params.stft.nFft, m_params.stft.hopLength, m_params.stft.nFft, m_window.to(waveforms.device()),
                                               /*center=*/true, "constant", false, true, true);
    const torch::Tensor power = spectrum.abs().pow(m_params.power);                    // [B, bins, frames]
    const torch::Tensor mel = torch::matmul(m_filters.to(waveforms.device()), power);  // [B, mels, frames]
    return 10.0 * torch::log10(mel.clamp_min(m_params.amin) / m_params.reference);
}

}  // namespace muze
