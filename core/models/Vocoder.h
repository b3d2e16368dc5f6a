#pragma once

#include <nlohmann/json.hpp>
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

namespace muze {

// The neural vocoder: a log-mel spectrogram [B, 128, T] (10 ms frames, dB as the dataset stores it)
// to a 32 kHz waveform [B, T·hop]. ConvNeXt blocks at the frame rate, then a head that predicts each
// frame's complex spectrum (log magnitude and phase) and an inverse STFT: no upsampling stack,
// which is what makes it fast on a CPU. ref: Siuzdak 2023, "Vocos", sections 3.1-3.2.
struct VocoderConfig {
    int melBins = 128;
    int dim = 192;
    int intermediateDim = 576;  // of each block's pointwise layers
    int layers = 6;
    int nFft = 1280;            // of the inverse STFT: four hops
    int hop = 320;              // samples per frame: 10 ms at 32 kHz
    int sampleRate = 32000;
    double melCentreDb = -40.0;  // the mel enters as (dB − centre) / scale, as the VAE's does
    double melScaleDb = 40.0;
    // Whether the head predicts how fast each bin's phase turns, summed over the frames into a phase
    // counted from the song's start, rather than each frame's phase (see VocoderImpl::spectrum).
    // Configs from before it was an option read false.
    bool integratedPhase = true;
    int bins() const { return nFft / 2 + 1; }
    int headOutputs() const { return (integratedPhase ? 3 : 2) * bins(); }

    nlohmann::ordered_json toJson() const;
    static VocoderConfig fromJson(const nlohmann::ordered_json& json);  // throws Error(Corrupt) for a bad config
};

class ConvNeXtBlockImpl : public torch::nn::Module {
public:
    ConvNeXtBlockImpl(int dim, int intermediateDim, double layerScale);
    torch::Tensor forward(const torch::Tensor& x);  // [B, dim, T]

private:
    torch::nn::Conv1d m_depthwise{nullptr};
    torch::nn::LayerNorm m_norm{nullptr};
    torch::nn::Linear m_expand{nullptr};
    torch::nn::Linear m_project{nullptr};
    torch::Tensor m_scale;
};
TORCH_MODULE(ConvNeXtBlock);

// Each frame's complex spectrum as the vocoder predicts it, each part [B, nFft/2 + 1, T].
struct VocoderSpectrum {
    torch::Tensor magnitude;
    torch::Tensor phase;  // radians: from each frame's start, or with integratedPhase from the song's
};

class VocoderImpl : public torch::nn::Module {
public:
    explicit VocoderImpl(const VocoderConfig& config);

    torch::Tensor forward(const torch::Tensor& melDb);  // [B, melBins, T] → [B, T·hop]: synthesize(spectrum(melDb))
    // An STFT's phase counts from each frame's start, so a steady tone's phase turns from frame to
    // frame by 2π·f·hop/sr. A network that sees each frame's neighbourhood alone cannot know how far
    // it has turned: predicting it, it gives every frame of a steady sound about the same phase, which
    // sums to a buzz at the frame rate (100 Hz), and counting from the song's start instead, it holds
    // each partial on its bin's centre frequency (a 25 Hz grid: a semitone out at 200 Hz). How fast
    // the phase turns is what a neighbourhood does show; with integratedPhase the head predicts that
    // (beyond the bin centre's own turn) and an offset, and the phase is their sum over the frames.
    VocoderSpectrum spectrum(const torch::Tensor& melDb);
    torch::Tensor synthesize(const VocoderSpectrum& spectrum) const;
    // The spectrum of audio [B, T·hop] on the frames the vocoder predicts: what a perfect vocoder
    // would output for that audio's log-mel.
    VocoderSpectrum analyse(const torch::Tensor& audio) const;
    const VocoderConfig& config() const { return m_config; }

private:
    torch::Tensor frameTurns(std::int64_t frames, const torch::TensorOptions& options) const;  // [bins, frames]

    VocoderConfig m_config;
    torch::nn::Conv1d m_embed{nullptr};
    torch::nn::LayerNorm m_inputNorm{nullptr};
    torch::nn::ModuleList m_blocks{nullptr};
    torch::nn::LayerNorm m_outputNorm{nullptr};
    torch::nn::Linear m_head{nullptr};
    torch::Tensor m_window;
};
TORCH_MODULE(Vocoder);

}  // namespace muze
