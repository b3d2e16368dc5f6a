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

class VocoderImpl : public torch::nn::Module {
public:
    explicit VocoderImpl(const VocoderConfig& config);

    torch::Tensor forward(const torch::Tensor& melDb);  // [B, melBins, T] → [B, T·hop]
    const VocoderConfig& config() const { return m_config; }

private:
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
