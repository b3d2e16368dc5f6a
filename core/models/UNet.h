#pragma once

#include "core/models/Attention.h"

#include <nlohmann/json.hpp>
#include <torch/nn/modules/container/modulelist.h>

#include <cstdint>
#include <vector>

namespace muze {

// The time-aligned controls that enter the UNet as extra input channels at the latent frame rate,
// so that the model can put beats and harmony where a plan asks (the lesson of Music ControlNet):
// beat, downbeat, a 12-bin chroma template of the frame's chord, and the energy curve.
inline constexpr int kControlChannels = 15;
inline constexpr int kBeatChannel = 0;
inline constexpr int kDownbeatChannel = 1;
inline constexpr int kBeatGridChannels = 2;  // the beat and downbeat channels, from kBeatChannel on
inline constexpr int kChordChannel = 2;      // the first of the chord's 12 pitch classes, C first
inline constexpr int kEnergyChannel = 14;

// The reference's UNetV2 in one dimension (time), the latent's channels as its input channels.
struct UNetConfig {
    int latentChannels = 32;       // in_channels = out_channels: the VAE's latent_dim
    int controlChannels = kControlChannels;
    int modelChannels = 64;        // model_channels: the main size knob
    std::vector<int> channelMult = {1, 2, 4, 4};
    int resBlocks = 2;             // num_res_blocks
    std::vector<int> attentionResolutions = {8, 4, 2};  // the time reductions with transformer blocks
    int transformerDepth = 2;
    int heads = 8;                 // num_heads
    int contextDim = 768;          // the text tokens'
    int voiceDim = 256;            // the fused voice embedding's
    int conditioningDim = 1024;    // SectionConditioningModule's output, added to the time embedding

    int timeReduction() const { return 1 << (static_cast<int>(channelMult.size()) - 1); }
    nlohmann::ordered_json toJson() const;
    static UNetConfig fromJson(const nlohmann::ordered_json& json);  // throws Error(Corrupt) for a bad config
};

// Everything the UNet is conditioned on, already encoded.
struct UNetConditions {
    torch::Tensor controls;      // [B, controlChannels, T]
    torch::Tensor conditioning;  // [B, conditioningDim]: SectionConditioningModule's
    AttentionContext attention;  // text tokens and the voice
};

class UNetV2Impl : public torch::nn::Module {
public:
    explicit UNetV2Impl(const UNetConfig& config);

    // `latent` [B, latentChannels, T] with T a multiple of timeReduction(); `time` [B], the
    // diffusion time in [0, 1]. Returns the model's prediction, [B, latentChannels, T].
    torch::Tensor forward(const torch::Tensor& latent, const torch::Tensor& time, const UNetConditions& conditions);
    const UNetConfig& config() const { return m_config; }

private:
    UNetConfig m_config;
    torch::nn::Linear m_timeIn{nullptr};
    torch::nn::Linear m_timeOut{nullptr};
    torch::nn::Linear m_conditioning{nullptr};
    torch::nn::Conv1d m_input{nullptr};
    torch::nn::ModuleList m_down{nullptr};
    torch::nn::ModuleList m_middle{nullptr};
    torch::nn::ModuleList m_up{nullptr};
    torch::nn::GroupNorm m_outputNorm{nullptr};
    torch::nn::Conv1d m_output{nullptr};
};
TORCH_MODULE(UNetV2);

// The weights UNetV2Impl(config) would have, counted without making them.
std::int64_t parameterCount(const UNetConfig& config);
// The numbers a training step keeps for its backward pass at one example of `frames` latent frames
// and `textTokens` tokens of text, estimated.
std::int64_t activationCount(const UNetConfig& config, int frames, int textTokens);

}  // namespace muze
